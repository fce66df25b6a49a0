package org.localitycheck.check;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The checker's own evaluation of one-block/kl-anchored: the block update of agent k from the truncated surrogate,
 * its stationary distribution enclosed by d - d~ = d^T E Z~, and the two sides, all with this package's code.
 * Accepts when its own enclosures prove RHS &gt; gain.
 */
final class OneBlockCheck {
    static final int BITS = 160;

    private OneBlockCheck() {
    }

    static boolean violated(JsonNode file) {
        Mdp m = new Mdp(file.get("instance"));
        JsonNode w = file.get("witness");
        int k = w.get("k").asInt();
        int kappa = w.get("kappa").asInt();
        Frac tau = Frac.parse(w.get("tau").asText());
        Frac[][] joint = m.joint();
        Frac[] sol = m.poisson(joint);
        Frac[] sh = surrogate(m, joint, kappa);
        if (sol == null || sh == null) {
            return false;
        }
        Frac rbar = sol[0];
        int ns = m.ns;
        Frac[] h = java.util.Arrays.copyOfRange(sol, 1, sol.length);
        Frac[] hhat = java.util.Arrays.copyOfRange(sh, 1, sh.length);
        Frac max = null;
        Frac min = null;
        for (int s = 0; s < ns; s++) {
            Frac d = hhat[s].sub(h[s]);
            max = max == null || d.compareTo(max) > 0 ? d : max;
            min = min == null || d.compareTo(min) < 0 ? d : min;
        }
        Frac penalty = max.sub(min); // 2 min_c ||hhat - c - h||
        int mk = m.ma[k];
        Frac[][] g = logits(m, k, rbar, hhat);
        // new rows and KL
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
        // the rational projection and its chain
        Frac[][][] saved = new Frac[ns][][];
        Frac eNorm = Frac.ZERO;
        boolean pointsOnly = true;
        for (int s = 0; s < ns; s++) {
            saved[s] = new Frac[][] {m.pi[k][s]};
            int star = 0;
            for (int b = 1; b < mk; b++) {
                if (next[s][b].hi().compareTo(next[s][star].hi()) > 0) {
                    star = b;
                }
            }
            Frac[] p = new Frac[mk];
            Frac rest = Frac.ZERO;
            Frac widths = Frac.ZERO;
            for (int b = 0; b < mk; b++) {
                if (b != star) {
                    Enclose e = next[s][b];
                    p[b] = e.lo().signum() > 0 ? e.lo() : e.hi().signum() > 0 ? e.hi().mul(Frac.parse("1/2")) : Frac.ZERO;
                    rest = rest.add(p[b]);
                    widths = widths.add(e.hi().sub(e.lo().max(Frac.ZERO)));
                }
            }
            p[star] = Frac.ONE.sub(rest);
            eNorm = eNorm.max(widths.mul(Frac.of(2)));
            m.pi[k][s] = p;
        }
        Frac[][] pt = m.joint();
        Frac[] dsol = m.poisson(pt);
        if (dsol == null) {
            return false;
        }
        // d~ from the transposed system, as in Mdp.poisson
        Frac[][] a = Mat.zero(ns, ns);
        for (int s = 0; s < ns; s++) {
            for (int y = 0; y < ns - 1; y++) {
                a[s][y] = (s == y ? Frac.ONE : Frac.ZERO).sub(pt[s][y]);
            }
            a[s][ns - 1] = Frac.ONE;
        }
        Frac[] e = new Frac[ns];
        java.util.Arrays.fill(e, Frac.ZERO);
        e[ns - 1] = Frac.ONE;
        Frac[] dt = Mat.solve(Mat.t(a), e);
        Frac[][] mm = Mat.zero(ns, ns);
        for (int i = 0; i < ns; i++) {
            for (int j = 0; j < ns; j++) {
                mm[i][j] = pt[i][j].sub(dt[j]);
            }
        }
        Frac[][] zt = Mat.resolvent(mm); // (I - P~ + 1 d~^T)^{-1}
        boolean[] rec = recurrent(pt);
        for (int s = 0; s < ns; s++) {
            for (int b = 0; b < mk && rec[s]; b++) {
                pointsOnly &= next[s][b].lo().compareTo(next[s][b].hi()) == 0;
            }
        }
        if (pointsOnly) {
            eNorm = Frac.ZERO;
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
        // averages
        Enclose avg = Enclose.point(Frac.ZERO);
        Enclose ekl = Enclose.point(Frac.ZERO);
        for (int s = 0; s < ns; s++) {
            Enclose rs = Enclose.point(Frac.ZERO);
            for (int x = 0; x < m.na; x++) {
                Enclose wgt = next[s][Mdp.digit(m.ma, x, k)];
                for (int j = 0; j < m.n; j++) {
                    if (j != k) {
                        wgt = wgt.mul(m.pi[j][s][Mdp.digit(m.ma, x, j)]);
                    }
                }
                rs = rs.add(wgt.mul(m.r[s][x]));
            }
            avg = avg.add(d[s].mul(rs));
            ekl = ekl.add(d[s].mul(kl[s]));
        }
        Enclose anchored = avg.sub(Enclose.point(rbar)).sub(ekl.mul(tau));
        Enclose rhs = ekl.mul(tau).sub(Enclose.point(penalty));
        // the file's sides must be consistent with the truth as enclosed here: lhs a lower end of the true RHS,
        // rhs an upper end of the true gain
        Frac fileLhs = Frac.parse(file.get("lhs").asText());
        Frac fileRhs = Frac.parse(file.get("rhs").asText());
        return rhs.lo().compareTo(anchored.hi()) > 0 && fileLhs.compareTo(rhs.hi()) <= 0
                && fileRhs.compareTo(anchored.lo()) >= 0 && fileLhs.compareTo(fileRhs) > 0;
    }

    /** States in closed classes of the support graph (Floyd-Warshall reachability). */
    private static boolean[] recurrent(Frac[][] p) {
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
            java.util.Arrays.fill(g[s], Frac.ZERO);
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
    static boolean scopedUpdateBroken(JsonNode file) {
        Mdp m = new Mdp(file.get("instance"));
        int k = file.get("witness").get("k").asInt();
        int kappa = file.get("witness").get("kappa").asInt();
        JsonNode obs = file.get("instance").get("agents").get(k).get("observes");
        if (obs == null || obs.isNull()) {
            return false;
        }
        java.util.Set<Integer> seen = new java.util.HashSet<>();
        for (JsonNode o : obs) {
            seen.add(o.asInt());
        }
        Frac[] sh = surrogate(m, m.joint(), kappa);
        if (sh == null) {
            return false;
        }
        Frac[][] g = logits(m, k, sh[0], java.util.Arrays.copyOfRange(sh, 1, sh.length));
        for (int s = 0; s < m.ns; s++) {
            for (int t = s + 1; t < m.ns; t++) {
                boolean sameView = true;
                for (int i = 0; i < m.n; i++) {
                    if (seen.contains(i) && Mdp.digit(m.ms, s, i) != Mdp.digit(m.ms, t, i)) {
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
