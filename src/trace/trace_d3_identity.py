# D.3 proof's first step "Delta := rbar_tau(mu) - rbar_tau(pi) = E_{d^mu,mu}[A^pi]" under the tau-objectives
# that the catalogue itself treats as Thm 14's as-stated readings. One state, one agent, 2 actions, kappa irrelevant.
from mpmath import mp, mpf, exp, log
mp.dps = 50
r = [mpf(1), mpf(0)]; q = [mpf(9)/10, mpf(1)/10]; tau = mpf(1)
rbar = sum(p*x for p, x in zip(q, r))
A = [x - rbar for x in r]                       # A^pi(a) (one state: h constant)
w = [p*exp(a/tau) for p, a in zip(q, A)]; Z = sum(w); mu = [x/Z for x in w]
EA = sum(m*a for m, a in zip(mu, A))            # E_{mu}[A^pi] = rbar(mu) - rbar(pi)
ent = lambda p: -sum(x*log(x) for x in p)
KL = sum(m*log(m/p) for m, p in zip(mu, q))
J = lambda p: sum(x*y for x, y in zip(p, r)) + tau*ent(p)          # Sec. 4's J_tau (entropy-regularized)
print("E_mu[A^pi]            =", mp.nstr(EA, 12))
print("J_tau(mu) - J_tau(pi) =", mp.nstr(J(mu) - J(q), 12), "  (differs by tau*(H(mu)-H(pi)) =", mp.nstr(tau*(ent(mu)-ent(q)), 12), ")")
print("KL-anchored gain      =", mp.nstr(EA - tau*KL, 12), "  (differs by -tau*KL =", mp.nstr(-tau*KL, 12), ")")
print("tau*KL(mu||pi)        =", mp.nstr(tau*KL, 12))
# the values properties/statements.md quotes (row App. D.3, proof (L636), equality), to 4 digits
assert mp.nstr(EA, 3) == '0.0607' and mp.nstr(J(mu) - J(q), 3) == '-0.0987' and mp.nstr(EA - tau*KL, 3) == '0.0347'
