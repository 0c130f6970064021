package dev.kconfig4j.tui;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;
import dev.kconfig4j.session.ConfigSession;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Menuconfig on a virtual terminal: keys in, the screen's text out, as a person would read it.
 */
final class ScreenHarness {
    final DefaultVirtualTerminal terminal;
    final TerminalScreen screen;
    final Menuconfig menuconfig;

    ScreenHarness(ConfigSession session, String savedText, int columns, int rows, Glyphs glyphs) {
        try {
            terminal = new DefaultVirtualTerminal(new TerminalSize(columns, rows));
            screen = new TerminalScreen(terminal);
            screen.startScreen();
            Path config = session.configPath();
            menuconfig = new Menuconfig(session, savedText, config.resolveSibling("defconfig"), screen, glyphs);
            menuconfig.draw();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    ScreenHarness(ConfigSession session, String savedText) {
        this(session, savedText, 80, 24, Glyphs.UNICODE);
    }

    /**
     * Types: each string is a key name ({@code Enter}, {@code Down}, {@code Esc}...) or characters
     * typed one after the other.
     */
    ScreenHarness type(String... keys) {
        for (String k : keys) {
            for (KeyStroke s : strokes(k)) {
                menuconfig.handle(s);
                redraw();
            }
        }
        return this;
    }

    static List<KeyStroke> strokes(String k) {
        List<KeyStroke> out = new ArrayList<>();
        switch (k) {
            case "Enter" -> out.add(new KeyStroke(KeyType.Enter));
            case "Up" -> out.add(new KeyStroke(KeyType.ArrowUp));
            case "Down" -> out.add(new KeyStroke(KeyType.ArrowDown));
            case "Left" -> out.add(new KeyStroke(KeyType.ArrowLeft));
            case "Right" -> out.add(new KeyStroke(KeyType.ArrowRight));
            case "Tab" -> out.add(new KeyStroke(KeyType.Tab));
            case "PageDown" -> out.add(new KeyStroke(KeyType.PageDown));
            case "Home" -> out.add(new KeyStroke(KeyType.Home));
            case "End" -> out.add(new KeyStroke(KeyType.End));
            case "Backspace" -> out.add(new KeyStroke(KeyType.Backspace));
            case "Esc" -> out.add(new KeyStroke(KeyType.Escape));
            case "Space" -> out.add(new KeyStroke(' ', false, false));
            case "C-c" -> out.add(new KeyStroke('c', true, false));
            default -> {
                for (char c : k.toCharArray()) {
                    out.add(new KeyStroke(c, false, false));
                }
            }
        }
        return out;
    }

    void redraw() {
        try {
            screen.doResizeIfNecessary();
            menuconfig.draw();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Resizes the terminal, as a window manager would, and lets the screen notice. */
    ScreenHarness resize(int columns, int rows) {
        terminal.setTerminalSize(new TerminalSize(columns, rows));
        redraw();
        return this;
    }

    /** The screen's rows as text, trailing blanks removed. */
    List<String> rows() {
        TerminalSize size = terminal.getTerminalSize();
        List<String> rows = new ArrayList<>();
        for (int r = 0; r < size.getRows(); r++) {
            StringBuilder b = new StringBuilder();
            for (int c = 0; c < size.getColumns(); c++) {
                b.append(terminal.getCharacter(c, r).getCharacterString());
            }
            rows.add(b.toString().stripTrailing());
        }
        return rows;
    }

    /** The whole screen as one text, a row a line. */
    String text() {
        return String.join("\n", rows());
    }

    /** The row the cursor bar is on: the highlighted menu line (its text). */
    String row(String containing) {
        return rows().stream().filter(r -> r.contains(containing)).findFirst().orElse(null);
    }
}
