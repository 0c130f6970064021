package dev.kconfig4j.menu;

import dev.kconfig4j.diagnostic.Diagnostic;
import dev.kconfig4j.diagnostic.Diagnostics;
import dev.kconfig4j.dialect.Dialect;
import dev.kconfig4j.expr.Expr;
import dev.kconfig4j.parse.Location;
import dev.kconfig4j.symbol.Definition;
import dev.kconfig4j.symbol.Property;
import dev.kconfig4j.symbol.Symbol;
import dev.kconfig4j.symbol.SymbolHashOrder;
import dev.kconfig4j.symbol.SymbolTable;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds recursive dependencies (a symbol that depends on itself through depends on, select,
 * imply, defaults, prompts' conditions or its choice), which the kernel rejects when it loads a
 * tree.
 *
 * <p>Symbols are examined in the order of the kernel's symbol table (up to 6.1: FNV-1a hash of
 * the name modulo 9973, later symbols first within a bucket; 6.12: the order in which symbols
 * were first mentioned), each depth first and at most
 * once: through its direct dependencies, its selectors, its impliers, then each property's
 * condition and each default's value. A member of a choice is examined through its choice,
 * which examines its own dependencies and then every member's. The first cycle found from a
 * starting symbol is reported, beginning with the symbol that closes it.
 */
public final class DependencyCheck {
    private DependencyCheck() {
    }

    /** Reports every cycle to {@code err} in the newest dialect's words; returns whether there was one. */
    public static boolean check(SymbolTable symbols, Menu root, Diagnostics err) {
        return check(symbols, root, Dialect.newest(), err);
    }

    /** Reports every cycle to {@code err} in the kernel's words; returns whether there was one. */
    public static boolean check(SymbolTable symbols, Menu root, Dialect dialect, Diagnostics err) {
        return new Checker(symbols, dialect, err).run();
    }

    /** How the search got from a symbol to the next one. */
    private enum Via { DEPENDS, SELECTED, IMPLIED, DEFAULT, PROPERTY, CHOICE_MEMBER, CHOICE }

    private record Step(Symbol symbol, Via via, Property property) {
    }

    private static final class Checker {
        private final SymbolTable symbols;
        private final Dialect dialect;
        private final Diagnostics err;
        private final boolean[] checking;
        private final boolean[] checked;
        private final List<Step> stack = new ArrayList<>();
        private Via via;
        private Property property;

        Checker(SymbolTable symbols, Dialect dialect, Diagnostics err) {
            this.symbols = symbols;
            this.dialect = dialect;
            this.err = err;
            this.checking = new boolean[symbols.size()];
            this.checked = new boolean[symbols.size()];
        }

        boolean run() {
            boolean found = false;
            for (Symbol s : tableOrder()) {
                if (s.isConstant()) {
                    continue;
                }
                if (checkSymbol(s) != null) {
                    found = true;
                }
            }
            return found;
        }

        /** The kernel's iteration order over its symbol hash table. */
        private List<Symbol> tableOrder() {
            if (dialect.checksDependenciesInCreationOrder()) {
                // 6.12 examines symbols in the order they were first mentioned (observed with its conf).
                return new ArrayList<>(symbols.all());
            }
            return SymbolHashOrder.order(symbols, dialect);
        }

        /** Returns the symbol that closed a cycle, or null. */
        private Symbol checkSymbol(Symbol s) {
            if (s.isConstant()) {
                return null;
            }
            if (checking[s.id()]) {
                report(s);
                return s;
            }
            if (checked[s.id()]) {
                return null;
            }
            Symbol choice = s.parentChoice();
            if (choice != null && !s.isChoice()) {
                push(s, Via.CHOICE_MEMBER, null);
                Symbol r = checkSymbol(choice);
                pop();
                return r;
            }
            if (s.isChoice()) {
                return checkChoice(s);
            }
            checking[s.id()] = true;
            checked[s.id()] = true;
            Symbol r = checkDeps(s);
            checking[s.id()] = false;
            return r;
        }

        private Symbol checkChoice(Symbol choice) {
            push(choice, Via.CHOICE, null);
            for (Symbol m : choice.members()) {
                checking[m.id()] = true;
                checked[m.id()] = true;
            }
            checking[choice.id()] = true;
            checked[choice.id()] = true;
            Symbol r = checkDeps(choice);
            checking[choice.id()] = false;
            if (r == null) {
                for (Symbol m : choice.members()) {
                    r = checkDeps(m);
                    if (r != null) {
                        break;
                    }
                }
            }
            for (Symbol m : choice.members()) {
                checking[m.id()] = false;
            }
            if (r != null && r.parentChoice() == choice) {
                r = choice;
            }
            pop();
            return r;
        }

