package dev.kconfig4j.tui;

import com.googlecode.lanterna.input.KeyStroke;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;

/**
 * A list to pick from: search results (Enter jumps to the entry), upgrade findings (Enter shows the
 * finding and its fix). Each item can span several lines; the chosen one is highlighted. Extra
 * keys act on the chosen item.
 */
final class ListDialog extends Dialog {
    /** A key acting on the chosen item; the predicate says whether the dialog stays open. */
    record Action(char key, String button, IntPredicate run) {
    }

    private final List<String> header;
    private final List<List<String>> items;
    private final IntPredicate choose;
    private final List<Action> actions;
    private int chosen;
    private int top;

    /**
     * @param choose runs on Enter with the chosen index; returns whether the dialog stays open
     */
    ListDialog(String title, List<String> header, List<List<String>> items, IntPredicate choose, List<Action> actions) {
        super(title);
        this.header = List.copyOf(header);
        this.items = List.copyOf(items);
        this.choose = choose;
        this.actions = List.copyOf(actions);
    }

    @Override
    void draw(Painter p) {
        List<String> labels = new ArrayList<>(List.of("<Select>"));
        for (Action a : actions) {
            labels.add("<" + a.button() + ">");
        }
        labels.add("< Exit >");
        Frame f = chrome(p, labels, 0);
        int row = f.top() + 1;
        int last = f.top() + f.bodyRows();
        for (String h : header) {
            for (String l : Painter.wrap(h, f.inner())) {
                if (row < last) {
                    p.text(f.left() + 2, row++, l, f.inner());
                }
            }
        }
        if (items.isEmpty()) {
            return;
        }
        List<List<String>> items = new ArrayList<>();
        for (List<String> item : this.items) {
            List<String> wrapped = new ArrayList<>();
            for (String l : item) {
                wrapped.addAll(Painter.wrap(l, f.inner()));
            }
            items.add(wrapped);
        }
        int rows = last - row;
        // Scroll so that the whole chosen item is in view.
        if (chosen < top) {
            top = chosen;
        }
        while (top < chosen && linesFrom(items, top, chosen + 1) > rows) {
            top++;
        }
        for (int i = top; i < items.size() && row < last; i++) {
            for (String l : items.get(i)) {
                if (row >= last) {
                    break;
                }
                p.highlighted(f.left() + 2, row++, l, f.inner(), i == chosen);
            }
        }
    }

    private static int linesFrom(List<List<String>> items, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            n += items.get(i).size();
        }
        return n;
    }

    @Override
    boolean key(KeyStroke k) {
        if (escaped(k) || isInterrupt(k)) {
            return false;
        }
        for (Action a : actions) {
            if (is(k, a.key()) && !items.isEmpty()) {
                return a.run().test(chosen);
            }
        }
        switch (k.getKeyType()) {
            case ArrowUp -> chosen--;
            case ArrowDown -> chosen++;
            case PageUp -> chosen -= 5;
            case PageDown -> chosen += 5;
            case Home -> chosen = 0;
            case End -> chosen = items.size() - 1;
            case Enter -> {
                return !items.isEmpty() && choose.test(chosen);
            }
            case Character -> {
                if (is(k, 'q')) {
                    return false;
                }
            }
            default -> {
            }
        }
        chosen = Math.max(0, Math.min(chosen, items.size() - 1));
        return true;
    }
}
