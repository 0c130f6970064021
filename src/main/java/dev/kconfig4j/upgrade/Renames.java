package dev.kconfig4j.upgrade;

import dev.kconfig4j.Kconfig;
import dev.kconfig4j.symbol.Property;
import dev.kconfig4j.symbol.Symbol;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Where a symbol of the old tree went in the new one: the successors a transitional symbol
 * carries its value to, and the likely new names of a symbol that is gone.
 */
final class Renames {
    private final Kconfig newTree;
    private final Kconfig oldTree;

    /** @param oldTree the tree the config came from, or null (renames are then guessed from the new tree alone) */
    Renames(Kconfig newTree, Kconfig oldTree) {
        this.newTree = newTree;
        this.oldTree = oldTree;
    }

    /** Symbols whose defaults name {@code old}: where a transitional symbol's value goes. */
    List<String> successorsOf(Symbol old) {
        List<String> out = new ArrayList<>();
        for (Symbol s : newTree.symbols().all()) {
            for (Property.Default d : s.defaults()) {
                if (d.value().mentions(old.ref()) && s.name() != null && !out.contains(s.name())) {
                    out.add(s.name());
                }
            }
        }
        return out;
    }

    /** New-tree symbols that could be new names (named, defined, and absent from the old tree), indexed once. */
    private final class RenameIndex {
        final Map<String, List<Symbol>> byWord = new HashMap<>();
        final Map<String, List<Symbol>> byPrompt = new HashMap<>();
        final Map<String, List<Symbol>> byHelp = new HashMap<>();

        RenameIndex() {
            for (Symbol s : newTree.symbols().all()) {
                if (s.name() == null || !s.isDefined() || s.isConstant()) {
                    continue;
                }
                if (oldTree != null) {
                    Symbol before = oldTree.symbols().find(s.name());
                    if (before != null && before.isDefined()) {
                        continue; // existed before: not a new name
                    }
                }
                for (String w : words(s.name())) {
                    byWord.computeIfAbsent(w, k -> new ArrayList<>()).add(s);
                }
                if (!s.prompts().isEmpty()) {
                    byPrompt.computeIfAbsent(s.prompts().get(0).text(), k -> new ArrayList<>()).add(s);
                }
                String help = s.definitions().get(0).help();
                if (help != null && !help.isBlank()) {
                    byHelp.computeIfAbsent(help, k -> new ArrayList<>()).add(s);
                }
            }
        }
    }

    private RenameIndex renameIndex;

    /**
     * Likely new names of a dropped symbol: symbols the old tree did not have whose prompt or
     * help text equals the old symbol's, or (with the old tree) whose name shares nearly all of
     * the old name's words (MITIGATION_RETPOLINE for RETPOLINE).
     */
    List<String> candidates(String oldName) {
        if (renameIndex == null) {
            renameIndex = new RenameIndex();
        }
        Symbol old = oldTree == null ? null : oldTree.symbols().find(oldName);
        String oldPrompt = old == null || old.prompts().isEmpty() ? null : old.prompts().get(0).text();
        String oldHelp = old == null || old.definitions().isEmpty() ? null : old.definitions().get(0).help();
        Map<String, Integer> score = new LinkedHashMap<>();
        if (oldPrompt != null) {
            for (Symbol s : renameIndex.byPrompt.getOrDefault(oldPrompt, List.of())) {
                score.merge(s.name(), 10, Integer::sum);
            }
        }
        if (oldHelp != null && !oldHelp.isBlank()) {
            for (Symbol s : renameIndex.byHelp.getOrDefault(oldHelp, List.of())) {
                score.merge(s.name(), 10, Integer::sum);
            }
        }
        if (oldTree != null) {
            Set<String> oldWords = words(oldName);
            Map<String, Integer> common = new HashMap<>();
            for (String w : oldWords) {
                for (Symbol s : renameIndex.byWord.getOrDefault(w, List.of())) {
                    common.merge(s.name(), 1, Integer::sum);
                }
            }
            int needed = Math.max(2, oldWords.size() - 1);
            common.forEach((n, c) -> {
                if (c >= needed && !n.equals(oldName)) {
                    score.merge(n, c, Integer::sum);
                }
            });
        }
        List<String> scored = new ArrayList<>();
        score.forEach((n, sc) -> {
            if (sc >= 3 && !n.equals(oldName)) {
                scored.add(n);
            }
        });
        scored.sort((a, b) -> score.get(b) - score.get(a));
        return scored.size() > 3 ? scored.subList(0, 3) : scored;
    }

    private static Set<String> words(String name) {
        Set<String> out = new LinkedHashSet<>();
        for (String w : name.toLowerCase(Locale.ROOT).split("_")) {
            if (!w.isEmpty() && !w.equals("config")) {
                out.add(w);
            }
        }
        return out;
    }
}
