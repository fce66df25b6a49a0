package org.localitycheck.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import org.localitycheck.check.Checker;
import org.localitycheck.claim.Claim;
import org.localitycheck.claim.Claims;
import org.localitycheck.model.CanonicalJson;
import org.localitycheck.model.InstanceException;
import org.localitycheck.model.InstanceJson;
import org.localitycheck.report.Catalogue;
import org.localitycheck.report.CodeFingerprint;
import org.localitycheck.report.Report;
import org.localitycheck.report.StatementTrace;
import org.localitycheck.report.StoredCounterexample;
import org.localitycheck.report.SuiteResults;
import org.localitycheck.search.Exhaustive;
import org.localitycheck.search.Suite;
import org.localitycheck.store.AtomicFiles;
import org.localitycheck.store.BadFile;
import org.localitycheck.store.FamilyFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code report}: reports/index.md, reports/index.html, reports/tightness.svg and the catalogue properties/ID.json,
 * from a suite run (read from --results, or run here) and counterexamples/. Byte for byte deterministic.
 */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Write the verdict report (reports/) and the claims catalogue (properties/).")
final class ReportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--out", defaultValue = "reports", description = "report folder (default ${DEFAULT-VALUE})")
    Path out;

    @Option(names = "--properties", defaultValue = "properties", description = "catalogue folder (default ${DEFAULT-VALUE})")
    Path properties;

    @Option(names = "--counterexamples", defaultValue = "counterexamples", description = "default ${DEFAULT-VALUE}")
    Path counterexamples;

    @Option(names = "--results", paramLabel = "FILE", description = "suite results written by the property tests; "
            + "without it, " + LAST_RUN + " is used when this code wrote it (mvn verify writes it), else the suite is run here")
    Path resultsFile;

    /** The folder {@code to} as a relative link from the folder {@code from}: percent-encoded, ending in "/" ("" if the same). */
    static String relativeLink(Path from, Path to) {
        Path rel = from.toAbsolutePath().normalize().relativize(to.toAbsolutePath().normalize());
        if (rel.toString().isEmpty()) {
            return "";
        }
        try {
            String path = rel.toString().replace(File.separatorChar, '/') + "/";
            return new URI(null, null, path, null).toASCIIString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException("report: cannot link " + rel + ": " + e.getMessage(), e);
        }
    }

    /** Where the property tests of mvn verify leave the suite's results. */
    static final String LAST_RUN = "target/property-results.json";

    @Option(names = "--instances", defaultValue = "500", description = "with no --results: applicable instances per reading")
    long instances;

    @Option(names = "--check", description = "write nothing; exit 1 when the files in --out and --properties differ from "
            + "what this code generates (mvn verify runs this, so a stale report cannot land)")
    boolean check;

    /** Every generated file equal, byte for byte, to the one on disk, and no other file in the two folders. */
    private int compareWithStored(Map<Path, byte[]> files) throws IOException {
        List<String> differ = new ArrayList<>();
        for (Map.Entry<Path, byte[]> f : files.entrySet()) {
            if (!Files.isRegularFile(f.getKey()) || !Arrays.equals(Files.readAllBytes(f.getKey()), f.getValue())) {
                differ.add(f.getKey() + (Files.exists(f.getKey()) ? " differs" : " is missing"));
            }
        }
        for (Path folder : new Path[] {out, properties}) {
            if (Files.isDirectory(folder)) {
                try (var s = Files.list(folder)) {
                    for (Path p : s.sorted().toList()) {
                        if (Files.isRegularFile(p) && !files.containsKey(p)) {
                            differ.add(p + " is not generated any more");
                        }
                    }
                }
            }
        }
        var o = spec.commandLine().getOut();
        if (differ.isEmpty()) {
            o.println("report --check: " + files.size() + " files in " + out + " and " + properties + " are what the code generates");
            return Main.OK;
        }
        differ.forEach(d -> o.println("STALE " + d));
        o.println("report --check: " + differ.size() + " file(s) differ from what the code generates; regenerate with: java -jar "
                + "target/locality-check.jar report --results target/property-results.json, and commit them");
        return Main.CHECK_FAILED;
    }

    /** Every counterexample and family file listed as evidence is what its name says (the checker's cheap identity). */
    private static void requireIdentifiedFiles(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return;
        }
        List<Path> all = new ArrayList<>();
        try (var s = Files.list(dir)) {
            s.filter(p -> p.toString().endsWith(".json")).sorted().forEach(all::add);
        }
        Path families = dir.resolve(FamilyFile.FOLDER);
        if (Files.isDirectory(families)) {
            try (var s = Files.list(families)) {
                s.filter(p -> p.toString().endsWith(".json")).sorted().forEach(all::add);
            }
        }
        for (Path p : all) {
            Checker.Result r = Checker.identify(p);
            if (!r.accepted()) {
                throw new InputFileException(p.toString(), "not a counterexample file this report can list: " + r.message());
            }
        }
    }

    /**
     * The figure files the index.md already in --out links, when that index.md is ours (empty otherwise): the only
     * files a later run may remove, once it no longer draws them. Read before anything is written.
     */
    private Set<Path> previousFigures() throws IOException {
        Path index = out.resolve("index.md");
        Set<Path> figures = new TreeSet<>();
        if (!Files.isRegularFile(index, LinkOption.NOFOLLOW_LINKS)) {
            return figures;
        }
        String text = Files.readString(index, StandardCharsets.UTF_8);
        if (!text.substring(0, Math.min(300, text.length())).contains("locality-check")) {
            return figures;
        }
        var m = Pattern.compile("\\]\\(([A-Za-z0-9._-]+\\.(?:svg|png))\\)").matcher(text);
        while (m.find()) {
            figures.add(out.resolve(m.group(1)));
        }
        return figures;
    }

    /** The figures an earlier report of ours linked and this run no longer draws (renamed or dropped): removed. */
    private static void removeStaleFigures(Set<Path> previous, Map<Path, byte[]> files) throws IOException {
        for (Path p : previous) {
            if (!files.containsKey(p) && Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                Files.delete(p);
            }
        }
    }

    /**
     * report replaces only what report wrote: an existing .md, .html or .json must carry the project's name near its
     * start, and a figure may be replaced only beside an index.md of ours.
     */
    private static void requireOurs(Path p) throws IOException {
        if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        String name = p.getFileName().toString();
        Path marker = name.endsWith(".md") || name.endsWith(".html") || name.endsWith(".json") ? p
                : p.resolveSibling("index.md");
        boolean ours = Files.isRegularFile(marker, LinkOption.NOFOLLOW_LINKS);
        if (ours) {
            byte[] head;
            try (var in = Files.newInputStream(marker)) {
                head = in.readNBytes(300);
            }
            ours = new String(head, StandardCharsets.UTF_8).contains("locality-check");
        }
        if (!ours || !Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
            throw new InputFileException(p.toString(), "exists and was not written by report; nothing is replaced "
                    + "(choose another --out or --properties)");
        }
    }

    /** The last suite run's results when this code made them with the default sizes; else null, saying why on stderr. */
    private JsonNode lastRun() throws IOException {
        Path last = Path.of(LAST_RUN);
        var err = spec.commandLine().getErr();
        if (!Files.isRegularFile(last)) {
            return null;
        }
        JsonNode r;
        try {
            r = InstanceJson.parseTree(InstanceFiles.text(last));
            SuiteResults.validate(r);
        } catch (RuntimeException unreadable) {
            err.println("report: " + last + " is not usable suite results (" + unreadable.getMessage() + "); running the suite");
            return null;
        }
        if (!CodeFingerprint.current().equals(r.path("code").asText()) || r.get("minChecked").asLong() != instances) {
            err.println("report: " + last + " was made by other code or with another --instances; running the suite");
            return null;
        }
        err.println("report: reusing the suite results in " + last + " (written " + Files.getLastModifiedTime(last)
                + " by this code, seed " + r.get("seed").asText() + ", " + instances + " instances per reading)");
        return r;
    }

    @Override
    public Integer call() throws Exception {
        OptionRange.require("--instances", instances, 1, 1_000_000);
        JsonNode results = resultsFile == null ? lastRun() : null;
        if (results == null && resultsFile != null) {
            if (!Files.exists(resultsFile)) {
                throw new InputFileException(resultsFile.toString(), "no such file (run mvn verify, or leave out --results)");
            }
            try {
                results = InstanceJson.parseTree(InstanceFiles.text(resultsFile));
            } catch (InstanceException e) {
                throw new InputFileException(resultsFile.toString(), e.getMessage());
            }
            try {
                SuiteResults.validate(results);
            } catch (IllegalArgumentException e) {
                throw new InputFileException(resultsFile.toString(), e.getMessage());
            }
        } else if (results == null) {
            spec.commandLine().getErr().println("report: no --results given: running the suite (seed " + Suite.DEFAULT_SEED
                    + ", " + instances + " instances per reading) and the exhaustive scopes "
                    + Exhaustive.VERIFY_SCOPES + ", as mvn verify does (a few minutes)");
            spec.commandLine().getErr().flush();
            var err = spec.commandLine().getErr();
            var outcomes = Suite.run(Suite.DEFAULT_SEED, instances, 40 * instances, null, (done, claim) -> {
                err.println("report: suite " + done + "/" + Claims.all().size() + " claims done"
                        + (claim == null ? "" : ", now " + claim));
                err.flush();
            });
            err.println("report: exhaustive scopes " + Exhaustive.VERIFY_SCOPES);
            err.flush();
            var exhaustive = Exhaustive.runScopes(Exhaustive.VERIFY_SCOPES,
                    Runtime.getRuntime().availableProcessors(), null);
            results = SuiteResults.toTree(Suite.DEFAULT_SEED, instances, outcomes, exhaustive);
        }
        requireIdentifiedFiles(counterexamples);
        Map<String, List<StoredCounterexample>> stored;
        try {
            stored = StoredCounterexample.load(counterexamples);
        } catch (BadFile e) {
            throw new InputFileException(e.file().toString(), e.getMessage());
        }
        String link = relativeLink(out, counterexamples);
        Report report = new Report(results, stored, counterexamples, link);
        // everything is built first and both folders checked, so that a failure leaves the old set in place
        Map<Path, byte[]> files = new LinkedHashMap<>();
        files.put(out.resolve("index.md"), report.markdown().getBytes(StandardCharsets.UTF_8));
        files.put(out.resolve("index.html"), report.html().getBytes(StandardCharsets.UTF_8));
        for (Map.Entry<String, byte[]> f : report.figureFiles().entrySet()) {
            files.put(out.resolve(f.getKey()), f.getValue());
        }
        files.put(properties.resolve("statements.md"),
                StatementTrace.markdown().getBytes(StandardCharsets.UTF_8));
        for (Claim c : Claims.all()) {
            files.put(properties.resolve(c.id() + ".json"), CanonicalJson.pretty(Catalogue.entry(c, results, stored))
                    .getBytes(StandardCharsets.UTF_8));
        }
        if (check) {
            return compareWithStored(files);
        }
        for (Path folder : new Path[] {out, properties}) {
            OutputFolder.requireWritable(folder);
        }
        for (Path p : files.keySet()) {
            requireOurs(p);
        }
        Set<Path> previous = previousFigures();
        for (Map.Entry<Path, byte[]> f : files.entrySet()) {
            AtomicFiles.writeAtomically(f.getKey(), f.getValue());
        }
        removeStaleFigures(previous, files);
        spec.commandLine().getOut().println("wrote " + out.resolve("index.md") + ", " + out.resolve("index.html") + ", "
                + report.figureFiles().size() + " figure files and " + Claims.all().size() + " entries in " + properties);
        return Main.OK;
    }
}
