package org.localitycheck.model;

/** A product policy pi(a | s) = prod_k pi_k(a_k | s_{O_k}), tabular or softmax. */
public interface Policy {
    /** "tabular" or "softmax", as in FORMATS.md. */
    String kind();
}
