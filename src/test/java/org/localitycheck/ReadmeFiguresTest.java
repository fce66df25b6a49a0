package org.localitycheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.localitycheck.arith.Rational;
import org.localitycheck.store.CounterexampleFile;

/**
 * README's table of errors quotes each counterexample's size and sides: every row that names a stored file's reading
 * must say what that file holds (agents, joint states, joint actions counted from its instance; LHS and RHS exactly, or
 * "about" to the digits shown).
 */
class ReadmeFiguresTest {
    private static final Path REPO = Path.of(System.getProperty("lc.repo", "."));
    private static final Pattern ROW = Pattern.compile("^\\| `([a-z0-9-]+)/([a-z0-9-]+)` \\|.*\\| (\\d+) agents?, (\\d+) joint states?, "
            + "(\\d+) joint actions?; LHS (about )?(\\S+), RHS (about )?(\\S+) \\|$");

    @TestFactory
    Stream<DynamicTest> readmeSizesAndSidesAreTheFiles() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (String line : Files.readAllLines(REPO.resolve("README.md"))) {
            Matcher m = ROW.matcher(line);
            if (!m.matches()) {
                continue;
            }
            String prefix = m.group(1) + "-" + m.group(2) + "-";
            tests.add(DynamicTest.dynamicTest(m.group(1) + "/" + m.group(2), () -> {
                List<Path> files;
                try (Stream<Path> s = Files.list(REPO.resolve("counterexamples"))) {
                    files = s.filter(p -> p.getFileName().toString().startsWith(prefix)
                            && p.getFileName().toString().matches(Pattern.quote(prefix) + "[0-9a-f]{12}\\.json")).toList();
                }
                assertEquals(1, files.size(), "README quotes " + prefix + "*: stored files " + files);
                JsonNode j = CounterexampleFile.read(files.get(0));
                long states = 1;
                long actions = 1;
                for (JsonNode a : j.get("instance").get("agents")) {
                    states *= a.get("states").asLong();
                    actions *= a.get("actions").asLong();
                }
                assertEquals(j.get("instance").get("agents").size(), Integer.parseInt(m.group(3)), "agents");
                assertEquals(states, Long.parseLong(m.group(4)), "joint states");
                assertEquals(actions, Long.parseLong(m.group(5)), "joint actions");
                side(m.group(6) != null, m.group(7), j.get("lhs").asText(), "LHS");
                side(m.group(8) != null, m.group(9), j.get("rhs").asText(), "RHS");
            }));
        }
        assertTrue(tests.size() >= 15, "README's errors table not found: " + tests.size() + " rows with sizes");
        return tests.stream();
    }

    /** Exactly the stored rational, or "about" it to the significant digits README shows. */
    private static void side(boolean about, String quoted, String stored, String which) {
        Rational value = Rational.parse(stored);
        if (!about) {
            assertEquals(value, Rational.parse(quoted), which);
            return;
        }
        BigDecimal q = new BigDecimal(quoted);
        BigDecimal v = new BigDecimal(value.numerator()).divide(new BigDecimal(value.denominator()),
                new MathContext(q.precision()));
        assertEquals(0, q.compareTo(v), which + " " + quoted + " is not the stored " + stored + " to " + q.precision() + " digits");
    }
}
