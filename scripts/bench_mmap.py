#!/usr/bin/env python3
"""Helper of scripts/bench-mmap.

    bench_mmap.py make FILE NEEDLE...   write 1 GiB of log-like text to FILE,
                                        with one line holding each needle
                                        at the very end
    bench_mmap.py find FILE NEEDLE      time Python's mmap.find over FILE,
                                        mapping it afresh each time
"""
import mmap
import random
import sys
import time

SIZE = 1 << 30
WORDS = ["the", "request", "user", "session", "error", "timeout", "connection",
         "server", "client", "data", "value", "process", "memory", "file", "read",
         "write", "event", "queue", "status", "ok", "failed", "retry", "cache",
         "index", "token", "handler", "service", "response", "latency", "ms"]


def seed_chunk(size):
    """About size bytes of log lines (ids below 1,000,000), cut to size."""
    r = random.Random(1)
    lines = []
    n = 0
    while n < size:
        line = "2024-05-%02d %02d:%02d:%02d INFO %s id=%d\n" % (
            r.randint(1, 28), r.randrange(24), r.randrange(60), r.randrange(60),
            " ".join(r.choice(WORDS) for _ in range(8)), r.randrange(1000000))
        lines.append(line)
        n += len(line)
    return "".join(lines).encode()[:size]


def make(path, needles):
    chunk = seed_chunk(1 << 20)
    tail = b"".join(b"2024-05-31 23:59:59 INFO " + n.encode() + b"\n" for n in needles)
    with open(path, "wb") as f:
        left = SIZE - len(tail)
        while left >= len(chunk):
            f.write(chunk)
            left -= len(chunk)
        f.write(chunk[:left - 1] + b"\n")
        f.write(tail)


def find(path, needle):
    sub = needle.encode()
    best = None
    for _ in range(3):
        t = time.perf_counter()
        with open(path, "rb") as f:
            m = mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ)
            at = m.find(sub)
            m.close()
        d = time.perf_counter() - t
        best = d if best is None or d < best else best
    print("python3 mmap.find %-32r %6.2f GB/s  (%.0f ms, best of 3, found at %d)"
          % (needle, SIZE / best / 1e9, best * 1000, at))


if __name__ == "__main__":
    if sys.argv[1] == "make":
        make(sys.argv[2], sys.argv[3:])
    elif sys.argv[1] == "find":
        find(sys.argv[2], sys.argv[3])
    else:
        sys.exit(__doc__)
