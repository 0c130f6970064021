package dev.kconfig4j.solve;

import dev.kconfig4j.expr.Expr;
import dev.kconfig4j.expr.Tristate;
import dev.kconfig4j.expr.Type;
import dev.kconfig4j.symbol.Configuration;
import dev.kconfig4j.symbol.Property;
import dev.kconfig4j.symbol.Symbol;
import dev.kconfig4j.symbol.SymbolTable;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.sat4j.core.VecInt;
import org.sat4j.minisat.SolverFactory;
import org.sat4j.specs.ContradictionException;
import org.sat4j.specs.ISolver;
import org.sat4j.specs.IVecInt;
import org.sat4j.specs.TimeoutException;

/**
 * What olddefconfig computes, as CNF over the user values of one config plus a "change" variable
 * per user-settable symbol: which lines could be added, and the values that follow.
 *
 * <p>A tristate value is two literals: {@code m} (value at least m) and {@code y} (value y), so
 * that {@code &&} is AND of both, {@code ||} is OR of both and {@code !} swaps and negates them;
 * a bool (and every tristate when modules are off) uses one literal for both. Expressions become
 * gates (Tseitin). The rules are those {@link Configuration} documents: a visible symbol with a
 * user value takes it (capped by the visibility), otherwise its first active default, raised by
 * imply within the direct dependencies; select raises everything; a bool rounds m up. A choice
 * picks its member as the 6.11+ priority rule does (or, up to 6.1, the remembered selection).
 *
 * <p>Only the <em>open</em> symbols (the cone around the request that the solver grows on demand)
 * are computed by their rules; every other symbol keeps the value it has in the original config.
 * Every rule of an open symbol, every such "frozen" value and every request is switched on by a
 * guard literal that is passed as an assumption, so that an unsatisfiable problem names the
 * rules that conflict (its core). int, hex and string values, and comparisons other than
 * {@code =}/{@code !=} between bool/tristate values, keep their original values.
 */
final class Encoding {
    /** A tristate value as literals: at least m, and y. */
    record Bits(int m, int y) {
    }

    /** What a guard switches on. */
    record Rule(Kind kind, Symbol symbol, Request request) {
        enum Kind { RULES, FROZEN, REQUEST }
    }

    private static final int MAX_COUNT = 12;

    private final ISolver sat = SolverFactory.newDefault();
    private final int yes;
    private final Configuration base;
    private final SymbolTable table;
    private final Set<Symbol> open;
    private final boolean modulesOn;
    private final boolean byPriority;

    private final Map<Symbol, Bits> values = new HashMap<>();
    private final Map<Symbol, Integer> change = new LinkedHashMap<>();
    private final Map<Symbol, Bits> freeUser = new HashMap<>();
    private final Map<Integer, Rule> guards = new LinkedHashMap<>();
    private final Deque<Symbol> pending = new ArrayDeque<>();
    private final Set<Symbol> encodedChoices = new HashSet<>();
    private final Map<Long, Integer> andGates = new HashMap<>();
    private final int blockGuard;
    private int[] total;
    private int[] changedUser;

    Encoding(Configuration base, Set<Symbol> open, long timeoutMs) {
        this.base = base;
        this.table = base.symbols();
        this.open = open;
        this.modulesOn = base.modules() != Tristate.NO;
        this.byPriority = base.dialect().choicesByPriority();
        sat.setTimeoutMs(timeoutMs);
        yes = newVar();
        clause(yes);
        blockGuard = newVar();
    }

    // ======================================================================
    // building
    // ======================================================================

    /** Adds a request: the literal that holds when the request does, switched on by its own guard. */
    void request(Request r) {
        Symbol s = r.symbol();
        int lit;
        if (r.isText()) {
            lit = visibility(s).m();
        } else {
            Bits v = value(s);
            Tristate want = r.tristate();
            lit = want == null ? v.m() : switch (want) {
                case YES -> v.y();
                case MOD -> and(v.m(), -v.y());
                case NO -> -v.m();
            };
        }
        clause(-guard(new Rule(Rule.Kind.REQUEST, s, r)), lit);
        settle();
    }