        private Symbol checkDeps(Symbol s) {
            push(s, Via.DEPENDS, null);
            try {
                Symbol r = checkExpr(directDependency(s));
                if (r != null) {
                    return r;
                }
                top(Via.SELECTED, null);
                r = checkExpr(s.reverseDependency());
                if (r != null) {
                    return r;
                }
                top(Via.IMPLIED, null);
                r = checkExpr(s.impliedBy());
                if (r != null) {
                    return r;
                }
                for (Property p : properties(s)) {
                    top(Via.PROPERTY, p);
                    r = checkExpr(p.condition());
                    if (r != null) {
                        return r;
                    }
                    if (p instanceof Property.Default d && !s.isChoice()) {
                        top(Via.DEFAULT, p);
                        r = checkExpr(d.value());
                        if (r != null) {
                            return r;
                        }
                    }
                }
                return null;
            } finally {
                pop();
            }
        }

        private static List<Property> properties(Symbol s) {
            List<Property> props = new ArrayList<>();
            props.addAll(s.prompts());
            props.addAll(s.defaults());
            props.addAll(s.ranges());
            return props;
        }

        private static Expr directDependency(Symbol s) {
            Expr result = null;
            for (Definition def : s.definitions()) {
                if (def.dependency() != null) {
                    result = Expr.or(result, def.dependency());
                }
            }
            return result;
        }

        private Symbol checkExpr(Expr e) {
            if (e == null) {
                return null;
            }
            if (e instanceof Expr.Sym s) {
                return checkSymbol(symbols.symbol(s.name()));
            } else if (e instanceof Expr.Not n) {
                return checkExpr(n.operand());
            } else if (e instanceof Expr.And a) {
                Symbol r = checkExpr(a.left());
                return r != null ? r : checkExpr(a.right());
            } else if (e instanceof Expr.Or o) {
                Symbol r = checkExpr(o.left());
                return r != null ? r : checkExpr(o.right());
            }
            Expr.Compare c = (Expr.Compare) e;
            Symbol r = checkSymbol(symbols.symbol(c.left()));
            return r != null ? r : checkSymbol(symbols.symbol(c.right()));
        }

        private void push(Symbol s, Via v, Property p) {
            stack.add(new Step(s, v, p));
        }

        private void top(Via v, Property p) {
            Step t = stack.get(stack.size() - 1);
            stack.set(stack.size() - 1, new Step(t.symbol(), v, p));
        }

        private void pop() {
            stack.remove(stack.size() - 1);
        }

        private void report(Symbol last) {
            int start = stack.size() - 1;
            while (start >= 0 && stack.get(start).symbol() != last) {
                start--;
            }
            if (start < 0) {
                start = 0;
            }
            StringBuilder sb = new StringBuilder();
            boolean first = true;
            for (int i = start; i < stack.size(); i++) {
                Step st = stack.get(i);
                Symbol sym = st.symbol();
                Symbol next = i + 1 < stack.size() ? stack.get(i + 1).symbol() : last;
                String where = where(st);
                if (first) {
                    sb.append(where).append("error: recursive dependency detected!\n");
                    first = false;
                }
                sb.append(where).append('\t');
                String name = name(sym);
                String nextName = name(next);
                switch (st.via()) {
                    case CHOICE -> sb.append("choice ").append(name).append(" contains symbol ").append(nextName);
                    case CHOICE_MEMBER -> sb.append("symbol ").append(name).append(" is part of choice ")
                            .append(nextName);
                    case DEPENDS -> sb.append(sym.isChoice() ? "choice " : "symbol ").append(name)
                            .append(" depends on ").append(nextName);
                    case SELECTED -> sb.append("symbol ").append(name).append(" is selected by ").append(nextName);
                    case IMPLIED -> sb.append("symbol ").append(name).append(" is implied by ").append(nextName);
                    case DEFAULT -> sb.append("symbol ").append(name).append(" default value contains ")
                            .append(nextName);
                    case PROPERTY -> sb.append("symbol ").append(name).append(' ').append(kind(st.property()))
                            .append(" is visible depending on ").append(nextName);
                }
                sb.append('\n');
            }
            sb.append("For a resolution refer to Documentation/kbuild/kconfig-language.rst\n");
            sb.append("subsection \"Kconfig recursive dependency limitations\"\n");
            Location at = location(stack.get(start));
            err.report(new Diagnostic(Diagnostic.Severity.ERROR, at == null ? null : at.file(),
                    at == null ? 0 : at.line(), "recursive dependency detected!", sb.toString()));
        }

        private static String kind(Property p) {
            if (p instanceof Property.Prompt) {
                return "prompt";
            } else if (p instanceof Property.Default) {
                return "default";
            } else if (p instanceof Property.Range) {
                return "range";
            }
            return "property";
        }

        private String where(Step st) {
            if (!dialect.locatesDependencyCycles()) {
                return "";
            }
            Location loc = location(st);
            return loc == null ? "" : loc.file() + ":" + loc.line() + ":";
        }

        private static Location location(Step st) {
            if (st.property() != null) {
                return st.property().location();
            } else if (!st.symbol().definitions().isEmpty()) {
                return st.symbol().definitions().get(0).location();
            }
            return null;
        }

        private static String name(Symbol s) {
            return s.name() == null ? "<choice>" : s.name();
        }
    }
}
