#!/usr/bin/env python3
"""The floor for `compute`'s speed: a plain exact Python implementation (fractions.Fraction, Gaussian elimination)
of the long-run part of `compute` on a tabular instance@1: the joint kernel P^pi, the stationary distribution d,
the average reward rbar and the Poisson solution h (d . h = 0). It computes less than `compute` (no locality
matrices, no kappa rows), so a ratio against it understates `compute`'s lead.

    python3 fractions_floor.py INSTANCE.json [COMPUTE_OUTPUT.json]

Prints the seconds per phase; with a `compute` output, also checks that d, rbar and h are the same rationals.
"""
import json
import sys
import time
from fractions import Fraction


def number(text):
    return Fraction(text)


def joint_space(sizes):
    total = 1
    for m in sizes:
        total *= m
    return total


def digits(index, sizes):
    out = [0] * len(sizes)
    for i in range(len(sizes) - 1, -1, -1):
        out[i] = index % sizes[i]
        index //= sizes[i]
    return out


def solve(a, b):
    """Solves a x = b by Gaussian elimination over the rationals (a is changed)."""
    n = len(a)
    for i in range(n):
        a[i].append(b[i])
    for k in range(n):
        piv = next(i for i in range(k, n) if a[i][k] != 0)
        a[k], a[piv] = a[piv], a[k]
        inv = 1 / a[k][k]
        for i in range(k + 1, n):
            f = a[i][k] * inv
            if f != 0:
                row_i, row_k = a[i], a[k]
                for j in range(k, n + 1):
                    row_i[j] -= f * row_k[j]
    x = [Fraction(0)] * n
    for i in range(n - 1, -1, -1):
        s = a[i][n] - sum(a[i][j] * x[j] for j in range(i + 1, n))
        x[i] = s / a[i][i]
    return x


def main():
    if hasattr(sys, "set_int_max_str_digits"):
        sys.set_int_max_str_digits(0)  # solutions have thousands of digits
    t0 = time.perf_counter()
    inst = json.load(open(sys.argv[1]))
    if inst["policy"]["kind"] != "tabular":
        raise SystemExit("fractions_floor.py: tabular policies only")
    agents = inst["agents"]
    ss = [a["states"] for a in agents]
    sa = [a["actions"] for a in agents]
    S, A, n = joint_space(ss), joint_space(sa), len(agents)
    kernel = [[[[number(x) for x in row] for row in per_s] for per_s in per_j] for per_j in inst["kernel"]]
    tables = [[[number(x) for x in row] for row in per_k] for per_k in inst["policy"]["tables"]]
    reward = [[number(x) for x in row] for row in inst["reward"]]
    t1 = time.perf_counter()
    adig = [digits(a, sa) for a in range(A)]
    sdig = [digits(t, ss) for t in range(S)]
    P = [[Fraction(0)] * S for _ in range(S)]
    rpi = [Fraction(0)] * S
    for s in range(S):
        for a in range(A):
            w = Fraction(1)
            for k in range(n):
                w *= tables[k][s][adig[a][k]]
            if w == 0:
                continue
            rpi[s] += w * reward[s][a]
            for t in range(S):
                p = w
                for j in range(n):
                    p *= kernel[j][s][a][sdig[t][j]]
                    if p == 0:
                        break
                P[s][t] += p
    t2 = time.perf_counter()
    # B = (I - P) with its last column replaced by ones: d^T B = e_last, B (h_0..h_{S-2}, rbar) = r^pi
    B = [[(1 if s == t else 0) - P[s][t] for t in range(S - 1)] + [Fraction(1)] for s in range(S)]
    Bt = [[B[s][t] for s in range(S)] for t in range(S)]
    d = solve(Bt, [Fraction(0)] * (S - 1) + [Fraction(1)])
    t3 = time.perf_counter()
    z = solve([row[:] for row in B], rpi)
    rbar = z[S - 1]
    h0 = z[:S - 1] + [Fraction(0)]
    c = sum(di * hi for di, hi in zip(d, h0))
    h = [x - c for x in h0]
    t4 = time.perf_counter()
    print(f"read {t1 - t0:.2f} kernel {t2 - t1:.2f} stationary {t3 - t2:.2f} poisson {t4 - t3:.2f} "
          f"total {t4 - t0:.2f} s")
    if len(sys.argv) > 2:
        out = json.load(open(sys.argv[2]))
        same = ([Fraction(x) for x in out["stationary"]] == d and Fraction(out["averageReward"]) == rbar
                and [Fraction(x) for x in out["poisson"]] == h)
        print("compute's stationary, averageReward and poisson are " + ("identical" if same else "DIFFERENT"))
        if not same:
            sys.exit(1)


if __name__ == "__main__":
    main()