    /** Encodes the rules of every open symbol reached so far (called after requests are added). */
    private void settle() {
        while (!pending.isEmpty()) {
            Symbol s = pending.poll();
            if (s.parentChoice() != null) {
                encodeChoice(s.parentChoice());
            } else {
                encodeRules(s);
            }
        }
    }

    /** The literals of a symbol's value; an open symbol's rules are encoded later, any other is frozen. */
    Bits value(Symbol s) {
        Bits b = values.get(s);
        if (b != null) {
            return b;
        }
        if (s.isConstant() || !s.type().isTristateLike() || !s.isDefined() || s.isChoice()) {
            b = constant(base.tristate(s));
            values.put(s, b);
            return b;
        }
        int m = newVar();
        int y = boolLike(s) ? m : newVar();
        if (y != m) {
            clause(-y, m);
        }
        b = new Bits(m, y);
        values.put(s, b);
        if (open.contains(s)) {
            pending.add(s);
        } else {
            equate(guard(new Rule(Rule.Kind.FROZEN, s, null)), b, constant(base.tristate(s)));
        }
        return b;
    }

    private boolean boolLike(Symbol s) {
        return s.type() == Type.BOOL || !modulesOn || (s.parentChoice() != null && byPriority);
    }

    /** Whether a line may set the symbol: it has a prompt and a bool/tristate type. */
    static boolean settable(Symbol s) {
        return !s.isConstant() && !s.isChoice() && s.isDefined() && s.type().isTristateLike()
                && !s.prompts().isEmpty() && !s.isTransitional();
    }

    private Bits visibility(Symbol s) {
        Bits v = constant(Tristate.NO);
        for (Property.Prompt p : s.prompts()) {
            v = or(v, eval(p.condition()));
        }
        return s.type() != Type.TRISTATE || !modulesOn ? mToY(v) : v;
    }

    /** The change literal of a settable open symbol, and its free user value; the value must differ from the config's. */
    private int changeVar(Symbol s) {
        Integer c = change.get(s);
        if (c != null) {
            return c;
        }
        c = newVar();
        int m = newVar();
        int y = boolLike(s) ? m : newVar();
        if (y != m) {
            clause(-y, m);
        }
        Bits free = new Bits(m, y);
        change.put(s, c);
        freeUser.put(s, free);
        if (base.hasUserValue(s)) {
            clause(-c, -equal(free, constant(base.userTristate(s))));
        }
        return c;
    }

    /** Whether the symbol has a user value, and which, with the changes the solver may choose. */
    private record User(int has, Bits value) {
    }

    private User user(Symbol s) {
        boolean had = base.hasUserValue(s);
        Bits old = had ? constant(base.userTristate(s)) : constant(Tristate.NO);
        if (!settable(s)) {
            return new User(had ? yes : -yes, old);
        }
        int c = changeVar(s);
        return new User(had ? yes : c, ite(c, freeUser.get(s), old));
    }

    private void encodeRules(Symbol s) {
        boolean bool = boolLike(s);
        Bits vis = visibility(s);
        Bits dep = s.directDependency() == null ? constant(Tristate.YES) : eval(s.directDependency());
        Bits rev = s.reverseDependency() == null ? constant(Tristate.NO) : eval(s.reverseDependency());
        Bits imp = s.impliedBy() == null ? constant(Tristate.NO) : eval(s.impliedBy());
        if (bool) {
            dep = mToY(dep);
            rev = mToY(rev);
            imp = mToY(imp);
        }
        User u = user(s);
        int fromUser = and(u.has(), vis.m());
        Bits def = constant(Tristate.NO);
        List<Property.Default> defaults = s.defaults();
        for (int i = defaults.size() - 1; i >= 0; i--) {
            Property.Default d = defaults.get(i);
            Bits cond = eval(d.condition());
            def = ite(cond.m(), and(eval(d.value()), cond), def);
        }
        Bits computed = ite(imp.m(), and(or(def, imp), dep), def);
        Bits val = or(ite(fromUser, and(u.value(), vis), computed), rev);
        equate(guard(new Rule(Rule.Kind.RULES, s, null)), value(s), bool ? mToY(val) : val);
    }

