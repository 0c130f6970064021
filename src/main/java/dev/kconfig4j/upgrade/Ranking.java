package dev.kconfig4j.upgrade;

import dev.kconfig4j.upgrade.Finding.Category;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The order of a report, by what the user loses: first the root causes that take away options
 * the user could choose, the ones that take most first (options lost, then objects leaving
 * vmlinux, then modules no longer built); then the roots that change other values the user could
 * set, in config order; then the rest (toolchain, helpers, dropped "is not set" lines, new
 * defaults), which the reports count by class. One ranking serves every format.
 */
public final class Ranking {
    private Ranking() {
    }

    /** The three parts of a report. */
    public enum Section {
        /** Roots under which an option the user chose is lost. */
        OPTIONS_LOST,
        /** Roots under which a value the user could set changes (and none is lost). */
        OPTIONS_CHANGED,
        /** Everything else: counted by class, listed in full with --verbose. */
        REST
    }

    /**
     * How much a root takes away.
     *
     * @param optionsLost findings of class {@link Category#OPTION_LOST} in its cascade
     * @param objectsLeaving objects its cascade's kernel-image changes move out of vmlinux
     * @param modulesRemoved modules its cascade's kernel-image changes no longer build
     */
    public record Weight(int optionsLost, int objectsLeaving, int modulesRemoved) {
        /** "13 options you chose, 9 objects leave vmlinux, 3 modules no longer built". */
        public String text() {
            return optionsLost + (optionsLost == 1 ? " option" : " options") + " you chose"
                    + (objectsLeaving == 0 ? "" : ", " + objectsLeaving + " object"
                            + (objectsLeaving == 1 ? " leaves" : "s leave") + " vmlinux")
                    + (modulesRemoved == 0 ? "" : ", " + modulesRemoved + " module"
                            + (modulesRemoved == 1 ? "" : "s") + " no longer built");
        }
    }

    /** The section a root finding belongs in. */
    public static Section section(Finding root) {
        List<Finding> all = cascade(root);
        if (all.stream().anyMatch(f -> f.category() == Category.OPTION_LOST)) {
            return Section.OPTIONS_LOST;
        }
        if (all.stream().anyMatch(f -> f.category() == Category.OPTION_CHANGED)) {
            return Section.OPTIONS_CHANGED;
        }
        return Section.REST;
    }

    /** What a root's cascade takes away. */
    public static Weight weight(Finding root) {
        int options = 0;
        Set<String> leaving = new LinkedHashSet<>();
        Set<String> modules = new LinkedHashSet<>();
        for (Finding f : cascade(root)) {
            if (f.category() == Category.OPTION_LOST) {
                options++;
            }
            if (f.kernelImage() != null) {
                f.kernelImage().change().leaving().forEach(m -> leaving.add(m.object()));
                modules.addAll(f.kernelImage().change().modulesRemoved());
            }
        }
        return new Weight(options, leaving.size(), modules.size());
    }

    /** The roots in report order. */
    static List<Finding> order(List<Finding> roots) {
        Comparator<Finding> byWeight = Comparator.comparing((Finding f) -> -weight(f).optionsLost())
                .thenComparing(f -> -weight(f).objectsLeaving()).thenComparing(f -> -weight(f).modulesRemoved());
        List<Finding> out = new ArrayList<>();
        List<Finding> lost = roots.stream().filter(f -> section(f) == Section.OPTIONS_LOST).toList();
        out.addAll(lost.stream().sorted(byWeight.thenComparing(Ranking::firstLine)).toList());
        out.addAll(roots.stream().filter(f -> section(f) == Section.OPTIONS_CHANGED)
                .sorted(Comparator.comparing(Ranking::firstLine)).toList());
        // The rest in config order; NEW symbols that cause nothing last, in the tree's order.
        List<Finding> rest = roots.stream().filter(f -> section(f) == Section.REST).toList();
        out.addAll(rest.stream().filter(f -> !plainNew(f)).sorted(Comparator.comparing(Ranking::firstLine)).toList());
        out.addAll(rest.stream().filter(Ranking::plainNew).toList());
        return out;
    }

    /** The roots of {@code report} in {@code section}, in report order. */
    public static List<Finding> in(UpgradeReport report, Section section) {
        return report.findings().stream().filter(f -> section(f) == section).toList();
    }

    /** The findings of the REST section by class, every finding of each cascade counted once. */
    public static Map<Category, List<Finding>> rest(UpgradeReport report) {
        Map<Category, List<Finding>> out = new EnumMap<>(Category.class);
        for (Finding root : in(report, Section.REST)) {
            for (Finding f : cascade(root)) {
                if (f.category() != null) {
                    out.computeIfAbsent(f.category(), k -> new ArrayList<>()).add(f);
                }
            }
        }
        return out;
    }

    static boolean plainNew(Finding f) {
        return f.kind() == Finding.Kind.NEW && f.consequences().isEmpty();
    }

    /** The first config line of a cascade (a NEW gate has none of its own). */
    private static int firstLine(Finding root) {
        return cascade(root).stream().mapToInt(Finding::line).filter(l -> l > 0).min().orElse(Integer.MAX_VALUE);
    }

    static List<Finding> cascade(Finding root) {
        List<Finding> out = new ArrayList<>();
        collect(root, out);
        return out;
    }

    private static void collect(Finding f, List<Finding> out) {
        out.add(f);
        f.consequences().forEach(c -> collect(c, out));
    }
}
