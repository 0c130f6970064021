package dev.kconfig4j.cli;

import dev.kconfig4j.Kconfig;
import dev.kconfig4j.KconfigException;
import dev.kconfig4j.KernelEnvironment;
import dev.kconfig4j.confdata.AtomicFile;
import dev.kconfig4j.dialect.Dialect;
import dev.kconfig4j.preprocess.ProbeCache;
import dev.kconfig4j.preprocess.ShellPolicy;
import dev.kconfig4j.upgrade.Fix;
import dev.kconfig4j.upgrade.KernelImage;
import dev.kconfig4j.upgrade.ReportFormat;
import dev.kconfig4j.upgrade.UpgradeGuard;
import dev.kconfig4j.upgrade.UpgradeReport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code kconfig4j upgrade}: what olddefconfig would change or drop, why, and how to get it back. */
@Command(name = "upgrade", header = "What `make olddefconfig` changes or drops in a config, why, and verified lines that restore it.", sortOptions = false, usageHelpAutoWidth = true,
        description = {
            "Carries a config to a (new) kernel tree exactly as `make olddefconfig` does and reports every",
            "value it changes or drops, with the root cause and verified config lines that restore it.",
            "Cascades (a core option and the drivers behind it) are one finding with consequences."},
        footer = {"", "Exit status: 0 nothing crossed the --fail-on threshold; 3 it did; 1 bad input (tree or config);",
            "2 bad usage."})
public final class UpgradeCommand implements Callable<Integer> {
    private final Cli.Context context;

    @Option(names = "--config", required = true, paramLabel = "OLD.config", description = "The config to carry over.")
    Path config;

    @Option(names = "--srctree", paramLabel = "TREE", description = "The new kernel tree (default: $srctree, else .).")
    Path srctree;

    @Option(names = "--arch", paramLabel = "ARCH", description = "Architecture (default: $ARCH, else this machine's).")
    String arch;

    @Option(names = "--old-srctree", paramLabel = "TREE",
            description = "The tree the config came from: explains type, dependency and name changes precisely.")
    Path oldSrctree;

    @Option(names = "--write", paramLabel = "NEW.config",
            description = "Write the olddefconfig result (identical to the kernel's) here.")
    Path write;