    /**
     * A choice's members: the first that holds of (1) a member a new line sets to y (only one may),
     * (2) a visible member the config sets to y, in priority order, (3) the default unless the
     * config sets it to n, (4) the first visible member the config does not mention, (5) the
     * visible member of lowest priority. Up to 6.1: a new line, else the remembered selection, else
     * the default. The chosen member is y when visible; every other member n.
     */
    private void encodeChoice(Symbol choice) {
        if (!encodedChoices.add(choice)) {
            return;
        }
        List<Symbol> members = choice.members();
        Map<Symbol, Integer> visible = new HashMap<>();
        Map<Symbol, User> users = new HashMap<>();
        for (Symbol m : members) {
            value(m);
            visible.put(m, visibility(m).m());
            users.put(m, user(m));
        }
        List<int[]> entries = new ArrayList<>();
        List<Symbol> entryMember = new ArrayList<>();
        List<Integer> newY = new ArrayList<>();
        for (Symbol m : members) {
            Integer c = change.get(m);
            if (c != null) {
                int setY = and(c, freeUser.get(m).y());
                for (int other : newY) {
                    clause(-setY, -other);
                }
                newY.add(setY);
                entries.add(new int[] {and(visible.get(m), setY)});
                entryMember.add(m);
            }
        }
        if (byPriority) {
            for (Symbol m : base.priorityOrder(choice)) {
                if (base.hasUserValue(m) && base.userTristate(m) == Tristate.YES) {
                    Integer c = change.get(m);
                    entries.add(new int[] {and(visible.get(m), c == null ? yes : -c)});
                    entryMember.add(m);
                }
            }
        } else {
            Symbol remembered = base.choiceUserSelection(choice);
            if (remembered != null && visible.containsKey(remembered)) {
                entries.add(new int[] {visible.get(remembered)});
                entryMember.add(remembered);
            }
        }
        // The default: the first active default naming a visible member, else the first visible member.
        List<Integer> dflt = new ArrayList<>();
        List<Symbol> dfltMember = new ArrayList<>();
        for (Property.Default d : choice.defaults()) {
            Symbol named = d.value() instanceof Expr.Sym ds ? table.symbol(ds.name()) : null;
            if (named != null && visible.containsKey(named)) {
                dflt.add(and(eval(d.condition()).m(), visible.get(named)));
                dfltMember.add(named);
            }
        }
        for (Symbol m : members) {
            dflt.add(visible.get(m));
            dfltMember.add(m);
        }
        Map<Symbol, Integer> isDefault = firstTrue(dflt, dfltMember);
        for (Symbol m : members) {
            User u = users.get(m);
            int setToN = byPriority ? and(u.has(), -u.value().y()) : -yes;
            entries.add(new int[] {and(isDefault.getOrDefault(m, -yes), -setToN)});
            entryMember.add(m);
        }
        if (byPriority) {
            for (Symbol m : members) {
                entries.add(new int[] {and(visible.get(m), -users.get(m).has())});
                entryMember.add(m);
            }
            List<Symbol> order = base.priorityOrder(choice);
            for (int i = order.size() - 1; i >= 0; i--) {
                entries.add(new int[] {visible.get(order.get(i))});
                entryMember.add(order.get(i));
            }
        }
        List<Integer> conds = entries.stream().map(e -> e[0]).toList();
        Map<Symbol, Integer> chosen = firstTrue(conds, entryMember);
        for (Symbol m : members) {
            int on = and(visible.get(m), chosen.getOrDefault(m, -yes));
            equate(guard(new Rule(Rule.Kind.RULES, m, null)), value(m), new Bits(on, on));
        }
    }

    /** For a list of conditions naming members: per member, whether the first condition that holds names it. */
    private Map<Symbol, Integer> firstTrue(List<Integer> conds, List<Symbol> members) {
        Map<Symbol, Integer> out = new HashMap<>();
        int before = -yes;
        for (int i = 0; i < conds.size(); i++) {
            int taken = and(conds.get(i), -before);
            out.merge(members.get(i), taken, this::or);
            before = or(before, conds.get(i));
        }
        return out;
    }

