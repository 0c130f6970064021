package dev.kconfig4j.tui;

import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.TextColor;
import com.googlecode.lanterna.graphics.TextGraphics;
import java.util.ArrayList;
import java.util.List;

/**
 * Draws on one frame of the screen: boxes with titles, clipped text, highlighted lines. Colours
 * follow menuconfig's classic theme (white dialogs on blue); every string goes through the
 * {@link Glyphs}, so an ASCII terminal only ever gets ASCII.
 */
final class Painter {
    static final TextColor SCREEN = TextColor.ANSI.BLUE;
    static final TextColor DIALOG = TextColor.ANSI.WHITE;

    private final TextGraphics g;
    final Glyphs glyphs;
    final TerminalSize size;

    Painter(TextGraphics g, Glyphs glyphs) {
        this.g = g;
        this.glyphs = glyphs;
        this.size = g.getSize();
    }

    int width() {
        return size.getColumns();
    }

    int height() {
        return size.getRows();
    }

    /** Clears the whole screen to the background, with the back title and its rule. */
    void background(String backtitle) {
        g.setBackgroundColor(SCREEN);
        g.setForegroundColor(TextColor.ANSI.WHITE);
        g.clearModifiers();
        g.fill(' ');
        g.enableModifiers(SGR.BOLD);
        text(1, 0, backtitle, width() - 2);
        g.disableModifiers(SGR.BOLD);
        rule(0, 1, width());
    }

    /** A dialog box: frame, white inside, the title centred on the top line. */
    void box(int left, int top, int width, int height, String title) {
        dialogColours();
        for (int r = top; r < top + height; r++) {
            text(left, r, "", width);
        }
        frame(left, top, width, height);
        if (title != null && !title.isEmpty()) {
            String t = " " + clip(glyphs.text(title), width - 4) + " ";
            g.enableModifiers(SGR.BOLD);
            g.putString(left + (width - t.length()) / 2, top, t);
            g.disableModifiers(SGR.BOLD);
        }
    }

    /** A frame without filling (the menu list inside the main box). */
    void frame(int left, int top, int width, int height) {
        int right = left + width - 1;
        int bottom = top + height - 1;
        for (int c = left + 1; c < right; c++) {
            g.setCharacter(c, top, glyphs.horizontal());
            g.setCharacter(c, bottom, glyphs.horizontal());
        }
        for (int r = top + 1; r < bottom; r++) {
            g.setCharacter(left, r, glyphs.vertical());
            g.setCharacter(right, r, glyphs.vertical());
        }
        g.setCharacter(left, top, glyphs.topLeft());
        g.setCharacter(right, top, glyphs.topRight());
        g.setCharacter(left, bottom, glyphs.bottomLeft());
        g.setCharacter(right, bottom, glyphs.bottomRight());
    }

    /** The separator above a dialog's buttons: a rule joined to the frame. */
    void separator(int left, int row, int width) {
        rule(left, row, width);
        g.setCharacter(left, row, glyphs.teeLeft());
        g.setCharacter(left + width - 1, row, glyphs.teeRight());
    }

    private void rule(int left, int row, int width) {
        for (int c = left; c < left + width; c++) {
            g.setCharacter(c, row, glyphs.horizontal());
        }
    }

    void dialogColours() {
        g.setBackgroundColor(DIALOG);
        g.setForegroundColor(TextColor.ANSI.BLACK);
        g.clearModifiers();
    }

    /** Text at (col, row), cut or padded to exactly {@code width} columns. */
    void text(int col, int row, String s, int width) {
        if (width <= 0 || row < 0 || row >= height()) {
            return;
        }
        String t = clip(glyphs.text(s), width);
        g.putString(col, row, t + " ".repeat(width - t.length()));
    }

    /** Like {@link #text}, highlighted (the cursor's line, the focused button). */
    void highlighted(int col, int row, String s, int width, boolean on) {
        if (on) {
            g.setBackgroundColor(SCREEN);
            g.setForegroundColor(TextColor.ANSI.WHITE);
            g.enableModifiers(SGR.BOLD);
        }
        text(col, row, s, width);
        if (on) {
            dialogColours();
        }
    }

    /** A row of buttons centred in {@code width} at {@code row}; {@code focus} is highlighted (-1: none). */
    void buttons(int left, int row, int width, List<String> labels, int focus) {
        int total = 0;
        for (String l : labels) {
            total += l.length() + 2;
        }
        int c = left + Math.max(0, (width - total) / 2);
        for (int i = 0; i < labels.size(); i++) {
            String l = labels.get(i);
            if (c + l.length() > left + width) {
                break;
            }
            highlighted(c, row, l, l.length(), i == focus);
            c += l.length() + 2;
        }
    }

    static String clip(String s, int width) {
        return s.length() <= width ? s : s.substring(0, Math.max(0, width));
    }

    /**
     * Splits {@code text} into lines of at most {@code width} columns at spaces, keeping each
     * line's leading indentation on its continuation lines (help texts and diffs stay readable).
     */
    static List<String> wrap(String text, int width) {
        List<String> out = new ArrayList<>();
        for (String line : text.split("\n", -1)) {
            String l = line.stripTrailing();
            int indent = 0;
            while (indent < l.length() && l.charAt(indent) == ' ') {
                indent++;
            }
            String pad = " ".repeat(Math.min(indent, width / 2));
            boolean first = true;
            while (l.length() > width) {
                int cut = l.lastIndexOf(' ', width);
                if (cut <= pad.length()) {
                    cut = width;
                }
                out.add(l.substring(0, cut).stripTrailing());
                l = pad + l.substring(cut).strip();
                first = false;
            }
            if (!(l.isBlank() && !first)) {
                out.add(l);
            }
        }
        return out;
    }
}
