// cold_read_probe: how should fhash keep reads in flight so that H hashing threads are never
// starved on a cold page cache? It reads every file of a list completely and SHA-256s it
// with OpenSSL EVP on H hashing threads, the reads done one of three ways:
//
//   --mode workers           H threads, each one open/fstat/read/hash/close at a time (the
//                            engine's model before --io-threads): H reads in flight at most.
//   --mode threads -R N      N reader threads (open/fstat/read) fill 1 MiB chunks that the H
//                            hashing threads take: N reads in flight.
//   --mode uring -Q N        one thread drives io_uring (liburing) with up to N files in
//                            flight, one request each (openat, then reads); --sync-open opens
//                            in that thread instead and leaves only the reads to io_uring.
//
// Every file is read by 1 MiB requests into a page-aligned buffer (the engine's read size;
// the alignment matters here, see README "Performance"). A file's chunks go through a ring of
// --ring slots (default 4) to whichever hashing thread took the file, so a reader can stay up
// to 4 MiB ahead of the hashing of that file. It prints one line:
//
//   mode=threads readers=4 hashers=2 files=20000 bytes=662433254 seconds=0.412 user=… sys=…
//   check=… (the SHA-256 of all the files' digests in list order: equal across modes)
//
// Usage: find small -type f | sort > list; fhash_cold_read_probe --list list --mode uring -Q 16
// bench/run.sh --probe drops the page cache before each run and prints the table of
// bench/README.md ("Reads in flight on a cold cache"). Linux only; a bench tool, so it
// prints and exits on the first error.

#include <fcntl.h>
#include <liburing.h>
#include <openssl/evp.h>
#include <sys/eventfd.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <cerrno>
#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <deque>
#include <fstream>
#include <memory>
#include <mutex>
#include <span>
#include <string>
#include <thread>
#include <vector>

namespace {

constexpr std::size_t k_chunk = std::size_t{1} << 20;
constexpr std::size_t k_page = 4096;

[[noreturn]] void die(const std::string& what, int error = 0) {
    std::fprintf(stderr, "cold_read_probe: %s%s%s\n", what.c_str(), error != 0 ? ": " : "",
                 error != 0 ? std::strerror(error) : "");
    std::exit(1);
}

struct Options {
    std::string list;
    std::string mode = "workers";
    std::size_t readers = 4;
    std::size_t depth = 16;
    std::size_t hashers = 2;
    std::size_t ring = 4;
    bool sync_open = false;
};

struct FreeDeleter {
    void operator()(std::byte* p) const { std::free(p); }
};
using Buffer = std::unique_ptr<std::byte, FreeDeleter>;

Buffer make_buffer() {
    void* p = std::aligned_alloc(k_page, k_chunk);
    if (p == nullptr) {
        die("out of memory");
    }
    return Buffer(static_cast<std::byte*>(p));
}

using Digest = std::array<unsigned char, 32>;

// One EVP context per hashing thread, the digest fetched once for the process.
class Sha256 {
public:
    explicit Sha256(const EVP_MD* md) : m_md(md), m_ctx(EVP_MD_CTX_new()) {
        if (m_ctx == nullptr) {
            die("EVP_MD_CTX_new failed");
        }
    }
    ~Sha256() { EVP_MD_CTX_free(m_ctx); }
    Sha256(const Sha256&) = delete;
    Sha256& operator=(const Sha256&) = delete;