    Bits eval(Expr e) {
        if (e == null) {
            return constant(Tristate.YES);
        }
        if (e instanceof Expr.Sym s) {
            return value(table.symbol(s.name()));
        } else if (e instanceof Expr.Not n) {
            Bits v = eval(n.operand());
            return new Bits(-v.y(), -v.m());
        } else if (e instanceof Expr.And a) {
            return and(eval(a.left()), eval(a.right()));
        } else if (e instanceof Expr.Or o) {
            return or(eval(o.left()), eval(o.right()));
        }
        Expr.Compare c = (Expr.Compare) e;
        if ((c.op() == Expr.CompareOp.EQUAL || c.op() == Expr.CompareOp.UNEQUAL)
                && tristateOperand(table.symbol(c.left())) && tristateOperand(table.symbol(c.right()))) {
            int eq = equal(value(table.symbol(c.left())), value(table.symbol(c.right())));
            int res = c.op() == Expr.CompareOp.EQUAL ? eq : -eq;
            return new Bits(res, res);
        }
        return constant(base.eval(e));
    }

    private boolean tristateOperand(Symbol s) {
        if (s.isConstant()) {
            return s == table.yes() || s == table.mod() || s == table.no();
        }
        return s.type().isTristateLike() && s.isDefined();
    }

    // ======================================================================
    // solving
    // ======================================================================

    /** Whether some choice of lines satisfies every switched-on rule (blocked candidates included when asked). */
    boolean solve(Collection<Integer> off, boolean withBlocked, int... extra) throws TimeoutException {
        settle();
        IVecInt assumptions = new VecInt();
        for (int g : guards.keySet()) {
            if (!off.contains(g)) {
                assumptions.push(g);
            }
        }
        assumptions.push(withBlocked ? blockGuard : -blockGuard);
        for (int x : extra) {
            assumptions.push(x);
        }
        return sat.isSatisfiable(assumptions);
    }

    /** The guards of the last unsatisfiable call that were needed (not necessarily minimal). */
    Set<Integer> explanation() {
        IVecInt ex = sat.unsatExplanation();
        Set<Integer> out = new HashSet<>();
        if (ex != null) {
            for (int i = 0; i < ex.size(); i++) {
                int lit = Math.abs(ex.get(i));
                if (guards.containsKey(lit)) {
                    out.add(lit);
                }
            }
        }
        return out;
    }

    /**
     * A minimal set of guards that cannot hold together: deletion-based, starting from the
     * solver's explanation. Only called after an unsatisfiable {@link #solve}.
     */
    Set<Integer> minimalCore() throws TimeoutException {
        Set<Integer> core = explanation();
        if (core.isEmpty()) {
            core = new HashSet<>(guards.keySet());
        }
        for (Integer g : new ArrayList<>(core)) {
            if (!core.contains(g)) {
                continue;
            }
            Set<Integer> without = new HashSet<>(core);
            without.remove(g);
            Set<Integer> off = new HashSet<>(guards.keySet());
            off.removeAll(without);
            if (!solve(off, false)) {
                Set<Integer> smaller = explanation();
                smaller.retainAll(without);
                core = smaller.isEmpty() ? without : smaller;
            }
        }
        return core;
    }

    Rule rule(int guard) {
        return guards.get(guard);
    }

