package dev.kconfig4j.tui;

import com.googlecode.lanterna.input.KeyStroke;
import java.util.List;
import java.util.function.Function;

/**
 * One line of input: the value of an int/hex/string symbol, a search expression. Enter submits;
 * a refusal (a value out of range, a bad expression) is shown under the field and the dialog
 * stays; Esc Esc cancels.
 */
final class InputDialog extends Dialog {
    private final String prompt;
    private final Function<String, String> submit;
    private final StringBuilder value;
    private int cursor;
    private String error;

    /**
     * @param submit takes the text; returns null when accepted (the dialog closes), else the reason
     */
    InputDialog(String title, String prompt, String initial, Function<String, String> submit) {
        super(title);
        this.prompt = prompt;
        this.submit = submit;
        this.value = new StringBuilder(initial);
        this.cursor = initial.length();
    }

    @Override
    void draw(Painter p) {
        Frame f = chrome(p, List.of("<  Ok  >"), 0);
        int row = f.top() + 1;
        for (String l : Painter.wrap(prompt, f.inner())) {
            p.text(f.left() + 2, row++, l, f.inner());
        }
        row++;
        int w = f.inner();
        int start = Math.max(0, cursor - w + 1);
        String shown = value.substring(start, Math.min(value.length(), start + w));
        p.highlighted(f.left() + 2, row, shown, w, true);
        p.text(f.left() + 2, row + 1, "", w);
        if (error != null) {
            int r = row + 2;
            for (String l : Painter.wrap(error, w)) {
                p.text(f.left() + 2, r++, l, w);
            }
        }
    }

    @Override
    boolean key(KeyStroke k) {
        if (escaped(k) || isInterrupt(k)) {
            return false;
        }
        switch (k.getKeyType()) {
            case Enter -> {
                error = submit.apply(value.toString());
                return error != null;
            }
            case Backspace -> {
                if (cursor > 0) {
                    value.deleteCharAt(--cursor);
                }
            }
            case Delete -> {
                if (cursor < value.length()) {
                    value.deleteCharAt(cursor);
                }
            }
            case ArrowLeft -> cursor = Math.max(0, cursor - 1);
            case ArrowRight -> cursor = Math.min(value.length(), cursor + 1);
            case Home -> cursor = 0;
            case End -> cursor = value.length();
            case Character -> {
                if (!k.isCtrlDown() && !k.isAltDown()) {
                    value.insert(cursor++, k.getCharacter().charValue());
                    error = null;
                } else if (k.isCtrlDown() && k.getCharacter() == 'u') {
                    value.setLength(0);
                    cursor = 0;
                }
            }
            default -> {
            }
        }
        return true;
    }
}