    void init() {
        if (EVP_DigestInit_ex2(m_ctx, m_md, nullptr) != 1) {
            die("EVP_DigestInit_ex2 failed");
        }
    }
    void update(const std::byte* data, std::size_t size) {
        if (EVP_DigestUpdate(m_ctx, data, size) != 1) {
            die("EVP_DigestUpdate failed");
        }
    }
    void final(Digest& out) {
        unsigned int length = 0;
        if (EVP_DigestFinal_ex(m_ctx, out.data(), &length) != 1 || length != out.size()) {
            die("EVP_DigestFinal_ex failed");
        }
    }

private:
    const EVP_MD* m_md;
    EVP_MD_CTX* m_ctx;
};

// Reads `size` bytes at the file position, retrying EINTR and short reads.
void read_fully(int fd, std::byte* data, std::size_t size, const std::string& path) {
    std::size_t done = 0;
    while (done < size) {
        ssize_t got = ::read(fd, data + done, size - done);
        if (got < 0 && errno == EINTR) {
            continue;
        }
        if (got < 0) {
            die("read " + path, errno);
        }
        if (got == 0) {
            die("read " + path + ": the file shrank");
        }
        done += static_cast<std::size_t>(got);
    }
}

int open_file(const std::string& path, std::size_t& size) {
    int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        die("open " + path, errno);
    }
    struct stat st {};
    if (::fstat(fd, &st) != 0) {
        die("fstat " + path, errno);
    }
    size = static_cast<std::size_t>(st.st_size);
    return fd;
}

// ---------------------------------------------------------------------------------------------
// The H-threads model: each thread opens, reads and hashes one file at a time.

void run_workers(const std::vector<std::string>& paths, std::vector<Digest>& digests,
                 const EVP_MD* md, std::size_t hashers) {
    std::atomic<std::size_t> next{0};
    std::vector<std::thread> threads;
    for (std::size_t t = 0; t < hashers; ++t) {
        threads.emplace_back([&] {
            Sha256 sha(md);
            Buffer buffer = make_buffer();
            for (std::size_t i = next++; i < paths.size(); i = next++) {
                std::size_t size = 0;
                int fd = open_file(paths[i], size);
                sha.init();
                while (size > 0) {
                    std::size_t want = std::min(size, k_chunk);
                    read_fully(fd, buffer.get(), want, paths[i]);
                    sha.update(buffer.get(), want);
                    size -= want;
                }
                sha.final(digests[i]);
                ::close(fd);
            }
        });
    }
    for (std::thread& thread : threads) {
        thread.join();
    }
}

// ---------------------------------------------------------------------------------------------
// The pipeline shared by the reader-thread and io_uring models: a file in flight is a Stream
// whose ring of chunks one producer fills and one hashing thread drains, in order. There are
// `slots` streams (the files in flight); a finished stream goes back to the free list.

struct Stream {
    std::size_t index = 0;
    std::vector<Buffer> buffers;       // the ring's storage
    std::vector<std::size_t> lengths;  // bytes in each slot
    std::size_t head = 0;              // next slot to hash
    std::size_t count = 0;             // filled slots from head
    bool done = false;                 // the producer has published the last chunk
    bool queued = false;               // handed to the hashing threads
    std::condition_variable changed;   // count, done or a freed slot
    // io_uring only: the open file and where the next read goes.
    int fd = -1;
    std::uint64_t offset = 0;
};

class Pipeline {
public:
    Pipeline(std::size_t slots, std::size_t ring) : m_streams(slots) {
        for (Stream& stream : m_streams) {
            for (std::size_t k = 0; k < ring; ++k) {
                stream.buffers.push_back(make_buffer());
            }
            stream.lengths.resize(ring);
            m_free.push_back(&stream);
        }
    }

    /// A free stream for file `index`, waiting for one; nullptr with `wait` false and none free.
    Stream* acquire(std::size_t index, bool wait) {
        std::unique_lock lock(m_mutex);
        if (wait) {
            m_slot_freed.wait(lock, [&] { return !m_free.empty(); });
        } else if (m_free.empty()) {
            return nullptr;
        }
        Stream* stream = m_free.back();
        m_free.pop_back();
        stream->index = index;
        stream->head = stream->count = 0;
        stream->done = stream->queued = false;
        stream->fd = -1;
        stream->offset = 0;
        return stream;
    }

