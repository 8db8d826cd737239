"""The M/M/c case of `poolschool sim` as a SimPy model, to compare simulation speed.

Same workload as
    poolschool sim --pool-size 20 --arrival-rate 400/s --hold-mean 40ms --requests N --seed 1 --warm --json
Poisson arrivals, exponential holds, a pool of c connections that is open from the start, no timeout.
Prints one JSON line: requests, p_wait, wall_ms, requests_per_s.  Needs `pip install simpy`.
"""
import json
import random
import sys
import time

import simpy


def run(servers=20, rate=400.0, hold=0.040, requests=200_000, seed=1):
    env = simpy.Environment()
    pool = simpy.Resource(env, capacity=servers)
    rng = random.Random(seed)
    counts = {"done": 0, "waited": 0}

    def request(env):
        arrived = env.now
        with pool.request() as borrow:
            yield borrow
            if env.now > arrived:
                counts["waited"] += 1
            yield env.timeout(rng.expovariate(1 / hold))
        counts["done"] += 1

    def arrivals(env):
        for _ in range(requests):
            yield env.timeout(rng.expovariate(rate))
            env.process(request(env))

    env.process(arrivals(env))
    start = time.perf_counter()
    env.run()
    wall = time.perf_counter() - start
    return {
        "requests": counts["done"],
        "p_wait": counts["waited"] / counts["done"],
        "wall_ms": wall * 1000,
        "requests_per_s": counts["done"] / wall,
    }


if __name__ == "__main__":
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 200_000
    print(json.dumps(run(requests=n)))
