package org.localitycheck.check;

import java.util.Arrays;

/** The checker's small dense matrices over {@link Frac}: plain arrays and static operations. */
final class Mat {
    private Mat() {
    }

    static Frac[][] zero(int r, int c) {
        Frac[][] m = new Frac[r][c];
        for (Frac[] row : m) {
            Arrays.fill(row, Frac.ZERO);
        }
        return m;
    }

    static Frac[][] id(int n) {
        Frac[][] m = zero(n, n);
        for (int i = 0; i < n; i++) {
            m[i][i] = Frac.ONE;
        }
        return m;
    }

    static Frac[][] mul(Frac[][] a, Frac[][] b) {
        Frac[][] r = zero(a.length, b[0].length);
        for (int i = 0; i < a.length; i++) {
            for (int k = 0; k < b.length; k++) {
                if (a[i][k].isZero()) {
                    continue;
                }
                for (int j = 0; j < b[0].length; j++) {
                    r[i][j] = r[i][j].add(a[i][k].mul(b[k][j]));
                }
            }
        }
        return r;
    }

    static Frac[] mul(Frac[][] a, Frac[] x) {
        Frac[] r = new Frac[a.length];
        for (int i = 0; i < a.length; i++) {
            r[i] = Frac.ZERO;
            for (int k = 0; k < x.length; k++) {
                r[i] = r[i].add(a[i][k].mul(x[k]));
            }
        }
        return r;
    }

