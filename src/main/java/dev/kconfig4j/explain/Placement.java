package dev.kconfig4j.explain;

import dev.kconfig4j.Kconfig;
import dev.kconfig4j.explain.Explanation.BlockerKind;
import dev.kconfig4j.expr.Expr;
import dev.kconfig4j.parse.Attribute;
import dev.kconfig4j.parse.Location;
import dev.kconfig4j.parse.Statement;
import dev.kconfig4j.symbol.Definition;
import dev.kconfig4j.symbol.Property;
import dev.kconfig4j.symbol.Symbol;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where the pieces of a tree's conditions were written. Properties carry complete conditions
 * (their own {@code if} ANDed with every enclosing dependency) and the menu tree lifts the
 * contents of {@code if} blocks out of them, so the place of a term is read off the syntax:
 * the blocks around each entry and their {@code depends on}, {@code visible if} and {@code if}
 * lines; and off the source text, for the macro calls that became constants.
 */
final class Placement {
    private final Kconfig tree;
    private final Map<String, List<String>> sourceLines = new HashMap<>();

    Placement(Kconfig tree) {
        this.tree = tree;
    }

    /** Where a piece of a condition comes from. */
    record Place(BlockerKind kind, String location, String what) {
        String describe() {
            return what + (location == null ? "" : " (" + location + ")");
        }
    }

    /**
     * Where {@code term} of a definition's condition was written, read off the syntax (the menu
     * tree lifts the contents of {@code if} blocks out of them): the outermost enclosing
     * {@code if}/{@code menu}/{@code choice} that has it, else the entry's own {@code depends on},
     * else an enclosing menu's {@code visible if}, else the prompt's own {@code if}.
     */
    Place place(Expr term, Definition node, Property.Prompt prompt) {
        if (entries.isEmpty()) {
            indexEntries(tree.syntax(), List.of());
        }
        Entry entry = entries.get(node.location());
        List<Statement> blocks = entry == null ? List.of() : entry.blocks();
        for (Statement b : blocks) {
            if (b instanceof Statement.If i && Expr.conjuncts(i.condition()).contains(term)) {
                return new Place(BlockerKind.IF_BLOCK, i.location().toString(), "the enclosing if");
            }
            if (b instanceof Statement.MenuBlock m) {
                Location at = dependsOn(m.attributes(), term);
                if (at != null) {
                    return new Place(BlockerKind.MENU, at.toString(), "the depends on of menu \"" + m.prompt() + "\"");
                }
            }
            if (b instanceof Statement.Choice c) {
                Location at = dependsOn(c.attributes(), term);
                if (at != null) {
                    return new Place(BlockerKind.CHOICE, at.toString(), "the depends on of the choice "
                            + choiceName(tree.symbols().symbol(c.name())));
                }
            }
        }
        if (term instanceof Expr.Sym cs && cs.name().isChoice()) {
            Symbol choice = tree.symbols().symbol(cs.name());
            return new Place(BlockerKind.CHOICE, location(choice), "the choice " + choiceName(choice) + ", not visible");
        }
        Location own = entry == null ? null : dependsOn(entry.attributes(), term);
        if (own != null) {
            return new Place(BlockerKind.DEPENDS_ON, own.toString(), "depends on");
        }
        for (Statement b : blocks) {
            if (b instanceof Statement.MenuBlock m) {
                for (Attribute a : m.attributes()) {
                    if (a instanceof Attribute.VisibleIf v && Expr.conjuncts(v.condition()).contains(term)) {
                        return new Place(BlockerKind.VISIBLE_IF, v.location().toString(),
                                "the visible if of menu \"" + m.prompt() + "\"");
                    }
                }
            }
        }
        if (prompt != null && (node.dependency() == null || !Expr.conjuncts(node.dependency()).contains(term))) {
            return new Place(BlockerKind.PROMPT_IF, prompt.location().toString(), "the prompt's if");
        }
        return new Place(BlockerKind.DEPENDS_ON, node.location().toString(), "depends on");
    }

    /** An entry of the syntax: its attributes and the blocks around it, outermost first. */
    private record Entry(List<Attribute> attributes, List<Statement> blocks) {
    }

    private final Map<Location, Entry> entries = new HashMap<>();

    /** The {@code depends on} among {@code attributes} that has {@code term}, or null. */
    private static Location dependsOn(List<Attribute> attributes, Expr term) {
        for (Attribute a : attributes) {
            if (a instanceof Attribute.DependsOn d && d.condition() != null && Expr.conjuncts(d.condition()).contains(term)) {
                return d.location();
            }
        }
        return null;
    }

    private void indexEntries(List<Statement> statements, List<Statement> blocks) {
        for (Statement s : statements) {
            if (s instanceof Statement.Config c) {
                entries.put(c.location(), new Entry(c.attributes(), blocks));
            } else if (s instanceof Statement.Choice c) {
                entries.put(c.location(), new Entry(c.attributes(), blocks));
                indexEntries(c.body(), append(blocks, c));
            } else if (s instanceof Statement.MenuBlock m) {
                indexEntries(m.body(), append(blocks, m));
            } else if (s instanceof Statement.If i) {
                indexEntries(i.body(), append(blocks, i));
            } else if (s instanceof Statement.Source src) {
                indexEntries(src.body(), blocks);
            }
        }
    }

    private static List<Statement> append(List<Statement> list, Statement s) {
        List<Statement> out = new ArrayList<>(list);
        out.add(s);
        return List.copyOf(out);
    }


    /** The macro call ({@code $(...)}) written on the line at {@code location} ("file:line"), or null. */
    String macroAt(String location) {
        int colon = location == null ? -1 : location.lastIndexOf(':');
        if (colon < 0) {
            return null;
        }
        String line;
        try {
            line = sourceLine(new Location(location.substring(0, colon), Integer.parseInt(location.substring(colon + 1))));
        } catch (NumberFormatException e) {
            return null;
        }
        int i = line == null ? -1 : line.indexOf("$(");
        return i < 0 ? null : line.substring(i).strip();
    }

    /** The text of the line at {@code loc}, or null when the file cannot be read. */
    String sourceLine(Location loc) {
        List<String> lines = sourceLines.computeIfAbsent(loc.file(), f -> {
            Path srctree = tree.options().srctree();
            Path p = srctree == null ? Path.of(f) : srctree.resolve(f);
            try {
                return Files.readAllLines(p, StandardCharsets.ISO_8859_1);
            } catch (IOException | RuntimeException e) {
                return List.of();
            }
        });
        return loc.line() >= 1 && loc.line() <= lines.size() ? lines.get(loc.line() - 1) : null;
    }

    private static String choiceName(Symbol choice) {
        return choice.prompts().isEmpty() ? "<choice>" : "\"" + choice.prompts().get(0).text() + "\"";
    }

    private static String location(Symbol s) {
        return s.definitions().isEmpty() ? null : s.definitions().get(0).location().toString();
    }
}
