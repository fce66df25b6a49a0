package org.localitycheck.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.localitycheck.store.CounterexampleFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code merge DIR... [--out DIR]}: the union of the counterexample folders of several hunt shards. Files are
 * named by their content hash, so the same name with other bytes is a conflict (exit 1, nothing written for
 * it); the result does not depend on the order of the folders.
 */
@Command(name = "merge", mixinStandardHelpOptions = true,
        description = "Merge the counterexample folders of hunt shards into one, deterministically.")
final class MergeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "DIR")
    List<Path> dirs;

    @Option(names = "--out", defaultValue = "counterexamples", description = "target folder (default ${DEFAULT-VALUE})")
    Path out;

    @Override
    public Integer call() throws Exception {
        TreeMap<String, List<Path>> byName = new TreeMap<>();
        for (Path d : dirs) {
            if (!Files.isDirectory(d)) {
                throw new InputFileException(d.toString(), "is not a folder");
            }
            try (Stream<Path> s = Files.list(d)) {
                for (Path p : s.filter(x -> x.toString().endsWith(".json")).sorted().toList()) {
                    byName.computeIfAbsent(p.getFileName().toString(), k -> new ArrayList<>()).add(p);
                }
            }
            // family files (deterministic: every shard that ran a uniformity reading writes the same bytes)
            Path families = d.resolve(org.localitycheck.store.FamilyFile.FOLDER);
            if (Files.isDirectory(families)) {
                try (Stream<Path> s = Files.list(families)) {
                    for (Path p : s.filter(x -> x.toString().endsWith("-family.json")).sorted().toList()) {
                        byName.computeIfAbsent(org.localitycheck.store.FamilyFile.FOLDER + "/" + p.getFileName(),
                                k -> new ArrayList<>()).add(p);
                    }
                }
            }
        }
        int copied = 0;
        int same = 0;
        List<String> conflicts = new ArrayList<>();
        for (var e : byName.entrySet()) {
            byte[] first = Files.readAllBytes(e.getValue().get(0));
            boolean agree = true;
            for (Path p : e.getValue()) {
                agree &= java.util.Arrays.equals(first, Files.readAllBytes(p));
            }
            Path target = out.resolve(e.getKey());
            if (Files.exists(target) && !java.util.Arrays.equals(first, Files.readAllBytes(target))) {
                agree = false;
            }
            if (!agree) {
                conflicts.add(e.getKey());
                continue;
            }
            if (Files.exists(target)) {
                same++;
                continue;
            }
            CounterexampleFile.writeAtomically(target, new String(first, java.nio.charset.StandardCharsets.UTF_8));
            copied++;
        }
        var o = spec.commandLine().getOut();
        o.printf("%d files: %d copied to %s, %d already there%n", byName.size(), copied, out, same);
        for (String c : conflicts) {
            o.println("CONFLICT " + c + ": the same name with different contents; left as it was");
        }
        o.flush();
        return conflicts.isEmpty() ? Main.OK : Main.CHECK_FAILED;
    }
}
