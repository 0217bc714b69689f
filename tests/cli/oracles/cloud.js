// The cloud digests of one file, from the AWS SDK's own hashers and the npm etag-hash
// package: the oracle of fhash's s3-*, gcs-crc32c and azure-md5 algorithms.
// Usage: node cloud.js NODE_MODULES FILE [etag]. Prints "<algorithm> <part MiB or -> <value>";
// with "etag", only the ETags (the pure-JavaScript composites are slow on big files).
// Composite checksums follow the S3 user guide: the checksum of the concatenated binary
// checksums of the parts, base64, then "-N"; an object smaller than one part is uploaded
// whole and shows its full-object checksum.
'use strict';
const path = require('path');
const fs = require('fs');
const crypto = require('crypto');
const modules = process.argv[2];
const need = (name) => require(path.join(modules, name));
const ETagHash = need('etag-hash');
const { Sha256 } = need('@aws-crypto/sha256-js');
const { AwsCrc32c } = need('@aws-crypto/crc32c');
const { AwsCrc32 } = need('@aws-crypto/crc32');
const { Crc64Nvme } = need('@aws-sdk/crc64-nvme');

const data = fs.readFileSync(process.argv[3]);
const MiB = 1024 * 1024;

class NodeSha1 {
  constructor() { this.h = crypto.createHash('sha1'); }
  update(d) { this.h.update(d); }
  async digest() { return new Uint8Array(this.h.digest()); }
}
const makers = {
  's3-sha256': () => new Sha256(),
  's3-sha1': () => new NodeSha1(),
  's3-crc32': () => new AwsCrc32(),
  's3-crc32c': () => new AwsCrc32c(),
};

async function whole(make, bytes) {
  const h = make();
  h.update(bytes);
  return Buffer.from(await h.digest());
}

async function composite(make, partSize) {
  if (data.length < partSize) {
    return (await whole(make, data)).toString('base64');
  }
  const digests = [];
  for (let at = 0; at < data.length; at += partSize) {
    digests.push(await whole(make, data.subarray(at, at + partSize)));
  }
  const combined = await whole(make, Buffer.concat(digests));
  return `${combined.toString('base64')}-${digests.length}`;
}

function etag(partMiB) {
  // etag-hash miscounts when one update spans several parts: feed it a part at a time.
  const h = ETagHash.createHash(partMiB);
  for (let at = 0; at < data.length; at += partMiB * MiB) {
    h.update(data.subarray(at, at + partMiB * MiB));
  }
  return h.digest();
}

async function main() {
  for (const part of [5, 8, 16, 64]) {
    console.log(`s3-etag ${part} ${etag(part)}`);
  }
  if (process.argv[4] === 'etag') {
    return;
  }
  for (const [name, make] of Object.entries(makers)) {
    for (const part of [5, 8, 16]) {
      console.log(`${name} ${part} ${await composite(make, part * MiB)}`);
    }
  }
  console.log(`s3-crc64nvme - ${(await whole(() => new Crc64Nvme(), data)).toString('base64')}`);
  console.log(`gcs-crc32c - ${(await whole(() => new AwsCrc32c(), data)).toString('base64')}`);
  console.log(`azure-md5 - ${crypto.createHash('md5').update(data).digest('base64')}`);
}
main().catch((e) => { console.error(e); process.exit(1); });
