"""Minimal exact single/multi-agent toolkit for trace checks (review helper; independent of marl.py).
Joint-level representation: states 0..S-1, actions 0..A-1, P[s][a][y], r[s][a], pi[s][a]."""
from fractions import Fraction as F
import mpmath as mp
mp.mp.dps = 50

def stationary(Pm):
    """Stationary distribution of a unichain row-stochastic matrix (exact or mpf) by Gaussian elimination."""
    n = len(Pm)
    # solve d (I - P) = 0, sum d = 1 : transpose system
    A = [[(1 if i == j else 0) - Pm[j][i] for j in range(n)] for i in range(n)]
    A[-1] = [1] * n
    b = [0] * (n - 1) + [1]
    return solve(A, b)

def solve(A, b):
    n = len(A)
    M = [row[:] + [b[i]] for i, row in enumerate(A)]
    for c in range(n):
        p = max(range(c, n), key=lambda r: abs(M[r][c]))
        M[c], M[p] = M[p], M[c]
        piv = M[c][c]
        for r in range(n):
            if r != c and M[r][c] != 0:
                f = M[r][c] / piv
                M[r] = [x - f * y for x, y in zip(M[r], M[c])]
    return [M[i][n] / M[i][i] for i in range(n)]

def closed(P, pi):
    S, A = len(P), len(P[0])
    return [[sum(pi[s][a] * P[s][a][y] for a in range(A)) for y in range(S)] for s in range(S)]

def rpi(r, pi):
    return [sum(pi[s][a] * r[s][a] for a in range(len(r[0]))) for s in range(len(r))]

def poisson(P, pi, r):
    """h with h - P^pi h = r^pi - rbar, normalised d.h = 0; returns (rbar, h, d)."""
    Pm = closed(P, pi); rp = rpi(r, pi); d = stationary(Pm)
    rbar = sum(x * y for x, y in zip(d, rp)); S = len(P)
    A = [[(1 if i == j else 0) - Pm[i][j] for j in range(S)] for i in range(S)]
    A[-1] = d[:]  # replace last equation by normalisation d.h = 0 (unichain: rank S-1)
    b = [rp[i] - rbar for i in range(S)]; b[-1] = 0
    # least-squares-free: the system [I-P rows 0..S-2 ; d] is nonsingular for unichain
    return rbar, solve(A, b), d

def apply(Pm, f):
    return [sum(p * x for p, x in zip(row, f)) for row in Pm]

def truncated(P, pi, r, rbar, kappa):
    Pm = closed(P, pi); g = [x - rbar for x in rpi(r, pi)]
    tot = g[:]; cur = g[:]
    for _ in range(kappa):
        cur = apply(Pm, cur); tot = [x + y for x, y in zip(tot, cur)]
    return tot

def osc(f):
    return max(f) - min(f)
