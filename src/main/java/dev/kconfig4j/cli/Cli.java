package dev.kconfig4j.cli;

import dev.kconfig4j.Kconfig;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
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
        footer = {"", "Exit status: 0 success; 1 bad input (Kconfig, config, files; one line with file and line); "
            + "2 bad usage; 3 `upgrade`/`impact --fail-on` threshold crossed or `enable` without a solution; "
            + "70 internal error (--debug shows the stack trace), or input so deep or large it exhausts the stack or memory."})
public final class Cli implements Runnable {
    /**
     * The subcommands, in the order help lists them. Added by {@link #execute} rather than named in
     * the annotation, so that a run builds picocli's model of its own command only: reading the
     * others' annotations is a third of the CPU a short run spends before its work starts.
     */
    static final List<Class<?>> SUBCOMMANDS = List.of(ConfCommand.class, UpgradeCommand.class, ImpactCommand.class,
            WhyCommand.class, EnableCommand.class, KbuildCommand.class, LocalmodconfigCommand.class,
            LocalyesconfigCommand.class, CacheCommand.class, WebCommand.class, MenuconfigCommand.class);

    /** The exit status of an internal error (a bug): EX_SOFTWARE. */
    public static final int INTERNAL_ERROR = 70;

    @picocli.CommandLine.Option(names = "--debug", scope = picocli.CommandLine.ScopeType.INHERIT,
            description = "Show the stack trace of an internal error.")
    boolean debug;

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

        /**
         * Reads an input file (a config, an lsmod listing) given relative to the working directory,
         * byte for byte (ISO-8859-1, so every byte is written back unchanged).
         *
         * @throws dev.kconfig4j.diagnostic.KconfigException when it is not a regular file
         */
        public String readInput(Path file) throws java.io.IOException {
            Path p = workingDirectory.resolve(file);
            dev.kconfig4j.diagnostic.KconfigException special = dev.kconfig4j.diagnostic.KconfigException.notAFile(file.toString(), p);
            if (special != null) {
                throw special;
            }
            if (!java.nio.file.Files.isRegularFile(p)) {
                throw new dev.kconfig4j.diagnostic.KconfigException(file + ": no such file");
            }
            return new String(java.nio.file.Files.readAllBytes(p), java.nio.charset.StandardCharsets.ISO_8859_1);
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
        return execute(context, subcommandsFor(args), args);
    }

    /**
     * Runs {@code args} with picocli's model of {@code subcommands} only ({@link #subcommandsFor}
     * chooses them; a test gives all of them, to check that the choice changes nothing).
     */
    static int execute(Context context, List<Class<?>> subcommands, String... given) {
        String[] args = subcommands.contains(ConfCommand.class) ? ConfCommand.readLikeGetopt(given) : given;
        CommandLine.IFactory factory = factory(context);
        CommandLine cl = new CommandLine(new Cli(), factory);
        for (Class<?> sub : subcommands) {
            CommandLine command = new CommandLine(sub, factory);
            if (sub == ConfCommand.class) {
                ConfCommand.parseLikeGetopt(command);
            }
            cl.addSubcommand(command);
        }
        // --format text, --format JSON...: an enum option takes its value in any case.
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setOut(new PrintWriter(context.out(), true));
        cl.setErr(new PrintWriter(context.err(), true));
        // Errors the user caused are reported by the commands themselves, in one line; anything
        // that escapes is a bug: one line too, the stack trace only with --debug.
        cl.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof dev.kconfig4j.diagnostic.KconfigException k) {
                context.err().println(k.describe());
                return 1;
            }
            if (e instanceof java.io.IOException io) {
                // The machine's trouble, not a bug: a full disk, a read-only file system.
                String file = io instanceof java.nio.file.FileSystemException f && f.getFile() != null
                        ? f.getFile() + ": " : "";
                context.err().println("kconfig4j: " + file + dev.kconfig4j.diagnostic.KconfigException.reason(io));
                return 1;
            }
            boolean debug = java.util.Arrays.asList(args).contains("--debug");
            context.err().println("kconfig4j: internal error: " + e
                    + (debug ? "" : " (run with --debug for the stack trace)"));
            if (debug) {
                e.printStackTrace(context.err());
            }
            return INTERNAL_ERROR;
        });
        try {
            return cl.execute(args);
        } catch (StackOverflowError | OutOfMemoryError e) {
            // Absurd input (a chain of a hundred thousand dependencies) can exhaust the stack or
            // the heap where no bound is checked; the kernel's conf crashes there. Both unwind to
            // here, freeing what they held, so one line can still be printed.
            context.err().println(exhausted(args, e));
            return INTERNAL_ERROR;
        }
    }

    /** Creates the commands, each with {@code context} as its one constructor argument. */
    static CommandLine.IFactory factory(Context context) {
        return new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> cls) throws Exception {
                try {
                    return cls.getDeclaredConstructor(Context.class).newInstance(context);
                } catch (NoSuchMethodException notACommand) {
                    return CommandLine.defaultFactory().create(cls);
                }
            }
        };
    }

    /**
     * The subcommands whose model a run of {@code args} needs: only the command the arguments
     * name; none for a bare {@code --version} (it prints one line); all of them for help, a
     * mistyped name or no name (the usage lists them, the error suggests the nearest).
     */
    static List<Class<?>> subcommandsFor(String[] args) {
        if (args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"))) {
            return List.of();
        }
        Class<?> named = subcommandNamed(args);
        return named == null ? SUBCOMMANDS : List.of(named);
    }

    /**
     * The subcommand class the first argument that is no option names (by its {@code @Command}
     * name or alias), or null. The top-level options take no values, so that argument is the
     * subcommand's name if there is one.
     */
    static Class<?> subcommandNamed(String[] args) {
        String first = java.util.Arrays.stream(args).filter(a -> !a.startsWith("-")).findFirst().orElse(null);
        if (first == null) {
            return null;
        }
        for (Class<?> sub : SUBCOMMANDS) {
            Command c = sub.getAnnotation(Command.class);
            if (c.name().equals(first) || java.util.Arrays.asList(c.aliases()).contains(first)) {
                return sub;
            }
        }
        return null;
    }

    /** The one line for an exhausted stack or heap: which command, which limit, how to raise it. */
    static String exhausted(String[] args, Throwable e) {
        String command = java.util.Arrays.stream(args).filter(a -> !a.startsWith("-")).findFirst().orElse("");
        String input = args.length > 0 && !args[args.length - 1].startsWith("-") && args.length > 1
                ? args[args.length - 1] + ": " : "";
        String what = e instanceof StackOverflowError
                ? "dependencies nested too deeply for the stack (java.lang.StackOverflowError); run with a larger stack, "
                        + "e.g. KCONFIG4J_JAVA_OPTS=-Xss1g"
                : "input too large for the memory (java.lang.OutOfMemoryError); run with more memory, "
                        + "e.g. KCONFIG4J_JAVA_OPTS=-Xmx8g";
        return "kconfig4j" + (command.isEmpty() ? "" : " " + command) + ": " + input + what;
    }
}
