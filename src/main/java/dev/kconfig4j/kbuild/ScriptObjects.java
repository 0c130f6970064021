package dev.kconfig4j.kbuild;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Which {@code CONFIG_} variables build an object, as the kernel's
 * {@code scripts/kconfig/streamline_config.pl} reads the Makefiles: every file named
 * {@code Makefile} or {@code Kbuild} under the source tree, line by line, not evaluated as make
 * does (that is {@link KbuildMap}'s job). {@code make localmodconfig} keeps a module's symbols
 * through this map, so its results follow these rules:
 *
 * <ul>
 *   <li>Lines ending in a backslash are joined (without a space). {@code $(NAME)} is replaced by
 *       the value of a variable the same file set earlier with {@code =} or {@code :=}.</li>
 *   <li>A line containing {@code obj-$(CONFIG_X) += ...} (or {@code :=}, {@code =}, braces) maps
 *       every word ending in {@code .o} to {@code CONFIG_X}: the word without {@code .o}, dashes
 *       made underscores, directories kept ({@code dir/a.o} is object {@code dir/a}). Composite
 *       objects ({@code foo-y := a.o b.o}), directories and {@code $(subst ...)} forms give
 *       nothing.</li>
 *   <li>An object can be built by several variables: all of them are kept for it.</li>
 * </ul>
 */
final class ScriptObjects {
    private static final Pattern OBJ = Pattern.compile("obj-\\$[({](CONFIG_[^})]*)[)}]\\s*[+:]?=\\s*(.*)", Pattern.UNIX_LINES);
    private static final Pattern ASSIGNMENT = Pattern.compile("^\\s*(\\S+)\\s*[:]?=\\s*(.*\\S)", Pattern.UNIX_LINES);
    private static final Pattern REFERENCE = Pattern.compile("^(.*?)(\\$\\((.*?)\\))", Pattern.UNIX_LINES | Pattern.DOTALL);
    private static final Pattern OBJECT = Pattern.compile("(.*)\\.o$", Pattern.UNIX_LINES);

    private final Map<String, List<String>> configs = new HashMap<>();

    private ScriptObjects() {
    }

    /** Reads every Makefile and Kbuild file under {@code srctree}. */
    static ScriptObjects read(Path srctree) {
        ScriptObjects o = new ScriptObjects();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(srctree)) {
            files = walk.filter(p -> {
                String n = p.getFileName().toString();
                return (n.equals("Makefile") || n.equals("Kbuild")) && Files.isRegularFile(p);
            }).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (Path f : files) {
            try {
                o.readFile(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return o;
    }

    /** The variables that build {@code object} (a module name as lsmod prints it), or an empty list. */
    List<String> configs(String object) {
        return configs.getOrDefault(object, List.of());
    }

    boolean knows(String object) {
        return configs.containsKey(object);
    }

    private void readFile(String text) {
        Map<String, String> variables = new HashMap<>();
        StringBuilder joined = new StringBuilder();
        for (String raw : ScriptKconfig.lines(text)) {
            if (raw.endsWith("\\")) {
                joined.append(raw, 0, raw.length() - 1);
                continue;
            }
            joined.append(raw);
            String line = substitute(joined.toString(), variables);
            joined.setLength(0);
            Matcher m = OBJ.matcher(line);
            if (m.find()) {
                String config = m.group(1);
                for (String word : m.group(2).split("\\s+")) {
                    Matcher o = OBJECT.matcher(word.replace('-', '_'));
                    if (o.find()) {
                        configs.computeIfAbsent(o.group(1), k -> new ArrayList<>()).add(config);
                    }
                }
            } else if ((m = ASSIGNMENT.matcher(line)).find()) {
                variables.put(m.group(1), m.group(2));
            }
        }
    }

    /** Replaces each {@code $(NAME)} the file defined; others stay as written. */
    private static String substitute(String line, Map<String, String> variables) {
        StringBuilder out = new StringBuilder();
        String rest = line;
        Matcher m;
        while ((m = REFERENCE.matcher(rest)).find()) {
            String value = variables.get(m.group(3));
            out.append(m.group(1)).append(value != null ? value : m.group(2));
            rest = rest.substring(m.end());
        }
        return out.append(rest).toString();
    }
}
