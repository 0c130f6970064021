package dev.kconfig4j.impact;

import dev.kconfig4j.Kconfig;
import dev.kconfig4j.expr.ExprPrinter;
import dev.kconfig4j.expr.Type;
import dev.kconfig4j.impact.ImpactReport.Change;
import dev.kconfig4j.impact.ImpactReport.ChangeKind;
import dev.kconfig4j.impact.ImpactReport.ConfigImpact;
import dev.kconfig4j.impact.ImpactReport.LostGroup;
import dev.kconfig4j.impact.ImpactReport.MitigationKind;
import dev.kconfig4j.symbol.Symbol;
import dev.kconfig4j.upgrade.Categories;
import dev.kconfig4j.upgrade.Cause;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Proposes Kconfig-level changes that would avoid a lost group, as edits to the after tree's
 * Kconfig files:
 * <ul>
 * <li>a new symbol that now gates options configs had (HYPERV_VMBUS): {@code default DEPS} (its own
 *     dependency, so it follows the option it split from), or {@code default y} without one; and
 *     {@code select G} instead of {@code depends on G} in the gated options;</li>
 * <li>a dependency a lost option gained (SCHED_DEBUG on DEBUG_FS): {@code select} it instead of
 *     {@code depends on} it;</li>
 * <li>a symbol that became bool although configs had it as m: keep it {@code tristate};</li>
 * <li>a rename the guard recognised: a {@code transitional} symbol with the old name, and
 *     {@code default OLD} on the new one.</li>
 * </ul>
 * Only the options a group loses that users could choose (with a prompt in the before tree) count:
 * a group that loses only helper symbols gets no candidate, and no candidate turns something on
 * to bring a helper back. Edits find a symbol's block by its {@code config NAME} line in the file that defines it; a block
 * ends at the next line that starts in column 0. A candidate keeps its edits as a recipe, so that
 * candidates editing different symbols can be made together ({@link #combine}). Nothing here
 * decides whether a candidate works:
 * {@link ImpactAnalysis} verifies each one by running the analysis again.
 */
final class Mitigations {
    private static final Pattern TYPE_LINE = Pattern.compile("^\\s+(bool|tristate|def_bool|def_tristate|int|hex|string)\\b.*");
    private static final int PER_KIND = 3;

    private final Kconfig before;
    private final Kconfig after;
    private final Path afterDir;

    /**
     * A proposed change.
     *
     * @param changes new text of each changed file, by path relative to the tree
     * @param patch the same as a unified diff
     * @param edited the symbols whose blocks it edits (or inserts a block before)
     * @param recipe its edits, to be made again together with another candidate's
     */
    record Candidate(MitigationKind kind, String description, Map<String, String> changes, String patch,
            Set<String> edited, Predicate<Edits> recipe) {
        Candidate {
            edited = Set.copyOf(edited);
        }
    }

    Mitigations(Kconfig before, Kconfig after, Path afterDir) {
        this.before = before;
        this.after = after;
        this.afterDir = afterDir;
    }

    /** Candidates for {@code group}, whose configs are {@code members}. */
    List<Candidate> propose(LostGroup group, List<ConfigImpact> members) {
        Set<String> gates = new LinkedHashSet<>();
        Set<String> typeChanged = new LinkedHashSet<>();
        Map<String, String> renames = new LinkedHashMap<>();
        Set<String> lost = new LinkedHashSet<>();
        Map<String, Set<String>> newDependencies = new LinkedHashMap<>();
        for (ConfigImpact m : members) {
            for (Change ch : m.changes()) {
                if (!ch.root().equals(group.root())) {
                    continue;
                }
                if (ch.kind() == ChangeKind.GATE) {
                    gates.add(ch.symbol());
                }
                // Only options users could choose drive a mitigation: bringing back a helper
                // (promptless) symbol is never a reason to turn on what configs had off.
                if (ch.lost() && Categories.couldChoose(before, after, ch.symbol())) {
                    lost.add(ch.symbol());
                    if (ch.cause() == Cause.Kind.TYPE_CHANGED) {
                        typeChanged.add(ch.symbol());
                    }
                    if (ch.cause() == Cause.Kind.DEPENDENCY_NOT_MET && ch.causeText().contains("(a new dependency")) {
                        for (String d : ch.causeSymbols()) {
                            newDependencies.computeIfAbsent(d, k -> new LinkedHashSet<>()).add(ch.symbol());
                        }
                    }
                    if (ch.kind() == ChangeKind.DROPPED && ch.cause() == Cause.Kind.RENAMED
                            && !ch.causeSymbols().isEmpty()) {
                        renames.putIfAbsent(ch.symbol(), ch.causeSymbols().get(0));
                    }
                }
            }
        }
        List<Candidate> out = new ArrayList<>();
        if (lost.isEmpty()) {
            return out;
        }
        for (String g : limit(gates)) {
            add(out, defaultOnGate(g));
            add(out, selectInstead(g, lost));
            newDependencies.remove(g);
        }
        for (String d : limit(newDependencies.keySet())) {
            add(out, selectInstead(d, newDependencies.get(d)));
        }
        for (String s : limit(typeChanged)) {
            add(out, keepTristate(s));
        }
        for (Map.Entry<String, String> r : limit(renames.entrySet())) {
            add(out, transitional(r.getKey(), r.getValue()));
        }
        return out;
    }

    private static <T> List<T> limit(Set<T> s) {
        return new ArrayList<>(s).subList(0, Math.min(PER_KIND, s.size()));
    }

    private static void add(List<Candidate> out, Candidate c) {
        if (c != null) {
            out.add(c);
        }
    }

    private Candidate defaultOnGate(String gate) {
        Symbol s = after.symbols().find(gate);
        if (s == null || !s.isDefined() || !s.type().isTristateLike()
                || s.defaults().stream().anyMatch(d -> ExprPrinter.print(d.value()).equals("y"))) {
            return null; // a gate that can default to y already is closed by its dependencies, not for want of a default
        }
        String value = s.directDependency() == null ? "y" : ExprPrinter.print(s.directDependency());
        return candidate(MitigationKind.DEFAULT_ON_NEW_SYMBOL, "give the new symbol " + gate + " the default `"
                + value + "`, so configs that had the options it now gates keep them",
                e -> e.insertAfterType(s, "\tdefault " + value));
    }

    /**
     * {@code select D} instead of {@code depends on D} in {@code symbols}: in each one's block, a
     * {@code depends on} line that is D, or an {@code &&} of plain terms one of which is D, loses
     * D, and {@code select D} is added.
     */
    private Candidate selectInstead(String dependency, Set<String> symbols) {
        List<Symbol> changed = new ArrayList<>();
        for (String name : symbols) {
            Symbol s = after.symbols().find(name);
            if (s != null && s.isDefined() && new Edits(afterDir).dependOnSelect(s, dependency)) {
                changed.add(s);
            }
        }
        if (changed.isEmpty()) {
            return null;
        }
        return candidate(MitigationKind.SELECT_INSTEAD_OF_DEPENDS, "`select " + dependency + "` instead of `depends on "
                + dependency + "` in " + String.join(", ", changed.stream().map(Symbol::name).toList()),
                e -> changed.stream().allMatch(s -> e.dependOnSelect(s, dependency)));
    }

    private Candidate keepTristate(String name) {
        Symbol s = after.symbols().find(name);
        Symbol old = before.symbols().find(name);
        if (s == null || old == null || s.type() != Type.BOOL || old.type() != Type.TRISTATE) {
            return null;
        }
        return candidate(MitigationKind.KEEP_TRISTATE, "keep " + name
                + " tristate (it became bool), so configs with " + name + "=m keep it as a module", e -> e.retype(s));
    }

    private Candidate transitional(String oldName, String newName) {
        Symbol old = before.symbols().find(oldName);
        Symbol s = after.symbols().find(newName);
        if (old == null || s == null || !s.isDefined() || !old.type().isTristateLike() || !s.type().isTristateLike()) {
            return null;
        }
        String block = "config " + oldName + "\n\t" + old.type().keyword() + "\n\ttransitional\n\thelp\n\t  "
                + oldName + " was renamed to " + newName + "; a config's " + oldName + " value carries over.\n";
        return candidate(MitigationKind.TRANSITIONAL_RENAME, "keep the old name " + oldName
                + " as a transitional symbol and give " + newName + " `default " + oldName + "`",
                e -> e.insertBefore(s, block) && e.insertAfterType(s, "\tdefault " + oldName));
    }

    /** The candidate that makes {@code recipe}'s edits to the after tree, or null when they cannot be made. */
    private Candidate candidate(MitigationKind kind, String description, Predicate<Edits> recipe) {
        Edits e = new Edits(afterDir);
        return recipe.test(e) ? e.candidate(kind, description, recipe) : null;
    }

    /**
     * The candidates' edits made together to one copy of the tree in {@code afterDir}: a
     * {@link MitigationKind#COMBINED} candidate described as {@code description}, or null when
     * fewer than two are given, two edit the same symbol, or an edit cannot be made after the others.
     */
    static Candidate combine(Path afterDir, List<Candidate> candidates, String description) {
        Set<String> edited = new LinkedHashSet<>();
        for (Candidate c : candidates) {
            if (c.edited().stream().anyMatch(edited::contains)) {
                return null;
            }
            edited.addAll(c.edited());
        }
        if (candidates.size() < 2) {
            return null;
        }
        Predicate<Edits> all = e -> candidates.stream().allMatch(c -> c.recipe().test(e));
        Edits e = new Edits(afterDir);
        return all.test(e) ? e.candidate(MitigationKind.COMBINED, description, all) : null;
    }

    /** Edits to copies of the after tree's files. */
    static final class Edits {
        private final Path afterDir;
        private final Map<String, List<String>> files = new LinkedHashMap<>();
        private final Map<String, String> originals = new LinkedHashMap<>();
        private final Set<String> edited = new LinkedHashSet<>();

        Edits(Path afterDir) {
            this.afterDir = afterDir;
        }

        private List<String> lines(String file) {
            return files.computeIfAbsent(file, f -> {
                try {
                    String text = new String(Files.readAllBytes(afterDir.resolve(f)), StandardCharsets.ISO_8859_1);
                    originals.put(f, text);
                    List<String> l = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
                    if (!l.isEmpty() && l.get(l.size() - 1).isEmpty()) {
                        l.remove(l.size() - 1);
                    }
                    return l;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }

        /** The file that defines {@code s} first, relative to the tree, or null. */
        private String file(Symbol s) {
            for (dev.kconfig4j.symbol.Definition m : s.definitions()) {
                Path p = Path.of(m.location().file());
                if (p.isAbsolute()) {
                    p = p.startsWith(afterDir) ? afterDir.relativize(p) : null;
                }
                if (p != null && Files.isRegularFile(afterDir.resolve(p))) {
                    return p.toString();
                }
            }
            return null;
        }

        /** The lines of the file that defines a symbol, and the index of its {@code config} line. */
        private record Definition(List<String> lines, int start) {
        }

        /** Where {@code s} is defined in the (edited) after tree, or null when no file has its config line. */
        private Definition definition(Symbol s) {
            String f = file(s);
            if (f == null) {
                return null;
            }
            List<String> lines = lines(f);
            int start = configLine(lines, s);
            if (start < 0) {
                return null;
            }
            edited.add(s.name());
            return new Definition(lines, start);
        }

        /** The index of {@code s}'s {@code config} line in {@code lines}, or -1. */
        private int configLine(List<String> lines, Symbol s) {
            Pattern p = Pattern.compile("^(menu)?config\\s+" + Pattern.quote(s.name()) + "\\s*(#.*)?$");
            for (int i = 0; i < lines.size(); i++) {
                if (p.matcher(lines.get(i)).matches()) {
                    return i;
                }
            }
            return -1;
        }

        /** The end (exclusive) of the block starting at {@code start}: the next line in column 0. */
        private int blockEnd(List<String> lines, int start) {
            int end = start + 1;
            while (end < lines.size() && (lines.get(end).isEmpty() || Character.isWhitespace(lines.get(end).charAt(0)))) {
                end++;
            }
            return end;
        }

        boolean insertAfterType(Symbol s, String line) {
            Definition d = definition(s);
            if (d == null) {
                return false;
            }
            List<String> lines = d.lines();
            int start = d.start();
            int at = start + 1;
            int end = blockEnd(lines, start);
            for (int i = start + 1; i < end; i++) {
                if (lines.get(i).trim().equals("help") || lines.get(i).trim().equals("---help---")) {
                    break;
                }
                if (TYPE_LINE.matcher(lines.get(i)).matches()) {
                    at = i + 1;
                    break;
                }
            }
            lines.add(at, line);
            return true;
        }

        boolean insertBefore(Symbol s, String block) {
            Definition d = definition(s);
            if (d == null) {
                return false;
            }
            List<String> lines = d.lines();
            int start = d.start();
            lines.addAll(start, Arrays.asList(block.split("\n", -1))); // the block's final newline: a blank line
            return true;
        }

        boolean dependOnSelect(Symbol s, String dependency) {
            Definition d = definition(s);
            if (d == null) {
                return false;
            }
            List<String> lines = d.lines();
            int start = d.start();
            int end = blockEnd(lines, start);
            Pattern dependsOn = Pattern.compile("^(\\s+)depends on (.*?)\\s*$");
            for (int i = start + 1; i < end; i++) {
                java.util.regex.Matcher m = dependsOn.matcher(lines.get(i));
                if (!m.matches() || m.group(2).contains("||") || m.group(2).contains("(")) {
                    continue;
                }
                List<String> terms = new ArrayList<>(Arrays.asList(m.group(2).split("\\s*&&\\s*")));
                if (!terms.remove(dependency)) {
                    continue;
                }
                if (terms.isEmpty()) {
                    lines.set(i, m.group(1) + "select " + dependency);
                } else {
                    lines.set(i, m.group(1) + "depends on " + String.join(" && ", terms));
                    lines.add(i + 1, m.group(1) + "select " + dependency);
                }
                return true;
            }
            return false;
        }

        boolean retype(Symbol s) {
            Definition d = definition(s);
            if (d == null) {
                return false;
            }
            List<String> lines = d.lines();
            int start = d.start();
            int end = blockEnd(lines, start);
            for (int i = start + 1; i < end; i++) {
                String l = lines.get(i);
                if (l.matches("^\\s+def_bool\\b.*")) {
                    lines.set(i, l.replaceFirst("def_bool", "def_tristate"));
                    return true;
                }
                if (l.matches("^\\s+bool\\b.*")) {
                    lines.set(i, l.replaceFirst("bool", "tristate"));
                    return true;
                }
            }
            return false;
        }

        Candidate candidate(MitigationKind kind, String description, Predicate<Edits> recipe) {
            Map<String, String> changes = new LinkedHashMap<>();
            StringBuilder patch = new StringBuilder();
            for (Map.Entry<String, List<String>> e : files.entrySet()) {
                String text = String.join("\n", e.getValue()) + "\n";
                changes.put(e.getKey(), text);
                patch.append(UnifiedDiff.render(e.getKey(), originals.get(e.getKey()), text));
            }
            return new Candidate(kind, description, changes, patch.toString(), edited, recipe);
        }
    }
}