    /**
     * Finds a model with the fewest changes, then the fewest changes of values the config already
     * had, then the fewest changed values among the open symbols; honouring blocked candidates.
     * Returns whether one exists; {@link #minimum()} tells whether the count was proven smallest.
     */
    boolean optimize() throws TimeoutException {
        if (!solve(Set.of(), true)) {
            return false;
        }
        if (total == null) {
            total = atLeast(new ArrayList<>(change.values()), MAX_COUNT);
            changedUser = atLeast(changedUserLits(), MAX_COUNT);
        }
        int k = count(change.values());
        proven = false;
        for (int bound = 0; bound < k && bound + 1 < total.length; bound++) {
            if (solve(Set.of(), true, -total[bound + 1])) {
                k = bound;
                proven = true;
                break;
            }
        }
        if (!proven && k + 1 >= total.length) {
            bounds = new int[0];
            return solve(Set.of(), true); // more changes than the counter counts: any model, unproven
        }
        proven = true;
        bounds = new int[] {-total[k + 1]};
        for (int j = 0; j + 1 < changedUser.length; j++) {
            if (solve(Set.of(), true, -total[k + 1], -changedUser[j + 1])) {
                bounds = new int[] {-total[k + 1], -changedUser[j + 1]};
                break;
            }
        }
        // Last: the fewest changed values of open symbols (the side effects the model sees).
        if (diff == null) {
            for (Map.Entry<Symbol, Bits> e : values.entrySet()) {
                if (open.contains(e.getKey())) {
                    differs.add(-equal(e.getValue(), constant(base.tristate(e.getKey()))));
                }
            }
            diff = atLeast(differs, MAX_DIFF);
        }
        solve(Set.of(), true, bounds);
        for (int d = countTrue(differs); d > 0; d = countTrue(differs)) {
            int[] tighter = java.util.Arrays.copyOf(bounds, bounds.length + 1);
            tighter[bounds.length] = -diff[Math.min(d, diff.length - 1)];
            if (!solve(Set.of(), true, tighter)) {
                break;
            }
            bounds = tighter;
        }
        return solve(Set.of(), true, bounds);
    }

    private static final int MAX_DIFF = 24;
    private final List<Integer> differs = new ArrayList<>();
    private int[] diff;

    private int countTrue(List<Integer> lits) {
        int n = 0;
        for (int l : lits) {
            if (truth(l)) {
                n++;
            }
        }
        return n;
    }


    /** The bounds the last successful {@link #optimize()} proved smallest (empty when unproven). */
    private int[] bounds = new int[0];


    private boolean proven;

    /** Whether the last {@link #optimize()} proved its count of changes smallest. */
    boolean minimum() {
        return proven;
    }

    private List<Integer> changedUserLits() {
        List<Integer> out = new ArrayList<>();
        for (Map.Entry<Symbol, Integer> e : change.entrySet()) {
            if (base.hasUserValue(e.getKey())) {
                out.add(e.getValue());
            }
        }
        return out;
    }

    private int count(Collection<Integer> lits) {
        int n = 0;
        for (int l : lits) {
            if (sat.model(l)) {
                n++;
            }
        }
        return n;
    }

    /** The changes of the last model: symbol to value ({@code n}, {@code m}, {@code y}). */
    Map<Symbol, Tristate> changes() {
        Map<Symbol, Tristate> out = new LinkedHashMap<>();
        for (Map.Entry<Symbol, Integer> e : change.entrySet()) {
            if (sat.model(e.getValue())) {
                Bits u = freeUser.get(e.getKey());
                out.put(e.getKey(), sat.model(u.y()) ? Tristate.YES : sat.model(u.m()) ? Tristate.MOD : Tristate.NO);
            }
        }
        return out;
    }

    /** The symbol's value in the last model (for symbols the encoding knows). */
    Tristate modelValue(Symbol s) {
        Bits b = values.get(s);
        if (b == null) {
            return null;
        }
        return truth(b.y()) ? Tristate.YES : truth(b.m()) ? Tristate.MOD : Tristate.NO;
    }

    private boolean truth(int lit) {
        if (lit == yes) {
            return true;
        }
        if (lit == -yes) {
            return false;
        }
        return lit > 0 ? sat.model(lit) : !sat.model(-lit);
    }

    /** Symbols whose value is frozen at the original. */
    Set<Symbol> frozen() {
        Set<Symbol> out = new HashSet<>();
        for (Rule r : guards.values()) {
            if (r.kind() == Rule.Kind.FROZEN) {
                out.add(r.symbol());
            }
        }
        return out;
    }

