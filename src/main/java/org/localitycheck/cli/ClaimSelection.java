package org.localitycheck.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.localitycheck.claim.Claim;
import org.localitycheck.claim.Claims;
import org.localitycheck.claim.Reading;

/** Parses {@code --claims id,id/reading,...} into claims with the readings to run. */
final class ClaimSelection {
    private ClaimSelection() {
    }

    static Map<Claim, List<Reading>> parse(List<String> specs) {
        Map<Claim, List<Reading>> out = new LinkedHashMap<>();
        if (specs != null && (specs.isEmpty() || specs.stream().anyMatch(String::isBlank))) {
            throw new UsageException("--claims: an empty claim id (give ID or ID/READING, comma-separated)");
        }
        if (specs == null) {
            for (Claim c : Claims.all()) {
                out.put(c, c.readings());
            }
            return out;
        }
        for (String spec : specs) {
            String[] parts = spec.split("/", 2);
            Claim c;
            try {
                c = Claims.byId(parts[0]);
            } catch (IllegalArgumentException e) {
                throw new UsageException("--claims: " + e.getMessage() + " (see properties/ for the ids)");
            }
            List<Reading> rs = out.computeIfAbsent(c, k -> new ArrayList<>());
            if (parts.length == 1) {
                rs.clear();
                rs.addAll(c.readings());
            } else {
                Reading r;
                try {
                    r = c.reading(parts[1]);
                } catch (IllegalArgumentException e) {
                    throw new UsageException("--claims: " + e.getMessage());
                }
                if (!rs.contains(r)) {
                    rs.add(r);
                }
            }
        }
        return out;
    }
}
