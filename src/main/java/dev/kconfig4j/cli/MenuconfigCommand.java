package dev.kconfig4j.cli;

import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.ansi.UnixLikeTerminal;
import com.googlecode.lanterna.terminal.ansi.UnixTerminal;
import dev.kconfig4j.diagnostic.Diagnostic;
import dev.kconfig4j.diagnostic.KconfigException;
import dev.kconfig4j.session.ConfigSession;
import dev.kconfig4j.tui.Glyphs;
import dev.kconfig4j.tui.Menuconfig;
import java.io.IOException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Option;
import picocli.CommandLine.Command;

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
            "Needs a terminal of at least 40x12 (80x24 shows everything); line drawing with a",
            "UTF-8 locale, plain ASCII otherwise or with --ascii."},
        footer = {"", "Exit status: 0 success (saved or not); 1 bad input (tree, config) or no terminal; 2 bad usage."})
public final class MenuconfigCommand implements Callable<Integer> {
    private final Cli.Context context;

    @Option(names = "--ascii", description = "Draw with plain ASCII whatever the locale says.")
    boolean ascii;

    @picocli.CommandLine.Mixin
    SessionOptions sessionOptions = new SessionOptions();

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
        SessionOptions.Opened opened;
        try {
            opened = sessionOptions.open(context, treeOptions);
        } catch (KconfigException e) {
            if (!e.isReported()) {
                context.err().println(e.describe());
            }
            return 1;
        }
        ConfigSession session = opened.session();
        for (Diagnostic d : session.readDiagnostics()) {
            context.err().print(d.printed());
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
            exit = new Menuconfig(session, opened.savedText(), opened.minimalFile(), screen, glyphs).run();
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
}
