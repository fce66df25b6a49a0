"""Exact (Fraction) checks behind the notes of properties/statements.md, labelled (A)-(H) and (b) there. Run: python3 src/trace/trace_checks.py (a few seconds)."""
from fractions import Fraction as F
from trace_inst import *
from trace_mdp import poisson, truncated, osc, solve
half = F(1, 2)

def bern(p, x):  # P(X = x) for X in {0,1} with P(X=1) = p
    return p if x == 1 else 1 - p

print('=== (A) B.3 l.446-450: g = r - c with c != rbar: h - T h = g has no solution')
# any unichain with stationary d: d.(h - T h) = 0 but d.g = rbar - c != 0. One state, r = 1, c = 0: 0 = h - h = 1.
print('one state, r = 1, c = 0: h - Th = 0 != 1 = g; sum_t T^t g = sum_t 1 diverges')

print('=== (B) B.3 l.448 middle inequality sum_t ||(H^T)^t b|| <= ||(I-H^T)^{-1}|| ||b||')
def PB(j, x, s, a):
    if j == 0: return half * (x == s[0]) + half * half          # s1' = s1 w.p. 1/2, else fair coin
    if j == 1: return half                                       # fair coin
    return F(9, 10) * (x == s[1]) + F(1, 10) * half              # s3' = s2 w.p. 9/10, else fair coin
IB = Inst([2, 2, 2], [1, 1, 1], PB, lambda k, b, s: F(1))
HB = H(IB); print('H =', HB)
HT = transpose(HB)
b = [F(1)] * 3
# powers: exact series (H^T)^t b = (2^-t, 0, 0) for t >= 2
terms, v = [], b[:]
for t in range(60):
    terms.append(max(v)); v = [sum(HT[i][j] * v[j] for j in range(3)) for i in range(3)]
lhs_series = F(1) + F(9, 10) + F(1, 2)  # 1 + 9/10 + sum_{t>=2} 2^-t
assert terms[:4] == [1, F(9, 10), F(1, 4), F(1, 8)]
Inv = [[F(2), 0, 0], [0, F(1), F(9, 10)], [0, 0, F(1)]]
IminusHT = [[(1 if i == j else 0) - HT[i][j] for j in range(3)] for i in range(3)]
assert matmul(IminusHT, Inv) == [[1, 0, 0], [0, 1, 0], [0, 0, 1]]
print('sum_t ||(H^T)^t b||_inf =', lhs_series, ' > ||(I-H^T)^{-1}||_inf ||b||_inf =', norm_inf(Inv))
T = IB.T(); r = [F(sum(s)) for s in IB.S]
rb, h, d = poisson([[row] for row in T], [[F(1)] for _ in T], [[x] for x in r])
print('delta(h) =', delta(IB, h), ' (I-H^T)^{-1} b =', [sum(Inv[i][j] for j in range(3)) for i in range(3)])

print('=== (C) ||C||_inf < 1 (prior, action-supremum) does not certify rho(H) < 1')
x = F(2, 5)
PC = lambda j, y, s, a: bern(x * (a[0] != a[1]), y)
polC = lambda k, bb, s: F(1) if bb == (s[0] ^ s[1]) else F(0)
IC = Inst([2, 2], [2, 2], PC, polC)
es, ea, pi = Es(IC), Ea(IC), Pi(IC); hC = H(IC)
# prior C, reading R2: sup over s ~_i s' and over all a, a'
R2 = [[max(tv([PC(j, y, s, a) for y in (0, 1)], [PC(j, y, t, a2) for y in (0, 1)]) for s, t in IC.neighbours(i) for a in IC.A for a2 in IC.A)
       for i in range(2)] for j in range(2)]
