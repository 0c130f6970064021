package dev.kconfig4j.cli;

import dev.kconfig4j.diagnostic.KconfigException;
import dev.kconfig4j.confdata.AtomicFile;
import dev.kconfig4j.preprocess.ShellPolicy;
import dev.kconfig4j.impact.ConfigInput;
import dev.kconfig4j.impact.ImpactAnalysis;
import dev.kconfig4j.impact.ImpactFormat;
import dev.kconfig4j.impact.ImpactReport;
import dev.kconfig4j.impact.TreeSource;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code kconfig4j impact}: what a Kconfig change does to every defconfig and distribution config. */
@Command(name = "impact", header = "What a Kconfig change does to every defconfig and distribution config, with checked mitigations.", sortOptions = false, usageHelpAutoWidth = true,
        mixinStandardHelpOptions = true,
        description = {
            "Carries every config of a corpus (all defconfigs of the after tree, plus the configs given) from the"
                + " BEFORE tree to the AFTER tree exactly as `make olddefconfig` does, and reports per symbol and per"
                + " config what is lost, demoted, promoted, changed or dropped, with root causes; proposes Kconfig-level"
                + " mitigations for the largest lost groups and verifies each by running the analysis again.",
            "",
            "A defconfig is first expanded in the before tree as `make defconfig` does: that is the .config its users"
                + " have; a full .config (one Kconfig wrote, e.g. a distribution's) is used as it is. Trees are"
                + " directories or git revisions (read with JGit, nothing is checked out), e.g.:",
            "  kconfig4j impact --before v6.12 --after HEAD \\",
            "      --format html --output impact.html"},
        footer = {"", "Exit status: 0 done; 3 --fail-on lost and some config loses something; 1 bad input; 2 bad usage."})
public final class ImpactCommand implements Callable<Integer> {
    private final Cli.Context context;

    @Option(names = "--before", required = true, paramLabel = "TREE_OR_REV",
            description = "The tree configs come from: a directory or a git revision.")
    String before;

    @Option(names = "--after", required = true, paramLabel = "TREE_OR_REV",
            description = "The tree configs are carried to: a directory or a git revision.")
    String after;

    @Option(names = "--repo", paramLabel = "DIR",
            description = "The git repository revisions are read from (default: the one containing the working directory).")
    Path repo;

    @Option(names = "--arch", paramLabel = "all|ARCH,...", defaultValue = "all",
            description = "Architectures whose defconfigs are analysed (default: ${DEFAULT-VALUE}).")
    String arch;

    @Option(names = "--configs", arity = "1..*", paramLabel = "defconfigs|FILE|DIR|ARCH:FILE",
            description = "More configs (distribution .configs; arch detected from the file or given as ARCH:FILE)."
                    + " `defconfigs` stands for the defconfigs, which are included unless --no-defconfigs.")
    List<String> configs = new ArrayList<>();

    @Option(names = "--no-defconfigs", description = "Leave the after tree's defconfigs out of the corpus.")
    boolean noDefconfigs;

    @Option(names = "--what-if", paramLabel = "PATCH",
            description = "A unified diff to the after tree to verify like a mitigation (repeatable).")
    List<Path> whatIf = new ArrayList<>();

    @Option(names = "--mitigations", paramLabel = "N", defaultValue = "5",
            description = "Propose and verify mitigations for the N largest lost groups (default: ${DEFAULT-VALUE}; 0: none).")
    int mitigations;

    @Option(names = "--toolchain", paramLabel = "dummy|host", defaultValue = "dummy",
            description = "Compiler the trees' probes see: the trees' scripts/dummy-tools on a clean environment"
                    + " (default, reproducible) or the host's (CC, LD... of the environment).")
    String toolchain;

