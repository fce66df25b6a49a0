package org.localitycheck.check;

import java.util.Arrays;

/**
 * The checker's own evaluation of the one-block readings (kl-anchored, proof-step, entropy-regularized), Cor. 15's
 * passes (recomputed and stale) and lpi/scoped-update: block updates of the truncated surrogate, stationary
 * distributions enclosed by d - d~ = d^T E Z~, and the two sides as enclosures ({@link Sides}), all with this
 * package's code; {@link Checker} decides from them.
 */
final class OneBlockCheck {
    static final int BITS = 160;

    private OneBlockCheck() {
    }

    /** The new rows of agent k (baseline m.pi[k], exact logits g) and KL(new || old) at every state. */
    record Update(Enclose[][] next, Enclose[] kl) {
    }

    /** The chain of a policy known by enclosed rows: its stationary distribution and average reward. */
    record ChainEnclosure(Enclose[] d, Enclose averageReward) {
        Enclose expectation(Enclose[] f) {
            Enclose acc = Enclose.point(Frac.ZERO);
            for (int s = 0; s < f.length; s++) {
                acc = acc.add(d[s].mul(f[s]));
            }
            return acc;
        }
    }

    /** rbar, h, hhat and penalty = osc(hhat - h) = 2 min_c ||hhat - c - h|| at the file's policy. */
    record Evaluation(Frac rbar, Frac[] h, Frac[] hhat, Frac penalty) {
    }

    /** The evaluation at the file's policy, or null when its chain is multichain. */
    static Evaluation evaluation(Mdp m, int kappa) {
        Frac[][] joint = m.joint();
        Frac[] sol = m.poisson(joint);
        Frac[] sh = surrogate(m, joint, kappa);
        if (sol == null || sh == null) {
            return null;
        }
        Frac[] h = Arrays.copyOfRange(sol, 1, sol.length);
        Frac[] hhat = Arrays.copyOfRange(sh, 1, sh.length);
        Frac max = null;
        Frac min = null;
        for (int s = 0; s < m.ns; s++) {
            Frac d = hhat[s].sub(h[s]);
            max = max == null || d.compareTo(max) > 0 ? d : max;
            min = min == null || d.compareTo(min) < 0 ? d : min;
        }
        return new Evaluation(sol[0], h, hhat, max.sub(min));
    }

    /** Which objective the one-block gain is measured in, and what the right-hand side charges. */
    enum Form { KL_ANCHORED, PROOF_STEP, ENTROPY_REGULARIZED }

    /** The paper's two sides, enclosed: the charged right-hand side and the gain it claims to bound from below. */
    record Sides(Enclose charged, Enclose gain) {
    }

    /**
     * One block update of agent k at the file's policy. KL_ANCHORED: gain rbar(mu) - rbar(pi) - tau E KL against tau E KL
     * - osc(hhat - h). PROOF_STEP: gain rbar(mu) - rbar(pi) against tau E KL. ENTROPY_REGULARIZED: gain plus tau times the
     * change of sum_j E H(pi_j(.|S)), against tau E KL - osc(hhat - h); H(p*) = -KL(p*||q) - sum_b p*(b) log q(b).
     */
    static Sides sides(Mdp m, Params w, Form form) {
        return sides(m, w, form, Charge.BIAS);
    }

    /** What the charged side is: tau E KL minus osc(hhat - h), minus Thm. 14's second-form bound, or E[A^pi]. */
    enum Charge { BIAS, SECOND_FORM, IDENTITY }

