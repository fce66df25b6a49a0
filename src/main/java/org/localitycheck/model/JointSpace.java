package org.localitycheck.model;

import java.util.Arrays;

/**
 * A product of finite local sets, numbered in lexicographic order with agent 0 the most significant
 * digit: (x_0, ..., x_{n-1}) has index sum_i x_i prod_{l > i} m_l (FORMATS.md, Indexing).
 */
public final class JointSpace {
    private final int[] sizes;
    private final int[] weights;
    private final int size;

    private JointSpace(int[] sizes) {
        this.sizes = sizes;
        this.weights = new int[sizes.length];
        long w = 1;
        for (int i = sizes.length - 1; i >= 0; i--) {
            weights[i] = (int) w;
            w *= sizes[i];
            if (w > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("JointSpace: product of sizes " + Arrays.toString(sizes)
                        + " exceeds " + Integer.MAX_VALUE);
            }
        }
        this.size = (int) w;
    }

    public static JointSpace of(int... sizes) {
        for (int i = 0; i < sizes.length; i++) {
            if (sizes[i] < 1) {
                throw new IllegalArgumentException("JointSpace: size of coordinate " + i + " is " + sizes[i]
                        + ", must be at least 1");
            }
        }
        return new JointSpace(sizes.clone());
    }

    /** The product of sizes as a long, without building the space (for limit checks). */
    public static long productOf(int... sizes) {
        long w = 1;
        for (int s : sizes) {
            w = Math.multiplyExact(w, (long) s);
        }
        return w;
    }

    public int size() {
        return size;
    }

    public int coordinates() {
        return sizes.length;
    }

    public int localSize(int i) {
        return sizes[i];
    }

    public int digit(int index, int i) {
        return index / weights[i] % sizes[i];
    }

    public int withDigit(int index, int i, int value) {
        return index + (value - digit(index, i)) * weights[i];
    }

    public int weight(int i) {
        return weights[i];
    }

    public int encode(int... digits) {
        int idx = 0;
        for (int i = 0; i < sizes.length; i++) {
            if (digits[i] < 0 || digits[i] >= sizes[i]) {
                throw new IllegalArgumentException("JointSpace.encode: digit " + i + " is " + digits[i]
                        + ", outside 0.." + (sizes[i] - 1));
            }
            idx += digits[i] * weights[i];
        }
        return idx;
    }

    public int[] decode(int index) {
        int[] d = new int[sizes.length];
        for (int i = 0; i < sizes.length; i++) {
            d[i] = digit(index, i);
        }
        return d;
    }

    /** Index of the sub-tuple on the given coordinates, in the sub-space of those coordinates. */
    public int project(int index, int[] coords) {
        int r = 0;
        for (int c : coords) {
            r = r * sizes[c] + digit(index, c);
        }
        return r;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof JointSpace && Arrays.equals(sizes, ((JointSpace) o).sizes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(sizes);
    }

    @Override
    public String toString() {
        return "JointSpace" + Arrays.toString(sizes);
    }
}
