package org.localitycheck.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class StatementTraceTest {
    /** Both directions: every row names existing readings (rows() throws otherwise), every reading is named by a row. */
    @Test
    void everyReadingTracesToAStatementAndEveryNamedReadingExists() {
        List<StatementTrace.Row> rows = StatementTrace.rows();
        assertTrue(rows.size() > 100, "the trace lists " + rows.size() + " statements");
        assertEquals(List.of(), StatementTrace.untraced(), "readings no statement of the paper names");
    }

    /** A row without readings must say why: not testable, or not encoded with the reason in its note. */
    @Test
    void everyUncoveredStatementSaysWhy() {
        for (StatementTrace.Row r : StatementTrace.rows()) {
            if (r.readings().isEmpty()) {
                assertTrue(!r.status().equals("covered") && !r.note().isBlank(), r.location() + ": no reading and no reason");
            } else {
                assertEquals("covered", r.status(), r.location() + " names readings but is marked " + r.status());
            }
        }
    }
}
