package dev.kconfig4j.confdata;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A config file as given: its name (for messages), its text, and what it assigns, read once and
 * shared by every analysis that asks what the user wrote (the upgrade guard's user values, the
 * enabler's previous values, the explainer's "set by the config" lines). Reading it into a tree
 * is {@link ConfigReader}'s job; this value knows no tree.
 *
 * @param name the file's name as messages show it
 * @param text the file's content
 * @param assignments the last assignment of each symbol, by symbol name, in the order of those
 *     last assignments (a later line for a symbol overrides an earlier one and takes its place)
 */
public record ConfigFile(String name, String text, Map<String, Line> assignments) {
    /**
     * One assignment line: {@code CONFIG_FOO=value} or {@code # CONFIG_FOO is not set}.
     *
     * @param symbol the symbol's name, without the prefix
     * @param value the value as written ({@code n} for "is not set"; a string with its quotes)
     * @param text the whole line, without a carriage return
     * @param number the line number, from 1
     */
    public record Line(String symbol, String value, String text, int number) {
    }

    public ConfigFile {
        Objects.requireNonNull(name);
        Objects.requireNonNull(text);
        assignments = Collections.unmodifiableMap(new LinkedHashMap<>(assignments));
    }

    /** The config file {@code name} with the content {@code text}, its {@code CONFIG_} assignments read. */
    public static ConfigFile of(String name, String text) {
        Map<String, Line> out = new LinkedHashMap<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String l = lines[i].endsWith("\r") ? lines[i].substring(0, lines[i].length() - 1) : lines[i];
            ConfigReader.Assignment a = ConfigReader.parseLine(l, "CONFIG_");
            if (a != null) {
                out.remove(a.name()); // the last assignment wins and keeps its place
                out.put(a.name(), new Line(a.name(), a.value(), l, i + 1));
            }
        }
        return new ConfigFile(name, text, out);
    }
}
