#!/usr/bin/env python3
"""Python's side of scripts/bench-threading: the same measurements as the Go
benchmarks in runtime/threading (bench_test.go), printed one per line as
"name value unit", best of three runs each."""
import threading
import time


def best(f, runs=3):
    return min(f() for _ in range(runs))


def pair_ns(make, n=1_000_000):
    """ns per uncontended acquire+release pair."""
    def run():
        lk = make()
        acq, rel = lk.acquire, lk.release
        t = time.perf_counter()
        for _ in range(n):
            acq()
            rel()
        return (time.perf_counter() - t) / n * 1e9
    return best(run)


def ping_pong(ping, pong, n=100_000):
    """Round trips per second between the main thread and a second one."""
    def run():
        th = threading.Thread(target=lambda: [pong() for _ in range(n)])
        t = time.perf_counter()
        th.start()
        for _ in range(n):
            ping()
        th.join()
        return (time.perf_counter() - t) / n
    return 1 / best(run)


def condition_ping_pong():
    c = threading.Condition(threading.Lock())
    state = {"turn": 0}

    def ping():
        with c:
            state["turn"] = 1
            c.notify()
            while state["turn"] != 0:
                c.wait()

    def pong():
        with c:
            while state["turn"] != 1:
                c.wait()
            state["turn"] = 0
            c.notify()

    return ping_pong(ping, pong)


def event_ping_pong():
    e1, e2 = threading.Event(), threading.Event()

    def ping():
        e1.set()
        e2.wait()
        e2.clear()

    def pong():
        e1.wait()
        e1.clear()
        e2.set()

    return ping_pong(ping, pong)


def thread_start_join_ns(n=5_000):
    def run():
        t = time.perf_counter()
        for _ in range(n):
            th = threading.Thread(target=lambda: None)
            th.start()
            th.join()
        return (time.perf_counter() - t) / n * 1e9
    return best(run)


if __name__ == "__main__":
    print("lock_pair %.1f ns/op" % pair_ns(threading.Lock))
    print("rlock_pair %.1f ns/op" % pair_ns(threading.RLock))
    print("semaphore_pair %.1f ns/op" % pair_ns(threading.Semaphore))
    print("condition_pingpong %.0f trips/s" % condition_ping_pong())
    print("event_pingpong %.0f trips/s" % event_ping_pong())
    print("thread_start_join %.0f ns/op" % thread_start_join_ns())
