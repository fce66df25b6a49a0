package org.localitycheck.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.localitycheck.check.Checker;
import org.localitycheck.store.AtomicFiles;
import org.localitycheck.store.CounterexampleFile;
import org.localitycheck.store.FamilyFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code merge DIR... [--out DIR]}: the union of the counterexample folders of several hunt shards. Every file is read
 * and re-proved by the independent checker first (anything else is refused and named). A name is the content hash of
 * claim, reading, instance and witness, so copies under one name are the same finding; they may differ only in where
 * they were found, and the one found first (smallest case index, which an unsharded run meets first; then case seed)
 * is kept. A finding already in the target
 * is left as it is. Only regular files directly in the folders (and their {@code families/}) are read; links are not
 * followed. The result does not depend on the order of the folders.
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
        List<String> refused = new ArrayList<>();
        for (Path d : dirs) {
            if (!Files.isDirectory(d, LinkOption.NOFOLLOW_LINKS)) {
                throw new InputFileException(d.toString(), "is not a folder");
            }
            collect(d, "", "-", byName, refused);
            Path families = d.resolve(FamilyFile.FOLDER);
            if (Files.isDirectory(families, LinkOption.NOFOLLOW_LINKS)) {
                collect(families, FamilyFile.FOLDER + "/", "-family", byName, refused);
            }
        }
        OutputFolder.requireWritable(out);
        int copied = 0;
        int same = 0;
        int duplicates = 0;
        List<String> conflicts = new ArrayList<>();
        var o = spec.commandLine().getOut();
        for (var e : byName.entrySet()) {
            List<Path> copies = new ArrayList<>();
            for (Path p : e.getValue()) {
                Checker.Result r = Checker.check(p);
                if (r.accepted()) {
                    copies.add(p);
                } else {
                    refused.add(p + ": " + r.message());
                }
            }
            if (copies.isEmpty()) {
                continue;
            }
            copies.sort(Comparator.comparing(MergeCommand::foundKey, Comparator
                    .comparingLong(Found::caseIndex).thenComparingLong(Found::caseSeed).thenComparing(Found::path)));
            byte[] keep = Files.readAllBytes(copies.get(0));
            boolean family = e.getKey().contains("/");
            for (Path p : copies) {
                if (family && !Arrays.equals(keep, Files.readAllBytes(p))) {
                    conflicts.add(e.getKey() + ": family files with the same name and other contents (the first kept)");
                }
            }
            duplicates += copies.size() - 1;
            Path target = out.resolve(e.getKey());
            if (AtomicFiles.writeNew(target, keep)) {
                copied++;
            } else if (Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS) && (family
                    ? Arrays.equals(keep, Files.readAllBytes(target)) : Checker.check(target).accepted())) {
                same++; // the same finding (its name is its content hash), certified there already
            } else {
                conflicts.add(e.getKey() + ": the target holds another file under this name, left as it was");
            }
        }
        o.printf("%d findings: %d copied to %s, %d already there, %d duplicate copies set aside (the earliest found kept), "
                + "%d files refused%n", copied + same, copied, out, same, duplicates, refused.size());
        for (String c : conflicts) {
            o.println("CONFLICT " + c);
        }
        for (String r : refused) {
            o.println("REFUSED " + r);
        }
        o.flush();
        return conflicts.isEmpty() && refused.isEmpty() ? Main.OK : Main.CHECK_FAILED;
    }

    /** Regular files named like findings, not links or folders; anything else named *.json is refused, by name. */
    private static void collect(Path d, String prefix, String suffix, TreeMap<String, List<Path>> byName, List<String> refused)
            throws IOException {
        try (Stream<Path> s = Files.list(d)) {
            for (Path p : s.sorted().toList()) {
                String name = p.getFileName().toString();
                if (!name.endsWith(suffix + ".json") && !(suffix.equals("-") && name.endsWith(".json"))) {
                    continue;
                }
                if (prefix.isEmpty() && name.endsWith("-family.json")) {
                    continue;
                }
                if (!Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                    refused.add(p + ": not a regular file (links and folders are not followed)");
                    continue;
                }
                byName.computeIfAbsent(prefix + name, k -> new ArrayList<>()).add(p);
            }
        }
    }

    private record Found(long caseSeed, long caseIndex, String path) {
    }

    /** Where a copy was found: (case index, case seed, path), smallest first; a family file has none. */
    private static Found foundKey(Path p) {
        try {
            JsonNode f = CounterexampleFile.read(p).path("found");
            return new Found(Long.parseLong(f.path("caseSeed").asText("0")), f.path("case").asLong(0), p.toString());
        } catch (IOException | RuntimeException e) {
            return new Found(Long.MAX_VALUE, Long.MAX_VALUE, p.toString());
        }
    }
}