    /// The buffer of the ring's next free slot; waits for one, or nullptr with `wait` false.
    std::byte* space(Stream* stream, bool wait) {
        std::unique_lock lock(m_mutex);
        if (wait) {
            stream->changed.wait(lock, [&] { return stream->count < stream->buffers.size(); });
        } else if (stream->count == stream->buffers.size()) {
            return nullptr;
        }
        return stream->buffers[(stream->head + stream->count) % stream->buffers.size()].get();
    }

    /// The slot returned by space() now holds `length` bytes (0: none); `last` ends the file.
    void publish(Stream* stream, std::size_t length, bool last) {
        std::lock_guard lock(m_mutex);
        if (length > 0) {
            stream->lengths[(stream->head + stream->count) % stream->buffers.size()] = length;
            ++stream->count;
        }
        stream->done = last;
        if (!stream->queued) {
            stream->queued = true;
            m_queue.push_back(stream);
            m_queued.notify_one();
        }
        stream->changed.notify_all();
    }

    /// No stream will be published any more: hashing threads stop when the queue is empty.
    void close_input() {
        std::lock_guard lock(m_mutex);
        m_closed = true;
        m_queued.notify_all();
    }

    /// The next file to hash, or nullptr when all are done.
    Stream* next_stream() {
        std::unique_lock lock(m_mutex);
        m_queued.wait(lock, [&] { return !m_queue.empty() || m_closed; });
        if (m_queue.empty()) {
            return nullptr;
        }
        Stream* stream = m_queue.front();
        m_queue.pop_front();
        return stream;
    }

    /// The stream's next chunk, waiting for it; empty at the end of the file.
    std::span<const std::byte> next_chunk(Stream* stream) {
        std::unique_lock lock(m_mutex);
        stream->changed.wait(lock, [&] { return stream->count > 0 || stream->done; });
        if (stream->count == 0) {
            return {};
        }
        return {stream->buffers[stream->head].get(), stream->lengths[stream->head]};
    }

    /// The chunk from next_chunk() is hashed: its slot is free again.
    void consumed(Stream* stream) {
        std::lock_guard lock(m_mutex);
        stream->head = (stream->head + 1) % stream->buffers.size();
        --stream->count;
        stream->changed.notify_all();
        wake_producer();
    }

    /// The file is hashed: its stream is free again.
    void release(Stream* stream) {
        std::lock_guard lock(m_mutex);
        m_free.push_back(stream);
        m_slot_freed.notify_one();
        wake_producer();
    }

    /// io_uring: the producer blocks in the kernel, not on a condition variable. While
    /// `waiting` (set under the same lock as the state it looked at), a freed slot or stream
    /// writes `fd` (an eventfd the ring reads) once.
    void set_producer_waiting(int fd) {
        std::lock_guard lock(m_mutex);
        m_wake_fd = fd;
    }

private:
    void wake_producer() {
        if (m_wake_fd >= 0) {
            std::uint64_t one = 1;
            if (::write(m_wake_fd, &one, sizeof one) != sizeof one) {
                die("write eventfd", errno);
            }
            m_wake_fd = -1;
        }
    }

    std::mutex m_mutex;
    std::vector<Stream> m_streams;
    std::vector<Stream*> m_free;
    std::deque<Stream*> m_queue;
    bool m_closed = false;
    int m_wake_fd = -1;
    std::condition_variable m_slot_freed;
    std::condition_variable m_queued;
};

void hash_streams(Pipeline& pipeline, std::vector<Digest>& digests, const EVP_MD* md) {
    Sha256 sha(md);
    for (Stream* stream = pipeline.next_stream(); stream != nullptr;
         stream = pipeline.next_stream()) {
        sha.init();
        for (std::span<const std::byte> chunk = pipeline.next_chunk(stream); !chunk.empty();
             chunk = pipeline.next_chunk(stream)) {
            sha.update(chunk.data(), chunk.size());
            pipeline.consumed(stream);
        }
        sha.final(digests[stream->index]);
        pipeline.release(stream);
    }
}