    /**
     * As {@link #sides(Mdp, Params, Form)} with the charged side chosen. SECOND_FORM: n C/(1 - lambda)
     * lambda^{kappa+1} ||delta(r^pi)||_inf in place of osc(hhat - h), C the least constant of ||((E^s + E^a Pi)^T)^t||
     * &lt;= C lambda^t (null when lambda is not in (rho(H), 1)). IDENTITY: the charged side is E_{d^mu, mu}[A^pi], mu
     * the updated policy, A^pi exact (D.3's first equality, in the direction its proof uses).
     */
    static Sides sides(Mdp m, Params w, Form form, Charge charge) {
        int k = w.count("k");
        int kappa = w.count("kappa");
        Frac tau = w.number("tau");
        Evaluation ev = evaluation(m, kappa);
        if (ev == null) {
            return null;
        }
        Frac rbar = ev.rbar();
        Frac penalty = ev.penalty();
        if (charge == Charge.SECOND_FORM) {
            Frac lambda = w.number("lambda");
            Frac[][] h = m.h();
            if (lambda.compareTo(Frac.ONE) >= 0 || !Mat.rhoBelow(h, lambda)) {
                return null;
            }
            Frac c = Mat.leastConstant(Mat.t(h), lambda);
            Frac b = Frac.ZERO;
            for (Frac x : m.delta(m.rewardUnderPolicy())) {
                b = b.max(x);
            }
            penalty = Frac.of(m.n).mul(c).div(Frac.ONE.sub(lambda)).mul(lambda.pow(kappa + 1)).mul(b);
        }
        Update up = update(m, k, logits(m, k, rbar, ev.hhat()), tau);
        Enclose[][][] rows = pointRows(m);
        rows[k] = up.next();
        ChainEnclosure c = chain(m, rows);
        if (c == null) {
            return null;
        }
        Enclose ekl = c.expectation(up.kl());
        Enclose gain = c.averageReward().sub(Enclose.point(rbar));
        Enclose rhs = charge == Charge.IDENTITY ? c.expectation(advantageUnder(m, k, ev, up))
                : ekl.mul(tau).sub(Enclose.point(form == Form.PROOF_STEP ? Frac.ZERO : penalty));
        if (form == Form.KL_ANCHORED) {
            gain = gain.sub(ekl.mul(tau));
        } else if (form == Form.ENTROPY_REGULARIZED) {
            ChainEnclosure before = chain(m, pointRows(m));
            if (before == null) {
                return null;
            }
            Enclose[] hBefore = new Enclose[m.ns];
            Enclose[] hAfter = new Enclose[m.ns];
            for (int s = 0; s < m.ns; s++) {
                hBefore[s] = Enclose.point(Frac.ZERO);
                hAfter[s] = Enclose.point(Frac.ZERO);
                for (int j = 0; j < m.n; j++) {
                    Enclose hj = Enclose.point(Frac.ZERO);
                    Enclose hNew = up.kl()[s].mul(Frac.of(-1));
                    for (int b = 0; b < m.ma[j]; b++) {
                        Frac q = m.pi[j][s][b];
                        if (q.signum() > 0) {
                            Enclose lq = Enclose.log(q, BITS);
                            hj = hj.sub(lq.mul(q));
                            if (j == k) {
                                hNew = hNew.sub(up.next()[s][b].mul(lq));
                            }
                        }
                    }
                    hBefore[s] = hBefore[s].add(hj);
                    hAfter[s] = hAfter[s].add(j == k ? hNew : hj);
                }
            }
            gain = gain.add(c.expectation(hAfter).sub(before.expectation(hBefore)).mul(tau));
        }
        return new Sides(rhs, gain);
    }

    /** A cor15 file's kappa and tau, and the evaluation at its policy (null when that chain is multichain). */
    record PassInput(int kappa, Frac tau, Evaluation ev) {
        static PassInput of(Mdp m, Params w) {
            int kappa = w.count("kappa");
            Evaluation ev = evaluation(m, kappa);
            return ev == null ? null : new PassInput(kappa, w.number("tau"), ev);
        }
    }

