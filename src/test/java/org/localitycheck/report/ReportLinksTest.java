package org.localitycheck.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The committed report (mvn verify fails when it differs from what the code generates): every link and image of
 * index.html and index.md resolves, to an anchor of the page or to a file, and the first screen is the summary
 * and the paper's errors.
 */
class ReportLinksTest {
    static final Path REPORTS = Path.of("reports");
    static final Pattern HTML_LINK = Pattern.compile("(?:href|src)=\"([^\"]*)\"");
    static final Pattern MD_LINK = Pattern.compile("\\]\\(([^)\\s]*)\\)");
    static final Pattern ID = Pattern.compile("id=\"([^\"]*)\"");

    @Test
    void everyLinkAndImageOfTheHtmlResolves() throws IOException {
        String html = Files.readString(REPORTS.resolve("index.html"));
        assertEquals(List.of(), unresolved(html, HTML_LINK));
        assertTrue(HTML_LINK.matcher(html).results().count() > 50, "the page has its links");
    }

    @Test
    void everyLinkAndImageOfTheMarkdownResolves() throws IOException {
        String md = Files.readString(REPORTS.resolve("index.md"));
        assertEquals(List.of(), unresolved(md, MD_LINK));
    }

    /** Every row of every Markdown table has its header's number of cells: no unescaped '|' inside a cell. */
    @Test
    void everyMarkdownTableRowHasItsHeadersCells() throws IOException {
        for (String file : new String[] {"reports/index.md", "properties/statements.md"}) {
            assertEquals(List.of(), misshapenRows(Files.readString(Path.of(file))), file);
        }
        assertEquals(List.of(3), misshapenRows("| a | b |\n|---|---|\n| x | y |\n| x | y | z |\n"), "the check can fail");
    }

    static List<Integer> misshapenRows(String md) {
        List<Integer> bad = new ArrayList<>();
        String[] lines = md.split("\n");
        int cells = -1;
        for (int i = 0; i < lines.length; i++) {
            if (!lines[i].startsWith("|")) {
                cells = -1;
                continue;
            }
            int n = lines[i].replace("\\|", "").split("\\|", -1).length;
            if (cells < 0) {
                cells = n;
            } else if (n != cells) {
                bad.add(i);
            }
        }
        return bad;
    }

    /** The test itself must be able to fail: a broken file link and a missing anchor are both reported. */
    @Test
    void brokenLinksAreFound() {
        String page = "<a id=\"here\"></a><a href=\"#here\">ok</a><a href=\"#nowhere\">x</a><img src=\"no-such.svg\">";
        assertEquals(List.of("#nowhere", "no-such.svg"), unresolved(page, HTML_LINK));
    }

    @Test
    void theFirstScreenIsTheSummaryAndThePapersErrors() throws IOException {
        String html = Files.readString(REPORTS.resolve("index.html"));
        int summary = html.indexOf("<p class=\"summary\">");
        int errors = html.indexOf("<h2 id=\"errors\">Errors in the paper</h2>");
        int verdicts = html.indexOf("<h2 id=\"verdicts\">");
        assertTrue(summary > 0 && summary < 2000, "summary near the top: " + summary);
        assertTrue(html.substring(summary, summary + 300).matches("(?s).*\\d+ readings: \\d+ hold, \\d+ refuted, \\d+ open, "
                + "\\d+ unexpected.*"), "the summary counts");
        assertTrue(errors > summary && errors < verdicts, "errors before the full table");
        String errorTable = html.substring(errors, html.indexOf("</table>", errors));
        assertTrue(errorTable.contains("counterexamples/"), "errors link their counterexample files");
    }

    static List<String> unresolved(String page, Pattern link) {
        Set<String> ids = new HashSet<>();
        Matcher m = ID.matcher(page);
        while (m.find()) {
            ids.add(m.group(1));
        }
        List<String> bad = new ArrayList<>();
        Matcher l = link.matcher(page);
        while (l.find()) {
            String target = l.group(1).replace("&amp;", "&");
            if (target.startsWith("#")) {
                if (!ids.contains(target.substring(1))) {
                    bad.add(target);
                }
            } else if (target.startsWith("http:") || target.startsWith("https:")) {
                bad.add(target + " (the report links nothing outside the repository)");
            } else if (!Files.isRegularFile(REPORTS.resolve(target).normalize())) {
                bad.add(target);
            }
        }
        return bad;
    }
}
