"""More exact checks behind properties/statements.md: shift-chain bias (B.5), and rho(M) < 1 iff rho(H) < 1 (B.6) on random H (numpy)."""
from fractions import Fraction as F
import random
from trace_inst import *
from trace_mdp import poisson, truncated, osc
half = F(1, 2)
for n in range(3, 7):
    P = lambda j, y, s, a, n=n: F(int(y == s[j + 1])) if j < n - 1 else half
    I = Inst([2] * n, [1] * n, P, lambda k, bb, s: F(1)); T = I.T(); f = [F(s[0]) for s in I.S]
    rb, h, d = poisson([[row] for row in T], [[F(1)] for _ in T], [[x] for x in f])
    out = []
    for kappa in range(0, n):
        hh = truncated([[row] for row in T], [[F(1)] for _ in T], [[x] for x in f], rb, kappa)
        out.append(osc([u - v for u, v in zip(hh, h)]) / 2)
    assert out == [F(n - 1 - k, 2) for k in range(n)], out
    print('n =', n, ' shift chain bias_kappa (kappa = 0..n-1) =', [str(x) for x in out], '= (n-1-kappa)/2')
# B.6: rho(M) < 1 iff rho(H) < 1, M = I - D(I - H); check via power iteration sign on random nonnegative H (float, sanity only)
import numpy as np
rng = np.random.default_rng(0); bad = 0
for _ in range(3000):
    m = rng.integers(2, 5); Hm = rng.random((m, m)) * rng.choice([0.3, 0.6, 1.0]); nu = rng.random(m) + 0.05; nu /= nu.sum()
    M = np.eye(m) - np.diag(nu) @ (np.eye(m) - Hm)
    rh, rm = max(abs(np.linalg.eigvals(Hm))), max(abs(np.linalg.eigvals(M)))
    if abs(rh - 1) > 1e-9 and (rh < 1) != (rm < 1): bad += 1
print('B.6 equivalence violations in 3000 random cases:', bad)