    /**
     * cor15/stale: Algorithm 1's pass with every g_k computed at the file's policy pi, agents updated in turn; the gain
     * rbar(pi^(n)) - rbar(pi) against tau sum_k E_{d^{pi^(k)}} KL(pi_k^(k) || pi_k) - 2n min_c ||hhat - c - h||.
     */
    static Sides staleSides(Mdp m, Params w) {
        PassInput in = PassInput.of(m, w);
        if (in == null) {
            return null;
        }
        int kappa = in.kappa();
        Frac tau = in.tau();
        Evaluation ev = in.ev();
        Frac rbar = ev.rbar();
        Frac penalty = ev.penalty().mul(Frac.of(m.n));
        Enclose[][][] rows = pointRows(m);
        Enclose kl = Enclose.point(Frac.ZERO);
        ChainEnclosure last = null;
        for (int k = 0; k < m.n; k++) {
            Update up = update(m, k, logits(m, k, rbar, ev.hhat()), tau);
            rows[k] = up.next();
            last = chain(m, rows);
            if (last == null) {
                return null;
            }
            kl = kl.add(last.expectation(up.kl()));
        }
        Enclose gain = last.averageReward().sub(Enclose.point(rbar));
        Enclose rhs = kl.mul(tau).sub(Enclose.point(penalty));
        return new Sides(rhs, gain);
    }

    /**
     * cor15/literal: the cyclic pass with Remark 16's recomputed certificate: block k's hhat, rbar and g_k are evaluated
     * at the current policy pi^(k-1), whose rows after the first block are known by enclosures; the gain rbar(pi^(n)) -
     * rbar(pi) against tau sum_k E_{d^{pi^(k)}} KL(pi_k^(k) || pi_k^(k-1)) - 2n min_c ||hhat - c - h|| at the start.
     */
    static Sides recomputedSides(Mdp m, Params w) {
        PassInput in = PassInput.of(m, w);
        if (in == null) {
            return null;
        }
        int kappa = in.kappa();
        Frac tau = in.tau();
        Evaluation ev = in.ev();
        Enclose[][][] rows = pointRows(m);
        ChainEnclosure current = chain(m, rows);
        if (current == null) {
            return null;
        }
        Enclose start = current.averageReward();
        Enclose kl = Enclose.point(Frac.ZERO);
        for (int k = 0; k < m.n; k++) {
            Enclose[] hhat = surrogate(m, rows, current.averageReward(), kappa);
            Enclose[][] g = logits(m, rows, k, current.averageReward(), hhat);
            Enclose[][] q = rows[k];
            Enclose[] klk = new Enclose[m.ns];
            Enclose[][] next = new Enclose[m.ns][];
            for (int s = 0; s < m.ns; s++) {
                next[s] = new Enclose[m.ma[k]];
                klk[s] = proxRow(q[s], g[s], tau, next[s]);
            }
            rows[k] = next;
            current = chain(m, rows);
            if (current == null) {
                return null;
            }
            kl = kl.add(current.expectation(klk));
        }
        Enclose gain = current.averageReward().sub(start);
        Enclose rhs = kl.mul(tau).sub(Enclose.point(ev.penalty().mul(Frac.of(m.n))));
        return new Sides(rhs, gain);
    }

    /** exp on an interval: exp is increasing. */
    private static Enclose exp(Enclose x) {
        return new Enclose(Enclose.exp(x.lo(), BITS).lo(), Enclose.exp(x.hi(), BITS).hi());
    }

    /**
     * One state's KL-prox row from enclosed q and g: p*_b = q_b / sum_c q_c exp((g_c - g_b)/tau), written into next;
     * returns KL(p* || q) = sum_b p*_b log(p*_b / q_b) = -sum_b p*_b log den_b, enclosed and clamped at 0.
     */
    private static Enclose proxRow(Enclose[] q, Enclose[] g, Frac tau, Enclose[] next) {
        Frac inv = Frac.ONE.div(tau);
        Enclose kl = Enclose.point(Frac.ZERO);
        for (int b = 0; b < q.length; b++) {
            if (q[b].hi().signum() == 0) {
                next[b] = Enclose.point(Frac.ZERO);
                continue;
            }
            Enclose den = Enclose.point(Frac.ZERO);
            for (int c = 0; c < q.length; c++) {
                if (q[c].hi().signum() != 0) {
                    den = den.add(exp(g[c].sub(g[b]).mul(inv)).mul(q[c]));
                }
            }
            next[b] = den.inv().mul(q[b]).round(BITS + 8);
            Enclose logDen = new Enclose(Enclose.log(den.lo(), BITS).lo(), Enclose.log(den.hi(), BITS).hi());
            kl = kl.sub(next[b].mul(logDen));
        }
        return kl.lo().signum() < 0 ? new Enclose(Frac.ZERO, kl.hi().max(Frac.ZERO)) : kl;
    }