    /** Rules out exactly this set of changes (a candidate that failed verification). */
    void block(Map<Symbol, Tristate> changes) {
        IVecInt c = new VecInt();
        c.push(-blockGuard);
        for (Map.Entry<Symbol, Integer> e : change.entrySet()) {
            Tristate v = changes.get(e.getKey());
            if (v == null) {
                c.push(e.getValue());
            } else {
                c.push(-and(e.getValue(), equal(freeUser.get(e.getKey()), constant(v))));
            }
        }
        for (Symbol s : changes.keySet()) {
            if (!change.containsKey(s)) {
                return; // a change this encoding cannot make: nothing to block
            }
        }
        add(c);
    }

    /** Sinz's sequential counter: out[j] is implied when at least j of {@code xs} hold (j = 1..K+1). */
    private int[] atLeast(List<Integer> xs, int max) {
        int k = Math.min(max, xs.size()) + 1;
        int[] prev = new int[k + 1];
        java.util.Arrays.fill(prev, -yes);
        for (int x : xs) {
            int[] cur = new int[k + 1];
            cur[0] = yes;
            for (int j = 1; j <= k; j++) {
                cur[j] = newVar();
                clause(-prev[j], cur[j]);
                if (j == 1) {
                    clause(-x, cur[j]);
                } else {
                    clause(-prev[j - 1], -x, cur[j]);
                }
            }
            prev = cur;
        }
        return prev;
    }

    // ======================================================================
    // gates
    // ======================================================================

    private int newVar() {
        return sat.nextFreeVarId(true);
    }

    private int guard(Rule r) {
        int g = newVar();
        guards.put(g, r);
        return g;
    }

    private void clause(int... lits) {
        add(new VecInt(lits));
    }

    private void add(IVecInt c) {
        try {
            sat.addClause(c);
        } catch (ContradictionException e) {
            throw new IllegalStateException("contradiction while encoding: " + c, e);
        }
    }

    Bits constant(Tristate t) {
        return switch (t) {
            case NO -> new Bits(-yes, -yes);
            case MOD -> new Bits(yes, -yes);
            case YES -> new Bits(yes, yes);
        };
    }

    private void equate(int g, Bits a, Bits b) {
        clause(-g, -a.m(), b.m());
        clause(-g, a.m(), -b.m());
        if (a.y() != a.m() || b.y() != b.m()) {
            clause(-g, -a.y(), b.y());
            clause(-g, a.y(), -b.y());
        }
    }

    private int and(int a, int b) {
        if (a == -yes || b == -yes || a == -b) {
            return -yes;
        }
        if (a == yes || a == b) {
            return b;
        }
        if (b == yes) {
            return a;
        }
        long key = a < b ? ((long) a << 32) ^ (b & 0xffffffffL) : ((long) b << 32) ^ (a & 0xffffffffL);
        Integer known = andGates.get(key);
        if (known != null) {
            return known;
        }
        int v = newVar();
        clause(-v, a);
        clause(-v, b);
        clause(v, -a, -b);
        andGates.put(key, v);
        return v;
    }

    private int or(int a, int b) {
        return -and(-a, -b);
    }

    private int ite(int c, int a, int b) {
        if (c == yes || a == b) {
            return a;
        }
        if (c == -yes) {
            return b;
        }
        return or(and(c, a), and(-c, b));
    }

    private int equal(Bits a, Bits b) {
        return and(iff(a.m(), b.m()), iff(a.y(), b.y()));
    }

    private int iff(int a, int b) {
        return or(and(a, b), and(-a, -b));
    }

    private Bits and(Bits a, Bits b) {
        return new Bits(and(a.m(), b.m()), and(a.y(), b.y()));
    }

    private Bits or(Bits a, Bits b) {
        return new Bits(or(a.m(), b.m()), or(a.y(), b.y()));
    }

    private Bits ite(int c, Bits a, Bits b) {
        return new Bits(ite(c, a.m(), b.m()), ite(c, a.y(), b.y()));
    }

    private static Bits mToY(Bits b) {
        return new Bits(b.m(), b.m());
    }
}
