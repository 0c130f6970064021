package dev.kconfig4j.cli;

import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.ansi.UnixLikeTerminal;
import com.googlecode.lanterna.terminal.ansi.UnixTerminal;
import dev.kconfig4j.Kconfig;
import dev.kconfig4j.KconfigException;
import dev.kconfig4j.preprocess.ShellPolicy;
import dev.kconfig4j.session.ConfigSession;
import dev.kconfig4j.tui.Glyphs;
import dev.kconfig4j.tui.Menuconfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code kconfig4j menuconfig} (and {@code nconfig}): the terminal configurator. */
@Command(name = "menuconfig", aliases = "nconfig", header = "Configure in the terminal, as `make menuconfig` does.",
        sortOptions = false, usageHelpAutoWidth = true, mixinStandardHelpOptions = true,
        description = {
            "menuconfig's screen and keys: arrows, Enter, y/m/n/space, ? help, / search,",
            "z show hidden entries, Esc Esc back, Tab for the buttons. And one key away:",
            "help with the value's origin and what the option builds, search over names,",
            "prompts, help, files and built objects with jump, e the verified plan that",
            "enables a blocked option (applied with a), u/r undo/redo, g the upgrade review",
            "of --old-config with its fixes. Leaving with changes asks whether to save;",
            "saving writes .config atomically, the previous one kept as .config.old,",
            "byte for byte what the kernel's conf writes for the same values.",
            "Without --config: $KCONFIG_CONFIG, else ./.config (an empty config when missing).",
            "Needs a terminal of at least 40x12 (80x24 shows everything); line drawing with a",
            "UTF-8 locale, plain ASCII otherwise or with --ascii."},
        footer = {"", "Exit status: 0 success (saved or not); 1 bad input (tree, config) or no terminal; 2 bad usage."})
public final class MenuconfigCommand implements Callable<Integer> {
    private final Cli.Context context;

    @Option(names = "--config", paramLabel = "FILE", description = "The config to edit and save.")
    Path config;

    @Option(names = "--old-config", paramLabel = "OLD",
            description = "A config from an older kernel: review what the upgrade to this tree loses (g), with fixes.")
    Path oldConfig;

    @Option(names = "--old-srctree", paramLabel = "TREE",
            description = "The tree --old-config comes from: the review then compares both trees.")
    Path oldSrctree;

    @Option(names = "--ascii", description = "Draw with plain ASCII whatever the locale says.")
    boolean ascii;

    @picocli.CommandLine.Mixin
    TreeOptions treeOptions = new TreeOptions();

    public MenuconfigCommand(Cli.Context context) {
        this.context = context;
    }

    @Override
    public Integer call() throws IOException {
        String term = context.environment().get("TERM");
        if (System.console() == null || term == null || term.isEmpty() || term.equals("dumb")) {
            context.err().println("kconfig4j menuconfig: needs a terminal (standard input and output on a tty, TERM set)");
            return 1;
        }
        Path file = context.workingDirectory().resolve(configFile());
        ConfigSession session;
        String savedText;
        try {
            ShellPolicy policy = treeOptions.policy(context);
            Kconfig tree = treeOptions.load(context, treeOptions.tree(context), treeOptions.dialect, policy);
            savedText = Files.isRegularFile(file) ? context.readInput(file) : null;
            session = new ConfigSession(tree, file, savedText);
            if (oldConfig != null) {
                Kconfig oldTree = oldSrctree == null ? null
                        : treeOptions.load(context, context.workingDirectory().resolve(oldSrctree), null, policy);
                session.reviewUpgradeOf(oldConfig.toString(), context.readInput(oldConfig), oldTree);
            }
        } catch (KconfigException e) {
            if (!e.isReported()) {
                context.err().println(e.describe());
            }
            return 1;
        }
        for (String w : session.warnings()) {
            context.err().println(w);
        }
        Glyphs glyphs = ascii ? Glyphs.ASCII : Glyphs.forEnvironment(context.environment());
        // Ctrl-C arrives as a key (TRAP), so that it asks menuconfig's question instead of killing
        // the process; the terminal library restores the terminal on exit, on error and on signals.
        UnixTerminal terminal = new UnixTerminal(context.in(), context.out(), Glyphs.charset(context.environment()),
                UnixLikeTerminal.CtrlCBehaviour.TRAP);
        Menuconfig.Exit exit;
        TerminalScreen screen = new TerminalScreen(terminal);
        try {
            screen.startScreen();
            exit = new Menuconfig(session, savedText, file.resolveSibling("defconfig"), screen, glyphs).run();
        } finally {
            try {
                screen.stopScreen();
            } finally {
                terminal.close();
            }
        }
        switch (exit) {
            case SAVED, UNCHANGED -> context.out().print("\n\n*** End of the configuration.\n"
                    + "*** Execute 'make' to start the build or try 'make help'.\n\n");
            case NOT_SAVED -> context.out().print("\n\nYour configuration changes were NOT saved.\n\n");
        }
        context.out().flush();
        return 0;
    }

    /** --config, else $KCONFIG_CONFIG, else .config, as the kernel's menuconfig finds it. */
    private Path configFile() {
        if (config != null) {
            return config;
        }
        String env = context.environment().get("KCONFIG_CONFIG");
        return Path.of(env != null && !env.isEmpty() ? env : ".config");
    }
}