    /** Per state s, sum_b mu_k(b|s) E_{a_{-k} ~ pi_{-k}}[A^pi(s, (b, a_{-k}))], the inner sums exact. */
    private static Enclose[] advantageUnder(Mdp m, int k, Evaluation ev, Update up) {
        Frac[][] a = logits(m, k, ev.rbar(), ev.h());
        Enclose[] out = new Enclose[m.ns];
        for (int s = 0; s < m.ns; s++) {
            out[s] = Enclose.point(Frac.ZERO);
            for (int b = 0; b < m.ma[k]; b++) {
                out[s] = out[s].add(up.next()[s][b].mul(a[s][b]));
            }
        }
        return out;
    }

    /** The weight prod_{j != skip} rows[j][s][a_j] of joint action a at s (skip = -1: every agent). */
    private static Enclose weight(Mdp m, Enclose[][][] rows, int s, int a, int skip) {
        Enclose wgt = Enclose.point(Frac.ONE);
        for (int j = 0; j < m.n; j++) {
            if (j != skip) {
                wgt = wgt.mul(rows[j][s][Mdp.digit(m.ma, a, j)]);
            }
        }
        return wgt;
    }

    /** P(y | s, a) = prod_j P_j(y_j | s, a), exact. */
    private static Frac next(Mdp m, int s, int a, int y) {
        Frac py = Frac.ONE;
        for (int j = 0; j < m.n && !py.isZero(); j++) {
            py = py.mul(m.p[j][s][a][Mdp.digit(m.ms, y, j)]);
        }
        return py;
    }

    /** hhat = sum_{t<=kappa} T^t (r^pi - rbar) for enclosed rows, T and r^pi built from them. */
    static Enclose[] surrogate(Mdp m, Enclose[][][] rows, Enclose rbar, int kappa) {
        int ns = m.ns;
        Enclose[][] t = new Enclose[ns][ns];
        Enclose[] g = new Enclose[ns];
        for (int s = 0; s < ns; s++) {
            Arrays.fill(t[s], Enclose.point(Frac.ZERO));
            g[s] = rbar.mul(Frac.of(-1));
            for (int a = 0; a < m.na; a++) {
                Enclose wgt = weight(m, rows, s, a, -1);
                g[s] = g[s].add(wgt.mul(m.r[s][a]));
                for (int y = 0; y < ns; y++) {
                    Frac py = next(m, s, a, y);
                    if (!py.isZero()) {
                        t[s][y] = t[s][y].add(wgt.mul(py));
                    }
                }
            }
        }
        Enclose[] hhat = g.clone();
        Enclose[] term = g;
        for (int k = 1; k <= kappa; k++) {
            Enclose[] nt = new Enclose[ns];
            for (int s = 0; s < ns; s++) {
                nt[s] = Enclose.point(Frac.ZERO);
                for (int y = 0; y < ns; y++) {
                    nt[s] = nt[s].add(t[s][y].mul(term[y]));
                }
            }
            term = nt;
            for (int s = 0; s < ns; s++) {
                hhat[s] = hhat[s].add(term[s]);
            }
        }
        return hhat;
    }

