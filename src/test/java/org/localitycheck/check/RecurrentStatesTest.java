package org.localitycheck.check;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

/**
 * The checker's closed classes (where the stationary distribution of the one-block and cor15 enclosures lives), on
 * chains whose classes are read off by hand: every stored file's chain is irreducible, so transient states come only
 * from these and from drawn cases.
 */
class RecurrentStatesTest {
    private static Frac[][] chain(String[][] rows) {
        Frac[][] p = new Frac[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            p[i] = new Frac[rows[i].length];
            for (int j = 0; j < rows[i].length; j++) {
                p[i][j] = Frac.parse(rows[i][j]);
            }
        }
        return p;
    }

    @Test
    void aStateThatLeavesForGoodIsTransient() {
        // 0 -> 1 -> 2 -> 1: {1, 2} is closed, 0 is never re-entered
        Frac[][] p = chain(new String[][] {{"1/2", "1/2", "0"}, {"0", "1/2", "1/2"}, {"0", "1", "0"}});
        assertArrayEquals(new boolean[] {false, true, true}, OneBlockCheck.recurrent(p));
    }

    @Test
    void aTransientStateReachedFromNoneIsStillTransient() {
        // 0 and 1 absorbing; 2 keeps a self-loop but leaks to both
        Frac[][] p = chain(new String[][] {{"1", "0", "0"}, {"0", "1", "0"}, {"1/3", "1/3", "1/3"}});
        assertArrayEquals(new boolean[] {true, true, false}, OneBlockCheck.recurrent(p));
    }

    @Test
    void cyclesAndSelfLoopsAreRecurrent() {
        assertArrayEquals(new boolean[] {true, true}, OneBlockCheck.recurrent(chain(new String[][] {{"0", "1"}, {"1", "0"}})));
        assertArrayEquals(new boolean[] {true, true, true},
                OneBlockCheck.recurrent(chain(new String[][] {{"0", "1", "0"}, {"0", "0", "1"}, {"1", "0", "0"}})));
        // 0 -> 1 -> 2 -> 2: a path into an absorbing state
        assertArrayEquals(new boolean[] {false, false, true},
                OneBlockCheck.recurrent(chain(new String[][] {{"0", "1", "0"}, {"0", "0", "1"}, {"0", "0", "1"}})));
        // 0 <-> 1 -> 2 absorbing: 0 reaches 2 only through 1, so a one-step test would call 0 recurrent
        assertArrayEquals(new boolean[] {false, false, true},
                OneBlockCheck.recurrent(chain(new String[][] {{"0", "1", "0"}, {"1/2", "0", "1/2"}, {"0", "0", "1"}})));
    }
}
