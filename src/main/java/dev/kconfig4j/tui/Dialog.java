package dev.kconfig4j.tui;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;

/**
 * A window over the menu (help, search, plans, questions). It takes the keys until it closes.
 * As in menuconfig, <Esc><Esc> closes it; a single Esc waits for the second.
 */
abstract class Dialog {
    final String title;
    private final DoubleEscape escape = new DoubleEscape();

    Dialog(String title) {
        this.title = title;
    }

    abstract void draw(Painter p);

    /** Handles a key; false when the dialog is done. */
    abstract boolean key(KeyStroke k);

    /** Whether {@code k} completes <Esc><Esc>, which closes every dialog. */
    final boolean escaped(KeyStroke k) {
        return escape.completes(k);
    }

    /** Whether {@code k} is the character {@code c} (without Ctrl or Alt). */
    static boolean is(KeyStroke k, char c) {
        return k.getKeyType() == KeyType.Character && !k.isCtrlDown() && !k.isAltDown() && k.getCharacter() == c;
    }

    /** Whether {@code k} is Ctrl-C (the terminal keeps it as a key: raw mode, signals off). */
    static boolean isInterrupt(KeyStroke k) {
        return k.getKeyType() == KeyType.Character && k.isCtrlDown() && Character.toLowerCase(k.getCharacter()) == 'c';
    }

    /** The frame every dialog uses: most of the screen, below the back title. */
    record Frame(int left, int top, int width, int height) {
        static Frame of(Painter p) {
            return new Frame(3, 3, Math.max(10, p.width() - 6), Math.max(6, p.height() - 5));
        }

        int inner() {
            return width - 4;
        }

        /** The rows between the title and the separator above the buttons. */
        int bodyRows() {
            return height - 4;
        }

        int buttonRow() {
            return top + height - 2;
        }
    }

    /** Draws the frame, the title, the separator and the buttons; returns the frame for the body. */
    Frame chrome(Painter p, java.util.List<String> buttons, int focus) {
        Frame f = Frame.of(p);
        p.box(f.left(), f.top(), f.width(), f.height(), title);
        p.separator(f.left(), f.buttonRow() - 1, f.width());
        p.buttons(f.left() + 1, f.buttonRow(), f.width() - 2, buttons, focus);
        return f;
    }
}
