package org.localitycheck.claim;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The catalogue: every claim id of CLAIMS.md, in its order. */
public final class Claims {
    private static final List<Claim> ALL = build();

    private Claims() {
    }

    private static List<Claim> build() {
        List<Claim> c = new ArrayList<>(List.of(new SeminormClaim(), new HammingClaim(), new CGovernsClaim(),
                new Prop1Claim(), new Sec3ExampleClaim(), new Lemma2Claim(), new Thm3IterateClaim(),
                new Thm3UniformClaim(), new Thm3PoissonClaim(), new Thm3ResolventClaim(), new SpectralVsNormClaim(),
                new DiscountedClaim(), new KappaExampleClaim(), new SparsityClaim(), new AsyncClaim(),
                new WeightedClaim(), new LeaderFollowerClaim(), new HubClaim()));
        c.addAll(SectionFourClaims.all());
        c.addAll(List.of(new SurrogateClaim(), new Thm7CertificateClaim(), new Thm7LocalityClaim(),
                new Thm7BiasClaim(), new OscFactsClaim(), new Lemma12Claim()));
        c.addAll(SectionFiveClaims.all());
        return Collections.unmodifiableList(c);
    }

    public static List<Claim> all() {
        return ALL;
    }

    public static Claim byId(String id) {
        for (Claim c : ALL) {
            if (c.id().equals(id)) {
                return c;
            }
        }
        throw new IllegalArgumentException("no claim with id \"" + id + "\"");
    }
}