    @Option(names = "--shell", paramLabel = "POLICY",
            description = "What $(shell,...) in the trees may do: allow (default), deny, deny=TEXT, record=FILE, "
                    + "replay=FILE (default: $KCONFIG4J_SHELL, else allow).")
    String shell;

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: the number of cores).")
    Integer threads;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text, json, markdown or html (default: ${DEFAULT-VALUE}).")
    ImpactFormat fmt;

    @Option(names = "--output", paramLabel = "FILE", description = "Write the report here instead of standard output.")
    Path output;

    @Option(names = "--write-configs", paramLabel = "DIR",
            description = "Write every config's before and after .config here (NAME.before, NAME.after).")
    Path writeConfigs;

    @Option(names = "--fail-on", paramLabel = "lost|never", defaultValue = "never",
            description = "lost: exit 3 when some config loses something (default: ${DEFAULT-VALUE}).")
    String failOn;

    public ImpactCommand(Cli.Context context) {
        this.context = context;
    }

    @Override
    public Integer call() throws IOException {
        ImpactAnalysis.Toolchain tc;
        try {
            tc = ImpactAnalysis.Toolchain.valueOf(toolchain.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            context.err().println("kconfig4j impact: unknown --toolchain " + toolchain + " (dummy, host)");
            return 2;
        }
        if (!failOn.equals("lost") && !failOn.equals("never")) {
            context.err().println("kconfig4j impact: unknown --fail-on " + failOn + " (lost, never)");
            return 2;
        }
        Path cwd = context.workingDirectory();
        try {
            ImpactAnalysis.Builder b = ImpactAnalysis.builder(TreeSource.parse(before, cwd, repo),
                    TreeSource.parse(after, cwd, repo))
                    .arches(arch.equals("all") ? List.of() : Arrays.asList(arch.split(",")))
                    .defconfigs(!noDefconfigs).mitigations(mitigations).toolchain(tc)
                    .environment(context.environment()).workingDirectory(cwd);
            String spec = shell != null ? shell : context.environment().get("KCONFIG4J_SHELL");
            ShellPolicy policy = ShellPolicy.parse(spec, cwd);
            b.shellPolicy(policy);
            if (threads != null) {
                if (threads < 1) {
                    context.err().println("kconfig4j impact: --threads must be at least 1");
                    return 2;
                }
                b.threads(threads);
            }
            for (String c : configs) {
                if (!c.equals("defconfigs")) {
                    b.config(ConfigInput.parse(c, cwd));
                }
            }
            whatIf.forEach(b::whatIf);
            if (writeConfigs != null) {
                Files.createDirectories(cwd.resolve(writeConfigs));
                b.writeConfigs(cwd.resolve(writeConfigs));
            }
            ProgressBar bar = System.console() != null && context.err() == System.err ? new ProgressBar(context.err())
                    : null;
            if (bar != null) {
                b.progress(bar::update);
            }
            ImpactReport report = b.run();
            if (bar != null) {
                bar.clear();
            }
            String rendered = fmt.render(report);
            if (output != null) {
                AtomicFile.write(cwd.resolve(output), rendered.getBytes(StandardCharsets.UTF_8));
            } else {
                context.out().print(rendered);
                context.out().flush();
            }
            if (report.configs().isEmpty() && !report.problems().isEmpty()) {
                // Nothing could be analysed (a tree that does not load, a denied shell command...):
                // the report says why for each config; the run as a whole failed.
                context.err().println("kconfig4j impact: no config could be analysed; first: " + report.problems().get(0));
                return 1;
            }
            return failOn.equals("lost") && !report.configsWithLosses().isEmpty() ? 3 : 0;
        } catch (KconfigException e) {
            context.err().println(e.describe());
            return 1;
        }
    }

    /** A one-line progress bar on a terminal's standard error, redrawn in place. */
    private static final class ProgressBar {
        private final PrintStream err;
        private long lastDraw;

        ProgressBar(PrintStream err) {
            this.err = err;
        }

        synchronized void update(String phase, int done, int total) {
            long now = System.nanoTime();
            if (done != total && now - lastDraw < 100_000_000L) {
                return;
            }
            lastDraw = now;
            int width = 30;
            int filled = total == 0 ? width : (int) ((long) done * width / total);
            err.print("\r[" + "#".repeat(filled) + "-".repeat(width - filled) + "] " + done + "/" + total + " " + phase
                    + "   ");
            err.flush();
        }

        synchronized void clear() {
            err.print("\r" + " ".repeat(60) + "\r");
            err.flush();
        }
    }
}
