package org.localitycheck.model;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.localitycheck.arith.Rational;

/** Seeded random probability rows and values with small denominators: the atoms of every generator. */
public final class RandomRows {
    private RandomRows() {
    }

    /** A probability vector of length m with entries k/den; strictly positive when {@code dense}. */
    public static Rational[] probability(SplittableRandom rnd, int m, int den, boolean dense) {
        if (m == 1) {
            return new Rational[] {Rational.ONE};
        }
        if (dense && den < m) {
            den = m;
        }
        int[] cuts = new int[m + 1];
        cuts[0] = 0;
        cuts[m] = den;
        if (dense) {
            // m-1 distinct cuts in 1..den-1
            TreeSet<Integer> set = new TreeSet<>();
            while (set.size() < m - 1) {
                set.add(1 + rnd.nextInt(den - 1));
            }
            int i = 1;
            for (int c : set) {
                cuts[i++] = c;
            }
        } else {
            for (int i = 1; i < m; i++) {
                cuts[i] = rnd.nextInt(den + 1);
            }
            Arrays.sort(cuts, 1, m);
        }
        Rational[] row = new Rational[m];
        for (int x = 0; x < m; x++) {
            row[x] = Rational.of(cuts[x + 1] - cuts[x], den);
        }
        return row;
    }

    /** A probability vector of length m with entries w_x / sum(w), each weight w_x drawn from 1..maxWeight. */
    public static Rational[] weighted(SplittableRandom rnd, int m, int maxWeight) {
        long[] w = new long[m];
        long sum = 0;
        for (int x = 0; x < m; x++) {
            w[x] = 1 + rnd.nextInt(maxWeight);
            sum += w[x];
        }
        Rational[] row = new Rational[m];
        for (int x = 0; x < m; x++) {
            row[x] = Rational.of(w[x], sum);
        }
        return row;
    }

    /** A fraction p/q with q drawn from 1..maxDen and p from -2q..2q. */
    public static Rational fraction(SplittableRandom rnd, int maxDen) {
        int q = 1 + rnd.nextInt(maxDen);
        return Rational.of(-2 * q + rnd.nextInt(4 * q + 1), q);
    }

    /** A point mass on x. */
    public static Rational[] pointMass(int m, int x) {
        Rational[] row = new Rational[m];
        Arrays.fill(row, Rational.ZERO);
        row[x] = Rational.ONE;
        return row;
    }

    /** The uniform distribution on m points. */
    public static Rational[] uniform(int m) {
        Rational[] row = new Rational[m];
        Arrays.fill(row, Rational.of(1, m));
        return row;
    }

    /** An integer in lo..hi, as a rational. */
    public static Rational integer(SplittableRandom rnd, int lo, int hi) {
        return Rational.of(lo + rnd.nextInt(hi - lo + 1));
    }
}
