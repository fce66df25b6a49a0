package org.localitycheck.cli;

import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.localitycheck.store.Hunt;

/**
 * Progress on stderr. On a terminal: one line redrawn in place every half second, cut to the terminal's width, naming
 * the claim being worked on, cases and cases per second, violations of refuted readings (expected) apart from those
 * of readings catalogued to hold (unexpected). Otherwise a plain line every 10 s.
 */
final class HuntProgress implements Hunt.Listener {
    private final PrintWriter err;
    private final boolean tty;
    private final long deadline;
    private final long start = System.nanoTime();
    private final int width;
    private final AtomicLong cases = new AtomicLong();
    private final AtomicLong expected = new AtomicLong();
    private final AtomicLong unexpected = new AtomicLong();
    private volatile String current = "";
    private Thread thread;

    HuntProgress(PrintWriter err, boolean tty, long deadline) {
        this.err = err;
        this.tty = tty;
        this.deadline = deadline;
        this.width = tty ? terminalWidth() : 0;
    }

    /** Whether file descriptor 2 is a terminal (Linux: /proc/self/fd/2 links to a tty); else the console's answer. */
    static boolean stderrIsTerminal() {
        try {
            String target = Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return System.console() != null;
        }
    }

    /** COLUMNS, else what stty says of the controlling terminal, else 80. */
    private static int terminalWidth() {
        try {
            String c = System.getenv("COLUMNS");
            if (c != null && c.matches("[0-9]{2,4}")) {
                return Integer.parseInt(c);
            }
            Process p = new ProcessBuilder("stty", "size").redirectInput(new File("/dev/tty"))
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            if (p.waitFor(2, TimeUnit.SECONDS)) {
                String[] rc = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII)
                        .trim().split(" ");
                if (rc.length == 2 && rc[1].matches("[0-9]{2,4}")) {
                    return Integer.parseInt(rc[1]);
                }
            }
            p.destroy();
        } catch (IOException | InterruptedException | RuntimeException e) {
            // no terminal to ask
        }
        return 80;
    }

    @Override
    public void working(String claim, int readings) {
        current = claim + " (" + readings + (readings == 1 ? " reading)" : " readings)");
    }

    @Override
    public void cases(long n, long expectedViolations, long unexpectedViolations) {
        cases.addAndGet(n);
        expected.addAndGet(expectedViolations);
        unexpected.addAndGet(unexpectedViolations);
    }

    @Override
    public synchronized void note(String line) {
        err.print(tty ? "\r\033[K" : "");
        err.println(line);
        err.flush();
    }

    @Override
    public void started() {
        thread = new Thread(() -> {
            try {
                while (!Thread.currentThread().isInterrupted()) {
                    Thread.sleep(tty ? 500 : 10_000);
                    draw();
                }
            } catch (InterruptedException done) {
                Thread.currentThread().interrupt();
            }
        }, "hunt-progress");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void stopped() {
        if (thread != null) {
            thread.interrupt();
        }
        if (tty) {
            err.print("\r\033[K");
            err.flush();
        }
    }

    /** The status line, without the bar. */
    String status() {
        double secs = (System.nanoTime() - start) / 1e9;
        double rate = cases.get() / Math.max(secs, 1e-9);
        String left = deadline == Long.MAX_VALUE ? "" : String.format(", %ds left",
                Math.max(0, (deadline - System.nanoTime()) / 1_000_000_000L));
        return String.format("%s: %d cases, %.0f/s; violations %d expected, %d UNEXPECTED%s", current, cases.get(), rate,
                expected.get(), unexpected.get(), left);
    }

    private synchronized void draw() {
        if (tty) {
            String bar = "";
            if (deadline != Long.MAX_VALUE && width >= 60) {
                long total = deadline - start;
                int filled = (int) Math.min(20, 20 * (System.nanoTime() - start) / Math.max(1, total));
                bar = "[" + "#".repeat(filled) + " ".repeat(20 - filled) + "] ";
            }
            String line = bar + status();
            err.print("\r\033[K" + (line.length() >= width ? line.substring(0, Math.max(0, width - 1)) : line));
        } else {
            err.println("hunt: " + status());
        }
        err.flush();
    }
}
