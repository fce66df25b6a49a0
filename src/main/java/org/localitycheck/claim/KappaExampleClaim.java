package org.localitycheck.claim;

import java.util.List;
import org.localitycheck.arith.Rational;

/**
 * Sec. 3's numbers: 0.99^kappa &lt;= 0.01 "needs kappa ~ 458", 0.495^kappa &lt;= 0.01 "needs kappa ~ 7". Each
 * reading fixes its own kappa (no witness parameters) and involves no instance.
 */
public final class KappaExampleClaim extends BaseClaim {
    public static final Rational PRIOR = Rational.parse("0.99");
    public static final Rational OURS = Rational.parse("0.495");
    static final Rational TARGET = Rational.parse("0.01");

    KappaExampleClaim() {
        super("kappa-example", "Sec. 3, Extension (worked numbers)",
                "0.99^kappa <= 0.01 needs kappa ~ 458; 0.495^kappa <= 0.01 needs kappa ~ 7");
    }

    @Override
    public String family() {
        return "none";
    }

    @Override
    public List<Reading> readings() {
        return List.of(
                Reading.of("prior-458", "kappa = 458 hops suffice for the prior bound: 0.99^458 <= 0.01", Expected.REFUTED,
                        "0.99^458 = 0.01002... > 0.01; the least kappa is 459 (the paper's '~' hedges this).",
                        (ctx, w) -> Verdict.atMost(PRIOR.pow(458), TARGET, "0.99^458 vs 0.01")).convention(),
                Reading.of("prior-approximately", "the least kappa with 0.99^kappa <= 0.01 is within 1 of 458",
                        Expected.HOLDS, "The least kappa is 459.",
                        (ctx, w) -> Verdict.fact(Math.abs(least(PRIOR) - 458) <= 1, "least kappa = " + least(PRIOR))),
                Reading.of("ours-7", "kappa = 7 suffices and is least: 0.495^7 <= 0.01 < 0.495^6", Expected.HOLDS,
                        "0.495^7 = " + OURS.pow(7).significant(5) + "..., 0.495^6 = " + OURS.pow(6).significant(5)
                                + "...",
                        (ctx, w) -> Verdict.worst(List.of(Verdict.atMost(OURS.pow(7), TARGET, "0.495^7 vs 0.01"),
                                Verdict.fact(OURS.pow(6).compareTo(TARGET) > 0, "0.495^6 > 0.01")))),
                Reading.of("bias-exponent-prior", "with the exponent of Thm. 7's bias bound, lambda^(kappa+1): the least "
                        + "kappa with 0.99^(kappa+1) <= 0.01 is 458", Expected.HOLDS,
                        "Thm. 7 and App. D.1 bound the bias by a multiple of lambda^(kappa+1), not lambda^kappa as the worked "
                                + "example writes; with that exponent the paper's 458 is exact (0.99^459 = "
                                + PRIOR.pow(459).significant(5) + "...).",
                        (ctx, w) -> Verdict.fact(least(PRIOR) - 1 == 458, "least kappa = " + (least(PRIOR) - 1)))
                        .convention(),
                Reading.of("bias-exponent-ours", "with the exponent of Thm. 7's bias bound, lambda^(kappa+1): the least "
                        + "kappa with 0.495^(kappa+1) <= 0.01 is 6, not the example's 7", Expected.HOLDS,
                        "0.495^7 = " + OURS.pow(7).significant(5) + "... <= 0.01: read with one exponent for both, the "
                                + "example's pair is (459, 7) with lambda^kappa and (458, 6) with lambda^(kappa+1).",
                        (ctx, w) -> Verdict.fact(least(OURS) - 1 == 6, "least kappa = " + (least(OURS) - 1)))
                        .convention());
    }

    /** The least kappa with base^kappa &lt;= 0.01, by exact powers. */
    public static int least(Rational base) {
        Rational p = Rational.ONE;
        int k = 0;
        while (p.compareTo(TARGET) > 0) {
            p = p.multiply(base);
            k++;
        }
        return k;
    }
}