// R reader threads, each with one file (and so one read) in flight.
void read_with_threads(const std::vector<std::string>& paths, Pipeline& pipeline,
                       std::size_t readers) {
    std::atomic<std::size_t> next{0};
    std::vector<std::thread> threads;
    for (std::size_t t = 0; t < readers; ++t) {
        threads.emplace_back([&] {
            for (std::size_t i = next++; i < paths.size(); i = next++) {
                Stream* stream = pipeline.acquire(i, true);
                std::size_t size = 0;
                int fd = open_file(paths[i], size);
                if (size == 0) {
                    pipeline.publish(stream, 0, true);
                }
                while (size > 0) {
                    std::byte* buffer = pipeline.space(stream, true);
                    std::size_t want = std::min(size, k_chunk);
                    read_fully(fd, buffer, want, paths[i]);
                    size -= want;
                    pipeline.publish(stream, want, size == 0);
                }
                ::close(fd);
            }
        });
    }
    for (std::thread& thread : threads) {
        thread.join();
    }
    pipeline.close_input();
}

// One thread, one io_uring, up to `depth` files in flight with one request each: openat, then
// 1 MiB reads at increasing offsets until a short read (the end of a regular file). A stream
// whose ring is full waits ("parked") until its hashing thread frees a slot.
class UringReader {
public:
    UringReader(const std::vector<std::string>& paths, Pipeline& pipeline, std::size_t depth,
                bool sync_open)
        : m_paths(paths), m_pipeline(pipeline), m_depth(depth), m_sync_open(sync_open) {
        int error = io_uring_queue_init(static_cast<unsigned>(depth + 1), &m_ring, 0);
        if (error < 0) {
            die("io_uring_queue_init", -error);
        }
        m_wake_fd = ::eventfd(0, EFD_CLOEXEC);
        if (m_wake_fd < 0) {
            die("eventfd", errno);
        }
    }
    ~UringReader() {
        io_uring_queue_exit(&m_ring);
        ::close(m_wake_fd);
    }
    UringReader(const UringReader&) = delete;
    UringReader& operator=(const UringReader&) = delete;

    void run() {
        arm_wake();
        while (true) {
            start_files();
            resume_parked();
            if (m_next == m_paths.size() && m_active == 0) {
                break;
            }
            bool blocked = !m_parked.empty() || (m_next < m_paths.size() && m_active < m_depth);
            if (blocked) {
                // Anything freed from here on writes the eventfd; re-check what may have been freed
                // before, so that no wake-up is lost.
                m_pipeline.set_producer_waiting(m_wake_fd);
                start_files();
                resume_parked();
            }
            submit_and_wait();
        }
        m_pipeline.close_input();
    }

private:
    io_uring_sqe* sqe() {
        io_uring_sqe* entry = io_uring_get_sqe(&m_ring);
        if (entry == nullptr) {
            die("io_uring submission queue full");
        }
        return entry;
    }

    void arm_wake() {
        io_uring_sqe* entry = sqe();
        io_uring_prep_read(entry, m_wake_fd, &m_wake_value, sizeof m_wake_value, 0);
        io_uring_sqe_set_data(entry, nullptr);
    }

    void start_files() {
        while (m_next < m_paths.size() && m_active < m_depth) {
            Stream* stream = m_pipeline.acquire(m_next, false);
            if (stream == nullptr) {
                return;
            }
            ++m_next;
            ++m_active;
            if (m_sync_open) {
                stream->fd = ::open(m_paths[stream->index].c_str(), O_RDONLY | O_CLOEXEC);
                if (stream->fd < 0) {
                    die("open " + m_paths[stream->index], errno);
                }
                queue_read(stream, m_pipeline.space(stream, false));
            } else {
                io_uring_sqe* entry = sqe();
                io_uring_prep_openat(entry, AT_FDCWD, m_paths[stream->index].c_str(),
                                     O_RDONLY | O_CLOEXEC, 0);
                io_uring_sqe_set_data(entry, stream);
            }
        }
    }