    static Frac[][] add(Frac[][] a, Frac[][] b) {
        Frac[][] r = new Frac[a.length][a[0].length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[0].length; j++) {
                r[i][j] = a[i][j].add(b[i][j]);
            }
        }
        return r;
    }

    static Frac[][] scale(Frac[][] a, Frac c) {
        Frac[][] r = new Frac[a.length][a[0].length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[0].length; j++) {
                r[i][j] = a[i][j].mul(c);
            }
        }
        return r;
    }

    static Frac[][] t(Frac[][] a) {
        Frac[][] r = new Frac[a[0].length][a.length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[0].length; j++) {
                r[j][i] = a[i][j];
            }
        }
        return r;
    }

    static Frac[][] pow(Frac[][] a, int k) {
        Frac[][] r = id(a.length);
        for (int i = 0; i < k; i++) {
            r = mul(r, a);
        }
        return r;
    }

    static Frac normInf(Frac[][] a) {
        Frac best = Frac.ZERO;
        for (Frac[] row : a) {
            Frac s = Frac.ZERO;
            for (Frac x : row) {
                s = s.add(x.abs());
            }
            best = best.max(s);
        }
        return best;
    }

    static boolean isZero(Frac[][] a) {
        for (Frac[] row : a) {
            for (Frac x : row) {
                if (!x.isZero()) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Solves A x = b by Gauss-Jordan with row exchanges; null when A is singular. */
    static Frac[] solve(Frac[][] a0, Frac[] b0) {
        int n = a0.length;
        Frac[][] a = new Frac[n][];
        Frac[] b = b0.clone();
        for (int i = 0; i < n; i++) {
            a[i] = a0[i].clone();
        }
        for (int k = 0; k < n; k++) {
            int p = k;
            while (p < n && a[p][k].isZero()) {
                p++;
            }
            if (p == n) {
                return null;
            }
            Frac[] tr = a[p];
            a[p] = a[k];
            a[k] = tr;
            Frac tb = b[p];
            b[p] = b[k];
            b[k] = tb;
            for (int i = 0; i < n; i++) {
                if (i == k || a[i][k].isZero()) {
                    continue;
                }
                Frac f = a[i][k].div(a[k][k]);
                for (int j = k; j < n; j++) {
                    a[i][j] = a[i][j].sub(f.mul(a[k][j]));
                }
                b[i] = b[i].sub(f.mul(b[k]));
            }
        }
        Frac[] x = new Frac[n];
        for (int i = 0; i < n; i++) {
            x[i] = b[i].div(a[i][i]);
        }
        return x;
    }

    /** (I - m)^{-1} column by column; null when singular. */
    static Frac[][] resolvent(Frac[][] m) {
        int n = m.length;
        Frac[][] a = add(id(n), scale(m, Frac.of(-1)));
        Frac[][] inv = new Frac[n][];
        for (int j = 0; j < n; j++) {
            Frac[] e = new Frac[n];
            Arrays.fill(e, Frac.ZERO);
            e[j] = Frac.ONE;
            Frac[] col = solve(a, e);
            if (col == null) {
                return null;
            }
            inv[j] = col;
        }
        return t(inv);
    }

    static Frac det(Frac[][] a0) {
        int n = a0.length;
        Frac[][] a = new Frac[n][];
        for (int i = 0; i < n; i++) {
            a[i] = a0[i].clone();
        }
        Frac det = Frac.ONE;
        for (int k = 0; k < n; k++) {
            int p = k;
            while (p < n && a[p][k].isZero()) {
                p++;
            }
            if (p == n) {
                return Frac.ZERO;
            }
            if (p != k) {
                Frac[] tr = a[p];
                a[p] = a[k];
                a[k] = tr;
                det = det.neg();
            }
            det = det.mul(a[k][k]);
            for (int i = k + 1; i < n; i++) {
                Frac f = a[i][k].div(a[k][k]);
                for (int j = k; j < n; j++) {
                    a[i][j] = a[i][j].sub(f.mul(a[k][j]));
                }
            }
        }
        return det;
    }

    /**
     * rho(m) &lt; lambda for m &gt;= 0 and lambda &gt; 0: lambda I - m is a nonsingular M-matrix, i.e. all its
     * leading principal minors are positive.
     */
    static boolean rhoBelow(Frac[][] m, Frac lambda) {
        int n = m.length;
        Frac[][] a = add(scale(id(n), lambda), scale(m, Frac.of(-1)));
        for (int k = 1; k <= n; k++) {
            Frac[][] lead = new Frac[k][k];
            for (int i = 0; i < k; i++) {
                lead[i] = Arrays.copyOf(a[i], k);
            }
            if (det(lead).signum() <= 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * rho(m) &lt;= lambda for m &gt;= 0: lambda I - m is a (possibly singular) M-matrix, i.e. every principal minor is
     * nonnegative (exact; 2^n minors, for the small matrices of the family files).
     */
    static boolean rhoAtMost(Frac[][] m, Frac lambda) {
        int n = m.length;
        Frac[][] a = add(scale(id(n), lambda), scale(m, Frac.of(-1)));
        for (int mask = 1; mask < (1 << n); mask++) {
            int k = Integer.bitCount(mask);
            Frac[][] sub = new Frac[k][k];
            int r = 0;
            for (int i = 0; i < n; i++) {
                if ((mask >> i & 1) == 0) {
                    continue;
                }
                int c = 0;
                for (int j = 0; j < n; j++) {
                    if ((mask >> j & 1) == 1) {
                        sub[r][c++] = a[i][j];
                    }
                }
                r++;
            }
            if (det(sub).signum() < 0) {
                return false;
            }
        }
        return true;
    }

    /** m^n = 0: for m &gt;= 0, rho(m) = 0. */
    static boolean nilpotent(Frac[][] m) {
        return isZero(pow(m, m.length));
    }

    /** The least C with ||m^t||_inf &lt;= C lambda^t for all t, when rho(m) &lt; lambda (see PowerBound's argument). */
    static Frac leastConstant(Frac[][] m, Frac lambda) {
        Frac[][] a = scale(m, Frac.ONE.div(lambda));
        Frac[][] p = id(m.length);
        Frac best = Frac.ONE;
        for (int t = 1; t <= 1_000; t++) {
            p = mul(p, a);
            Frac nrm = normInf(p);
            if (nrm.compareTo(Frac.ONE) <= 0) {
                return best;
            }
            best = best.max(nrm);
        }
        throw new ArithmeticException("check: no power of M/lambda below norm 1");
    }
}
