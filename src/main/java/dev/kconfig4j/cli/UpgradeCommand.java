package dev.kconfig4j.cli;

import dev.kconfig4j.Kconfig;
import dev.kconfig4j.confdata.AtomicFile;
import dev.kconfig4j.diagnostic.KconfigException;
import dev.kconfig4j.preprocess.ShellPolicy;
import dev.kconfig4j.upgrade.Fix;
import dev.kconfig4j.upgrade.KernelImage;
import dev.kconfig4j.upgrade.ReportFormat;
import dev.kconfig4j.upgrade.UpgradeGuard;
import dev.kconfig4j.upgrade.UpgradeReport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code kconfig4j upgrade}: what olddefconfig would change or drop, why, and how to get it back. */
@Command(name = "upgrade", header = "What `make olddefconfig` changes or drops in a config, why, and verified lines that restore it.", sortOptions = false, usageHelpAutoWidth = true,
        mixinStandardHelpOptions = true,
        description = {
            "Carries a config to a (new) kernel tree exactly as `make olddefconfig` does and reports every "
                + "value it changes or drops, with the root cause and verified config lines that restore it. "
                + "Cascades (a core option and the drivers behind it) are one finding with consequences."},
        footer = {"", "Exit status: 0 nothing crossed the --fail-on threshold; 3 it did; 1 bad input (tree or config); "
            + "2 bad usage."})
public final class UpgradeCommand implements Callable<Integer> {
    private final Cli.Context context;

    @Option(names = "--config", required = true, paramLabel = "OLD.config", description = "The config to carry over.")
    Path config;

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
    ReportFormat fmt;

    @Option(names = "--output", paramLabel = "FILE", description = "Write the report here instead of standard output.")
    Path output;

    @Option(names = "--fail-on", paramLabel = "WHAT", defaultValue = "lost",
            description = "lost (default: exit 3 when an option you chose is lost; not for values the toolchain "
                + "decides or helper symbols), changed (any change), never.")
    String failOn;

    @Option(names = {"-v", "--verbose"},
            description = "List every finding the text and Markdown reports otherwise count by class (toolchain, helpers, new defaults).")
    boolean verbose;

    @Option(names = "--kbuild", paramLabel = "MODE", defaultValue = "auto",
            description = "What to read of the trees' Makefiles (with --old-srctree) to report the kernel-image changes "
                + "of findings whose symbols Kbuild builds in against their value ($(subst m,y,...)): "
                + "auto (default: only the directories those symbols need), full (every directory), off.")
    String kbuild;

    /** The new tree and how to read both trees (the old one is read with the same options). */
    @picocli.CommandLine.Mixin
    TreeOptions treeOptions = new TreeOptions();

    public UpgradeCommand(Cli.Context context) {
        this.context = context;
    }

    @Override
    public Integer call() throws IOException {
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
            String text = context.readInput(config);
            // One policy for both trees, so that a recording holds the commands of both.
            ShellPolicy policy = treeOptions.policy(context);
            Kconfig newTree = treeOptions.withoutSyntax().load(context, treeOptions.tree(context), treeOptions.dialect, policy);
            Kconfig oldTree = oldSrctree == null ? null
                    : treeOptions.load(context, context.workingDirectory().resolve(oldSrctree), null, policy);
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
            String rendered = fmt.render(report, color, verbose);
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
}
