package dev.kconfig4j.menu;

import dev.kconfig4j.diagnostic.Diagnostic;
import dev.kconfig4j.diagnostic.Diagnostics;
import dev.kconfig4j.diagnostic.KconfigException;
import dev.kconfig4j.dialect.Dialect;
import dev.kconfig4j.expr.Expr;
import dev.kconfig4j.expr.Name;
import dev.kconfig4j.expr.Type;
import dev.kconfig4j.parse.Attribute;
import dev.kconfig4j.parse.Location;
import dev.kconfig4j.parse.Statement;
import dev.kconfig4j.symbol.Definition;
import dev.kconfig4j.symbol.Property;
import dev.kconfig4j.symbol.Symbol;
import dev.kconfig4j.symbol.SymbolTable;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the menu tree and the symbols' definitions from a syntax tree.
 *
 * <p>This is where dependencies propagate. A node's complete dependency is its parent's
 * dependency AND its own {@code depends on}; up to 6.1 the parent of a choice member contributes
 * the choice symbol itself instead, which makes the choice's mode an upper bound for its members
 * (see {@link Dialect#membersDependOnChoiceSymbol()}).
 * Every property's condition is the node's complete dependency AND the property's own
 * {@code if}; prompts are also ANDed with the {@code visible if} of every enclosing menu.
 * {@code m} in a dependency means "m, if modules are enabled" and is rewritten to
 * {@code m && MODULES}.
 *
 * <p>After the dependencies are fixed, the tree is restructured as menuconfig shows it: a
 * symbol followed by entries that depend on it becomes their parent, and the content of
 * {@code if} blocks is lifted into the enclosing node. That restructuring never changes the
 * depth-first order (which is the order of {@code .config}), but it decides which symbols of a
 * {@code choice} are its members: only its direct children.
 */
public final class MenuBuilder {
    private final SymbolTable symbols;
    private final Dialect dialect;
    private final Diagnostics warnings;
    private Symbol modules;
    private boolean modulesRedefined;
    private String mainMenu;
    private final List<Symbol> choices = new ArrayList<>();

    public MenuBuilder(SymbolTable symbols, Dialect dialect, Diagnostics warnings) {
        this.symbols = symbols;
        this.dialect = dialect;
        this.warnings = warnings;
    }

    /** The result of building: the root of the menu tree and what the tree declares globally. */
    public record Result(Menu root, String mainMenu, Symbol modules) {
    }

    public Result build(List<Statement> statements) {
        Menu root = new Menu(Menu.Kind.ROOT, null, new Location("", 0));
        // The modules symbol must be known before any dependency is rewritten.
        findModules(statements);
        if (modulesRedefined) {
            throw KconfigException.alreadyReported("option 'modules' defined more than once");
        }
        addAll(root, statements, null, null);
        linkReverseDependencies(root);
        finish(root);
        for (Symbol choice : choices) {
            finishChoice(choice);
        }
        root.promptText = mainMenu != null ? mainMenu : "Main menu";
        root.freeze();
        return new Result(root, root.promptText, modules);
    }

    /**
     * Builds the reverse dependencies of selects and implies in the kernel's order, which shows
     * in every "Selected by" list: level by level of the menu tree as written (menus, ifs and
     * choices; before automatic submenus), the selects of all entries of a level before those
     * of any entry nested deeper. So a select inside an {@code if} block comes after one that
     * follows the block.
     */
    private void linkReverseDependencies(Menu parent) {
        for (Menu k : parent.children) {
            Symbol sym = k.symbol();
            if (sym == null) {
                continue;
            }
            for (Property.Select p : sym.selects()) {
                if (p.definition() == k) {
                    symbols.linkSelect(sym, p);
                }
            }
            for (Property.Imply p : sym.implies()) {
                if (p.definition() == k) {
                    symbols.linkImply(sym, p);
                }
            }
        }
        for (Menu k : parent.children) {
            linkReverseDependencies(k);
        }
    }

    private void findModules(List<Statement> statements) {
        for (Statement s : statements) {
            if (s instanceof Statement.Config c) {
                for (Attribute a : c.attributes()) {
                    if (a instanceof Attribute.Flag f && f.kind() == Attribute.FlagKind.MODULES) {
                        if (modules == null) {
                            modules = symbols.symbol(c.name());
                        } else {
                            // Every generation refuses a second one, even on the same symbol, and
                            // names each at its line before it fails.
                            warnings.report(Diagnostic.error(f.location().file(), f.location().line(), "symbol '"
                                    + c.name().text() + "' redefines option 'modules' already defined by symbol '"
                                    + modules.name() + "'"));
                            modulesRedefined = true;
                        }
                    }
                }
            } else if (s instanceof Statement.Choice c) {
                findModules(c.body());
            } else if (s instanceof Statement.MenuBlock m) {
                findModules(m.body());
            } else if (s instanceof Statement.If i) {
                findModules(i.body());
            } else if (s instanceof Statement.Source src) {
                findModules(src.body());
            }
        }
    }

    /** {@code m} in a dependency stands for "m if modules are enabled". */
    private Expr rewriteM(Expr e) {
        if (e == null) {
            return null;
        }
        if (e instanceof Expr.Sym s) {
            if (s.name() == symbols.names().mod()) {
                return new Expr.And(s, Expr.sym(modules != null ? modules.ref() : symbols.names().no()));
            }
            return s;
        } else if (e instanceof Expr.Not n) {
            Expr o = rewriteM(n.operand());
            return o == n.operand() ? n : new Expr.Not(o);
        } else if (e instanceof Expr.And a) {
            Expr l = rewriteM(a.left());
            Expr r = rewriteM(a.right());
            return l == a.left() && r == a.right() ? a : new Expr.And(l, r);
        } else if (e instanceof Expr.Or o) {
            Expr l = rewriteM(o.left());
            Expr r = rewriteM(o.right());
            return l == o.left() && r == o.right() ? o : new Expr.Or(l, r);
        }
        return e;
    }

    private Expr ownDependency(List<Attribute> attributes) {
        Expr dep = null;
        for (Attribute a : attributes) {
            if (a instanceof Attribute.DependsOn d) {
                dep = Expr.and(dep, d.condition());
            }
        }
        return rewriteM(dep);
    }

    /**
     * Adds nodes for {@code statements} under {@code parent}.
     *
     * @param parentDep the dependency every child inherits (null: none)
     * @param visibleIf the {@code visible if} conditions of all enclosing menus, ANDed (null: none)
     */
    private void addAll(Menu parent, List<Statement> statements, Expr parentDep, Expr visibleIf) {
        for (Statement s : statements) {
            if (s instanceof Statement.Config c) {
                addConfig(parent, c, parentDep, visibleIf);
            } else if (s instanceof Statement.Choice c) {
                addChoice(parent, c, parentDep, visibleIf);
            } else if (s instanceof Statement.MenuBlock m) {
                Menu node = child(parent, Menu.Kind.MENU, null, m.location());
                node.dependency = Expr.and(parentDep, ownDependency(m.attributes()));
                node.promptText = m.prompt();
                node.promptCondition = node.dependency;
                Expr own = null;
                for (Attribute a : m.attributes()) {
                    if (a instanceof Attribute.VisibleIf v) {
                        own = Expr.and(own, v.condition());
                    }
                }
                node.visibleIf = own;
                addAll(node, m.body(), node.dependency, Expr.and(visibleIf, own));
            } else if (s instanceof Statement.Comment c) {
                Menu node = child(parent, Menu.Kind.COMMENT, null, c.location());
                node.dependency = Expr.and(parentDep, ownDependency(c.attributes()));
                node.promptText = c.prompt();
                node.promptCondition = node.dependency;
            } else if (s instanceof Statement.If i) {
                Menu node = child(parent, Menu.Kind.IF, null, i.location());
                node.dependency = Expr.and(parentDep, rewriteM(i.condition()));
                addAll(node, i.body(), node.dependency, visibleIf);
            } else if (s instanceof Statement.Source src) {
                addAll(parent, src.body(), parentDep, visibleIf);
            } else if (s instanceof Statement.MainMenu m) {
                if (mainMenu == null) {
                    mainMenu = m.prompt();
                }
            }
        }
    }

    private Menu child(Menu parent, Menu.Kind kind, Symbol symbol, Location location) {
        Menu node = new Menu(kind, symbol, location);
        node.parent = parent;
        parent.children.add(node);
        return node;
    }

    private void addConfig(Menu parent, Statement.Config c, Expr parentDep, Expr visibleIf) {
        Symbol sym = symbols.symbol(c.name());
        Menu node = child(parent, Menu.Kind.SYMBOL, sym, c.location());
        node.menuconfig = c.menuconfig();
        node.dependency = Expr.and(parentDep, ownDependency(c.attributes()));
        symbols.addDefinition(sym, node);
        addProperties(sym, node, c.attributes(), visibleIf);
        symbols.addDirectDependency(sym, node.dependency);
    }

    private void addChoice(Menu parent, Statement.Choice c, Expr parentDep, Expr visibleIf) {
        Symbol sym = symbols.symbol(c.name());
        Menu node = child(parent, Menu.Kind.CHOICE, sym, c.location());
        node.dependency = Expr.and(parentDep, ownDependency(c.attributes()));
        symbols.addDefinition(sym, node);
        if (!choices.contains(sym)) {
            choices.add(sym);
        }
        addProperties(sym, node, c.attributes(), visibleIf);
        symbols.addDirectDependency(sym, node.dependency);
        Expr memberDep = dialect.membersDependOnChoiceSymbol() ? Expr.sym(sym.ref()) : node.dependency;
        addAll(node, c.body(), memberDep, visibleIf);
    }

    private void addProperties(Symbol sym, Menu node, List<Attribute> attributes, Expr visibleIf) {
        Expr dep = node.dependency;
        for (Attribute a : attributes) {
            if (a instanceof Attribute.TypeDecl t) {
                // The kernel takes the line's prompt first, then its type (warned about at the entry).
                if (t.prompt() != null) {
                    addPrompt(sym, node, t.prompt(), t.condition(), visibleIf, t.location());
                }
                setType(sym, t.type(), node.location());
            } else if (a instanceof Attribute.Prompt p) {
                addPrompt(sym, node, p.text(), p.condition(), visibleIf, p.location());
            } else if (a instanceof Attribute.Default d) {
                if (d.type() != null) {
                    setType(sym, d.type(), node.location());
                }
                symbols.addDefault(sym, new Property.Default(d.value(), Expr.and(dep, rewriteM(d.condition())), node,
                        d.location()));
            } else if (a instanceof Attribute.Select s) {
                symbols.addSelect(sym, new Property.Select(symbols.symbol(s.target()), Expr.and(dep, rewriteM(s.condition())), node,
                        s.location()));
            } else if (a instanceof Attribute.Imply i) {
                symbols.addImply(sym, new Property.Imply(symbols.symbol(i.target()), Expr.and(dep, rewriteM(i.condition())), node,
                        i.location()));
            } else if (a instanceof Attribute.Range r) {
                symbols.addRange(sym, new Property.Range(symbols.symbol(r.low()), symbols.symbol(r.high()), Expr.and(dep, rewriteM(r.condition())),
                        node, r.location()));
            } else if (a instanceof Attribute.Help h) {
                node.help = h.text();
            } else if (a instanceof Attribute.Flag f) {
                switch (f.kind()) {
                    case OPTIONAL -> symbols.setOptional(sym, true);
                    case TRANSITIONAL -> symbols.setTransitional(sym);
                    case DEFCONFIG_LIST -> symbols.setDefconfigList(sym);
                    case ALLNOCONFIG_Y -> symbols.setAllnoconfigY(sym);
                    case ENV -> symbols.setFromEnvironment(sym);
                    case MODULES, UNKNOWN_OPTION -> {
                        // MODULES was found beforehand by findModules; unknown options were warned about
                    }
                }
            }
        }
    }

    /** Sets the type; a second, different one is warned about at {@code entry}, the config line. */
    private void setType(Symbol sym, Type type, Location entry) {
        if (!symbols.setType(sym, type)) {
            warnings.warning(entry.file(), entry.line(), "ignoring type redefinition of '" + sym.name() + "' from '"
                    + sym.type().kernelName() + "' to '" + type.kernelName() + "'");
        }
    }

    private void addPrompt(Symbol sym, Menu node, String text, Expr cond, Expr visibleIf, Location loc) {
        if (node.promptText != null) {
            warnings.warning(loc.file(), loc.line(), "prompt redefined");
        }
        Expr visibility = Expr.and(Expr.and(node.dependency, rewriteM(cond)), visibleIf);
        Property.Prompt p = new Property.Prompt(text, visibility, node, loc);
        node.promptText = text;
        node.promptCondition = visibility;
        node.prompt = p;
        symbols.addPrompt(sym, p);
    }

    // ---- restructuring ----

    /** Automatic submenus and lifting of {@code if} content, bottom-up. */
    private void finish(Menu node) {
        List<Menu> kids = node.children;
        for (Menu k : kids) {
            if (!k.children.isEmpty()) {
                finish(k);
            }
        }
        // A symbol followed by entries that depend on it becomes their parent.
        for (int i = 0; i < kids.size(); i++) {
            adoptDependents(kids, i);
        }
        lift(node);
        // Entries adopted by a symbol were finished before; lift the if blocks among them too.
        for (Menu k : kids) {
            if (k.kind() == Menu.Kind.SYMBOL && !k.children.isEmpty()) {
                liftAll(k);
            }
        }
        if (node.kind() == Menu.Kind.CHOICE) {
            for (Menu k : kids) {
                if (k.symbol() != null && k.kind() == Menu.Kind.SYMBOL) {
                    symbols.addMember(node.symbol(), k.symbol());
                }
            }
        }
    }

    /** Lifts the children of promptless children (if blocks, promptless symbols) into {@code node}. */
    private static void lift(Menu node) {
        List<Menu> kids = node.children;
        for (int i = 0; i < kids.size(); i++) {
            Menu k = kids.get(i);
            // A choice keeps its members even without a prompt (a broken tree up to 6.1).
            if (!k.children.isEmpty() && k.promptText == null && k.kind() != Menu.Kind.CHOICE) {
                List<Menu> lifted = new ArrayList<>(k.children);
                k.children.clear();
                for (Menu l : lifted) {
                    l.parent = node;
                }
                kids.addAll(i + 1, lifted);
            }
        }
    }

    private static void liftAll(Menu node) {
        lift(node);
        for (Menu k : node.children) {
            if (!k.children.isEmpty()) {
                liftAll(k);
            }
        }
    }

    /** Moves the siblings after {@code kids[i]} that depend on its symbol below it. */
    private void adoptDependents(List<Menu> kids, int i) {
        Menu m = kids.get(i);
        if (m.kind() != Menu.Kind.SYMBOL || !m.children.isEmpty()) {
            return;
        }
        Name sym = m.symbol().ref();
        while (i + 1 < kids.size()) {
            Menu next = kids.get(i + 1);
            Expr dep = next.promptText != null && next.promptCondition != null ? next.promptCondition : next.dependency;
            if (dep == null || !dep.mentions(sym) || !(dependsOn(dep, sym) || isSuperset(dep, m.dependency)
                    && !(dialect.nestsOnlyUnderPositiveMentions() && mentionsNegated(dep, sym, false)))) {
                break;
            }
            kids.remove(i + 1);
            next.parent = m;
            m.children.add(next);
            // The adopted entry may in turn adopt the entries after it.
            List<Menu> rest = kids.subList(i + 1, kids.size());
            if (next.kind() == Menu.Kind.SYMBOL && next.children.isEmpty()) {
                List<Menu> tmp = new ArrayList<>();
                tmp.add(next);
                tmp.addAll(rest);
                rest.clear();
                adoptDependents(tmp, 0);
                tmp.remove(0);
                kids.addAll(i + 1, tmp);
            }
        }
    }

    /**
     * Whether every conjunct of {@code base} (the symbol's own dependency) is also a conjunct of
     * {@code dep}: an entry such as {@code depends on MODULE_SIG || IMA_APPRAISE_MODSIG} after
     * {@code MODULE_SIG} mentions the symbol and adds to its dependencies, so it goes below it.
     */
    private static boolean isSuperset(Expr dep, Expr base) {
        if (base == null) {
            return true;
        }
        return Expr.conjuncts(dep).containsAll(Expr.conjuncts(base));
    }

    /**
     * Whether {@code sym} occurs in {@code dep} as a condition that holds when it is n: under an
     * odd number of {@code !}, or compared {@code =n} / {@code !=y} ({@code negated}: the parity so far).
     */
    private boolean mentionsNegated(Expr dep, Name sym, boolean negated) {
        if (dep instanceof Expr.Not n) {
            return mentionsNegated(n.operand(), sym, !negated);
        }
        if (dep instanceof Expr.And a) {
            return mentionsNegated(a.left(), sym, negated) || mentionsNegated(a.right(), sym, negated);
        }
        if (dep instanceof Expr.Or o) {
            return mentionsNegated(o.left(), sym, negated) || mentionsNegated(o.right(), sym, negated);
        }
        if (dep instanceof Expr.Sym s) {
            return negated && s.name() == sym;
        }
        if (dep instanceof Expr.Compare c && c.left() == sym) {
            boolean holdsWhenN = c.op() == Expr.CompareOp.EQUAL && c.right() == symbols.names().no()
                    || c.op() == Expr.CompareOp.UNEQUAL && c.right() == symbols.names().yes();
            return holdsWhenN != negated;
        }
        return false;
    }

    /** Whether {@code dep} can only hold when {@code sym} is not n (a conjunct is sym, sym=y|m or sym!=n). */
    private boolean dependsOn(Expr dep, Name sym) {
        if (dep instanceof Expr.And a) {
            return dependsOn(a.left(), sym) || dependsOn(a.right(), sym);
        }
        if (dep instanceof Expr.Sym s) {
            return s.name() == sym;
        }
        if (dep instanceof Expr.Compare c && c.left() == sym) {
            if (c.op() == Expr.CompareOp.EQUAL) {
                return c.right() == symbols.names().yes() || c.right() == symbols.names().mod();
            }
            if (c.op() == Expr.CompareOp.UNEQUAL) {
                return c.right() == symbols.names().no();
            }
        }
        return false;
    }

    /** Gives members without a type the choice's type, and the choice the first member's type if it has none. */
    private void finishChoice(Symbol choice) {
        if (choice.type() == Type.UNKNOWN) {
            for (Symbol m : choice.members()) {
                if (m.type() != Type.UNKNOWN) {
                    symbols.setType(choice, m.type());
                    break;
                }
            }
        }
        for (Symbol m : choice.members()) {
            if (m.type() == Type.UNKNOWN) {
                symbols.setType(m, choice.type());
            }
        }
        // A choice that must have a value cannot be n while it is visible: a select-like bound of m
        // (up to 6.10, where a choice has a tristate value of its own; from 6.11 a choice is only
        // its selection, and its help lists no "Selected by [m]").
        if (!choice.isOptional() && !dialect.choicesByPriority()) {
            for (Definition def : choice.definitions()) {
                if (def.hasPrompt()) {
                    // An unconditional prompt gives the bound m alone (the kernel prints "m [=m]").
                    symbols.addReverseDependency(choice, Expr.and(def.promptCondition(), Expr.sym(symbols.names().mod())));
                }
            }
        }
    }
}
