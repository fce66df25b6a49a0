"""Generic small factored instance, exact (Fractions), for the checks in this folder.
P(j, x, s, a): P_j(s'_j = x | s, a); pol(k, b, s): pi_k(b | s); states/actions are tuples."""
from fractions import Fraction as F
from itertools import product

class Inst:
    def __init__(self, ssz, asz, P, pol, r=None):
        self.n = len(ssz); self.ssz = ssz; self.asz = asz
        self.S = list(product(*[range(m) for m in ssz])); self.A = list(product(*[range(m) for m in asz]))
        self.P, self.pol = P, pol
        self.r = r  # r(s, a) or None

    def piJ(self, a, s):
        p = F(1)
        for k in range(self.n):
            p *= self.pol(k, a[k], s)
        return p

    def Pj_pi(self, j, s):  # marginal next-state law of agent j under the policy
        return [sum(self.piJ(a, s) * self.P(j, x, s, a) for a in self.A) for x in range(self.ssz[j])]

    def T(self):  # joint closed-loop kernel as dict of rows
        rows = []
        for s in self.S:
            row = []
            for y in self.S:
                tot = F(0)
                for a in self.A:
                    w = self.piJ(a, s)
                    if w == 0: continue
                    p = w
                    for j in range(self.n):
                        p *= self.P(j, y[j], s, a)
                    tot += p
                row.append(tot)
            rows.append(row)
        return rows

    def neighbours(self, i):  # pairs (s, s') differing only at i
        for s in self.S:
            for v in range(self.ssz[i]):
                if v != s[i]:
                    t = list(s); t[i] = v
                    yield s, tuple(t)

def tv(p, q):
    return sum(abs(x - y) for x, y in zip(p, q)) / 2

def Es(I):
    return [[max([tv([I.P(j, x, s, a) for x in range(I.ssz[j])], [I.P(j, x, t, a) for x in range(I.ssz[j])])
                  for s, t in I.neighbours(i) for a in I.A] + [F(0)]) for i in range(I.n)] for j in range(I.n)]

def Ea(I):
    out = [[F(0)] * I.n for _ in range(I.n)]
    for j in range(I.n):
        for k in range(I.n):
            best = F(0)
            for s in I.S:
                for a in I.A:
                    for v in range(I.asz[k]):
                        b = list(a); b[k] = v; b = tuple(b)
                        best = max(best, tv([I.P(j, x, s, a) for x in range(I.ssz[j])], [I.P(j, x, s, b) for x in range(I.ssz[j])]))
            out[j][k] = best
    return out

def Pi(I):
    return [[max([tv([I.pol(k, b, s) for b in range(I.asz[k])], [I.pol(k, b, t) for b in range(I.asz[k])])
                  for s, t in I.neighbours(i)] + [F(0)]) for i in range(I.n)] for k in range(I.n)]

def C(I):
    return [[max([tv(I.Pj_pi(j, s), I.Pj_pi(j, t)) for s, t in I.neighbours(i)] + [F(0)]) for i in range(I.n)] for j in range(I.n)]

def matmul(X, Y):
    return [[sum(X[i][k] * Y[k][j] for k in range(len(Y))) for j in range(len(Y[0]))] for i in range(len(X))]

def madd(X, Y):
    return [[x + y for x, y in zip(a, b)] for a, b in zip(X, Y)]

def transpose(X):
    return [list(r) for r in zip(*X)]

def H(I):
    return madd(Es(I), matmul(Ea(I), Pi(I)))

def delta(I, f):  # f: list indexed like I.S
    idx = {s: k for k, s in enumerate(I.S)}
    return [max([abs(f[idx[s]] - f[idx[t]]) for s, t in I.neighbours(i)] + [F(0)]) for i in range(I.n)]

def apply(T, f):
    return [sum(p * x for p, x in zip(row, f)) for row in T]

def norm_inf(X):
    return max(sum(abs(x) for x in r) for r in X)
