package dev.kconfig4j.confdata;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A config file as given: its name (for messages), its text, each of its lines as the kernel
 * reads it, and what it assigns; parsed once and shared by everything that reads a config (the
 * {@link ConfigReader} that applies it to a tree, the upgrade guard's user values, the enabler's
 * previous values, the explainer's "set by the config" lines). This is the one place a config
 * text is split into lines and assignments; what a line means for a tree (unknown symbols,
 * invalid values, the generation's rules for odd lines) is {@link ConfigReader}'s job: this value
 * knows no tree.
 *
 * @param name the file's name as messages show it
 * @param prefix the symbol prefix the lines were read with, normally {@code CONFIG_}
 * @param text the file's content
 * @param lines every line, in order (the empty piece after a final newline is no line)
 * @param assignments the last assignment of each symbol, by symbol name, in the order of those
 *     last assignments (a later line for a symbol overrides an earlier one and takes its place);
 *     only {@linkplain Line#exact() exact} assignments count
 */
public record ConfigFile(String name, String prefix, String text, List<Line> lines, Map<String, Line> assignments) {
    /**
     * One line, as the kernel reads it: a C string, so nothing after a NUL byte counts, and a
     * final carriage return is dropped. It assigns when it is {@code CONFIG_FOO=value} or
     * {@code # CONFIG_FOO is not set}.
     *
     * @param symbol the symbol the line assigns, without the prefix; null when it assigns nothing
     * @param value the value as written ({@code n} for "is not set"; a string with its quotes);
     *     null when the line assigns nothing
     * @param text the line up to its first NUL byte, without a final carriage return
     * @param number the line number, from 1
     * @param nul where the line's first NUL byte was, or -1 when it has none
     * @param exact false for an "is not set" line with more text after those words: an assignment
     *     only where the kernel compares just those words (up to 6.1)
     */
    public record Line(String symbol, String value, String text, int number, int nul, boolean exact) {
        /** Whether the line assigns a value to a symbol (exactly, or only as read up to 6.1). */
        public boolean assigns() {
            return symbol != null;
        }
    }

    public ConfigFile {
        Objects.requireNonNull(name);
        Objects.requireNonNull(prefix);
        Objects.requireNonNull(text);
        lines = List.copyOf(lines);
        assignments = Collections.unmodifiableMap(new LinkedHashMap<>(assignments));
    }

    /** The config file {@code name} with the content {@code text}, its {@code CONFIG_} assignments read. */
    public static ConfigFile of(String name, String text) {
        return of(name, text, "CONFIG_");
    }

    /** The config file {@code name} with the content {@code text}, read with the symbol prefix {@code prefix}. */
    public static ConfigFile of(String name, String text, String prefix) {
        List<Line> lines = new ArrayList<>();
        Map<String, Line> assignments = new LinkedHashMap<>();
        String[] pieces = text.split("\n", -1);
        int count = pieces.length;
        if (count > 0 && pieces[count - 1].isEmpty()) {
            count--; // the newline that ends the last line
        }
        for (int i = 0; i < count; i++) {
            Line l = line(pieces[i], i + 1, prefix);
            lines.add(l);
            if (l.assigns() && l.exact()) {
                assignments.remove(l.symbol()); // the last assignment wins and keeps its place
                assignments.put(l.symbol(), l);
            }
        }
        return new ConfigFile(name, prefix, text, lines, assignments);
    }

    private static Line line(String piece, int number, String prefix) {
        int nul = piece.indexOf('\0');
        String l = nul >= 0 ? piece.substring(0, nul) : piece;
        if (l.endsWith("\r")) {
            l = l.substring(0, l.length() - 1);
        }
        if (l.startsWith("#")) {
            if (!l.startsWith("# " + prefix)) {
                return new Line(null, null, l, number, nul, true);
            }
            String rest = l.substring(2 + prefix.length());
            int sp = rest.indexOf(' ');
            String tail = sp < 0 ? "" : rest.substring(sp + 1);
            if (sp < 0 || !tail.startsWith("is not set")) {
                return new Line(null, null, l, number, nul, true);
            }
            return new Line(rest.substring(0, sp), "n", l, number, nul, tail.equals("is not set"));
        }
        int eq = l.startsWith(prefix) ? l.indexOf('=', prefix.length()) : -1;
        return eq < 0 ? new Line(null, null, l, number, nul, true)
                : new Line(l.substring(prefix.length(), eq), l.substring(eq + 1), l, number, nul, true);
    }
}
