package dev.kconfig4j.expr;

import java.util.ArrayList;
import java.util.List;

/**
 * Prints expressions the way the kernel's tools show them to users (help screens, warnings),
 * and simplifies them first the way the kernel does when it propagates dependencies.
 *
 * <p>Printing: operators are {@code !}, {@code &&}, {@code ||} and the comparison operators
 * (written without spaces: {@code A=y}); parentheses appear only where a lower-precedence
 * operator is the operand of a higher-precedence one ({@code ||} below {@code &&} or
 * {@code !}, {@code &&} below {@code !}). A nameless choice prints as {@code <choice>}, a
 * constant as its bare text. With a configuration, every symbol with a known type is followed
 * by its current value: {@code A [=y]}, {@code n [=n]}, {@code S [=text]=foo}.
 *
 * <p>Simplification ({@link #simplify}): comparisons of bool symbols with {@code y}/{@code m}/{@code n}
 * become plain symbol tests, negations are pushed inwards (De Morgan, {@code !!a}, negated
 * comparisons, {@code !y}...), and repeated operands of {@code &&}/{@code ||} chains are merged:
 * of two equal operands the later position survives, written like the earlier one. Only when
 * something was merged are {@code y}/{@code n} operands folded away afterwards.
 */
public final class ExprPrinter {
    private ExprPrinter() {
    }

    // ======================================================================
    // printing
    // ======================================================================

    /** The expression without values; null prints as {@code y}. */
    public static String print(Expr e) {
        return print(e, null);
    }

    /** The expression with {@code [=value]} after every typed symbol when {@code config} is not null. */
    public static String print(Expr e, Valuation config) {
        StringBuilder sb = new StringBuilder();
        if (e == null) {
            sb.append('y');
            if (config != null) {
                sb.append(" [=y]");
            }
            return sb.toString();
        }
        print(sb, e, config, 0);
        return sb.toString();
    }

    /** Precedence: higher binds tighter. */
    private static int rank(Expr e) {
        if (e instanceof Expr.Or) {
            return 1;
        } else if (e instanceof Expr.And) {
            return 2;
        } else if (e instanceof Expr.Not) {
            return 3;
        }
        return 4;
    }

    private static void print(StringBuilder sb, Expr e, Valuation config, int outer) {
        boolean paren = outer > rank(e) && rank(e) < 3;
        if (paren) {
            sb.append('(');
        }
        if (e instanceof Expr.Sym s) {
            name(sb, s.name(), config);
        } else if (e instanceof Expr.Not n) {
            sb.append('!');
            print(sb, n.operand(), config, 3);
        } else if (e instanceof Expr.And a) {
            print(sb, a.left(), config, 2);
            sb.append(" && ");
            print(sb, a.right(), config, 2);
        } else if (e instanceof Expr.Or o) {
            print(sb, o.left(), config, 1);
            sb.append(" || ");
            print(sb, o.right(), config, 1);
        } else {
            Expr.Compare c = (Expr.Compare) e;
            name(sb, c.left(), config);
            sb.append(c.op().text());
            name(sb, c.right(), config);
        }
        if (paren) {
            sb.append(')');
        }
    }

    /** A name as it appears in an expression: its text (or {@code <choice>}), and its symbol's value if typed. */
    public static void name(StringBuilder sb, Name s, Valuation config) {
        if (s.text() == null) {
            sb.append("<choice>");
            return;
        }
        sb.append(s.text());
        String value = config == null ? null : config.shownValue(s);
        if (value != null) {
            sb.append(" [=").append(value).append(']');
        }
    }

    /** Whether the expression is "always" (no condition, or {@code y}). */
    public static boolean isYes(Expr e) {
        return e == null || e instanceof Expr.Sym s && s.name().isConstant("y");
    }

    // ======================================================================
    // simplification
    // ======================================================================

    /**
     * The expression as the kernel keeps it after propagating dependencies; null stays null.
     *
     * @param alwaysFold whether {@code y}/{@code n} operands are folded away even when no
     *     duplicates were merged (6.12 does; 5.10 and 6.1 keep {@code A && y} as written)
     */
    public static Expr simplify(Expr e, NameTypes symbols, boolean alwaysFold) {
        if (e == null) {
            return null;
        }
        return new Simplifier(symbols, alwaysFold).run(transform(e, symbols));
    }

