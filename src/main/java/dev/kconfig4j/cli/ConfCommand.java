package dev.kconfig4j.cli;


import dev.kconfig4j.conf.Conf;
import dev.kconfig4j.conf.ConfRequest;
import dev.kconfig4j.conf.Mode;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
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

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    ModeOptions modes = new ModeOptions();

    @Option(names = "-s", description = "Silent: print no informational messages.")
    boolean silent;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Print this usage and exit (status 1, as the kernel's conf).")
    boolean help;

    @Option(names = "--dialect", paramLabel = "VERSION",
            description = "Kconfig dialect: 5.10, 6.1, 6.12 or 7.3 (default: KCONFIG4J_DIALECT, else KERNELVERSION, else the tree's Makefile, else the newest).")
    String dialect;

    @Option(names = "--shell", paramLabel = "POLICY",
            description = "What $(shell,...) in Kconfig files may do: allow (default, as the kernel), deny, deny=TEXT, "
                    + "record=FILE, replay=FILE (also KCONFIG4J_SHELL).")
    String shell;

    @Parameters(index = "0", paramLabel = "Kconfig", description = "The top-level Kconfig file (normally Kconfig).")
    String kconfig;

    static final class ModeOptions {
        @Option(names = "--oldaskconfig", description = "Start a new configuration using a line-oriented program.")
        boolean oldaskconfig;
        @Option(names = "--oldconfig", description = "Update a configuration using a provided .config as base.")
        boolean oldconfig;
        @Option(names = "--syncconfig", description = "Similar to oldconfig but generates configuration in include/{generated/,config/}.")
        boolean syncconfig;
        @Option(names = "--defconfig", arity = "0..1", paramLabel = "FILE", fallbackValue = "",
                description = "New config with default defined in FILE.")
        String defconfig;
        @Option(names = "--savedefconfig", paramLabel = "FILE", description = "Save the minimal current configuration to FILE.")
        String savedefconfig;
        @Option(names = "--allnoconfig", description = "New config where all options are answered with no.")
        boolean allnoconfig;
        @Option(names = "--allyesconfig", description = "New config where all options are answered with yes.")
        boolean allyesconfig;
        @Option(names = "--allmodconfig", description = "New config where all options are answered with mod.")
        boolean allmodconfig;
        @Option(names = "--alldefconfig", description = "New config with all symbols set to default.")
        boolean alldefconfig;
        @Option(names = "--randconfig", description = "New config with random answer to all options.")
        boolean randconfig;
        @Option(names = "--listnewconfig", description = "List new options.")
        boolean listnewconfig;
        @Option(names = "--helpnewconfig", description = "List new options and help text.")
        boolean helpnewconfig;
        @Option(names = "--olddefconfig", description = "Same as oldconfig but sets new symbols to their default value.")
        boolean olddefconfig;
        @Option(names = "--yes2modconfig", description = "Change answers from yes to mod if possible.")
        boolean yes2modconfig;
        @Option(names = "--mod2yesconfig", description = "Change answers from mod to yes if possible.")
        boolean mod2yesconfig;
        @Option(names = "--mod2noconfig", description = "Change answers from mod to no if possible.")
        boolean mod2noconfig;

        Mode mode() {
            if (oldaskconfig) {
                return Mode.OLDASKCONFIG;
            } else if (oldconfig) {
                return Mode.OLDCONFIG;
            } else if (syncconfig) {
                return Mode.SYNCCONFIG;
            } else if (defconfig != null) {
                return Mode.DEFCONFIG;
            } else if (savedefconfig != null) {
                return Mode.SAVEDEFCONFIG;
            } else if (allnoconfig) {
                return Mode.ALLNOCONFIG;
            } else if (allyesconfig) {
                return Mode.ALLYESCONFIG;
            } else if (allmodconfig) {
                return Mode.ALLMODCONFIG;
            } else if (alldefconfig) {
                return Mode.ALLDEFCONFIG;
            } else if (randconfig) {
                return Mode.RANDCONFIG;
            } else if (listnewconfig) {
                return Mode.LISTNEWCONFIG;
            } else if (helpnewconfig) {
                return Mode.HELPNEWCONFIG;
            } else if (olddefconfig) {
                return Mode.OLDDEFCONFIG;
            } else if (yes2modconfig) {
                return Mode.YES2MODCONFIG;
            } else if (mod2yesconfig) {
                return Mode.MOD2YESCONFIG;
            } else if (mod2noconfig) {
                return Mode.MOD2NOCONFIG;
            }
            return Mode.OLDASKCONFIG; // the kernel's default mode
        }
    }

    public ConfCommand(Cli.Context context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        Mode mode = modes.mode();
        String file = switch (mode) {
            case DEFCONFIG -> modes.defconfig.isEmpty() ? defaultDefconfig() : modes.defconfig;
            case SAVEDEFCONFIG -> modes.savedefconfig;
            default -> null;
        };
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

    /** {@code --defconfig} without a file: the architecture's {@code arch/$SRCARCH/defconfig}. */
    private String defaultDefconfig() {
        String arch = context.environment().getOrDefault("SRCARCH", context.environment().getOrDefault("ARCH", ""));
        return "arch/" + arch + "/defconfig";
    }
}