    /** g_k(s, b) = sum over a with a_k = b of prod_{j != k} rows[j][s][a_j] Ahat(s, a), for enclosed rows and hhat. */
    static Enclose[][] logits(Mdp m, Enclose[][][] rows, int k, Enclose rbar, Enclose[] hhat) {
        Enclose[][] g = new Enclose[m.ns][m.ma[k]];
        for (int s = 0; s < m.ns; s++) {
            Arrays.fill(g[s], Enclose.point(Frac.ZERO));
            for (int a = 0; a < m.na; a++) {
                Enclose wgt = weight(m, rows, s, a, k);
                Enclose ev = Enclose.point(Frac.ZERO);
                for (int y = 0; y < m.ns; y++) {
                    Frac py = next(m, s, a, y);
                    if (!py.isZero()) {
                        ev = ev.add(hhat[y].mul(py));
                    }
                }
                Enclose adv = Enclose.point(m.r[s][a]).sub(rbar).add(ev).sub(hhat[s]);
                int b = Mdp.digit(m.ma, a, k);
                g[s][b] = g[s][b].add(wgt.mul(adv));
            }
        }
        return g;
    }

    static Enclose[][][] pointRows(Mdp m) {
        Enclose[][][] rows = new Enclose[m.n][m.ns][];
        for (int k = 0; k < m.n; k++) {
            for (int s = 0; s < m.ns; s++) {
                rows[k][s] = new Enclose[m.ma[k]];
                for (int b = 0; b < m.ma[k]; b++) {
                    rows[k][s][b] = Enclose.point(m.pi[k][s][b]);
                }
            }
        }
        return rows;
    }

    /** p*_b = q_b / sum_c q_c exp((g_c - g_b)/tau); KL = &lt;p*, g&gt;/tau - log sum_b q_b exp(g_b/tau). */
    static Update update(Mdp m, int k, Frac[][] g, Frac tau) {
        int ns = m.ns;
        int mk = m.ma[k];
        Enclose[][] next = new Enclose[ns][mk];
        Enclose[] kl = new Enclose[ns];
        for (int s = 0; s < ns; s++) {
            Enclose z = Enclose.point(Frac.ZERO);
            Enclose inner = Enclose.point(Frac.ZERO);
            for (int b = 0; b < mk; b++) {
                z = z.add(Enclose.exp(g[s][b].div(tau), BITS).mul(m.pi[k][s][b]));
            }
            for (int b = 0; b < mk; b++) {
                Frac q = m.pi[k][s][b];
                if (q.isZero()) {
                    next[s][b] = Enclose.point(Frac.ZERO);
                    continue;
                }
                Enclose den = Enclose.point(Frac.ZERO);
                for (int c = 0; c < mk; c++) {
                    if (!m.pi[k][s][c].isZero()) {
                        den = den.add(Enclose.exp(g[s][c].sub(g[s][b]).div(tau), BITS).mul(m.pi[k][s][c]));
                    }
                }
                next[s][b] = den.inv().mul(q).round(BITS + 8);
                inner = inner.add(next[s][b].mul(g[s][b].div(tau)));
            }
            Enclose logz = new Enclose(Enclose.log(z.lo(), BITS).lo(), Enclose.log(z.hi(), BITS).hi());
            kl[s] = inner.sub(logz);
        }
        return new Update(next, kl);
    }

