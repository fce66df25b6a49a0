package org.localitycheck.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.localitycheck.model.InputLimits;
import org.localitycheck.model.InstanceException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code locality-check} command: thin sub-commands over the engine. Only {@link #main} exits. */
@Command(name = "locality-check", mixinStandardHelpOptions = true, version = "locality-check 0.1.0",
        description = "Exact checks of the inequalities of 'A Unified Framework for Locality in Scalable MARL'.",
        subcommands = {HuntCommand.class, EvalCommand.class, ReplayCommand.class, CheckCommand.class, ReportCommand.class, ComputeCommand.class, ReferenceCommand.class, GenerateCommand.class, ConvertCommand.class, CompareCommand.class, MergeCommand.class, BenchCommand.class})
public final class Main implements Runnable {
    /** Exit codes: 0 ok, 1 a check failed or a difference was found, 2 bad usage or bad input, 3 internal or I/O error. */
    public static final int OK = 0;
    public static final int CHECK_FAILED = 1;
    public static final int BAD_INPUT = 2;
    public static final int INTERNAL = 3;

    /** The exit codes, as every --help prints them (130 and 143 are the JVM's own on SIGINT and SIGTERM). */
    static final Map<String, String> EXIT_CODES = exitCodes();

    private static Map<String, String> exitCodes() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("0", "ok");
        m.put("1", "a check failed, a counterexample was not accepted, or a difference was found");
        m.put("2", "bad usage or bad input (the message names the file, the place and the rule)");
        m.put("3", "internal error, or an input or output error (such as: cannot write output)");
        m.put("130", "interrupted (SIGINT); files written so far are complete");
        m.put("143", "terminated (SIGTERM); files written so far are complete");
        return m;
    }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a sub-command is required");
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        int code;
        try {
            code = execute(args, out, err);
        } catch (OutOfMemoryError e) {
            err.println("locality-check: internal error: out of memory (give the JVM more with java -Xmx16g -jar ...)");
            code = INTERNAL;
        }
        System.exit(finish(code, out, err));
    }

    /** Output that could not be written (a full disk, a closed pipe) turns any exit code into 3. */
    static int finish(int code, PrintWriter out, PrintWriter err) {
        if (out.checkError()) {
            err.println("locality-check: cannot write output (standard output failed)");
            err.flush();
            return INTERNAL;
        }
        return code;
    }

    /** Runs the command line with the given writers; returns the exit code. */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        try {
            InputLimits.load();
        } catch (ExceptionInInitializerError e) {
            if (!(e.getCause() instanceof IllegalArgumentException bad)) {
                throw e;
            }
            err.println("locality-check: " + bad.getMessage());
            err.flush();
            return BAD_INPUT;
        }
        CommandLine cl = new CommandLine(new Main());
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            commandLine.getErr().println(describe(ex));
            commandLine.getErr().flush();
            return exitCode(ex);
        });
        for (CommandLine c : cl.getSubcommands().values()) {
            c.getCommandSpec().usageMessage().exitCodeListHeading("%nExit codes:%n").exitCodeList(EXIT_CODES);
        }
        cl.getCommandSpec().usageMessage().exitCodeListHeading("%nExit codes:%n").exitCodeList(EXIT_CODES);
        cl.setParameterExceptionHandler((ex, a) -> {
            CommandLine c = ex.getCommandLine();
            c.getErr().println(oneLine("locality-check: " + ex.getMessage()));
            c.getErr().println("Try '" + c.getCommandSpec().qualifiedName() + " --help'.");
            c.getErr().flush();
            return BAD_INPUT;
        });
        return cl.execute(args);
    }

    /** Bad input: a named file or value breaks a rule. Everything else that escapes a command is ours or the system's. */
    static boolean badInput(Exception ex) {
        return ex instanceof InputFileException || ex instanceof UsageException || ex instanceof InstanceException;
    }

    static int exitCode(Exception ex) {
        return badInput(ex) ? BAD_INPUT : INTERNAL;
    }

    /**
     * s on one line: a line break or other control character an input carried into a message (a newline inside a number
     * string, say) is written as a six-character escape with lower-case hex.
     */
    static String oneLine(String s) {
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean control = c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == 0x2028 || c == 0x2029;
            if (control && sb == null) {
                sb = new StringBuilder(s.substring(0, i));
            }
            if (sb != null) {
                if (control) {
                    sb.append(String.format("\\u%04x", (int) c));
                } else {
                    sb.append(c);
                }
            }
        }
        return sb == null ? s : sb.toString();
    }

    /** One line for an exception that reaches the command line: operation, rule, value; no stack trace. */
    static String describe(Exception ex) {
        return oneLine(describeRaw(ex));
    }

    private static String describeRaw(Exception ex) {
        if (ex instanceof InputFileException) {
            return ex.getMessage();
        }
        if (badInput(ex)) {
            return "locality-check: " + ex.getMessage();
        }
        if (ex instanceof FileSystemException fs) {
            return "locality-check: cannot write or read " + fs.getFile() + ": "
                    + (fs.getReason() == null ? fs.getClass().getSimpleName() : fs.getReason());
        }
        if (ex instanceof IOException || ex instanceof UncheckedIOException) {
            return "locality-check: input or output error: " + ex.getMessage();
        }
        if (ex instanceof ArithmeticException) {
            return "locality-check: could not decide: " + ex.getMessage();
        }
        return "locality-check: internal error: " + ex;
    }
}