    /** Local rewriting: bool comparisons, negations pushed inwards. */
    public static Expr transform(Expr e, NameTypes symbols) {
        Names names = symbols.names();
        if (e == null) {
            return null;
        }
        if (e instanceof Expr.Sym) {
            return e;
        } else if (e instanceof Expr.And a) {
            Expr l = transform(a.left(), symbols);
            Expr r = transform(a.right(), symbols);
            return l == a.left() && r == a.right() ? a : new Expr.And(l, r);
        } else if (e instanceof Expr.Or o) {
            Expr l = transform(o.left(), symbols);
            Expr r = transform(o.right(), symbols);
            return l == o.left() && r == o.right() ? o : new Expr.Or(l, r);
        } else if (e instanceof Expr.Compare c) {
            if (symbols.typeOf(c.left()) != Type.BOOL || c.left().isConstant()
                    || (c.op() != Expr.CompareOp.EQUAL && c.op() != Expr.CompareOp.UNEQUAL)) {
                return c;
            }
            Name r = c.right();
            boolean eq = c.op() == Expr.CompareOp.EQUAL;
            Expr.Sym left = new Expr.Sym(c.left());
            if (r == names.no()) {
                return eq ? new Expr.Not(left) : left;
            } else if (r == names.mod()) {
                return new Expr.Sym(eq ? names.no() : names.yes());
            } else if (r == names.yes()) {
                return eq ? left : new Expr.Not(left);
            }
            return c;
        }
        Expr.Not n = (Expr.Not) e;
        Expr inner = transform(n.operand(), symbols);
        if (inner instanceof Expr.Not nn) {
            return nn.operand();
        } else if (inner instanceof Expr.Compare c) {
            Expr.CompareOp op = switch (c.op()) {
                case EQUAL -> Expr.CompareOp.UNEQUAL;
                case UNEQUAL -> Expr.CompareOp.EQUAL;
                case LESS -> Expr.CompareOp.GREATER_EQUAL;
                case LESS_EQUAL -> Expr.CompareOp.GREATER;
                case GREATER -> Expr.CompareOp.LESS_EQUAL;
                case GREATER_EQUAL -> Expr.CompareOp.LESS;
            };
            return new Expr.Compare(op, c.left(), c.right());
        } else if (inner instanceof Expr.Or o) {
            return transform(new Expr.And(new Expr.Not(o.left()), new Expr.Not(o.right())), symbols);
        } else if (inner instanceof Expr.And a) {
            return transform(new Expr.Or(new Expr.Not(a.left()), new Expr.Not(a.right())), symbols);
        } else if (inner instanceof Expr.Sym s) {
            if (s.name() == names.yes()) {
                return new Expr.Sym(names.no());
            } else if (s.name() == names.mod()) {
                return s;
            } else if (s.name() == names.no()) {
                return new Expr.Sym(names.yes());
            }
        }
        return inner == n.operand() ? n : new Expr.Not(inner);
    }

    // ---- duplicate elimination on a mutable copy ----

    private enum K { SYM, NOT, AND, OR, CMP }

    /** A mutable expression node; replacing a node's content keeps its identity. */
    private static final class Node {
        K kind;
        Node left;
        Node right;
        Name sym;
        Expr.Compare cmp;

        void set(Node o) {
            kind = o.kind;
            left = o.left;
            right = o.right;
            sym = o.sym;
            cmp = o.cmp;
        }
    }

    private static final class Simplifier {
        private final NameTypes symbols;
        private final Names names;
        private final boolean alwaysFold;
        private int changes;

        Simplifier(NameTypes symbols, boolean alwaysFold) {
            this.symbols = symbols;
            this.names = symbols.names();
            this.alwaysFold = alwaysFold;
        }

        Expr run(Expr e) {
            Node n = toNode(e);
            if (alwaysFold) {
                n = yn(n);
            }
            do {
                changes = 0;
                if (n.kind == K.AND || n.kind == K.OR) {
                    dups(n.kind, n, n);
                }
                if (changes == 0) {
                    break;
                }
                n = yn(n);
            } while (changes > 0);
            return toExpr(n);
        }

        private void dups(K type, Node a, Node b) {
            if (a.kind == type) {
                dups(type, a.left, b);
                dups(type, a.right, b);
                return;
            }
            if (b.kind == type) {
                dups(type, a, b.left);
                dups(type, a, b.right);
                return;
            }
            if (a == b) {
                return;
            }
            if (a.kind == K.AND || a.kind == K.OR) {
                dups(a.kind, a, a);
            }
            Node joined = type == K.OR ? joinOr(a, b) : joinAnd(a, b);
            if (joined != null) {
                a.set(sym(type == K.OR ? names.no() : names.yes()));
                b.set(joined);
                changes++;
            }
        }