    /**
     * A rational policy pi~ inside the rows (lower ends, the rest on the entry of largest upper end), its exact chain,
     * and d enclosed by d - d~ = d^T (P - P~) Z~ with Z~ = (I - P~ + 1 d~^T)^{-1}: |d_s - d~_s| &lt;= e max_t |Z~_ts|,
     * e bounding ||P(s, .) - P~(s, .)||_1 &lt;= sum_k ||pi_k(.|s) - pi~_k(.|s)||_1 over the closed class, where d lives.
     * Null when the chain of pi~ is multichain.
     */
    static ChainEnclosure chain(Mdp m, Enclose[][][] rows) {
        int ns = m.ns;
        Frac[][][] pt = new Frac[m.n][ns][];
        Frac[] dist = new Frac[ns];
        Arrays.fill(dist, Frac.ZERO);
        for (int k = 0; k < m.n; k++) {
            int mk = m.ma[k];
            for (int s = 0; s < ns; s++) {
                Enclose[] r = rows[k][s];
                int star = 0;
                for (int b = 1; b < mk; b++) {
                    if (r[b].hi().compareTo(r[star].hi()) > 0) {
                        star = b;
                    }
                }
                Frac[] p = new Frac[mk];
                Frac rest = Frac.ZERO;
                Frac widths = Frac.ZERO;
                for (int b = 0; b < mk; b++) {
                    if (b != star) {
                        p[b] = r[b].lo().signum() > 0 ? r[b].lo() : r[b].hi().signum() > 0 ? r[b].hi().mul(Frac.parse("1/2"))
                                : Frac.ZERO;
                        rest = rest.add(p[b]);
                        widths = widths.add(r[b].hi().sub(r[b].lo().max(Frac.ZERO)));
                    }
                }
                p[star] = Frac.ONE.sub(rest);
                pt[k][s] = p;
                dist[s] = dist[s].add(widths.mul(Frac.of(2)));
            }
        }
        Mdp approx = m.withPolicy(pt);
        Frac[][] joint = approx.joint();
        Frac[] sol = approx.poisson(joint);
        if (sol == null) {
            return null;
        }
        // d~ from the transposed system, as in Mdp.poisson
        Frac[][] a = Mat.zero(ns, ns);
        for (int s = 0; s < ns; s++) {
            for (int y = 0; y < ns - 1; y++) {
                a[s][y] = (s == y ? Frac.ONE : Frac.ZERO).sub(joint[s][y]);
            }
            a[s][ns - 1] = Frac.ONE;
        }
        Frac[] e = new Frac[ns];
        Arrays.fill(e, Frac.ZERO);
        e[ns - 1] = Frac.ONE;
        Frac[] dt = Mat.solve(Mat.t(a), e);
        Frac[][] mm = Mat.zero(ns, ns);
        for (int i = 0; i < ns; i++) {
            for (int j = 0; j < ns; j++) {
                mm[i][j] = joint[i][j].sub(dt[j]);
            }
        }
        Frac[][] zt = Mat.resolvent(mm); // (I - P~ + 1 d~^T)^{-1}
        boolean[] rec = recurrent(joint);
        Frac eNorm = Frac.ZERO;
        for (int s = 0; s < ns; s++) {
            if (rec[s]) {
                eNorm = eNorm.max(dist[s]);
            }
        }
        Enclose[] d = new Enclose[ns];
        for (int s = 0; s < ns; s++) {
            if (!rec[s]) {
                d[s] = Enclose.point(Frac.ZERO);
                continue;
            }
            Frac col = Frac.ZERO;
            for (int t = 0; t < ns; t++) {
                col = col.max(zt[t][s].abs());
            }
            Frac err = eNorm.mul(col);
            d[s] = new Enclose(dt[s].sub(err), dt[s].add(err));
        }
        Enclose avg = Enclose.point(Frac.ZERO);
        for (int s = 0; s < ns; s++) {
            Enclose rs = Enclose.point(Frac.ZERO);
            for (int x = 0; x < m.na; x++) {
                Enclose wgt = Enclose.point(Frac.ONE);
                for (int j = 0; j < m.n; j++) {
                    wgt = wgt.mul(rows[j][s][Mdp.digit(m.ma, x, j)]);
                }
                rs = rs.add(wgt.mul(m.r[s][x]));
            }
            avg = avg.add(d[s].mul(rs));
        }
        return new ChainEnclosure(d, avg);
    }

