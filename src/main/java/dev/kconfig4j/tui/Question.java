package dev.kconfig4j.tui;

import com.googlecode.lanterna.input.KeyStroke;
import java.util.List;

/** A yes/no question (menuconfig's "Do you wish to save your new configuration?"); Esc Esc answers neither. */
final class Question extends Dialog {
    /** What the person answered. */
    enum Answer { YES, NO, CANCEL }

    private final List<String> lines;
    private final java.util.function.Consumer<Answer> answered;
    private int focus;

    Question(String title, List<String> lines, java.util.function.Consumer<Answer> answered) {
        super(title);
        this.lines = List.copyOf(lines);
        this.answered = answered;
    }

    @Override
    void draw(Painter p) {
        int width = Math.min(p.width() - 4, 64);
        int height = lines.size() + 6;
        int left = (p.width() - width) / 2;
        int top = Math.max(2, (p.height() - height) / 2);
        p.box(left, top, width, height, title);
        for (int i = 0; i < lines.size(); i++) {
            p.text(left + 2, top + 2 + i, lines.get(i), width - 4);
        }
        p.separator(left, top + height - 3, width);
        p.buttons(left + 1, top + height - 2, width - 2, List.of("< Yes >", "<  No  >"), focus);
    }

    @Override
    boolean key(KeyStroke k) {
        if (escaped(k)) {
            answered.accept(Answer.CANCEL);
            return false;
        }
        switch (k.getKeyType()) {
            case ArrowLeft, ArrowRight, Tab, ReverseTab -> focus = 1 - focus;
            case Enter -> {
                answered.accept(focus == 0 ? Answer.YES : Answer.NO);
                return false;
            }
            case Character -> {
                if (is(k, 'y') || is(k, 'Y')) {
                    answered.accept(Answer.YES);
                    return false;
                }
                if (is(k, 'n') || is(k, 'N')) {
                    answered.accept(Answer.NO);
                    return false;
                }
            }
            default -> {
            }
        }
        return true;
    }
}