        private Node joinAnd(Node a, Node b) {
            if (eq(a, b)) {
                return copy(a);
            }
            Name s = sameSymbol(a, b);
            if (s == null) {
                return null;
            }
            Name y = names.yes();
            Name m = names.mod();
            Name n = names.no();
            for (int swap = 0; swap < 2; swap++) {
                Node p = swap == 0 ? a : b;
                Node q = swap == 0 ? b : a;
                if (p.kind == K.SYM && q.kind == K.CMP) {
                    Expr.CompareOp op = q.cmp.op();
                    Name r = q.cmp.right();
                    if (op == Expr.CompareOp.EQUAL && r == y) {
                        return cmp(Expr.CompareOp.EQUAL, s, y); // a && a=y: a=y
                    }
                    if (op == Expr.CompareOp.UNEQUAL && r == n) {
                        return sym(s); // a && a!=n: a
                    }
                    if (op == Expr.CompareOp.UNEQUAL && r == m) {
                        return cmp(Expr.CompareOp.EQUAL, s, y); // a && a!=m: a=y
                    }
                }
                if (p.kind == K.CMP && q.kind == K.CMP && p.cmp.op() == Expr.CompareOp.EQUAL
                        && q.cmp.op() == Expr.CompareOp.UNEQUAL && p.cmp.right().isConstant()
                        && q.cmp.right().isConstant() && p.cmp.right() != q.cmp.right()) {
                    return cmp(Expr.CompareOp.EQUAL, s, p.cmp.right()); // a=b && a!=c: a=b
                }
            }
            if (a.kind == K.CMP && b.kind == K.CMP && a.cmp.op() == Expr.CompareOp.UNEQUAL
                    && b.cmp.op() == Expr.CompareOp.UNEQUAL) {
                Name ra = a.cmp.right();
                Name rb = b.cmp.right();
                // a!=x && a!=z: a is the remaining value
                if ((ra == y && rb == n) || (ra == n && rb == y)) {
                    return cmp(Expr.CompareOp.EQUAL, s, m);
                }
                if ((ra == y && rb == m) || (ra == m && rb == y)) {
                    return cmp(Expr.CompareOp.EQUAL, s, n);
                }
                if ((ra == m && rb == n) || (ra == n && rb == m)) {
                    return cmp(Expr.CompareOp.EQUAL, s, y);
                }
            }
            return null;
        }

        /** The symbol both operands test (a, !a, a=c, a!=c), if it is the same bool/tristate symbol. */
        private Name sameSymbol(Node a, Node b) {
            Name sa = tested(a);
            Name sb = tested(b);
            if (sa == null || sa != sb || !symbols.typeOf(sa).isTristateLike() || sa.isConstant()) {
                return null;
            }
            return sa;
        }

        private static Name tested(Node n) {
            if (n.kind == K.SYM) {
                return n.sym;
            } else if (n.kind == K.CMP) {
                return n.cmp.op() == Expr.CompareOp.EQUAL || n.cmp.op() == Expr.CompareOp.UNEQUAL ? n.cmp.left() : null;
            } else if (n.kind == K.NOT) {
                return n.left.kind == K.SYM ? n.left.sym : null;
            }
            return null;
        }

        private static Node cmp(Expr.CompareOp op, Name l, Name r) {
            Node n = new Node();
            n.kind = K.CMP;
            n.cmp = new Expr.Compare(op, l, r);
            return n;
        }

