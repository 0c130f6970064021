package dev.kconfig4j.cli;

import dev.kconfig4j.Kconfig;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code kconfig4j} command line: a thin picocli layer over the library. Everything a
 * command needs from the process (environment, working directory, streams) comes through a
 * {@link Context}, so commands can also run in-process (tests, servers).
 */
@Command(name = "kconfig4j", mixinStandardHelpOptions = true, version = "kconfig4j 0.1.0",
        description = "The Linux kernel's Kconfig tools, exact, with an upgrade guard.",
        subcommands = {ConfCommand.class, UpgradeCommand.class})
public final class Cli implements Runnable {

    /**
     * What a command sees of its process.
     *
     * @param treeLoader returns a cached tree for the options, or null to parse anew
     * @param in standard input (the oldconfig dialogue reads it)
     */
    public record Context(Map<String, String> environment, Path workingDirectory, PrintStream out, PrintStream err,
            Function<Kconfig.Options, Kconfig> treeLoader, InputStream in) {
        /** A context whose standard input is empty (closed), as for a command run without a terminal. */
        public Context(Map<String, String> environment, Path workingDirectory, PrintStream out, PrintStream err,
                Function<Kconfig.Options, Kconfig> treeLoader) {
            this(environment, workingDirectory, out, err, treeLoader, InputStream.nullInputStream());
        }

        /** The real process: its environment, its working directory, System.in, System.out and System.err. */
        public static Context ofProcess() {
            return new Context(System.getenv(), Path.of("").toAbsolutePath(), System.out, System.err, o -> null,
                    System.in);
        }
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    /** Runs {@code args} in {@code context}; returns the exit status. */
    public static int execute(Context context, String... args) {
        CommandLine cl = new CommandLine(new Cli(), new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> cls) throws Exception {
                if (cls == ConfCommand.class) {
                    return cls.cast(new ConfCommand(context));
                }
                if (cls == UpgradeCommand.class) {
                    return cls.cast(new UpgradeCommand(context));
                }
                return CommandLine.defaultFactory().create(cls);
            }
        });
        cl.setOut(new PrintWriter(context.out(), true));
        cl.setErr(new PrintWriter(context.err(), true));
        return cl.execute(args);
    }
}
