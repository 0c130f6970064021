package dev.kconfig4j.cli;


import dev.kconfig4j.conf.Conf;
import dev.kconfig4j.conf.ConfRequest;
import dev.kconfig4j.conf.Mode;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code kconfig4j conf}: a drop-in for the kernel's {@code scripts/kconfig/conf}. */
@Command(name = "conf", header = "The kernel's conf, exactly: every mode, option and environment variable.", sortOptions = false, usageHelpAutoWidth = true,
        // -h and --help print the usage on standard output and exit 1, as the kernel's conf does.
        exitCodeOnUsageHelp = 1,
        description = {
            "A drop-in replacement for the kernel's scripts/kconfig/conf: same modes, options, "
                + "environment variables (srctree, KCONFIG_CONFIG, KCONFIG_ALLCONFIG, ...), output files "
                + "and exit status. Run it in the object directory, with srctree pointing at the source tree."},
        footer = {"", "Exit status: 0 on success, 1 on any error (bad Kconfig, unreadable input, failed write)."})
public final class ConfCommand implements Callable<Integer> {
    private final Cli.Context context;

    /**
     * The mode: the last mode option given wins, as with the kernel's getopt_long loop
     * ({@code -s --allnoconfig --olddefconfig} is olddefconfig); none is oldaskconfig.
     */
    Mode mode = Mode.OLDASKCONFIG;
    /** The file of {@code --defconfig} or {@code --savedefconfig}, when that mode is the last. */
    String modeFile;

    @Option(names = "-s", description = "Silent: print no informational messages.")
    boolean silent;

    /** {@code --silent}, which conf knows from 6.1. */
    boolean longSilent;