print('E^s =', es, ' E^a =', ea, ' Pi =', pi)
print('||E^s||_inf =', norm_inf(es), ' ||E^s+E^a||_inf =', norm_inf(madd(es, ea)), ' ||C_sup(R2)||_inf =', norm_inf(R2))
print('H =', hC, ' rho(H) = 2 * 4/5 =', 2 * hC[0][0], '(rank one, all entries equal); true C^pi =', C(IC))
# within prior work's model (P_i(s_i'|s_i, a_i), pi_i(a_i|s_i)): one agent, P(s'=1|s,a) = 3/5 [s != a], a = s
P1 = lambda j, y, s, a: bern(F(3, 5) * (s[0] != a[0]), y)
I1 = Inst([2], [2], P1, lambda k, bb, s: F(1) if bb == s[0] else F(0))
Cq = max(tv([P1(0, y, s, a) for y in (0, 1)], [P1(0, y, t, a2) for y in (0, 1)]) for s in I1.S for t in I1.S for a in I1.A for a2 in I1.A)
print('one agent: C_Qu(sup over (s,a),(s\',a\')) =', Cq, ' H =', H(I1))

print('=== (D) Sec.3 discounted: gamma rho(H) "strictly tighter" than gamma')
PD = lambda j, y, s, a: F(int(y == (s[0] ^ a[0])))
ID = Inst([2], [2], PD, lambda k, bb, s: F(int(bb == s[0])))
print('s\' = s xor a, a = s: E^s, E^a, Pi, H =', Es(ID), Ea(ID), Pi(ID), H(ID), '-> gamma*rho(H) = 2 gamma > gamma; closed loop s\' = 0: T^t f constant for t >= 1')
PD2 = lambda j, y, s, a: F(int(y == s[0]))
print('s\' = s: H =', H(Inst([2], [1], PD2, lambda k, bb, s: F(1))), '-> gamma*rho(H) = gamma, not strictly smaller')

print('=== (G) Jordan chain, rho(H) = 1/2 attained: Thm 3 C, Sec.5 O(lambda^{kappa+1}), B.5')
def PG(j, y, s, a):
    if j == 0: return half * (y == s[0]) + half * (y == s[1])
    return half * (y == s[1]) + half * half
IG = Inst([2, 2], [1, 1], PG, lambda k, bb, s: F(1))
print('H =', H(IG))
TG = IG.T(); f = [F(s[0]) for s in IG.S]; g = f[:]
for t in range(1, 9):
    g = apply(TG, g)
    dd = delta(IG, g)
    assert dd == [F(1, 2 ** t), F(t, 2 ** t)], (t, dd)
print('delta(T^t s_1) = (2^-t, t 2^-t) for t = 1..8: ||.||/lambda^t = t')
rb, h, d = poisson([[row] for row in TG], [[F(1)] for _ in TG], [[x] for x in f])
for kappa in range(0, 9):
    hh = truncated([[row] for row in TG], [[F(1)] for _ in TG], [[x] for x in f], rb, kappa)
    bias = osc([u - v for u, v in zip(hh, h)]) / 2
    assert bias == F(kappa + 3, 2 ** (kappa + 1)), (kappa, bias)
print('bias_kappa = min_c ||hhat_kappa - c - h||_inf = (kappa+3) 2^-(kappa+1) = (kappa+3) lambda^(kappa+1), kappa = 0..8')

print('=== (G\') B.6 asynchronous, nu = (1/2, 1/2): M = [[3/4,1/4],[0,3/4]]')
# K = sum_j nu_j (update j only)
S = IG.S
def K_row(s):
    row = []
    for y in S:
        tot = F(0)
        for j in range(2):
            if all(y[i] == s[i] for i in range(2) if i != j):
                tot += half * PG(j, y[j], s, ())
        row.append(tot)
    return row
TK = [K_row(s) for s in S]
g = f[:]
for t in range(1, 9):
    g = apply(TK, g)
    assert delta(IG, g) == [F(3, 4) ** t, F(t, 3) * F(3, 4) ** t]
print('delta(K^t s_1) = (3/4)^t (1, t/3): ||.||/rho(M)^t = max(1, t/3)')