    void resume_parked() {
        for (std::size_t k = 0; k < m_parked.size();) {
            std::byte* buffer = m_pipeline.space(m_parked[k], false);
            if (buffer == nullptr) {
                ++k;
                continue;
            }
            queue_read(m_parked[k], buffer);
            m_parked[k] = m_parked.back();
            m_parked.pop_back();
        }
    }

    void queue_read(Stream* stream, std::byte* buffer) {
        io_uring_sqe* entry = sqe();
        io_uring_prep_read(entry, stream->fd, buffer, static_cast<unsigned>(k_chunk),
                           stream->offset);
        io_uring_sqe_set_data(entry, stream);
    }

    void submit_and_wait() {
        int error = io_uring_submit_and_wait(&m_ring, 1);
        if (error < 0 && error != -EINTR) {
            die("io_uring_submit_and_wait", -error);
        }
        io_uring_cqe* cqe = nullptr;
        unsigned head = 0;
        unsigned seen = 0;
        io_uring_for_each_cqe(&m_ring, head, cqe) {
            ++seen;
            complete(static_cast<Stream*>(io_uring_cqe_get_data(cqe)), cqe->res);
        }
        io_uring_cq_advance(&m_ring, seen);
    }

    void complete(Stream* stream, int result) {
        if (stream == nullptr) {  // the eventfd: something was freed
            if (result < 0) {
                die("read eventfd", -result);
            }
            arm_wake();
            return;
        }
        const std::string& path = m_paths[stream->index];
        if (result < 0) {
            die((stream->fd < 0 ? "openat " : "read ") + path, -result);
        }
        if (stream->fd < 0) {  // opened: the ring is empty, read into its first slot
            stream->fd = result;
            queue_read(stream, m_pipeline.space(stream, false));
            return;
        }
        std::size_t got = static_cast<std::size_t>(result);
        bool last = got < k_chunk;
        stream->offset += got;
        m_pipeline.publish(stream, got, last);
        if (last) {
            ::close(stream->fd);
            --m_active;
            return;
        }
        std::byte* buffer = m_pipeline.space(stream, false);
        if (buffer == nullptr) {
            m_parked.push_back(stream);
        } else {
            queue_read(stream, buffer);
        }
    }

    const std::vector<std::string>& m_paths;
    Pipeline& m_pipeline;
    std::size_t m_depth;
    bool m_sync_open;
    io_uring m_ring{};
    int m_wake_fd = -1;
    std::uint64_t m_wake_value = 0;
    std::size_t m_next = 0;
    std::size_t m_active = 0;
    std::vector<Stream*> m_parked;
};

// ---------------------------------------------------------------------------------------------

std::size_t parse_count(const char* text, const char* flag) {
    char* end = nullptr;
    unsigned long value = std::strtoul(text, &end, 10);
    if (end == text || *end != '\0' || value == 0 || value > 4096) {
        die(std::string("bad value for ") + flag + ": " + text);
    }
    return value;
}