    @Option(names = "--silent", description = "The same as -s (from 6.1).")
    void silent(boolean on) {
        silent = true;
        longSilent = true;
    }

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Print this usage and exit (status 1, as the kernel's conf).")
    boolean help;

    @Option(names = "--dialect", paramLabel = "VERSION",
            description = "Kconfig dialect: 5.10, 6.1, 6.12 or 7.3 (default: KCONFIG4J_DIALECT, else KERNELVERSION, else the tree's Makefile, else the newest).")
    String dialect;

    @Option(names = "--shell", paramLabel = "POLICY",
            description = "What $(shell,...) in Kconfig files may do: allow (default, as the kernel), deny, deny=TEXT, "
                    + "record=FILE, replay=FILE (also KCONFIG4J_SHELL).")
    String shell;

    /** Optional to picocli: without it conf says "Kconfig file missing" and prints its usage (status 1). */
    @Parameters(index = "0", arity = "0..1", paramLabel = "Kconfig", description = "The top-level Kconfig file (normally Kconfig).")
    String kconfig;

    /** Arguments after the Kconfig file: the kernel's conf ignores them. */
    @Parameters(index = "1..*", hidden = true)
    java.util.List<String> ignored;

    @Option(names = "--oldaskconfig", description = "Start a new configuration using a line-oriented program.")
    void oldaskconfig(boolean on) {
        mode = Mode.OLDASKCONFIG;
    }

    @Option(names = "--oldconfig", description = "Update a configuration using a provided .config as base.")
    void oldconfig(boolean on) {
        mode = Mode.OLDCONFIG;
    }

    @Option(names = "--syncconfig", description = "Similar to oldconfig but generates configuration in include/{generated/,config/}.")
    void syncconfig(boolean on) {
        mode = Mode.SYNCCONFIG;
    }

    @Option(names = "--defconfig", paramLabel = "FILE", description = "New config with default defined in FILE.")
    void defconfig(String file) {
        mode = Mode.DEFCONFIG;
        modeFile = file;
    }

    @Option(names = "--savedefconfig", paramLabel = "FILE", description = "Save the minimal current configuration to FILE.")
    void savedefconfig(String file) {
        mode = Mode.SAVEDEFCONFIG;
        modeFile = file;
    }

    @Option(names = "--allnoconfig", description = "New config where all options are answered with no.")
    void allnoconfig(boolean on) {
        mode = Mode.ALLNOCONFIG;
    }

    @Option(names = "--allyesconfig", description = "New config where all options are answered with yes.")
    void allyesconfig(boolean on) {
        mode = Mode.ALLYESCONFIG;
    }

    @Option(names = "--allmodconfig", description = "New config where all options are answered with mod.")
    void allmodconfig(boolean on) {
        mode = Mode.ALLMODCONFIG;
    }

    @Option(names = "--alldefconfig", description = "New config with all symbols set to default.")
    void alldefconfig(boolean on) {
        mode = Mode.ALLDEFCONFIG;
    }

    @Option(names = "--randconfig", description = "New config with random answer to all options.")
    void randconfig(boolean on) {
        mode = Mode.RANDCONFIG;
    }

    @Option(names = "--listnewconfig", description = "List new options.")
    void listnewconfig(boolean on) {
        mode = Mode.LISTNEWCONFIG;
    }

    @Option(names = "--helpnewconfig", description = "List new options and help text.")
    void helpnewconfig(boolean on) {
        mode = Mode.HELPNEWCONFIG;
    }

    @Option(names = "--olddefconfig", description = "Same as oldconfig but sets new symbols to their default value.")
    void olddefconfig(boolean on) {
        mode = Mode.OLDDEFCONFIG;
    }

    @Option(names = "--yes2modconfig", description = "Change answers from yes to mod if possible.")
    void yes2modconfig(boolean on) {
        mode = Mode.YES2MODCONFIG;
    }

    @Option(names = "--mod2yesconfig", description = "Change answers from mod to yes if possible.")
    void mod2yesconfig(boolean on) {
        mode = Mode.MOD2YESCONFIG;
    }

    @Option(names = "--mod2noconfig", description = "Change answers from mod to no if possible.")
    void mod2noconfig(boolean on) {
        mode = Mode.MOD2NOCONFIG;
    }

    /**
     * Parses as the kernel's conf parses (getopt_long): an option may be given again ({@code -s
     * -s}) and abbreviated ({@code --olddef}); arguments after the Kconfig file are ignored.
     */
    static void parseLikeGetopt(picocli.CommandLine conf) {
        conf.setOverwrittenOptionsAllowed(true);
        conf.setUnmatchedArgumentsAllowed(true);
        // Long options come under their full names, with their argument joined, from readLikeGetopt;
        // an argument is taken whatever it is (--defconfig=-s reads a file named -s).
        conf.setAbbreviatedOptionsAllowed(false);
        conf.setAllowOptionsAsOptionParameters(true);
    }

    /**
     * conf's long options in the order of its option table (getopt_long lists the possibilities
     * of an ambiguous prefix in it), each with whether it takes an argument; then kconfig4j's own,
     * which a prefix names only when it names none of conf's ({@code --d} is {@code --defconfig}).
     */
    private static final java.util.Map<String, Boolean> CONF_OPTIONS = new java.util.LinkedHashMap<>();
    private static final java.util.Map<String, Boolean> OWN_OPTIONS = java.util.Map.of("dialect", true, "shell", true,
            "debug", false);

    static {
        CONF_OPTIONS.put("help", false);
        CONF_OPTIONS.put("silent", false);
        for (Mode m : Mode.values()) {
            CONF_OPTIONS.put(m.option(), m == Mode.DEFCONFIG || m == Mode.SAVEDEFCONFIG);
        }
    }

    /** Stands, in the arguments given to picocli, for an option whose argument is missing. */
    private static final String MISSING_ARGUMENT = "--\0missing-argument-of-";
    /** Stands for a prefix of several options: {@code --\0ambiguous-PREFIX\0OPTION\0OPTION...}. */
    private static final String AMBIGUOUS = "--\0ambiguous-";

    /**
     * conf's command line read as getopt_long reads it, for picocli: each long option under its
     * full name ({@code --olddef} is {@code --olddefconfig}) with its argument joined
     * ({@code --defconfig FILE}, whatever FILE is, becomes {@code --defconfig=FILE}); a prefix of
     * several options, and an option whose argument is missing (the last argument), as markers
     * that {@link #unknownOptions} reports as getopt_long does; nothing after {@code --}. Other
     * command lines are returned as they are.
     */
    static String[] readLikeGetopt(String[] args) {
        int conf = 0;
        while (conf < args.length && args[conf].startsWith("-")) {
            conf++;
        }
        if (conf == args.length || !args[conf].equals("conf")) {
            return args;
        }
        java.util.List<String> out = new java.util.ArrayList<>(java.util.Arrays.asList(args).subList(0, conf + 1));
        for (int i = conf + 1; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--")) {
                out.addAll(java.util.Arrays.asList(args).subList(i, args.length));
                break;
            }
            int eq = a.indexOf('=');
            String name = a.substring(2, eq < 0 ? a.length() : eq);
            java.util.List<String> found = a.startsWith("--") ? longOptions(name) : java.util.List.of();
            if (found.size() > 1) {
                out.add(AMBIGUOUS + name + "\0" + String.join("\0", found));
            } else if (found.isEmpty()) {
                out.add(a); // an operand, a short option, or an unknown one (picocli leaves it unmatched)
            } else if (eq >= 0 || !CONF_OPTIONS.getOrDefault(found.get(0), OWN_OPTIONS.get(found.get(0)))) {
                out.add("--" + found.get(0) + (eq < 0 ? "" : a.substring(eq)));
            } else if (i + 1 < args.length) {
                out.add("--" + found.get(0) + "=" + args[++i]);
            } else {
                out.add(MISSING_ARGUMENT + found.get(0));
            }
        }
        return out.toArray(new String[0]);
    }

