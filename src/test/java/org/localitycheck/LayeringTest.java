package org.localitycheck;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The layers arith -&gt; model -&gt; quantity -&gt; claim -&gt; search -&gt; store -&gt; report -&gt; cli point down only,
 * and the independent checker uses no engine package at all.
 */
class LayeringTest {
    static final List<String> LAYERS = List.of("arith", "model", "quantity", "claim", "search", "store", "report", "cli");
    static final Pattern REF = Pattern.compile("org\\.localitycheck\\.([a-z]+)\\.");

    @Test
    void dependenciesPointDownOnly() throws IOException {
        Path root = Path.of(System.getProperty("lc.repo", ".")).resolve("src/main/java/org/localitycheck");
        List<String> bad = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String pkg = root.relativize(f).getName(0).toString();
                String text = Files.readString(f);
                Matcher m = REF.matcher(text);
                while (m.find()) {
                    String used = m.group(1);
                    if (used.equals(pkg)) {
                        continue;
                    }
                    boolean ok = pkg.equals("check") ? false
                            : used.equals("check") ? pkg.equals("cli")
                            : LAYERS.indexOf(used) >= 0 && LAYERS.indexOf(used) < LAYERS.indexOf(pkg);
                    if (!ok) {
                        bad.add(f.getFileName() + " (" + pkg + ") uses " + used);
                    }
                }
            }
        }
        assertTrue(bad.isEmpty(), String.join("\n", bad));
    }
}
