package org.localitycheck.cli;

import java.io.PrintWriter;
import org.localitycheck.model.InstanceException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code locality-check} command: thin sub-commands over the engine. Only {@link #main} exits. */
@Command(name = "locality-check", mixinStandardHelpOptions = true, version = "locality-check 0.1.0",
        description = "Exact checks of the inequalities of 'A Unified Framework for Locality in Scalable MARL'.",
        subcommands = {HuntCommand.class, EvalCommand.class, ReplayCommand.class, CheckCommand.class, ReportCommand.class, ComputeCommand.class, ReferenceCommand.class, CompareCommand.class, MergeCommand.class, BenchCommand.class})
public final class Main implements Runnable {
    /** Exit codes: 0 ok, 1 a check failed or a difference was found, 2 bad usage or bad input. */
    public static final int OK = 0;
    public static final int CHECK_FAILED = 1;
    public static final int BAD_INPUT = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a sub-command is required");
    }

    public static void main(String[] args) {
        System.exit(execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the command line with the given writers; returns the exit code. */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new Main());
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            commandLine.getErr().println(describe(ex));
            commandLine.getErr().flush();
            return BAD_INPUT;
        });
        cl.setParameterExceptionHandler((ex, a) -> {
            CommandLine c = ex.getCommandLine();
            c.getErr().println("locality-check: " + ex.getMessage());
            c.getErr().println("Try '" + c.getCommandSpec().qualifiedName() + " --help'.");
            c.getErr().flush();
            return BAD_INPUT;
        });
        return cl.execute(args);
    }

    /** One line for an exception that reaches the command line: operation, rule, value; no stack trace. */
    static String describe(Exception ex) {
        if (ex instanceof InputFileException) {
            return ex.getMessage();
        }
        if (ex instanceof InstanceException) {
            return "locality-check: " + ex.getMessage();
        }
        if (ex instanceof UnsupportedOperationException || ex instanceof IllegalArgumentException
                || ex instanceof ArithmeticException) {
            return "locality-check: " + ex.getMessage();
        }
        if (ex instanceof java.io.IOException) {
            return "locality-check: " + ex.getClass().getSimpleName() + ": " + ex.getMessage();
        }
        return "locality-check: internal error: " + ex;
    }
}
