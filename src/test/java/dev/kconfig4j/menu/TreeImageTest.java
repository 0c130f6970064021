package dev.kconfig4j.menu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kconfig4j.Kconfig;
import dev.kconfig4j.conformance.GoldenCase;
import dev.kconfig4j.expr.Expr;
import dev.kconfig4j.expr.ExprPrinter;
import dev.kconfig4j.expr.Name;
import dev.kconfig4j.expr.Names;
import dev.kconfig4j.symbol.Definition;
import dev.kconfig4j.symbol.Property;
import dev.kconfig4j.symbol.Symbol;
import dev.kconfig4j.symbol.SymbolTable;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A built tree written as an image and read back is the same tree: every field of every menu
 * and symbol, in the same order, with expressions and properties shared as they were.
 */
class TreeImageTest {
    @TempDir
    Path dir;

    private static Kconfig load(Path srctree, Map<String, String> environment, Path objdir) {
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
        return Kconfig.load(Kconfig.Options.of(srctree, "Kconfig", environment, objdir), quiet, quiet);
    }


    private static byte[] image(Kconfig tree, int known) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        TreeImage.write(new DataOutputStream(bytes), tree.symbols(),
                new MenuBuilder.Result(tree.root(), tree.mainMenu(), tree.modules()), known, tree.filesRead());
        return bytes.toByteArray();
    }

    private static TreeImage.Read roundTrip(Kconfig tree, int known, SymbolTable into) throws IOException {
        return TreeImage.read(new ByteArrayInputStream(image(tree, known)), into);
    }

    private static SymbolTable namesLike(Kconfig tree, int known) {
        Names names = new Names();
        for (Name n : tree.symbols().names().all().subList(3, known)) {
            Name copy = n.isChoice() ? names.choice(n.text()) : n.isConstant() ? names.constant(n.text())
                    : names.lookup(n.text());
            assertThat(copy.id()).isEqualTo(n.id());
        }
        return new SymbolTable(names);
    }

    /** Every field of the menus (depth first) and of the symbols (by id), as text. */
    private static List<String> dump(Menu root, SymbolTable symbols) {
        List<Menu> order = new ArrayList<>();
        collect(root, order);
        Map<Object, Integer> index = new IdentityHashMap<>();
        for (Menu m : order) {
            index.put(m, index.size());
        }
        List<String> out = new ArrayList<>();
        for (Menu m : order) {
            out.add("menu " + index.get(m) + " " + m.kind() + " " + name(m.symbol()) + " " + m.location() + " parent "
                    + (m.parent() == null ? "-" : index.get(m.parent())) + " children " + m.children().size()
                    + " prompt " + m.promptText() + " if " + expr(m.promptCondition()) + " " + property(m.prompt, index)
                    + " dep " + expr(m.dependency()) + " visible " + expr(m.visibleIf()) + " menuconfig "
                    + m.isMenuconfig() + " help " + m.help());
        }
        for (Symbol s : symbols.all()) {
            StringBuilder b = new StringBuilder("symbol " + s.id() + " " + name(s) + " " + s.type() + " optional "
                    + s.isOptional() + " transitional " + s.isTransitional() + " defconfig " + s.isDefconfigList()
                    + " allnoconfig_y " + s.isAllnoconfigY() + " env " + s.isFromEnvironment());
            for (Definition d : s.definitions()) {
                b.append(" def ").append(index.get(d));
            }
            for (List<? extends Property> list : List.of(s.prompts(), s.defaults(), s.selects(), s.implies(),
                    s.ranges())) {
                for (Property p : list) {
                    b.append(" | ").append(property(p, index));
                }
            }
            for (Symbol m : s.members()) {
                b.append(" member ").append(name(m));
            }
            b.append(" in ").append(name(s.parentChoice())).append(" dep ").append(expr(s.directDependency()))
                    .append(" rev ").append(expr(s.reverseDependency())).append(" implied ")
                    .append(expr(s.impliedBy()));
            out.add(b.toString());
        }
        return out;
    }

    private static void collect(Menu m, List<Menu> out) {
        out.add(m);
        for (Menu k : m.children()) {
            collect(k, out);
        }
    }

    private static String name(Symbol s) {
        return s == null ? "-" : s.id() + ":" + s.name();
    }

    private static String expr(Expr e) {
        return e == null ? "-" : ExprPrinter.print(e);
    }

    private static String property(Property p, Map<Object, Integer> menus) {
        if (p == null) {
            return "-";
        }
        String what = p instanceof Property.Prompt x ? "prompt " + x.text()
                : p instanceof Property.Default x ? "default " + expr(x.value())
                : p instanceof Property.Select x ? "select " + name(x.target())
                : p instanceof Property.Imply x ? "imply " + name(x.target())
                : "range " + name(((Property.Range) p).low()) + " " + name(((Property.Range) p).high());
        return what + " if " + expr(p.condition()) + " at " + p.location() + " in " + menus.get(p.definition());
    }

    /** The distinct expression and property objects a tree holds: what sharing saves. */
    private static int[] objects(Menu root, SymbolTable symbols) {
        Set<Object> exprs = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        Set<Object> properties = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        List<Menu> order = new ArrayList<>();
        collect(root, order);
        for (Menu m : order) {
            walk(m.promptCondition(), exprs);
            walk(m.dependency(), exprs);
            walk(m.visibleIf(), exprs);
            if (m.prompt != null) {
                properties.add(m.prompt);
            }
        }
        for (Symbol s : symbols.all()) {
            walk(s.directDependency(), exprs);
            walk(s.reverseDependency(), exprs);
            walk(s.impliedBy(), exprs);
            for (List<? extends Property> list : List.of(s.prompts(), s.defaults(), s.selects(), s.implies(),
                    s.ranges())) {
                for (Property p : list) {
                    properties.add(p);
                    walk(p.condition(), exprs);
                    if (p instanceof Property.Default d) {
                        walk(d.value(), exprs);
                    }
                }
            }
        }
        return new int[] {exprs.size(), properties.size()};
    }

    private static void walk(Expr e, Set<Object> seen) {
        if (e == null || !seen.add(e)) {
            return;
        }
        if (e instanceof Expr.Not n) {
            walk(n.operand(), seen);
        } else if (e instanceof Expr.And a) {
            walk(a.left(), seen);
            walk(a.right(), seen);
        } else if (e instanceof Expr.Or o) {
            walk(o.left(), seen);
            walk(o.right(), seen);
        }
    }

    private void assertRoundTrips(Kconfig tree) throws IOException {
        int known = tree.symbols().names().size();
        SymbolTable into = namesLike(tree, known);
        TreeImage.Read read = roundTrip(tree, known, into);
        assertThat(dump(read.built().root(), into)).containsExactlyElementsOf(dump(tree.root(), tree.symbols()));
        assertThat(objects(read.built().root(), into)).containsExactly(objects(tree.root(), tree.symbols()));
        assertThat(read.built().mainMenu()).isEqualTo(tree.mainMenu());
        assertThat(name(read.built().modules())).isEqualTo(name(tree.modules()));
        assertThat(read.filesRead()).isEqualTo(tree.filesRead());
    }

    @Test
    void aSmallTreeWithEveryKindOfEntryReadsBackTheSame() throws IOException {
        Files.writeString(dir.resolve("Kconfig"), """
                mainmenu "Image test"
                config MODULES
                \tbool "modules"
                \tdefault y
                \tmodules
                config EXPERT
                \tbool "expert"
                \thelp
                \t  Shows more.
                menu "Drivers"
                \tdepends on MODULES
                \tvisible if !EXPERT
                config DRV
                \ttristate "driver"
                \tselect LIB if EXPERT
                \timply HELPER
                \tdefault m
                config DRV_OPT
                \tbool "option"
                \tdepends on DRV
                if DRV
                config DRV_LEVEL
                \tint "level"
                \trange 1 LIMIT
                \tdefault 3
                endif
                endmenu
                config LIMIT
                \tint
                \tdefault 10
                config LIB
                \ttristate
                config HELPER
                \ttristate "helper"
                choice
                \tprompt "mode"
                \tdefault MODE_B
                config MODE_A
                \tbool "a"
                config MODE_B
                \tbool "b"
                endchoice
                menuconfig FEATURE
                \tbool "feature"
                comment "a comment"
                \tdepends on FEATURE
                config DRV
                \ttristate "driver again" if FEATURE
                """);
        Kconfig tree = load(dir, Map.of("KERNELVERSION", "6.12"), dir);
        assertRoundTrips(tree);
    }

    @Test
    void linux612ForX86ReadsBackTheSame() throws IOException {
        Path shared = GoldenCase.requireShared();
        GoldenCase c = GoldenCase.byId(shared, "6.12/x86/olddefconfig-debian-6.12-amd64");
        Path srctree = shared.resolve(c.tree()).toRealPath();
        Path out = Files.createTempDirectory(dir, "obj");
        assertRoundTrips(load(srctree, c.environment(srctree, out), out));
    }

    @Test
    void anImageOfAnotherNameTableIsRefused() throws IOException {
        Files.writeString(dir.resolve("Kconfig"), "config A\n\tbool \"a\"\n");
        Kconfig tree = load(dir, Map.of("KERNELVERSION", "6.12"), dir);
        byte[] image = image(tree, tree.symbols().names().size());
        assertThatThrownBy(() -> TreeImage.read(new ByteArrayInputStream(image), new SymbolTable(new Names())))
                .isInstanceOf(IllegalArgumentException.class);
        // An image with anything after the tree is refused too.
        byte[] longer = java.util.Arrays.copyOf(image, image.length + 1);
        assertThatThrownBy(() -> TreeImage.read(new ByteArrayInputStream(longer), namesLike(tree,
                tree.symbols().names().size()))).isInstanceOf(IllegalArgumentException.class);
    }
}
