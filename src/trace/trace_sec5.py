"""Section 5 / App. D checks behind properties/statements.md, labelled (E) and (F) there (mpmath at 50 digits; margins are far above 1e-40)."""
from fractions import Fraction as F
import mpmath as mp
mp.mp.dps = 50

print('=== (E) Thm 14 proof, l.642: E_{d^mu,mu}[Ahat] >= tau E_{d^mu} KL  (false)')
# one agent; state 0: a=0 -> reward 2, go to 1; a=1 -> reward 1, stay at 0. state 1: reward 0, back to 0 (both actions).
# For q = mu(a=0|0): d(0) = 1/(1+q), rbar = d(0)(2q + 1 - q) = 1 for EVERY policy (exact):
for q in [F(0), F(1, 3), F(1, 2), F(9, 10), F(1)]:
    d0 = 1 / (1 + q); assert d0 * (2 * q + (1 - q)) == 1
# pi(.|0) = (1/2, 1/2), kappa = 0: hhat = r^pi - rbar = (1/2, -1); Ahat(0,0) = 2-1+hhat(1)-hhat(0) = -1/2, Ahat(0,1) = 0,
# Ahat(1,.) = 0-1+hhat(0)-hhat(1) = 1/2 for both actions (no change at state 1).
r_pi = [F(3, 2), F(0)]; rbar = F(1); hhat = [x - rbar for x in r_pi]
A00 = 2 - rbar + hhat[1] - hhat[0]; A01 = 1 - rbar + hhat[0] - hhat[0]
assert (A00, A01) == (F(-1, 2), F(0))
# exact h: h(0) - h(1) = 1, so exact advantages A(0,.) = (0, 0); bias min_c ||hhat - c - h|| = |3/2 - 1|/2 = 1/4
for tau in [mp.mpf(1) / 2, mp.mpf(1), mp.mpf(2)]:
    w0, w1 = mp.e ** (-mp.mpf(1) / 2 / tau), mp.mpf(1)
    m0, m1 = w0 / (w0 + w1), w1 / (w0 + w1)
    kl = m0 * mp.log(2 * m0) + m1 * mp.log(2 * m1)
    dmu0 = 1 / (1 + m0)
    print('tau =', tau, ': E_{d^mu,mu}[Ahat] = rbar(mu)-rbar(pi) = 0 (exact);  tau E_{d^mu} KL =', mp.nstr(tau * dmu0 * kl, 12),
          '; Thm 14 RHS tau E KL - 2*(1/4) =', mp.nstr(tau * dmu0 * kl - mp.mpf(1) / 2, 8))

print('=== (F) Thm 14 / Cor 15 with rbar_tau = J_tau (Sec. 4 entropy-regularized objective)  (false)')
# one agent, one state, actions {0,1}, r = (1, 0), pi = (9/10, 1/10), tau = 1; hhat = h (single state): bias 0
tau = mp.mpf(1); p = [mp.mpf(9) / 10, mp.mpf(1) / 10]; r = [mp.mpf(1), mp.mpf(0)]
rbar = sum(a * b for a, b in zip(p, r)); g = [x - rbar for x in r]
w = [pi_ * mp.e ** (gi / tau) for pi_, gi in zip(p, g)]; mu = [x / sum(w) for x in w]
ent = lambda q: -sum(x * mp.log(x) for x in q)
KL = sum(m * mp.log(m / q) for m, q in zip(mu, p))
gainR = sum(m * x for m, x in zip(mu, r)) - rbar
gainJ = gainR + tau * (ent(mu) - ent(p))
gainKL = gainR - tau * KL
print('mu =', [mp.nstr(x, 10) for x in mu])
print('J_tau gain =', mp.nstr(gainJ, 12), ' < tau KL =', mp.nstr(tau * KL, 12), '  (average-reward gain =', mp.nstr(gainR, 12),
      ', KL-anchored gain =', mp.nstr(gainKL, 12), ')')
# rational certificate: mu_1 = 9e/(9e+1) with e in (2.718, 2.7183): gainJ < 0 < tau KL is all we need
lo, hi = F(2718, 1000), F(27183, 10000)
print('rational bracket of mu_1:', float(9 * lo / (9 * lo + 1)), float(9 * hi / (9 * hi + 1)))