        private Node joinOr(Node a, Node b) {
            if (eq(a, b)) {
                return copy(a);
            }
            Name s = sameSymbol(a, b);
            if (s != null && a.kind == K.CMP && b.kind == K.CMP && a.cmp.op() == Expr.CompareOp.EQUAL
                    && b.cmp.op() == Expr.CompareOp.EQUAL && symbols.typeOf(s) == Type.TRISTATE) {
                // a=b || a=c: a is not the third value
                Name ra = a.cmp.right();
                Name rb = b.cmp.right();
                Name y = names.yes();
                Name m = names.mod();
                Name n = names.no();
                if ((ra == n && rb == m) || (ra == m && rb == n)) {
                    return cmp(Expr.CompareOp.UNEQUAL, s, y);
                }
                if ((ra == n && rb == y) || (ra == y && rb == n)) {
                    return cmp(Expr.CompareOp.UNEQUAL, s, m);
                }
                if ((ra == m && rb == y) || (ra == y && rb == m)) {
                    return cmp(Expr.CompareOp.UNEQUAL, s, n);
                }
            }
            // a || !a is always y for a bool symbol.
            Name sa = a.kind == K.SYM ? a.sym : a.kind == K.NOT && a.left.kind == K.SYM ? a.left.sym : null;
            Name sb = b.kind == K.SYM ? b.sym : b.kind == K.NOT && b.left.kind == K.SYM ? b.left.sym : null;
            if (sa != null && sa == sb && symbols.typeOf(sa) == Type.BOOL && !sa.isConstant() && a.kind != b.kind) {
                return sym(names.yes());
            }
            return null;
        }

        /** Structural equality; {@code &&} and {@code ||} chains compare as multisets of operands. */
        private boolean eq(Node a, Node b) {
            if (a.kind != b.kind) {
                return false;
            }
            switch (a.kind) {
                case SYM:
                    return a.sym == b.sym;
                case CMP:
                    return a.cmp.op() == b.cmp.op() && a.cmp.left() == b.cmp.left() && a.cmp.right() == b.cmp.right();
                case NOT:
                    return eq(a.left, b.left);
                default:
                    List<Node> la = new ArrayList<>();
                    List<Node> lb = new ArrayList<>();
                    flatten(a.kind, a, la);
                    flatten(a.kind, b, lb);
                    if (la.size() != lb.size()) {
                        return false;
                    }
                    outer:
                    for (Node x : la) {
                        for (int i = 0; i < lb.size(); i++) {
                            if (eq(x, lb.get(i))) {
                                lb.remove(i);
                                continue outer;
                            }
                        }
                        return false;
                    }
                    return true;
            }
        }

        private void flatten(K type, Node n, List<Node> out) {
            if (n.kind == type) {
                flatten(type, n.left, out);
                flatten(type, n.right, out);
            } else {
                out.add(n);
            }
        }

        private Node yn(Node n) {
            if (n.kind != K.AND && n.kind != K.OR) {
                return n;
            }
            n.left = yn(n.left);
            n.right = yn(n.right);
            Name absorbing = n.kind == K.AND ? names.no() : names.yes();
            Name neutral = n.kind == K.AND ? names.yes() : names.no();
            for (Node side : new Node[] {n.left, n.right}) {
                if (side.kind == K.SYM && side.sym == absorbing) {
                    return sym(absorbing);
                }
            }
            if (n.left.kind == K.SYM && n.left.sym == neutral) {
                return n.right;
            }
            if (n.right.kind == K.SYM && n.right.sym == neutral) {
                return n.left;
            }
            return n;
        }

        private static Node sym(Name s) {
            Node n = new Node();
            n.kind = K.SYM;
            n.sym = s;
            return n;
        }

        private static Node copy(Node o) {
            Node n = new Node();
            n.set(o);
            if (o.left != null) {
                n.left = copy(o.left);
            }
            if (o.right != null) {
                n.right = copy(o.right);
            }
            return n;
        }

        private static Node toNode(Expr e) {
            Node n = new Node();
            if (e instanceof Expr.Sym s) {
                n.kind = K.SYM;
                n.sym = s.name();
            } else if (e instanceof Expr.Not x) {
                n.kind = K.NOT;
                n.left = toNode(x.operand());
            } else if (e instanceof Expr.And a) {
                n.kind = K.AND;
                n.left = toNode(a.left());
                n.right = toNode(a.right());
            } else if (e instanceof Expr.Or o) {
                n.kind = K.OR;
                n.left = toNode(o.left());
                n.right = toNode(o.right());
            } else {
                n.kind = K.CMP;
                n.cmp = (Expr.Compare) e;
            }
            return n;
        }

        private static Expr toExpr(Node n) {
            return switch (n.kind) {
                case SYM -> new Expr.Sym(n.sym);
                case NOT -> new Expr.Not(toExpr(n.left));
                case AND -> new Expr.And(toExpr(n.left), toExpr(n.right));
                case OR -> new Expr.Or(toExpr(n.left), toExpr(n.right));
                case CMP -> n.cmp;
            };
        }
    }
}