    /** States in closed classes of the support graph (Floyd-Warshall reachability). */
    static boolean[] recurrent(Frac[][] p) {
        int n = p.length;
        boolean[][] reach = new boolean[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                reach[i][j] = i == j || !p[i][j].isZero();
            }
        }
        for (int q = 0; q < n; q++) {
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    reach[i][j] |= reach[i][q] && reach[q][j];
                }
            }
        }
        boolean[] rec = new boolean[n];
        for (int i = 0; i < n; i++) {
            rec[i] = true;
            for (int j = 0; j < n; j++) {
                if (reach[i][j] && !reach[j][i]) {
                    rec[i] = false;
                }
            }
        }
        return rec;
    }

    /** g_k(s, b) = sum over a with a_k = b of prod_{j != k} pi_j(a_j|s) Ahat(s, a), Ahat from hhat. */
    static Frac[][] logits(Mdp m, int k, Frac rbar, Frac[] hhat) {
        int ns = m.ns;
        int mk = m.ma[k];
        Frac[][] g = new Frac[ns][mk];
        for (int s = 0; s < ns; s++) {
            Arrays.fill(g[s], Frac.ZERO);
            for (int a = 0; a < m.na; a++) {
                Frac wgt = Frac.ONE;
                for (int j = 0; j < m.n; j++) {
                    if (j != k) {
                        wgt = wgt.mul(m.pi[j][s][Mdp.digit(m.ma, a, j)]);
                    }
                }
                if (wgt.isZero()) {
                    continue;
                }
                Frac ev = Frac.ZERO;
                for (int y = 0; y < ns; y++) {
                    Frac py = Frac.ONE;
                    for (int j = 0; j < m.n && !py.isZero(); j++) {
                        py = py.mul(m.p[j][s][a][Mdp.digit(m.ms, y, j)]);
                    }
                    ev = ev.add(py.mul(hhat[y]));
                }
                Frac adv = m.r[s][a].sub(rbar).add(ev).sub(hhat[s]);
                int b = Mdp.digit(m.ma, a, k);
                g[s][b] = g[s][b].add(wgt.mul(adv));
            }
        }
        return g;
    }

    /** hhat = sum_{t<=kappa} P^t (r - rbar) and rbar, or null when multichain: {rbar, hhat...}. */
    static Frac[] surrogate(Mdp m, Frac[][] joint, int kappa) {
        Frac[] sol = m.poisson(joint);
        if (sol == null) {
            return null;
        }
        Frac rbar = sol[0];
        Frac[] g0 = m.rewardUnderPolicy();
        for (int s = 0; s < m.ns; s++) {
            g0[s] = g0[s].sub(rbar);
        }
        Frac[] hhat = g0.clone();
        Frac[] term = g0;
        for (int t = 1; t <= kappa; t++) {
            term = Mdp.apply(joint, term);
            for (int s = 0; s < m.ns; s++) {
                hhat[s] = hhat[s].add(term[s]);
            }
        }
        Frac[] out = new Frac[m.ns + 1];
        out[0] = rbar;
        System.arraycopy(hhat, 0, out, 1, m.ns);
        return out;
    }

    /** lpi/scoped-update: two states with the same observed coordinates whose g_k differ by a non-constant vector. */
    static boolean scopedUpdateBroken(Mdp m, Params w) {
        int k = w.count("k");
        int kappa = w.count("kappa");
        Frac[] sh = surrogate(m, m.joint(), kappa);
        if (sh == null) {
            return false;
        }
        Frac[][] g = logits(m, k, sh[0], Arrays.copyOfRange(sh, 1, sh.length));
        for (int s = 0; s < m.ns; s++) {
            for (int t = s + 1; t < m.ns; t++) {
                boolean sameView = true;
                for (int i = 0; i < m.n; i++) {
                    if (m.observes[k][i] && Mdp.digit(m.ms, s, i) != Mdp.digit(m.ms, t, i)) {
                        sameView = false;
                    }
                }
                if (!sameView) {
                    continue;
                }
                Frac shift = null;
                for (int b = 0; b < m.ma[k]; b++) {
                    if (m.pi[k][s][b].isZero()) {
                        continue;
                    }
                    Frac d = g[s][b].sub(g[t][b]);
                    if (shift == null) {
                        shift = d;
                    } else if (shift.compareTo(d) != 0) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
