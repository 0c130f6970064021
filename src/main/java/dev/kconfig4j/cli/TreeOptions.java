package dev.kconfig4j.cli;

import dev.kconfig4j.Kconfig;
import dev.kconfig4j.KernelEnvironment;
import dev.kconfig4j.diagnostic.Diagnostics;
import dev.kconfig4j.diagnostic.KconfigException;
import dev.kconfig4j.dialect.Dialect;
import dev.kconfig4j.preprocess.ProbeCache;
import dev.kconfig4j.preprocess.ShellPolicy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import picocli.CommandLine.Option;

/**
 * The options every command that reads one kernel tree shares (a picocli mixin), and the one place
 * where a command turns them into a loaded {@link Kconfig}: the tree, the architecture and its
 * environment, the toolchain the probes see, the dialect, the shell policy and the probe cache.
 */
public final class TreeOptions {
    @Option(names = "--srctree", paramLabel = "TREE", description = "The kernel tree (default: $srctree, else .).")
    Path srctree;

    @Option(names = "--arch", paramLabel = "ARCH", description = "Architecture (default: $ARCH, else this machine's).")
    String arch;

    @Option(names = "--dummy-tools", description = "Probe the tree's scripts/dummy-tools instead of the real compiler.")
    boolean dummyTools;

    @Option(names = "--dialect", paramLabel = "VERSION", description = "Kconfig dialect of the tree: 5.10, 6.1, 6.12 or 7.3.")
    String dialect;

    @Option(names = "--shell", paramLabel = "POLICY",
            description = "What $(shell,...) in Kconfig may do: allow (default), deny, deny=TEXT, record=FILE, replay=FILE.")
    String shell;

    /** Whether loaded trees keep their syntax tree (not an option: the command decides). */
    private boolean keepsSyntax = true;

    /** The tree: {@code --srctree}, else {@code $srctree}, else the working directory. */
    public Path tree(Cli.Context context) {
        if (srctree != null) {
            return context.workingDirectory().resolve(srctree);
        }
        String st = context.environment().get("srctree");
        return st != null ? Path.of(st) : context.workingDirectory();
    }

    /** The architecture the tree is read for ({@code ARCH} of its environment). */
    public String arch(Cli.Context context) {
        return KernelEnvironment.forTree(context.environment(), tree(context), arch, false).get("ARCH");
    }

    /** The shell policy: {@code --shell}, else {@code $KCONFIG4J_SHELL}, else allow. */
    /**
     * Trees loaded from now on do not keep their syntax tree ({@link Kconfig.Options#withoutSyntax()}):
     * for commands that never explain a value, which then hold a tenth less.
     */
    public TreeOptions withoutSyntax() {
        keepsSyntax = false;
        return this;
    }

    public ShellPolicy policy(Cli.Context context) {
        String spec = shell != null ? shell : context.environment().get("KCONFIG4J_SHELL");
        return ShellPolicy.parse(spec, context.workingDirectory());
    }

    /** Loads the tree with these options. */
    public Kconfig load(Cli.Context context) throws IOException {
        return load(context, tree(context), dialect, policy(context));
    }

    /**
     * Loads {@code tree} with this architecture and toolchain, {@code dialectName} (null: detect) and
     * {@code policy} (one policy may serve two trees, so that a recording holds both).
     */
    public Kconfig load(Cli.Context context, Path tree, String dialectName, ShellPolicy policy) throws IOException {
        if (!Files.isRegularFile(tree.resolve("Kconfig"))) {
            throw new KconfigException(tree + ": not a kernel tree (no Kconfig file)");
        }
        Dialect d = null;
        if (dialectName != null) {
            try {
                d = Dialect.forVersion(dialectName);
            } catch (IllegalArgumentException e) {
                throw new KconfigException(e.getMessage());
            }
        }
        Map<String, String> env = KernelEnvironment.forTree(context.environment(), tree, arch, dummyTools);
        ProbeCache cache = ProbeCache.forEnvironment(env, context.err());
        // Probes run in a stable scratch directory, so that cached results apply across runs;
        // without the cache, in a temporary one removed after the load.
        Path work = cache.isEnabled() ? cache.directory().resolveSibling("objdir") : Files.createTempDirectory("kconfig4j");
        Files.createDirectories(work);
        try {
            Kconfig.Options options = new Kconfig.Options(tree, "Kconfig", env, work, d, cache, policy);
            if (!keepsSyntax) {
                options = options.withoutSyntax();
            }
            Kconfig cached = context.treeLoader().apply(options);
            // Remarks the kernel prints on standard output go to standard error here: standard
            // output is the command's report (JSON, say).
            return cached != null ? cached : Kconfig.load(options, context.out(), context.err(),
                    Diagnostics.printingTo(context.err()));
        } finally {
            if (!cache.isEnabled()) {
                deleteTree(work);
            }
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