    @Option(names = "--write-fixed", paramLabel = "FILE",
            description = "Write the config with every fix applied (evaluated like olddefconfig) here.")
    Path writeFixed;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text, json, markdown or junit (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--output", paramLabel = "FILE", description = "Write the report here instead of standard output.")
    Path output;

    @Option(names = "--fail-on", paramLabel = "WHAT", defaultValue = "lost",
            description = "lost (default: exit 3 when something enabled is lost), changed (any change), never.")
    String failOn;

    @Option(names = "--dummy-tools", description = "Probe the tree's scripts/dummy-tools instead of the real compiler.")
    boolean dummyTools;

    @Option(names = "--dialect", paramLabel = "VERSION", description = "Kconfig dialect of the new tree: 5.10, 6.1 or 6.12.")
    String dialect;

    @Option(names = "--shell", paramLabel = "POLICY",
            description = "What $(shell,...) in the trees may do: allow (default), deny, deny=TEXT, record=FILE, replay=FILE.")
    String shell;

    @Option(names = "--kbuild", paramLabel = "MODE", defaultValue = "auto",
            description = {"What to read of the trees' Makefiles (with --old-srctree) to report the kernel-image changes",
                "of findings whose symbols Kbuild builds in against their value ($(subst m,y,...)):",
                "auto (default: only the directories those symbols need), full (every directory), off."})
    String kbuild;

    public UpgradeCommand(Cli.Context context) {
        this.context = context;
    }

    @Override
    public Integer call() throws IOException {
        ReportFormat fmt;
        try {
            fmt = ReportFormat.valueOf(format.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            context.err().println("kconfig4j upgrade: unknown --format " + format + " (text, json, markdown, junit)");
            return 2;
        }
        if (!failOn.equals("lost") && !failOn.equals("changed") && !failOn.equals("never")) {
            context.err().println("kconfig4j upgrade: unknown --fail-on " + failOn + " (lost, changed, never)");
            return 2;
        }
        KernelImage.Mode kbuildMode;
        try {
            kbuildMode = KernelImage.Mode.parse(kbuild);
        } catch (IllegalArgumentException e) {
            context.err().println("kconfig4j upgrade: unknown --kbuild " + kbuild + " (auto, full, off)");
            return 2;
        }
        try {
            Path cfg = context.workingDirectory().resolve(config);
            if (!Files.isRegularFile(cfg)) {
                throw new KconfigException(config + ": no such file");
            }
            String text = new String(Files.readAllBytes(cfg), StandardCharsets.ISO_8859_1);
            Path tree = resolveTree(srctree);
            String spec = shell != null ? shell : context.environment().get("KCONFIG4J_SHELL");
            // One policy for both trees, so that a recording holds the commands of both.
            ShellPolicy policy = ShellPolicy.parse(spec, context.workingDirectory());
            Kconfig newTree = load(tree, dialect, policy);
            Kconfig oldTree = oldSrctree == null ? null
                    : load(context.workingDirectory().resolve(oldSrctree), null, policy);
            UpgradeGuard guard = new UpgradeGuard(newTree, oldTree);
            UpgradeReport report = KernelImage.annotate(guard.analyze(config.toString(), text), oldTree, newTree,
                    config.toString(), text, newTree.options().environment().get("ARCH"), kbuildMode);
            if (write != null) {
                AtomicFile.write(context.workingDirectory().resolve(write), guard.newConfig(config.toString(), text));
            }
            if (writeFixed != null) {
                Fix fix = report.fix();
                String fixed = text + (text.endsWith("\n") || text.isEmpty() ? "" : "\n")
                        + (fix == null ? "" : String.join("\n", fix.lines()) + (fix.lines().isEmpty() ? "" : "\n"));
                AtomicFile.write(context.workingDirectory().resolve(writeFixed), guard.newConfig(config.toString(), fixed));
            }
            boolean color = output == null && System.console() != null && context.out() == System.out
                    && System.getenv("NO_COLOR") == null;
            String rendered = fmt.render(report, color);
            if (output != null) {
                AtomicFile.write(context.workingDirectory().resolve(output), rendered.getBytes(StandardCharsets.UTF_8));
            } else {
                context.out().print(rendered);
                context.out().flush();
            }
            boolean crossed = switch (failOn) {
                case "lost" -> report.losesSomething();
                case "changed" -> report.changesSomething();
                default -> false;
            };
            return crossed ? 3 : 0;
        } catch (KconfigException e) {
            if (!e.isReported()) {
                context.err().println(e.describe());
            }
            return 1;
        }
    }

    private Path resolveTree(Path given) {
        if (given != null) {
            return context.workingDirectory().resolve(given);
        }
        String st = context.environment().get("srctree");
        return st != null ? Path.of(st) : context.workingDirectory();
    }

    private Kconfig load(Path tree, String dialectName, ShellPolicy policy) throws IOException {
        if (!Files.isRegularFile(tree.resolve("Kconfig"))) {
            throw new KconfigException(tree + ": not a kernel tree (no Kconfig file)");
        }
        Map<String, String> env = KernelEnvironment.forTree(context.environment(), tree, arch, dummyTools);
        ProbeCache cache = ProbeCache.forEnvironment(env);
        // Probes run in a stable scratch directory, so that cached results apply across runs.
        Path work = cache.isEnabled() ? cache.directory().resolveSibling("objdir") : Files.createTempDirectory("kconfig4j");
        Files.createDirectories(work);
        Dialect d = null;
        if (dialectName != null) {
            try {
                d = Dialect.forVersion(dialectName);
            } catch (IllegalArgumentException e) {
                throw new KconfigException(e.getMessage());
            }
        }
        return Kconfig.load(new Kconfig.Options(tree, "Kconfig", env, work, d, cache, policy), context.out(),
                context.err());
    }
}
