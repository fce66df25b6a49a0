package org.localitycheck.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.localitycheck.arith.Rational;
import org.localitycheck.claim.Claim;
import org.localitycheck.claim.Claims;
import org.localitycheck.claim.Expected;
import org.localitycheck.claim.KappaExampleClaim;
import org.localitycheck.claim.Reading;
import org.localitycheck.store.FamilyFile;

/**
 * The verdict report as Markdown and as one HTML page with its figures beside it (SVG and PNG). Every number
 * comes from the suite results and the stored counterexamples passed in; nothing in it depends on the clock.
 * The first screen says what the suite found: the counts, then the paper's errors with their counterexamples.
 */
public final class Report {
    private final JsonNode results;
    private final Map<String, List<StoredCounterexample>> stored;
    private final String counterexampleLink;

    private final List<ReportFigures.Figure> figures;
    private final List<KappaEvidence.Table> evidence;

    /**
     * {@code counterexamples}: the folder of the stored files; {@code counterexampleLink}: the same folder as a
     * relative link from the report's folder, ending in "/".
     */
    public Report(JsonNode results, Map<String, List<StoredCounterexample>> stored, Path counterexamples,
            String counterexampleLink) throws IOException {
        this.results = results;
        this.stored = stored;
        this.counterexampleLink = counterexampleLink;
        this.figures = ReportFigures.all(results, stored, counterexamples);
        this.evidence = KappaEvidence.tables(results);
    }

    /** File name to bytes: every figure as NAME.svg and NAME.png. */
    public Map<String, byte[]> figureFiles() {
        Map<String, byte[]> out = new LinkedHashMap<>();
        for (ReportFigures.Figure f : figures) {
            out.put(f.name() + ".svg", f.svg().getBytes(StandardCharsets.UTF_8));
            out.put(f.name() + ".png", f.png());
        }
        return out;
    }

    record Row(String key, String paper, Reading reading, String verdict, String category, String checked, String ratio,
            String note, List<StoredCounterexample> files) {
        /** The verdict's first word(s), before its strength in parentheses. */
        String verdictWord() {
            int i = verdict.indexOf(" (");
            return i < 0 ? verdict : verdict.substring(0, i);
        }

        /** The strength in the verdict's parentheses, or "" (a failure of the suite has none). */
        String strength() {
            int i = verdict.indexOf(" (");
            return i < 0 ? "" : verdict.substring(i + 2, verdict.length() - 1);
        }

        /** Holds, an expected refutation, open, or a failure of the suite (capitals). */
        String cssClass() {
            if (verdict.equals(verdict.toUpperCase(Locale.ROOT))) {
                return "unexpected";
            }
            return verdict.startsWith("refuted") ? "refuted" : verdict.startsWith("holds") ? "holds" : "open";
        }
    }

