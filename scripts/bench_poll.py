#!/usr/bin/env python3
"""Wake-up latency of Python's select.epoll: the same ping-pong as
runtime/poll's BenchmarkPingPong. One byte goes from this process to a
forked echo child, which waits with select.epoll, and back through a
second pipe, where this process waits with select.epoll too. Prints the
mean, median and 99th percentile round trip in nanoseconds.

Usage: scripts/bench_poll.py [round-trips]   (default 100000)
"""
import os
import select
import sys
import time


def echo(rfd, wfd):
    ep = select.epoll()
    ep.register(rfd, select.EPOLLIN)
    while True:
        ep.poll()
        b = os.read(rfd, 1)
        if not b:
            return
        os.write(wfd, b)


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 100000
    to_child = os.pipe()
    from_child = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(to_child[1])
        os.close(from_child[0])
        try:
            echo(to_child[0], from_child[1])
        finally:
            os._exit(0)
    os.close(to_child[0])
    os.close(from_child[1])
    w, r = to_child[1], from_child[0]
    ep = select.epoll()
    ep.register(r, select.EPOLLIN)
    b = b"x"

    def round_trip():
        os.write(w, b)
        ep.poll()
        os.read(r, 1)

    for _ in range(1000):  # warm up
        round_trip()
    lat = [0] * n
    now = time.perf_counter_ns
    for i in range(n):
        t = now()
        round_trip()
        lat[i] = now() - t
    os.close(w)
    os.close(r)
    os.waitpid(pid, 0)
    lat.sort()
    print("python3 select.epoll ping-pong: %d round trips, mean %d ns, p50 %d ns, p99 %d ns"
          % (n, sum(lat) // n, lat[n // 2], lat[n * 99 // 100]))


if __name__ == "__main__":
    main()
