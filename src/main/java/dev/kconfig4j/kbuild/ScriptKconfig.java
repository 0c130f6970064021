package dev.kconfig4j.kbuild;

import dev.kconfig4j.diagnostic.KconfigException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Kconfig files as the kernel's {@code scripts/kconfig/streamline_config.pl} sees them: line
 * patterns, not the language. {@code make localmodconfig} keeps what this view says, so its
 * results follow these rules, quirks included (measured against the script with perl):
 *
 * <ul>
 *   <li>Files are followed through {@code source} lines that start in column 0 ({@code osource}
 *       and {@code rsource} are not followed), each file once; {@code $(VAR)} in the path comes
 *       from the environment. Lines ending in a backslash continue with a space.</li>
 *   <li>{@code config X}/{@code menuconfig X} (alone on its line) starts an entry. Inside an
 *       {@code if} that starts in column 0 the entry's dependencies start with the words of every
 *       open {@code if} condition; the first {@code depends on} of an entry outside any {@code if}
 *       replaces what an earlier definition of the symbol gave, later ones add to it.</li>
 *   <li>{@code default}/{@code def_bool}/{@code def_tristate} values other than a plain y, m or n
 *       add the expression (after its last {@code if}) to the dependencies: up to the 6.x script
 *       only once the entry has a {@code depends on} or an {@code if} around it; from 7.x in any
 *       entry, which also records that the symbol has a default.</li>
 *   <li>{@code select Y} records the entry among Y's selectors; {@code tristate "..."} or
 *       {@code prompt} gives the entry a prompt ({@code bool "..."} does not).</li>
 *   <li>{@code help}, and {@code comment}/{@code choice}/{@code menu} in column 0, end the entry:
 *       nothing more is recorded for it (the entry's {@code if}/{@code source} still work).</li>
 * </ul>
 *
 * @param depends the dependency text of each symbol (words are all that count)
 * @param selectors the symbols whose entries select each symbol, in reading order
 * @param prompted symbols with a prompt, as the script recognises one
 * @param withDefault symbols with a default (recorded by the 7.x script only)
 * @param kconfigFile the Kconfig file (as sourced) that last defined each {@code CONFIG_} name
 */
record ScriptKconfig(Map<String, String> depends, Map<String, List<String>> selectors, Set<String> prompted,
        Set<String> withDefault, Map<String, String> kconfigFile) {

    private static final Pattern SOURCE = Pattern.compile("^source\\s+\"?([^\"]+)", Pattern.UNIX_LINES);
    private static final Pattern CONFIG = Pattern.compile("^\\s*(menu)?config\\s+(\\S+)\\s*$", Pattern.UNIX_LINES);
    private static final Pattern DEPENDS = Pattern.compile("^\\s*depends\\s+on\\s+(.*)$", Pattern.UNIX_LINES);
    private static final Pattern DEFAULT = Pattern.compile("^\\s*def(_(bool|tristate)|ault)\\s+(\\S.*)$", Pattern.UNIX_LINES);
    private static final Pattern PLAIN_VALUE = Pattern.compile("^\\s*(y|m|n)\\s*$", Pattern.UNIX_LINES);
    private static final Pattern UP_TO_IF = Pattern.compile(".*\\sif\\s+", Pattern.UNIX_LINES);
    private static final Pattern SELECT = Pattern.compile("^\\s*select\\s+(\\S+)", Pattern.UNIX_LINES);
    private static final Pattern PROMPT = Pattern.compile("^\\s*(tristate\\s+\\S|prompt\\b)", Pattern.UNIX_LINES);
    private static final Pattern IF = Pattern.compile("^if\\s+(.*\\S)\\s*$", Pattern.UNIX_LINES);
    private static final Pattern ENDS_ENTRY = Pattern.compile("^\\s*(---)?help(---)?\\s*$|^(comment|choice|menu)\\b", Pattern.UNIX_LINES);
    private static final Pattern ENV = Pattern.compile("\\$\\((\\w+)\\)", Pattern.UNIX_LINES);

    /** Where an entry's reading is. */
    private enum State { NONE, NEW, DEP }

    /**
     * Reads the files from {@code top} (relative to {@code srctree}).
     *
     * @param defaultsInEveryEntry the 7.x rule for defaults (see the class comment)
     * @throws KconfigException when a file cannot be read (the script stops there too)
     */
    static ScriptKconfig read(Path srctree, String top, Map<String, String> environment, boolean defaultsInEveryEntry) {
        Reader r = new Reader(srctree, environment, defaultsInEveryEntry);
        r.file(top);
        return new ScriptKconfig(r.depends, r.selectors, r.prompted, r.withDefault, r.kconfigFile);
    }

    /** The lines of a file as Perl reads them: split at newlines, without them. */
    static List<String> lines(String text) {
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        if (lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        return lines;
    }

    private static final class Reader {
        final Path srctree;
        final Map<String, String> environment;
        final boolean defaultsInEveryEntry;
        final Map<String, String> depends = new HashMap<>();
        final Map<String, List<String>> selectors = new HashMap<>();
        final Set<String> prompted = new HashSet<>();
        final Set<String> withDefault = new HashSet<>();
        final Map<String, String> kconfigFile = new HashMap<>();
        final Set<String> sourced = new HashSet<>();
        /** The open {@code if} conditions, as words joined by colons; they span sourced files. */
        final List<String> ifs = new ArrayList<>();

        Reader(Path srctree, Map<String, String> environment, boolean defaultsInEveryEntry) {
            this.srctree = srctree;
            this.environment = environment;
            this.defaultsInEveryEntry = defaultsInEveryEntry;
        }

        void file(String name) {
            Path path = srctree.resolve(expand(name));
            List<String> lines;
            try {
                lines = lines(new String(Files.readAllBytes(path), StandardCharsets.ISO_8859_1));
            } catch (IOException | java.nio.file.InvalidPathException e) {
                throw new KconfigException(path + ": cannot open (streamline_config.pl stops here too)");
            }
            State state = State.NONE;
            String config = null;
            String pending = null;
            for (String read : lines) {
                String line = pending != null ? pending + " " + read : read;
                pending = null;
                if (line.endsWith("\\")) {
                    pending = line.substring(0, line.length() - 1);
                    continue;
                }
                Matcher m;
                if ((m = SOURCE.matcher(line)).find()) {
                    if (sourced.add(m.group(1))) {
                        file(m.group(1));
                    }
                } else if ((m = CONFIG.matcher(line)).find()) {
                    state = State.NEW;
                    config = m.group(2);
                    kconfigFile.put("CONFIG_" + config, name);
                    if (!ifs.isEmpty()) {
                        depends.put(config, String.join(" ", ifs));
                        state = State.DEP;
                    }
                } else if (state == State.NEW && (m = DEPENDS.matcher(line)).find()) {
                    state = State.DEP;
                    depends.put(config, m.group(1));
                } else if (state == State.DEP && (m = DEPENDS.matcher(line)).find()) {
                    depends.merge(config, m.group(1), (a, b) -> a + " " + b);
                } else if ((defaultsInEveryEntry ? state != State.NONE : state == State.DEP)
                        && (m = DEFAULT.matcher(line)).find()) {
                    if (defaultsInEveryEntry) {
                        withDefault.add(config);
                    }
                    String dep = m.group(3);
                    if (!PLAIN_VALUE.matcher(dep).find()) {
                        dep = UP_TO_IF.matcher(dep).replaceFirst("");
                        // Appended to nothing, the script's text starts with the space.
                        depends.merge(config, " " + dep, (a, b) -> a + b);
                    }
                } else if (state != State.NONE && (m = SELECT.matcher(line)).find()) {
                    selectors.computeIfAbsent(m.group(1), k -> new ArrayList<>()).add(config);
                } else if (state != State.NONE && PROMPT.matcher(line).find()) {
                    prompted.add(config);
                } else if ((m = IF.matcher(line)).find()) {
                    String words = m.group(1).replaceAll("^[^a-zA-Z0-9_]*", "").replaceAll("[^a-zA-Z0-9_]*$", "");
                    ifs.add(String.join(":", words.split("[^a-zA-Z0-9_]+")));
                } else if (line.startsWith("endif")) {
                    if (!ifs.isEmpty()) {
                        ifs.remove(ifs.size() - 1);
                    }
                } else if (ENDS_ENTRY.matcher(line).find()) {
                    state = State.NONE;
                }
            }
        }

        /** {@code $(VAR)} from the environment (unset: empty), as the script expands a sourced path. */
        private String expand(String name) {
            String s = name;
            String last = "";
            Matcher m;
            while ((m = ENV.matcher(s)).find() && !last.equals(s)) {
                last = s;
                s = s.substring(0, m.start()) + environment.getOrDefault(m.group(1), "") + s.substring(m.end());
            }
            return s;
        }
    }
}