Options parse(int argc, char** argv) {
    Options options;
    for (int i = 1; i < argc; ++i) {
        std::string arg = argv[i];
        auto value = [&]() -> const char* {
            if (i + 1 >= argc) {
                die("missing value for " + arg);
            }
            return argv[++i];
        };
        if (arg == "--list") {
            options.list = value();
        } else if (arg == "--mode") {
            options.mode = value();
        } else if (arg == "-R" || arg == "--readers") {
            options.readers = parse_count(value(), "--readers");
        } else if (arg == "-Q" || arg == "--depth") {
            options.depth = parse_count(value(), "--depth");
        } else if (arg == "-H" || arg == "--hashers") {
            options.hashers = parse_count(value(), "--hashers");
        } else if (arg == "--ring") {
            options.ring = parse_count(value(), "--ring");
        } else if (arg == "--sync-open") {
            options.sync_open = true;
        } else {
            die("usage: cold_read_probe --list FILE [--mode workers|threads|uring] [-R N] [-Q N] "
                "[-H N] [--ring N] [--sync-open]");
        }
    }
    if (options.list.empty() ||
        (options.mode != "workers" && options.mode != "threads" && options.mode != "uring")) {
        die("--list FILE and --mode workers|threads|uring are needed");
    }
    return options;
}

std::string hex(const unsigned char* data, std::size_t size) {
    static const char* digits = "0123456789abcdef";
    std::string out;
    for (std::size_t i = 0; i < size; ++i) {
        out += digits[data[i] >> 4];
        out += digits[data[i] & 15];
    }
    return out;
}

double seconds(const timeval& t) {
    return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_usec) / 1e6;
}

}  // namespace

int main(int argc, char** argv) {
    Options options = parse(argc, argv);
    std::vector<std::string> paths;
    {
        std::ifstream in(options.list);
        if (!in) {
            die("cannot read " + options.list);
        }
        for (std::string line; std::getline(in, line);) {
            if (!line.empty()) {
                paths.push_back(line);
            }
        }
    }
    EVP_MD* md = EVP_MD_fetch(nullptr, "SHA256", nullptr);
    if (md == nullptr) {
        die("EVP_MD_fetch(SHA256) failed");
    }
    std::vector<Digest> digests(paths.size());

    auto start = std::chrono::steady_clock::now();
    std::string detail;
    if (options.mode == "workers") {
        run_workers(paths, digests, md, options.hashers);
    } else {
        // Files in flight: one per reader (or io_uring request), plus room for each hashing
        // thread's current file and one finished file waiting, so readers never wait on hashing
        // threads that are busy with other files.
        std::size_t in_flight = options.mode == "threads" ? options.readers : options.depth;
        Pipeline pipeline(in_flight + 2 * options.hashers, options.ring);
        std::vector<std::thread> hashing;
        for (std::size_t t = 0; t < options.hashers; ++t) {
            hashing.emplace_back([&] { hash_streams(pipeline, digests, md); });
        }
        if (options.mode == "threads") {
            read_with_threads(paths, pipeline, options.readers);
            detail = " readers=" + std::to_string(options.readers);
        } else {
            UringReader reader(paths, pipeline, options.depth, options.sync_open);
            reader.run();
            detail = " depth=" + std::to_string(options.depth) +
                     (options.sync_open ? " open=sync" : " open=uring");
        }
        for (std::thread& thread : hashing) {
            thread.join();
        }
    }
    double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();

    std::size_t bytes = 0;
    for (const std::string& path : paths) {
        struct stat st {};
        if (::stat(path.c_str(), &st) == 0) {
            bytes += static_cast<std::size_t>(st.st_size);
        }
    }
    std::vector<unsigned char> all;
    for (const Digest& digest : digests) {
        all.insert(all.end(), digest.begin(), digest.end());
    }
    Digest check{};
    unsigned int length = 0;
    if (EVP_Digest(all.data(), all.size(), check.data(), &length, md, nullptr) != 1) {
        die("EVP_Digest failed");
    }
    EVP_MD_free(md);
    rusage usage{};
    ::getrusage(RUSAGE_SELF, &usage);
    std::printf(
        "mode=%s%s hashers=%zu files=%zu bytes=%zu seconds=%.4f user=%.3f sys=%.3f "
        "check=%s\n",
        options.mode.c_str(), detail.c_str(), options.hashers, paths.size(), bytes, wall,
        seconds(usage.ru_utime), seconds(usage.ru_stime), hex(check.data(), 8).c_str());
    return 0;
}
