package dev.kconfig4j.upgrade;

import dev.kconfig4j.Kconfig;
import dev.kconfig4j.expr.Tristate;
import dev.kconfig4j.symbol.Symbol;
import dev.kconfig4j.upgrade.Finding.Category;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Puts each finding in its {@link Category}: whether the user could choose the symbol (it had a
 * prompt in the old tree, without the old tree in the new one, and the new tree did not take the
 * prompt away: {@link #couldChoose}), whether the toolchain decides
 * it ({@link Toolchain}), and what happened to its value.
 */
public final class Categories {
    private final Kconfig newTree;
    private final Kconfig oldTree;
    private final Toolchain newToolchain;
    private final Toolchain oldToolchain;
    /** The findings classified {@link Category#TOOLCHAIN} so far (parents before their consequences). */
    private final java.util.Set<String> toolchainFindings = new java.util.HashSet<>();

    Categories(Kconfig newTree, Kconfig oldTree) {
        this.newTree = newTree;
        this.oldTree = oldTree;
        this.newToolchain = new Toolchain(newTree);
        this.oldToolchain = oldTree == null ? null : new Toolchain(oldTree);
    }

    /** The roots with every finding classified (and a toolchain-decided one's cause saying so). */
    List<Finding> classify(List<Finding> roots) {
        toolchainFindings.clear(); // one guard analyzes many configs
        Map<String, Finding> bySymbol = new HashMap<>();
        for (Finding r : roots) {
            index(r, bySymbol);
        }
        List<Finding> out = new ArrayList<>();
        for (Finding r : roots) {
            out.add(classify(r, bySymbol));
        }
        return out;
    }

    private static void index(Finding f, Map<String, Finding> bySymbol) {
        bySymbol.putIfAbsent(f.symbol(), f);
        f.consequences().forEach(c -> index(c, bySymbol));
    }

    /** Pre-order: a consequence of a finding the toolchain decides may be decided by it too. */
    private Finding classify(Finding f, Map<String, Finding> bySymbol) {
        Finding own;
        if (toolchainDecides(f)) {
            toolchainFindings.add(f.symbol());
            Finding t = f.withCategory(Category.TOOLCHAIN);
            own = f.kind() == Finding.Kind.NEW ? t : t.withCause(toolchainCause(f));
        } else {
            Category c = category(f, bySymbol);
            Symbol was = oldTree == null ? null : oldTree.symbols().find(f.symbol());
            own = f.withCategory(c);
            if (c == Category.HELPER && was != null && was.isDefined() && !was.prompts().isEmpty()) {
                Cause cause = f.cause();
                own = own.withCause(new Cause(cause.kind(), cause.text() + "; the new tree took its prompt away (it had"
                        + " one in the old tree): it is a helper now, selected where something needs it", cause.blockers()));
            }
        }
        List<Finding> kids = new ArrayList<>();
        for (Finding c : f.consequences()) {
            kids.add(classify(c, bySymbol));
        }
        Finding out = own.withConsequences(kids);
        return f.kind() == Finding.Kind.NEW && !kids.isEmpty() ? out.withCause(gate(out)) : out;
    }

    /**
     * The cause of a new symbol that findings are filed under (the HYPERV_VMBUS pattern), counting
     * what the summary counts: the options the user chose that it takes ({@link Ranking#weight}),
     * then the other values of the config that change with it.
     */
    private static Cause gate(Finding f) {
        int chosen = Ranking.weight(f).optionsLost();
        int others = f.consequenceCount() - chosen;
        Cause c = f.cause();
        String head = chosen > 0
                ? "new gate: " + chosen + (chosen == 1 ? " option you chose now depends on " : " options you chose now depend on ")
                        + f.symbol() + (others == 0 ? "" : " (and " + others + " other value" + (others == 1 ? "" : "s")
                                + " of your config)")
                : "new symbol: " + others + (others == 1 ? " value of your config changes with " : " values of your config change with ")
                        + f.symbol();
        return new Cause(c.kind(), head + "; " + c.text(), c.blockers());
    }

    private Category category(Finding f, Map<String, Finding> bySymbol) {
        if (f.kind() == Finding.Kind.NEW) {
            return Category.NEW_DEFAULT;
        }
        if (!couldChoose(f.symbol())) {
            return Category.HELPER;
        }
        return switch (f.kind()) {
            case LOST, DEMOTED -> Category.OPTION_LOST;
            case DROPPED -> {
                Tristate old = f.oldValue() == null ? null : Tristate.parse(f.oldValue());
                if (old == Tristate.NO) {
                    yield Category.UNSET_DROPPED;
                }
                yield old != null && !carried(f, old, bySymbol) ? Category.OPTION_LOST : Category.OPTION_CHANGED;
            }
            default -> Category.OPTION_CHANGED;
        };
    }

    private boolean couldChoose(String name) {
        return couldChoose(oldTree != null ? oldTree : newTree, newTree, name);
    }

    /**
     * Whether a user could choose {@code name} across the change from {@code before} to
     * {@code after}: it has a prompt in {@code before}, and {@code after} either keeps one or no
     * longer has the symbol. A symbol whose prompt {@code after} removed (CRC7, a library the tree
     * now selects where needed) is a helper there. Fixes and Kconfig mitigations restore only
     * such options; a helper comes back only as a consequence of restoring one.
     */
    public static boolean couldChoose(Kconfig before, Kconfig after, String name) {
        Symbol s = before.symbols().find(name);
        if (s == null || !s.isDefined() || s.prompts().isEmpty()) {
            return false;
        }
        Symbol now = after.symbols().find(name);
        return now == null || !now.isDefined() || now.isTransitional() || !now.prompts().isEmpty();
    }

    /** A renamed symbol whose successor has at least the old value: nothing is lost. */
    private static boolean carried(Finding f, Tristate old, Map<String, Finding> bySymbol) {
        if (f.cause().kind() != Cause.Kind.RENAMED) {
            return false;
        }
        for (String successor : f.cause().blockers()) {
            Finding s = bySymbol.get(successor);
            Tristate now = s == null || s.newValue() == null ? null : Tristate.parse(s.newValue());
            if (now != null && now.compareTo(old) >= 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the toolchain decides the change: a derived value (promptless, computed from probes)
     * that no select explains, or an option lost because every symbol that blocks it is derived
     * (the compiler or linker lacks the feature).
     */
    boolean toolchainDecides(Finding f) {
        if (f.cause().kind() == Cause.Kind.DERIVED) {
            return true;
        }
        if (f.cause().kind() == Cause.Kind.SELECTED || f.cause().kind() == Cause.Kind.SELECT_GONE) {
            return false;
        }
        Toolchain t = f.kind() == Finding.Kind.DROPPED ? oldToolchain : newToolchain;
        if (t != null && t.decides(f.symbol())) {
            return true;
        }
        if (f.cause().kind() != Cause.Kind.DEPENDENCY_NOT_MET && f.cause().kind() != Cause.Kind.PROMPT_HIDDEN) {
            return false;
        }
        // Every failing term is a probe: a macro in the dependency itself (depends on
        // $(success,...)), a symbol the toolchain decides, or a finding it decided.
        List<String> blockers = f.cause().blockers();
        return blockers.isEmpty() ? f.cause().text().contains(Causes.MACRO_TERM)
                : blockers.stream().allMatch(b -> newToolchain.decides(b) || toolchainFindings.contains(b));
    }

    private static Cause toolchainCause(Finding f) {
        Cause c = f.cause();
        if (c.kind() == Cause.Kind.DERIVED) {
            return c;
        }
        if (c.kind() == Cause.Kind.DEPENDENCY_NOT_MET || c.kind() == Cause.Kind.PROMPT_HIDDEN) {
            return new Cause(c.kind(), c.text() + "; the toolchain decides this: "
                    + (c.blockers().isEmpty() ? "the dependency is a compiler, assembler or linker probe"
                            : String.join(", ", c.blockers()) + (c.blockers().size() == 1 ? " is" : " are")
                                    + " decided by compiler, assembler or linker probes")
                    + ", so the toolchain lacks the feature", c.blockers());
        }
        if (f.kind() == Finding.Kind.DROPPED) {
            return new Cause(c.kind(), c.text() + "; it was derived from the toolchain (a compiler, assembler or linker"
                    + " probe), not set by the config", c.blockers());
        }
        return new Cause(Cause.Kind.DERIVED, f.symbol() + " is derived from the toolchain (its default is a compiler,"
                + " assembler or linker probe, or depends on one); a config file cannot set it", c.blockers());
    }
}