print('=== (b) Thm 3 "C independent of pi": family alpha -> 1 with rho(H_alpha) = alpha/2 < lambda = 1/2')
def fam(alpha):
    def P(j, y, s, a):
        if j == 0: return half * (y == a[0]) + half * (y == s[1])
        return half * (y == a[1]) + half * half
    pol = lambda k, bb, s: (1 + alpha) / 2 if bb == s[k] else (1 - alpha) / 2
    return Inst([2, 2], [2, 2], P, pol)
for alpha in (F(1, 2), F(3, 4), F(9, 10)):
    I = fam(alpha); Hm = H(I); T = I.T(); g = [F(s[0]) for s in I.S]; best = F(0)
    assert Hm == [[alpha / 2, half], [0, alpha / 2]], Hm
    for t in range(1, 40):
        g = apply(T, g); dd = delta(I, g)
        assert dd[1] == t * alpha ** (t - 1) / 2 ** t
        best = max(best, max(dd) * 2 ** t)
    print('alpha =', alpha, ' H =', Hm, ' least C >= max_t t alpha^(t-1) =', float(best))

print('=== (b) B.4 C(Delta): path shift, agent j copies agent j+1, rho(H) = 0, Delta = 2')
for n in range(2, 7):
    def P(j, y, s, a, n=n):
        return F(int(y == s[j + 1])) if j < n - 1 else half
    I = Inst([2] * n, [1] * n, P, lambda k, bb, s: F(1))
    Hm = H(I); T = I.T()
    f = [F(s[0]) for s in I.S]; g = f[:]; norms = [max(delta(I, g))]
    for t in range(1, n + 1):
        g = apply(T, g); norms.append(max(delta(I, g)))
    rb, h, d = poisson([[row] for row in T], [[F(1)] for _ in T], [[x] for x in f])
    print('n =', n, ' ||delta(T^t s_1)||, t=0..n:', [str(x) for x in norms], ' delta(h) =', [str(x) for x in delta(I, h)],
          ' least C(lambda) = lambda^-(n-1)')

print('=== (b) Thm 7 (3) literal constant: family with ratio exactly n')
for n in range(2, 6):
    a_ = F(1, n)
    def P(j, y, s, a, n=n):
        return bern(F(sum(s), n), y) if j == 0 else half
    I = Inst([2] * n, [1] * n, P, lambda k, bb, s: F(1))
    Hm = H(I); T = I.T(); f = [F(s[0]) for s in I.S]
    rb, h, d = poisson([[row] for row in T], [[F(1)] for _ in T], [[x] for x in f])
    HT = transpose(Hm)
    # ||(H^T)^t||_inf = a^t: C = 1 at lambda = a = rho(H)+... use lambda = a (C = 1 exactly since H^T = a * 1 e_1^T)
    assert all(norm_inf(HT) == a_ for _ in [0])
    for kappa in range(0, 4):
        hh = truncated([[row] for row in T], [[F(1)] for _ in T], [[x] for x in f], rb, kappa)
        bias = osc([u - v for u, v in zip(hh, h)]) / 2
        bound = a_ ** (kappa + 1) / (2 * (1 - a_)) * sum(delta(I, f))
        assert bias == n * bound, (n, kappa, bias, bound)
    print('n =', n, ' H row 1 =', Hm[0], ' bias / literal bound (C = 1, lambda = 1/n) = n for kappa = 0..3')

print('=== (H) Sec.5 Step 1 "delta(h) can be written as" the Neumann series: equality fails')
P3 = lambda j, y, s, a: [[F(1, 6), F(2, 3), F(1, 6)], [F(1, 6), F(1, 6), F(2, 3)], [F(1, 3)] * 3][s[0]][y]
I3 = Inst([3], [1], P3, lambda k, bb, s: F(1))
T3 = I3.T(); r3 = [F(int(s[0] == 0)) for s in I3.S]
rb, h, d = poisson([[row] for row in T3], [[F(1)] for _ in T3], [[x] for x in r3])
print('H =', H(I3), ' delta(h) =', delta(I3, h), ' sum_t H^t delta(r) =', 1 / (1 - H(I3)[0][0]))
