package org.localitycheck.arith;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The Collatz-Wielandt enclosure holds rho: on small sparse matrices it overlaps the exact M-matrix enclosure
 * of {@link SpectralRadius} (both hold rho); on a large inhomogeneous ring, whose Perron vector is localised
 * far below the range of doubles, it stays narrow.
 */
class CollatzWielandtTest {
    /** A sparse nonnegative matrix by rows: each row reads itself and {@code degree} random others. */
    private static Rational[][] sparse(SplittableRandom rnd, int n, int degree, int[][] cols) {
        Rational[][] v = new Rational[n][];
        for (int j = 0; j < n; j++) {
            TreeSet<Integer> s = new TreeSet<>();
            s.add(j);
            while (s.size() < Math.min(n, degree + 1)) {
                s.add(rnd.nextInt(n));
            }
            cols[j] = s.stream().mapToInt(Integer::intValue).toArray();
            v[j] = new Rational[cols[j].length];
            for (int p = 0; p < v[j].length; p++) {
                v[j][p] = rnd.nextInt(4) == 0 ? Rational.ZERO : Rational.of(rnd.nextInt(1, 12), rnd.nextInt(8, 40));
            }
        }
        return v;
    }

    @Test
    void enclosesTheExactSpectralRadiusOnSmallSparseMatrices() {
        SplittableRandom rnd = new SplittableRandom(11);
        int reducible = 0;
        for (int t = 0; t < 60; t++) {
            int n = 2 + rnd.nextInt(12);
            int[][] cols = new int[n][];
            Rational[][] v = sparse(rnd, n, 1 + rnd.nextInt(3), cols);
            RationalInterval cw = CollatzWielandt.enclose(cols, v, v);
            RationalInterval exact = SpectralRadius.enclose(RationalMatrix.ofSparseRows(cols, v));
            assertTrue(cw.overlaps(exact), "t=" + t + ": " + cw + " vs " + exact);
            assertTrue(cw.width().compareTo(Rational.of(1, 1_000_000)) < 0, "t=" + t + ": width " + cw.width());
            int[] comp = CollatzWielandt.components(cols, v);
            reducible += Arrays.stream(comp).max().getAsInt() > 0 ? 1 : 0;
        }
        assertTrue(reducible >= 10, "reducible cases drawn: " + reducible);
    }

    @Test
    void aShiftedEnclosureIsRejectedByTheSameComparison() {
        // the comparison above can fail: an interval above the exact one does not overlap it
        int[][] cols = {{0, 1}, {0, 1}};
        Rational[][] v = {{Rational.HALF, Rational.of(1, 4)}, {Rational.of(1, 4), Rational.HALF}};
        RationalInterval exact = SpectralRadius.enclose(RationalMatrix.ofSparseRows(cols, v)); // rho = 3/4: eigenvalues 1/2 +- 1/4
        assertTrue(exact.contains(Rational.of(3, 4)));
        assertTrue(CollatzWielandt.enclose(cols, v, v).contains(Rational.of(3, 4)));
        RationalInterval shifted = RationalInterval.of(Rational.of(3, 4).add(Rational.of(1, 1000)), Rational.ONE);
        assertFalse(shifted.overlaps(exact));
    }

    @Test
    void intervalEntriesGiveTheEnclosureOfTheirEnds() {
        int[][] cols = {{0}, {1}};
        Rational[][] lo = {{Rational.of(1, 4)}, {Rational.of(1, 8)}};
        Rational[][] hi = {{Rational.of(1, 3)}, {Rational.of(1, 2)}};
        // diagonal: rho in [max lower, max upper] = [1/4, 1/2]
        assertEquals(RationalInterval.of(Rational.of(1, 4), Rational.of(1, 2)), CollatzWielandt.enclose(cols, lo, hi));
    }

    @Test
    void staysNarrowOnALocalisedInhomogeneousRing() {
        SplittableRandom rnd = new SplittableRandom(3);
        int n = 400;
        int[][] cols = new int[n][];
        Rational[][] v = new Rational[n][];
        for (int j = 0; j < n; j++) {
            List<Integer> c = new ArrayList<>(List.of(Math.floorMod(j - 1, n), j, Math.floorMod(j + 1, n)));
            Collections.sort(c);
            cols[j] = c.stream().mapToInt(Integer::intValue).toArray();
            v[j] = new Rational[3];
            for (int p = 0; p < 3; p++) {
                v[j][p] = cols[j][p] == j ? Rational.of(rnd.nextInt(1, 64), 80) : Rational.of(rnd.nextInt(1, 8), 256);
            }
        }
        RationalInterval cw = CollatzWielandt.enclose(cols, v, v);
        assertTrue(cw.width().compareTo(Rational.of(1, 1_000_000_000)) < 0, "width " + cw.width().doubleValue());
        // the largest diagonal entry is a lower bound (a 1 x 1 principal submatrix); the largest row sum an upper one
        Rational maxDiag = Rational.ZERO;
        Rational maxRow = Rational.ZERO;
        for (int j = 0; j < n; j++) {
            Rational row = Rational.ZERO;
            for (int p = 0; p < 3; p++) {
                row = row.add(v[j][p]);
                maxDiag = cols[j][p] == j ? maxDiag.max(v[j][p]) : maxDiag;
            }
            maxRow = maxRow.max(row);
        }
        assertTrue(cw.lower().compareTo(maxDiag) >= 0 && cw.upper().compareTo(maxRow) <= 0, cw.toString());
    }
}
