#!/usr/bin/env python3
"""Python's multiprocessing beside gosh's runtime/multiprocessing.

Usage: bench_multiprocessing.py GO_TEST_BINARY

Measures Python 3 (fork start method, the Linux default) and runs the Go
benchmarks from the test binary of runtime/multiprocessing, alternating
the runs, keeping the best of each, and prints a Markdown table.
Called by scripts/bench-multiprocessing.
"""
import multiprocessing as mp
import os
import re
import socket
import subprocess
import sys
import time

ROUNDS = int(os.environ.get("GOSH_BENCH_ROUNDS", "3"))


def square(x):
    return x * x


def py_pool_map(chunksize, n=200_000):
    with mp.Pool(2) as pool:
        pool.map(square, range(100), chunksize=1)  # warm up
        best = 0.0
        for _ in range(ROUNDS if chunksize is None else 1):
            start = time.perf_counter()
            pool.map(square, range(n), chunksize=chunksize)
            best = max(best, n / (time.perf_counter() - start))
    return best


def py_pool_startup():
    best_construct = best_first = float("inf")
    for _ in range(ROUNDS):
        start = time.perf_counter()
        pool = mp.Pool(2)
        construct = time.perf_counter() - start
        pool.map(square, [1, 2], chunksize=1)
        first = time.perf_counter() - start
        pool.terminate()
        pool.join()
        best_construct, best_first = min(best_construct, construct), min(best_first, first)
    return best_construct * 1000, best_first * 1000


def _echo(conn, other):
    other.close()  # forked with both ends: drop the parent's, to see EOF
    try:
        while True:
            conn.send_bytes(conn.recv_bytes())
    except EOFError:
        pass


def py_pipe_roundtrip(seconds=2.0):
    a, b = mp.Pipe(duplex=True)
    p = mp.Process(target=_echo, args=(b, a))
    p.start()
    b.close()
    msg = b"x" * 64
    n, start = 0, time.perf_counter()
    while time.perf_counter() - start < seconds:
        for _ in range(1000):
            a.send_bytes(msg)
            a.recv_bytes()
        n += 1000
    rate = n / (time.perf_counter() - start)
    a.close()
    p.join()
    return rate


def py_raw_pipe_roundtrip(seconds=2.0):
    r1, w1 = os.pipe()
    r2, w2 = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(w1)
        os.close(r2)
        while True:
            m = os.read(r1, 64)
            if not m:
                os._exit(0)
            os.write(w2, m)
    os.close(r1)
    os.close(w2)
    msg = b"x" * 64
    n, start = 0, time.perf_counter()
    while time.perf_counter() - start < seconds:
        for _ in range(1000):
            os.write(w1, msg)
            os.read(r2, 64)
        n += 1000
    rate = n / (time.perf_counter() - start)
    os.close(w1)
    os.waitpid(pid, 0)
    return rate


def _sink(conn, count):
    for _ in range(count):
        conn.recv_bytes()
    conn.send_bytes(b"1")


def py_message_1mib(count=2000):
    a, b = mp.Pipe(duplex=True)
    p = mp.Process(target=_sink, args=(b, count))
    p.start()
    b.close()
    msg = b"x" * (1 << 20)
    start = time.perf_counter()
    for _ in range(count):
        a.send_bytes(msg)
    a.recv_bytes()
    rate = count * len(msg) / (time.perf_counter() - start) / 1e6
    p.join()
    return rate


def go_bench(binary, name, benchtime, metric):
    out = subprocess.run(
        [binary, "-test.run", "^$", "-test.bench", "^" + name + "$", "-test.benchtime", benchtime],
        check=True, capture_output=True, text=True).stdout
    for line in out.splitlines():
        if line.startswith("Benchmark"):
            if metric == "MB/s":
                m = re.search(r"([\d.]+) MB/s", line)
            else:
                m = re.search(r"([\d.]+) " + re.escape(metric), line)
            if m:
                return float(m.group(1))
    raise SystemExit("no %s in output of %s:\n%s" % (metric, name, out))


def best(binary, name, benchtime, metric, lower=False):
    vals = [go_bench(binary, name, benchtime, metric) for _ in range(ROUNDS)]
    return min(vals) if lower else max(vals)


def alternate(binary, a, b, benchtime, metric):
    """Runs two Go benchmarks alternately and keeps the best of each."""
    va, vb = [], []
    for _ in range(ROUNDS):
        va.append(go_bench(binary, a, benchtime, metric))
        vb.append(go_bench(binary, b, benchtime, metric))
    return max(va), max(vb)


def main():
    if len(sys.argv) != 2:
        raise SystemExit(__doc__)
    go = sys.argv[1]
    rows = []

    py = py_pool_map(None)
    g = best(go, "BenchmarkPoolMap", "20x", "items/s")
    rows.append(("Pool.map, 200,000 ints, default chunksize (items/s)", py, g, g / py, ">= 5x Python"))

    py = py_pool_map(1)
    g = best(go, "BenchmarkPoolMapChunk1", "1x", "items/s")
    rows.append(("Pool.map, 200,000 ints, chunksize 1 (items/s)", py, g, g / py, ">= 3x Python"))

    pyraw = max(py_raw_pipe_roundtrip() for _ in range(ROUNDS))
    py = max(py_pipe_roundtrip() for _ in range(ROUNDS))
    gconn, graw = alternate(go, "BenchmarkPipeRoundTrip64", "BenchmarkRawPipeRoundTrip64", "2s", "roundtrips/s")
    floor = max(graw, pyraw)
    rows.append(("raw pipe ping-pong, 64 B, Python os.read/os.write (round trips/s)", pyraw, None, None, ""))
    rows.append(("raw pipe ping-pong, 64 B, Go read/write (round trips/s)", None, graw, None, "the floor"))
    rows.append(("duplex Pipe, 64 B send_bytes/recv_bytes (round trips/s)", py, gconn, gconn / py,
                 "%.0f%% of the floor (goal >= 90%%)" % (100 * gconn / floor)))

    py = max(py_message_1mib() for _ in range(ROUNDS))
    gmsg, gsock = alternate(go, "BenchmarkMessage1MiB", "BenchmarkRawSocketpair1MiB", "2s", "MB/s")
    rows.append(("raw socketpair, 1 MiB blocks, Go (MB/s)", None, gsock, None, "the floor"))
    rows.append(("Pipe, 1 MiB messages (MB/s)", py, gmsg, gmsg / py,
                 "%.2fx slower than the floor (goal <= 2x)" % (gsock / gmsg)))

    pyc, pyf = py_pool_startup()
    gc = best(go, "BenchmarkPoolStartup", "5x", "ms-construct", lower=True)
    gf = best(go, "BenchmarkPoolStartup", "5x", "ms-first", lower=True)
    rows.append(("Pool(2) construction (ms)", pyc, gc, None, "lower is better"))
    rows.append(("Pool(2) construction + first map of 2 items (ms)", pyf, gf, None, "lower is better"))

    print("| measure | Python %d.%d | gosh | gosh/Python | note |" % sys.version_info[:2])
    print("| --- | --- | --- | --- | --- |")
    for name, p, g, ratio, note in rows:
        fmt = lambda v: "" if v is None else ("{:,.1f}".format(v) if v < 1000 else "{:,.0f}".format(v))
        print("| %s | %s | %s | %s | %s |" % (name, fmt(p), fmt(g), "" if ratio is None else "%.1fx" % ratio, note))


if __name__ == "__main__":
    mp.set_start_method("fork")
    main()