    /** The long options {@code name} names: itself, or those it is a prefix of (conf's first). */
    static java.util.List<String> longOptions(String name) {
        if (CONF_OPTIONS.containsKey(name) || OWN_OPTIONS.containsKey(name)) {
            return java.util.List.of(name);
        }
        if (name.isEmpty()) {
            return java.util.List.of();
        }
        java.util.List<String> found = CONF_OPTIONS.keySet().stream().filter(o -> o.startsWith(name)).toList();
        return !found.isEmpty() ? found : OWN_OPTIONS.keySet().stream().filter(o -> o.startsWith(name)).sorted().toList();
    }

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    /**
     * Options conf does not know, as getopt_long reports them: {@code conf: unrecognized option
     * '--foo'} (and {@code conf: invalid option -- 'x'}). From 6.1 conf goes on; 5.10's conf prints
     * its usage and exits 1, and knows neither {@code --silent} nor {@code --mod2noconfig}. Null
     * when the run goes on.
     */
    private Integer unknownOptions(java.util.Map<String, String> env, java.io.PrintStream out, java.io.PrintStream err) {
        java.util.List<String> unknown = new java.util.ArrayList<>(spec.commandLine().getUnmatchedArguments());
        if (unknown.isEmpty() && mode != Mode.MOD2NOCONFIG && !longSilent) {
            return null;
        }
        dev.kconfig4j.dialect.Dialect d = dialect(env);
        if (longSilent && !d.knowsConfOption("silent")) {
            unknown.add("--silent");
        }
        if (mode == Mode.MOD2NOCONFIG && !d.knowsConfOption("mod2noconfig")) {
            unknown.add("--mod2noconfig");
        }
        if (unknown.isEmpty()) {
            return null;
        }
        for (String u : unknown) {
            err.println(u.startsWith(MISSING_ARGUMENT)
                    ? "conf: option '--" + u.substring(MISSING_ARGUMENT.length()) + "' requires an argument"
                    : u.startsWith(AMBIGUOUS) ? ambiguous(u.substring(AMBIGUOUS.length()).split("\0"))
                    : u.startsWith("--") ? "conf: unrecognized option '" + u.split("=", 2)[0] + "'"
                    : "conf: invalid option -- '" + (u.length() > 1 ? u.charAt(1) : u) + "'");
        }
        err.flush();
        if (d.stopsAtUnknownOptions()) {
            out.print(d.confUsage());
            out.flush();
            return 1;
        }
        return null;
    }

    /** getopt_long's report of {@code --PREFIX} naming several options: {@code [PREFIX, OPTION...]}. */
    private static String ambiguous(String[] prefixAndOptions) {
        StringBuilder b = new StringBuilder("conf: option '--").append(prefixAndOptions[0]).append("' is ambiguous; possibilities:");
        for (int i = 1; i < prefixAndOptions.length; i++) {
            b.append(" '--").append(prefixAndOptions[i]).append('\'');
        }
        return b.toString();
    }

    /** The generation whose conf this run imitates (KCONFIG4J_DIALECT, KERNELVERSION, the tree's Makefile...). */
    private static dev.kconfig4j.dialect.Dialect dialect(java.util.Map<String, String> env) {
        String srctree = env.get("srctree");
        return dev.kconfig4j.dialect.Dialect.select(env.get("KCONFIG4J_DIALECT"), env,
                srctree == null ? null : java.nio.file.Path.of(srctree));
    }

    public ConfCommand(Cli.Context context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        String file = mode == Mode.DEFCONFIG || mode == Mode.SAVEDEFCONFIG ? modeFile : null;
        java.util.Map<String, String> env = context.environment();
        if (dialect != null || shell != null) {
            env = new java.util.HashMap<>(env);
            if (dialect != null) {
                env.put("KCONFIG4J_DIALECT", dialect);
            }
            if (shell != null) {
                env.put("KCONFIG4J_SHELL", shell);
            }
        }
        java.io.PrintStream out = bytewise(context.out(), java.io.FileDescriptor.out);
        java.io.PrintStream err = bytewise(context.err(), java.io.FileDescriptor.err);
        Integer refused = unknownOptions(env, out, err);
        if (refused != null) {
            return refused;
        }
        if (kconfig == null) {
            err.println("conf: Kconfig file missing");
            err.flush();
            out.print(dialect(env).confUsage());
            out.flush();
            return 1;
        }
        ConfRequest req = new ConfRequest(mode, file, kconfig, silent, env,
                context.workingDirectory(), out, err, context.in());
        try {
            return new Conf(context.treeLoader()).run(req);
        } finally {
            out.flush();
            err.flush();
        }
    }

    /**
     * The kernel's conf echoes the bytes it read (a stray byte in a .config line, a prompt in
     * Latin-1): the engine holds them as ISO-8859-1 characters, so the process's own streams are
     * written in ISO-8859-1, one byte per character, not re-encoded in the locale's charset.
     */
    private static java.io.PrintStream bytewise(java.io.PrintStream stream, java.io.FileDescriptor fd) {
        if (stream != System.out && stream != System.err) {
            return stream;
        }
        stream.flush();
        return new java.io.PrintStream(new java.io.FileOutputStream(fd), true, StandardCharsets.ISO_8859_1);
    }
}
