// Prints Go's own directory hash (golang.org/x/mod/sumdb/dirhash, Hash1) of each folder
// named, one per line, with the prefix $DIRHASH_PREFIX (none by default): the oracle of
// `fhash tree --scheme h1 [--prefix P]`.
package main

import (
	"fmt"
	"os"

	"golang.org/x/mod/sumdb/dirhash"
)

func main() {
	prefix := os.Getenv("DIRHASH_PREFIX") // go.sum's "module@version"
	for _, dir := range os.Args[1:] {
		h, err := dirhash.HashDir(dir, prefix, dirhash.Hash1)
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		fmt.Println(h)
	}
}