    List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        for (Claim c : Claims.all()) {
            for (Reading r : c.readings()) {
                String key = c.id() + "/" + r.name();
                JsonNode res = SuiteResults.reading(results, key);
                long checked = res == null ? 0 : res.get("checked").asLong();
                List<StoredCounterexample> files = stored.getOrDefault(key, List.of());
                String ratio = r.expected() == Expected.REFUTED ? violatedRatio(files)
                        : res == null || r.existential() || res.get("maxRatio").isNull() ? "-"
                        : decimal(Rational.parse(res.get("maxRatio").asText()));
                String verdict = Strength.of(c, r, res, files.stream().map(StoredCounterexample::file).toList());
                StringBuilder ev = new StringBuilder(); // notes beside the stored files
                long undecided = res == null ? 0 : res.path("undecided").asLong();
                if (undecided > 0) {
                    ev.append(undecided)
                            .append(" cases undecided (the enclosures still overlap at the precision cap; counted neither way)");
                }
                long softmax = res == null ? 0 : res.path("checkedSoftmax").asLong();
                String checkedText = checked + (softmax > 0 && softmax < checked ? " (" + softmax + " softmax)" : "");
                rows.add(new Row(key, c.where(), r, verdict, Strength.category(r), checkedText, ratio, ev.toString(), files));
            }
        }
        return rows;
    }

    /** LHS/RHS of a refuted reading's first stored case ("-" without a file or with RHS = 0). */
    static String violatedRatio(List<StoredCounterexample> files) {
        if (files.isEmpty()) {
            return "-";
        }
        Rational rhs = Rational.parse(files.get(0).rhs());
        return rhs.signum() <= 0 ? "-" : "violated: " + decimal(Rational.parse(files.get(0).lhs()).divide(rhs));
    }

    static String size(StoredCounterexample s) {
        return s.agents() == 0 ? "no instance" : count(s.agents(), "agent") + ", " + count(s.jointStates(), "joint state")
                + ", " + count(s.jointActions(), "joint action");
    }

    static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    /** The sections of the first part, with their anchors: key, anchor, title. */
    static final String[][] CONTENTS = {{"error", "errors", "Errors in the paper"},
        {"corrected", "corrected", "Corrected forms that hold"}, {"convention", "convention", "Necessity and convention checks"},
        {"open", "open", "Open"}, {null, "verdicts", "Verdicts (every reading)"}, {null, "found", "What the suite found"},
        {null, "traced", "Every statement traced"}, {null, "kappa", "Section 3's example and Section 5's evidence"},
        {null, "figures", "Figures"}};

    String generatedBy() {
        return "Generated by `java -jar target/locality-check.jar report` from the suite run with seed "
                + results.get("seed").asText() + " (at least " + results.get("minChecked").asText()
                + " applicable instances per checked reading) and the files in `counterexamples/`.";
    }

    public String markdown() {
        StringBuilder sb = new StringBuilder();
        List<Row> rows = rows();
        sb.append("# locality-check report\n\n**").append(summary(rows)).append("**\n\n").append(generatedBy()).append("\n\n");
        sb.append("Contents: ");
        for (int i = 0; i < CONTENTS.length; i++) {
            sb.append(i > 0 ? " · " : "").append("[").append(CONTENTS[i][2]).append("](#").append(CONTENTS[i][1]).append(")");
        }
        sb.append("\n\n");
        sb.append("<a id=\"errors\"></a>\n## Errors in the paper\n\n").append(GROUPS[0][2]).append("\n\n");
        sb.append("| reading | where | statement | minimal counterexample | LHS | RHS | why |\n|---|---|---|---|---|---|---|\n");
        for (Row r : rows) {
            if (inGroup(r, "error")) {
                StoredCounterexample f = r.files().isEmpty() ? null : r.files().get(0);
                sb.append("| `").append(r.key()).append("` | ").append(cell(r.paper())).append(" | ")
                        .append(cell(r.reading().statement())).append(" | ")
                        .append(f == null ? cell(r.strength()) : "[" + f.file() + "](" + counterexampleLink + f.file()
                                + ") (" + size(f) + ")")
                        .append(" | ").append(f == null ? "-" : "`" + shorten(f.lhs()) + "`").append(" | ")
                        .append(f == null ? "-" : "`" + shorten(f.rhs()) + "`").append(" | ")
                        .append(cell(r.reading().rationale())).append(" |\n");
            }
        }
        sb.append("\n");
        for (int g = 1; g < GROUPS.length; g++) {
            String[] group = GROUPS[g];
            sb.append("<a id=\"").append(CONTENTS[g][1]).append("\"></a>\n## ").append(group[1]).append("\n\n")
                    .append(group[2]).append("\n\n");
            for (Row r : rows) {
                if (inGroup(r, group[0])) {
                    sb.append("- `").append(r.key()).append("` (").append(r.paper()).append("): ").append(r.reading().statement())
                            .append(". **").append(r.verdict()).append("**").append(links(r, false)).append(". ")
                            .append(r.reading().rationale()).append("\n");
                }
            }
            sb.append("\n");
        }
        sb.append("<a id=\"verdicts\"></a>\n## Verdicts (every reading)\n\n").append(LEGEND).append("\n\n");
        sb.append("| claim/reading | paper | category | verdict | strength | instances checked | largest LHS/RHS "
                + "| counterexample or note |\n");
        sb.append("|---|---|---|---|---|---|---|---|\n");
        for (Row r : rows) {
            sb.append("| ").append(r.key()).append(" | ").append(cell(r.paper())).append(" | ").append(r.category())
                    .append(" | ").append(r.verdictWord()).append(" | ").append(cell(r.strength())).append(" | ")
                    .append(r.checked()).append(" | ").append(r.ratio()).append(" | ")
                    .append(cell(links(r, false).replaceFirst("^; ", ""))).append(" |\n");
        }
        sb.append("\n<a id=\"found\"></a>\n## What the suite found\n\n");
        sb.append(found(false));
        sb.append("\n<a id=\"traced\"></a>\n## Every statement traced\n\n").append(traceSummary()).append("\n\n");
        sb.append("<a id=\"kappa\"></a>\n## Section 3's discounted example\n\n");
        sb.append(kappaTable(false));
        sb.append("\n## Section 5: evidence per kappa\n").append(KappaEvidence.markdown(evidence));
        sb.append("\n<a id=\"figures\"></a>\n## Figures\n");
        for (ReportFigures.Figure f : figures) {
            sb.append("\n<a id=\"fig-").append(f.name()).append("\"></a>\n### ").append(f.name()).append("\n\n")
                    .append(f.caption()).append("\n\n![").append(f.name()).append("](").append(f.name())
                    .append(".svg) ([PNG](").append(f.name()).append(".png))\n");
        }
        return sb.toString();
    }

    static final String LEGEND = "Colours and words: holds (green) as the catalogue expects; refuted (amber) as the "
            + "catalogue expects, a certified counterexample file or a proof (an error in the paper, or a necessity check "
            + "of a reading the paper does not make); open (grey); words in CAPITALS (red) flag a failure of the suite "
            + "itself (a violated holds reading, a refuted reading without its file).";

    /** "; FILE (size)" links for a row's stored files, its family file, its figure, and its note. */
    String links(Row r, boolean html) {
        StringBuilder sb = new StringBuilder();
        for (StoredCounterexample f : r.files()) {
            String target = counterexampleLink + f.file();
            sb.append("; ").append(html ? "<a href=\"" + esc(target) + "\">" + esc(f.file()) + "</a>" : "[" + f.file() + "]("
                    + target + ")").append(" (").append(size(f)).append(")");
        }
        if (FamilyFile.family(r.key()) != null) {
            String target = counterexampleLink + FamilyFile.FOLDER + "/"
                    + FamilyFile.fileName(r.key());
            sb.append("; ").append(html ? "<a href=\"" + esc(target) + "\">family file</a>" : "[family file](" + target + ")");
        }
        String fig = "violation-" + r.key().replace('/', '-');
        if (figures.stream().anyMatch(f -> f.name().equals(fig))) {
            sb.append("; ").append(html ? "<a href=\"#fig-" + fig + "\">figure</a>" : "[figure](#fig-" + fig + ")");
        }
        if (!r.note().isEmpty()) {
            sb.append("; ").append(html ? esc(r.note()) : r.note());
        }
        return sb.toString();
    }

    /** The report's sections before the full table: key, title, one sentence of what belongs there. */
    static final String[][] GROUPS = {
        {"error", "Errors in the paper", "Statements as written, in their natural reading, that are false: each with a certified "
                + "counterexample file or a proof."},
        {"corrected", "Corrected forms that hold", "What the paper's own proofs support where the statement as written fails "
                + "or is ambiguous."},
        {"convention", "Necessity and convention checks", "Readings the paper does not make (a dropped hypothesis, the other "
                + "transposition, an exact rounding of \"approximately\"): they show why a hypothesis or a convention matters, "
                + "and are not errors of the paper."},
        {"open", "Open", "Neither a proof nor a finite counterexample is known."}};

    static boolean inGroup(Row r, String group) {
        Reading x = r.reading();
        switch (group) {
            case "error":
                return x.paperError();
            case "corrected":
                return x.category() == Reading.Category.CORRECTED && x.expected() == Expected.HOLDS;
            case "convention":
                return x.category() == Reading.Category.CONVENTION;
            default:
                return x.expected() == Expected.OPEN;
        }
    }

    /** Counts of the paper's statements by status, with where the full table is. */
    static String traceSummary() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        List<StatementTrace.Row> rows = StatementTrace.rows();
        for (StatementTrace.Row r : rows) {
            counts.merge(r.status(), 1, Integer::sum);
        }
        List<String> parts = new ArrayList<>();
        counts.forEach((k, v) -> parts.add(v + " " + k));
        return rows.size() + " mathematical statements of Sections 1-5 and Appendices B-E: " + String.join(", ", parts)
                + ". The table, with each statement's location, readings or reason, is properties/statements.md.";
    }

    /** "N readings: a hold, b refuted, c open; d errors in the paper, ...; e unexpected". */
    static String summary(List<Row> rows) {
        int holds = 0;
        int refuted = 0;
        int open = 0;
        int unexpected = 0;
        int errors = 0;
        Map<Reading.ErrorKind, Integer> kinds = new EnumMap<>(Reading.ErrorKind.class);
        int corrected = 0;
        int convention = 0;
        for (Row r : rows) {
            Reading x = r.reading();
            holds += x.expected() == Expected.HOLDS ? 1 : 0;
            refuted += x.expected() == Expected.REFUTED ? 1 : 0;
            open += x.expected() == Expected.OPEN ? 1 : 0;
            errors += x.paperError() ? 1 : 0;
            if (x.paperError()) {
                kinds.merge(x.kind(), 1, Integer::sum);
            }
            corrected += x.category() == Reading.Category.CORRECTED ? 1 : 0;
            convention += x.category() == Reading.Category.CONVENTION ? 1 : 0;
            unexpected += r.verdict().equals(r.verdict().toUpperCase(Locale.ROOT)) ? 1 : 0;
        }
        return rows.size() + " readings: " + holds + " hold, " + refuted + " refuted, " + open + " open, " + unexpected
                + " unexpected. By category: " + errors + " errors in the paper (" + kinds.getOrDefault(
                        Reading.ErrorKind.SUBSTANTIVE, 0) + " false in their natural reading, " + kinds.getOrDefault(
                        Reading.ErrorKind.AMBIGUITY, 0) + " under one reading of an ambiguous sentence, " + kinds.getOrDefault(
                        Reading.ErrorKind.SLIP, 0) + " slips of notation), " + (rows.size() - corrected - convention - errors)
                + " other statements as written, " + corrected + " corrected forms, " + convention
                + " necessity or convention checks.";
    }

    String found(boolean html) {
        StringBuilder sb = new StringBuilder();
        if (html) {
            sb.append("<table><tr><th>reading</th><th>size</th><th>LHS</th><th>RHS</th><th>at</th><th>re-check</th></tr>\n");
        } else {
            sb.append("| reading | size | LHS | RHS | at | re-check |\n|---|---|---|---|---|---|\n");
        }
        for (List<StoredCounterexample> list : stored.values()) {
            for (StoredCounterexample s : list) {
                String cmd = "java -jar target/locality-check.jar check counterexamples/" + s.file();
                String[] cells = {s.reading(), size(s), shorten(s.lhs()), shorten(s.rhs()), s.at(), cmd};
                if (html) {
                    sb.append("<tr>");
                    for (int i = 0; i < cells.length; i++) {
                        sb.append(i == cells.length - 1 ? "<td><code>" : "<td>").append(esc(cells[i]))
                                .append(i == cells.length - 1 ? "</code></td>" : "</td>");
                    }
                    sb.append("</tr>\n");
                } else {
                    sb.append("| ").append(String.join(" | ", cell(cells[0]), cell(cells[1]), "`" + cell(cells[2]) + "`",
                            "`" + cell(cells[3]) + "`", cell(cells[4]), "`" + cell(cells[5]) + "`")).append(" |\n");
                }
            }
        }
        return sb.append(html ? "</table>\n" : "").toString();
    }

    /** Long exact values (0.99^458) are cut for the table; the file holds them whole. */
    static String shorten(String v) {
        return v.length() <= 40 ? v : "about " + decimal(Rational.parse(v)) + " (" + v.length() + " chars exact)";
    }

    String kappaTable(boolean html) {
        int prior = KappaExampleClaim.least(KappaExampleClaim.PRIOR);
        int ours = KappaExampleClaim.least(KappaExampleClaim.OURS);
        String[][] rows = {{"0.99", "458", Integer.toString(prior)}, {"0.495", "7", Integer.toString(ours)}};
        StringBuilder sb = new StringBuilder();
        sb.append(html ? "<table><tr><th>rate</th><th>paper's kappa</th><th>least kappa with rate^kappa &lt;= 0.01 (exact)</th></tr>\n"
                : "| rate | paper's kappa | least kappa with rate^kappa <= 0.01 (exact) |\n|---|---|---|\n");
        for (String[] r : rows) {
            sb.append(html ? "<tr><td>" + r[0] + "</td><td>" + r[1] + "</td><td>" + r[2] + "</td></tr>\n"
                    : "| " + r[0] + " | " + r[1] + " | " + r[2] + " |\n");
        }
        return sb.append(html ? "</table>\n" : "").toString();
    }

    public String html() {
        StringBuilder sb = new StringBuilder();
        sb.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>locality-check report</title>\n");
        sb.append("<style>body{font-family:sans-serif;margin:2em;max-width:90em}table{border-collapse:collapse;font-size:13px}"
                + "td,th{border:1px solid #ccc;padding:3px 6px;text-align:left;vertical-align:top}"
                + ".holds{background:#e5f5e5}.refuted{background:#fff1d6}.open{background:#f2f2f2}"
                + ".unexpected{background:#f8c6c6;font-weight:bold}.summary{font-size:1.15em}"
                + "figure{margin:1em 0}img{max-width:100%}table.errors{table-layout:fixed;width:100%}"
                + "table.errors td{overflow-wrap:anywhere}</style></head><body>\n");
        List<Row> rows = rows();
        sb.append("<h1>locality-check report</h1>\n<p class=\"summary\"><strong>").append(esc(summary(rows)))
                .append("</strong></p>\n<p>").append(esc(generatedBy()).replaceAll("`([^`]*)`", "<code>$1</code>")).append("</p>\n");
        sb.append("<nav><strong>Contents:</strong> ");
        for (int i = 0; i < CONTENTS.length; i++) {
            sb.append(i > 0 ? " · " : "").append("<a href=\"#").append(CONTENTS[i][1]).append("\">").append(esc(CONTENTS[i][2]))
                    .append("</a>");
        }
        sb.append("</nav>\n");
        sb.append("<h2 id=\"errors\">Errors in the paper</h2>\n<p>").append(esc(GROUPS[0][2])).append("</p>\n");
        sb.append("<table class=\"errors\"><colgroup><col style=\"width:13%\"><col style=\"width:9%\">"
                + "<col style=\"width:21%\"><col style=\"width:14%\"><col style=\"width:8%\"><col style=\"width:8%\">"
                + "<col style=\"width:27%\"></colgroup>\n<tr><th>reading</th><th>where</th><th>statement</th>"
                + "<th>minimal counterexample</th><th>LHS</th><th>RHS</th><th>why</th></tr>\n");
        for (Row r : rows) {
            if (inGroup(r, "error")) {
                StoredCounterexample f = r.files().isEmpty() ? null : r.files().get(0);
                String fig = "violation-" + r.key().replace('/', '-');
                boolean hasFig = figures.stream().anyMatch(x -> x.name().equals(fig));
                sb.append("<tr class=\"").append(r.cssClass()).append("\"><td><code>").append(esc(r.key())).append("</code>")
                        .append(hasFig ? " (<a href=\"#fig-" + fig + "\">figure</a>)" : "").append("</td><td>")
                        .append(esc(r.paper())).append("</td><td>").append(esc(r.reading().statement())).append("</td><td>")
                        .append(f == null ? esc(r.strength()) : "<a href=\"" + esc(counterexampleLink + f.file()) + "\">"
                                + esc(f.file()) + "</a> (" + esc(size(f)) + ")")
                        .append("</td><td>").append(f == null ? "-" : "<code>" + esc(shorten(f.lhs())) + "</code>")
                        .append("</td><td>").append(f == null ? "-" : "<code>" + esc(shorten(f.rhs())) + "</code>")
                        .append("</td><td>").append(esc(r.reading().rationale())).append("</td></tr>\n");
            }
        }
        sb.append("</table>\n");
        for (int g = 1; g < GROUPS.length; g++) {
            String[] group = GROUPS[g];
            sb.append("<h2 id=\"").append(CONTENTS[g][1]).append("\">").append(esc(group[1])).append("</h2>\n<p>")
                    .append(esc(group[2])).append("</p>\n<ul>\n");
            for (Row r : rows) {
                if (inGroup(r, group[0])) {
                    sb.append("<li class=\"").append(r.cssClass()).append("\"><code>").append(esc(r.key())).append("</code> (")
                            .append(esc(r.paper())).append("): ").append(esc(r.reading().statement())).append(". <strong>")
                            .append(esc(r.verdict())).append("</strong>").append(links(r, true)).append(". ")
                            .append(esc(r.reading().rationale())).append("</li>\n");
                }
            }
            sb.append("</ul>\n");
        }
        sb.append("<h2 id=\"verdicts\">Verdicts (every reading)</h2>\n<p>").append(esc(LEGEND)).append("</p>\n");
        sb.append("<table><tr><th>claim/reading</th><th>paper</th><th>category</th><th>verdict</th><th>strength</th>"
                + "<th>instances checked</th><th>largest LHS/RHS</th><th>counterexample or note</th></tr>\n");
        for (Row r : rows) {
            sb.append("<tr class=\"").append(r.cssClass()).append("\"><td>").append(esc(r.key())).append("</td><td>")
                    .append(esc(r.paper())).append("</td><td>").append(esc(r.category())).append("</td><td>")
                    .append(esc(r.verdictWord())).append("</td><td>").append(esc(r.strength())).append("</td><td>")
                    .append(r.checked()).append("</td><td>").append(esc(r.ratio())).append("</td><td>")
                    .append(links(r, true).replaceFirst("^; ", "")).append("</td></tr>\n");
        }
        sb.append("</table>\n<h2 id=\"found\">What the suite found</h2>\n").append(found(true));
        sb.append("<h2 id=\"traced\">Every statement traced</h2>\n<p>").append(esc(traceSummary())).append("</p>\n");
        sb.append("<h2 id=\"kappa\">Section 3's discounted example</h2>\n").append(kappaTable(true));
        sb.append("<h2>Section 5: evidence per kappa</h2>\n").append(KappaEvidence.html(evidence));
        sb.append("<h2 id=\"figures\">Figures</h2>\n");
        for (ReportFigures.Figure f : figures) {
            sb.append("<figure id=\"fig-").append(esc(f.name())).append("\"><h3>").append(esc(f.name())).append("</h3>\n<img src=\"")
                    .append(esc(f.name())).append(".svg\" alt=\"").append(esc(f.name())).append("\">\n<figcaption>")
                    .append(esc(f.caption())).append(" (<a href=\"").append(esc(f.name())).append(".png\">PNG</a>)</figcaption></figure>\n");
        }
        return sb.append("</body></html>\n").toString();
    }

    /** Text for a Markdown table cell: a '|' would end the cell, so it is escaped (also inside code spans). */
    static String cell(String s) {
        return s.replace("|", "\\|");
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /** Six significant digits, rounded toward zero (the exact values are in the files). */
    static String decimal(Rational r) {
        return r.significant(6);
    }
}
