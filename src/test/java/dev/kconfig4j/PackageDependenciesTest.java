package dev.kconfig4j;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The packages form a pipeline, each depending only on those below it:
 * {@code diagnostic}, {@code dialect}, {@code json}, {@code preprocess}; then the language's pipeline:
 * {@code expr} (expressions over interned names), {@code parse} (syntax trees that hold names),
 * {@code symbol} (the symbols those names stand for, their properties and values), {@code menu}
 * (the menu tree, whose entries are the symbols' definitions, and its checks), the root
 * ({@code Kconfig} loads a tree), {@code confdata}, {@code conf}, the analyses, {@code cli}. A
 * dependency is a reference to a class of another package in the main sources (imports and
 * qualified names; comments do not count).
 *
 * <p>No package depends on one above it: {@link #KNOWN_UPWARD} is empty, and a new upward
 * dependency fails the test. Packages not in {@link #PIPELINE} (new ones) may depend on anything
 * below them but must not form a cycle with anything.
 */
class PackageDependenciesTest {
    private static final Path SOURCES = Path.of("src/main/java/dev/kconfig4j");

    /** Bottom to top; "" is the root package. */
    private static final List<String> PIPELINE = List.of("diagnostic", "dialect", "json", "cache", "preprocess", "expr", "parse",
            "symbol", "menu", "snapshot", "", "confdata", "conf", "explain", "kbuild", "solve", "upgrade", "impact",
            "session", "web", "tui", "cli");

    /** Upward dependencies, "from -> to", each with the reason it exists: none are left. */
    private static final Set<String> KNOWN_UPWARD = Set.of();

    private static final Pattern REFERENCE = Pattern.compile("\\bdev\\.kconfig4j\\.((?:[a-z][a-z0-9_]*\\.)*)[A-Z]");
    private static final Pattern COMMENT = Pattern.compile("/\\*.*?\\*/|//[^\\n]*", Pattern.DOTALL);

    /** from package -> to package -> the classes of "from" that make the reference. */
    private static Map<String, Map<String, Set<String>>> dependencies() {
        Map<String, Map<String, Set<String>>> deps = new TreeMap<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String from = SOURCES.relativize(f.getParent()).toString().replace('/', '.');
                deps.computeIfAbsent(from, k -> new TreeMap<>());
                String code = COMMENT.matcher(Files.readString(f)).replaceAll("");
                Matcher m = REFERENCE.matcher(code);
                while (m.find()) {
                    String to = m.group(1).isEmpty() ? "" : m.group(1).substring(0, m.group(1).length() - 1);
                    if (!to.equals(from)) {
                        deps.get(from).computeIfAbsent(to, k -> new TreeSet<>()).add(f.getFileName().toString());
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return deps;
    }

    @Test
    void noPackageDependsUpwardBeyondTheKnownCycles() {
        Map<String, Map<String, Set<String>>> deps = dependencies();
        assertThat(deps.keySet()).containsAll(PIPELINE);
        List<String> upward = new ArrayList<>();
        Set<String> seen = new TreeSet<>();
        deps.forEach((from, tos) -> tos.forEach((to, classes) -> {
            int a = PIPELINE.indexOf(from);
            int b = PIPELINE.indexOf(to);
            boolean up = a >= 0 && b >= 0 ? b > a : b < 0 && a >= 0; // a known package never uses a new one
            String edge = from + " -> " + to;
            if (up) {
                seen.add(edge);
                if (!KNOWN_UPWARD.contains(edge)) {
                    upward.add(edge + " (in " + classes + ")");
                }
            }
        }));
        assertThat(upward).as("new upward dependencies: each closes a cycle").isEmpty();
        assertThat(new TreeSet<>(KNOWN_UPWARD)).as("known cycles that are gone: remove them from KNOWN_UPWARD")
                .isSubsetOf(seen);
    }

    @Test
    void withoutTheKnownUpwardDependenciesThereIsNoCycle() {
        Map<String, Map<String, Set<String>>> deps = dependencies();
        Map<String, Set<String>> graph = new HashMap<>();
        deps.forEach((from, tos) -> {
            Set<String> out = new TreeSet<>(tos.keySet());
            out.removeIf(to -> KNOWN_UPWARD.contains(from + " -> " + to));
            graph.put(from, out);
        });
        assertThat(cycle(graph)).as("a cycle between packages").isEmpty();
    }

    @Test
    void everyPackageSaysWhatItIsForAndWhatItDependsOn() throws IOException {
        List<String> missing = new ArrayList<>();
        try (Stream<Path> dirs = Files.walk(SOURCES)) {
            for (Path d : dirs.filter(Files::isDirectory).toList()) {
                Path info = d.resolve("package-info.java");
                if (!Files.isRegularFile(info) || !Files.readString(info).contains("Depends on")) {
                    missing.add(SOURCES.relativize(d).toString());
                }
            }
        }
        assertThat(missing).as("packages without a package-info that names their dependencies").isEmpty();
    }

    @Test
    void theSearchFindsACycle() {
        assertThat(cycle(Map.of("a", Set.of("b"), "b", Set.of("c"), "c", Set.of("a", "d"), "d", Set.of())))
                .containsExactly("a", "b", "c", "a");
        assertThat(cycle(Map.of("a", Set.of("b", "c"), "b", Set.of("c"), "c", Set.of()))).isEmpty();
    }

    /** One cycle of the graph as its packages in order, the first again at the end; or an empty list. */
    private static List<String> cycle(Map<String, Set<String>> graph) {
        Map<String, Integer> state = new HashMap<>(); // absent: unvisited; 1: on the path; 2: done
        for (String start : new TreeSet<>(graph.keySet())) {
            Deque<String> path = new ArrayDeque<>();
            List<String> found = visit(start, graph, state, path);
            if (!found.isEmpty()) {
                return found;
            }
        }
        return List.of();
    }

    private static List<String> visit(String p, Map<String, Set<String>> graph, Map<String, Integer> state,
            Deque<String> path) {
        Integer s = state.get(p);
        if (s != null && s == 2) {
            return List.of();
        }
        path.addLast(p);
        if (s != null && s == 1) {
            List<String> all = new ArrayList<>(path);
            return all.subList(all.indexOf(p), all.size());
        }
        state.put(p, 1);
        for (String q : graph.getOrDefault(p, Set.of())) {
            List<String> found = visit(q, graph, state, path);
            if (!found.isEmpty()) {
                return found;
            }
        }
        path.removeLast();
        state.put(p, 2);
        return List.of();
    }
}
