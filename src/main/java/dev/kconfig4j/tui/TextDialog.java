package dev.kconfig4j.tui;

import com.googlecode.lanterna.input.KeyStroke;
import java.util.ArrayList;
import java.util.List;

/**
 * Scrollable text: help, an enable plan's diff, a finding's details. Extra keys can carry out an
 * action and close the dialog (apply a plan); Enter, Esc Esc and q close it.
 */
final class TextDialog extends Dialog {
    /** An action on a key, named on a button. */
    record Action(char key, String button, Runnable run) {
    }

    private final List<String> lines;
    private final List<Action> actions;
    private int top;
    /** The body's height and the wrapped text's length at the last draw: what scrolling is clamped to. */
    private int rows = 1;
    private int total;

    TextDialog(String title, List<String> lines, List<Action> actions) {
        super(title);
        this.lines = List.copyOf(lines);
        this.actions = List.copyOf(actions);
    }

    @Override
    void draw(Painter p) {
        List<String> labels = new ArrayList<>();
        for (Action a : actions) {
            labels.add("<" + a.button() + ">");
        }
        labels.add("< Exit >");
        Frame f = chrome(p, labels, labels.size() - 1);
        List<String> wrapped = new ArrayList<>();
        for (String l : lines) {
            wrapped.addAll(Painter.wrap(l, f.inner()));
        }
        rows = f.bodyRows() - 1;
        top = Math.max(0, Math.min(top, wrapped.size() - rows));
        for (int i = 0; i < rows; i++) {
            int n = top + i;
            p.text(f.left() + 2, f.top() + 1 + i, n < wrapped.size() ? wrapped.get(n) : "", f.inner());
        }
        int shown = wrapped.isEmpty() ? 100 : Math.min(100, (top + rows) * 100 / wrapped.size());
        String where = wrapped.size() > rows ? "(" + shown + "%)" : "";
        p.text(f.left() + f.width() - 2 - where.length(), f.top() + f.bodyRows(), where, where.length());
        total = wrapped.size();
    }

    @Override
    boolean key(KeyStroke k) {
        if (escaped(k)) {
            return false;
        }
        for (Action a : actions) {
            if (is(k, a.key())) {
                a.run().run();
                return false;
            }
        }
        switch (k.getKeyType()) {
            case ArrowUp -> top--;
            case ArrowDown -> top++;
            case PageUp -> top -= rows;
            case PageDown -> top += rows;
            case Home -> top = 0;
            case End -> top = total;
            case Enter -> {
                return false;
            }
            case Character -> {
                if (is(k, 'q') || is(k, 'e') && actions.isEmpty() || isInterrupt(k)) {
                    return false;
                }
                if (is(k, ' ')) {
                    top += rows;
                } else if (is(k, 'k')) {
                    top--;
                } else if (is(k, 'j')) {
                    top++;
                }
            }
            default -> {
            }
        }
        top = Math.max(0, Math.min(top, Math.max(0, total - rows)));
        return true;
    }
}
