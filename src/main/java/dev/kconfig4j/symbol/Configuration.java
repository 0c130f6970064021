package dev.kconfig4j.symbol;

import dev.kconfig4j.dialect.Dialect;
import dev.kconfig4j.expr.Expr;
import dev.kconfig4j.expr.Name;
import dev.kconfig4j.expr.Tristate;
import dev.kconfig4j.expr.Type;
import dev.kconfig4j.expr.Valuation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * The values of every symbol of one tree for one set of user assignments.
 *
 * <p>User values (from a config file or set by a tool) are the input; every other value is
 * computed from them on demand and memoized until the next change of a user value. This class
 * is the one place where a symbol's value is decided, so the rules are documented where they
 * are applied:
 * <ul>
 *   <li>A symbol is <em>visible</em> when one of its prompts' conditions holds. Only a visible
 *       symbol takes its user value, limited by the visibility ({@code m}-visible caps at m).</li>
 *   <li>Otherwise the first {@code default} whose condition holds gives the value (ANDed with
 *       that condition), and {@code imply} raises it, but only within the direct dependencies.</li>
 *   <li>{@code select} (the reverse dependency) is a lower bound on everything, even on user
 *       values and even against unmet direct dependencies (the kernel warns then).</li>
 *   <li>A bool rounds m up to y; without modules, tristates act as bools. (An imply of y does
 *       not round a user's m up: imply is only a default.)</li>
 *   <li>int and hex values are clamped into the first active {@code range}.</li>
 *   <li>A {@code transitional} symbol takes the value the input gave it although it has no
 *       prompt, so that other symbols' defaults can carry it over; it is never written.</li>
 *   <li>A symbol is written to {@code .config} when it is visible, or got a non-n value from a
 *       default, select or imply; choices decide their members (see {@link Dialect#choicesByPriority()}).</li>
 * </ul>
 */
public final class Configuration implements Valuation {
    // A symbol's memo is valid while its stamp equals the current pass; invalidating is O(1).
    private int pass = 1;

    private final SymbolTable table;
    private final Dialect dialect;
    private final Symbol modules;

    // ---- input ----
    private final boolean[] hasUser;
    private final Tristate[] userTri;
    private final String[] userString;
    /** Up to 6.1: the member a choice's input set to y (the choice's user value). */
    private final Symbol[] choiceSelection;
    /** From 6.11: when each choice member was last named in the input (0: never); later is higher priority. */
    private final long[] priorityStamp;
    private long stampCounter;

    // ---- memoized results ----
    /** The pass in which a symbol's computation started, and whether it finished. */
    private final int[] started;
    private final boolean[] finished;
    private final Tristate[] tri;
    private final String[] string;
    private final boolean[] write;
    private final Tristate[] visible;
    private final int[] visibleDone;
    private final Tristate[] dirDep;
    private final Tristate[] revDep;
    private final Tristate[] implied;
    private final int[] depsDone;
    private final Symbol[] chosen;
    private final ValueSource[] source;
    private final Tristate[] base;
    private Tristate modulesValue;

    private Consumer<Symbol> unmetDependencyListener = s -> { };

    public Configuration(SymbolTable table, Dialect dialect, Symbol modules) {
        this.table = table;
        this.dialect = dialect;
        this.modules = modules;
        int n = table.size();
        hasUser = new boolean[n];
        userTri = new Tristate[n];
        userString = new String[n];
        choiceSelection = new Symbol[n];
        priorityStamp = new long[n];
        started = new int[n];
        finished = new boolean[n];
        tri = new Tristate[n];
        string = new String[n];
        write = new boolean[n];
        visible = new Tristate[n];
        visibleDone = new int[n];
        dirDep = new Tristate[n];
        revDep = new Tristate[n];
        implied = new Tristate[n];
        depsDone = new int[n];
        chosen = new Symbol[n];
        source = new ValueSource[n];
        base = new Tristate[n];
    }

    public SymbolTable symbols() {
        return table;
    }

    /**
     * A new configuration with the same user values (and choice bookkeeping) and nothing
     * computed yet: for trying changes without reading the input again.
     */
    public Configuration copyUserValues() {
        Configuration c = new Configuration(table, dialect, modules);
        System.arraycopy(hasUser, 0, c.hasUser, 0, hasUser.length);
        System.arraycopy(userTri, 0, c.userTri, 0, userTri.length);
        System.arraycopy(userString, 0, c.userString, 0, userString.length);
        System.arraycopy(choiceSelection, 0, c.choiceSelection, 0, choiceSelection.length);
        System.arraycopy(priorityStamp, 0, c.priorityStamp, 0, priorityStamp.length);
        c.stampCounter = stampCounter;
        return c;
    }

    public Dialect dialect() {
        return dialect;
    }

    /** Called (once per computation) for a symbol selected to a value above its direct dependencies. */
    public void onUnmetDependency(Consumer<Symbol> listener) {
        this.unmetDependencyListener = listener;
    }

    // ======================================================================
    // user values
    // ======================================================================

    public boolean hasUserValue(Symbol s) {
        return hasUser[s.id()];
    }

    public Tristate userTristate(Symbol s) {
        return hasUser[s.id()] ? userTri[s.id()] : null;
    }

    public String userString(Symbol s) {
        return hasUser[s.id()] ? userString[s.id()] : null;
    }

    /** Sets a bool/tristate user value (no validation against visibility: that happens when values are computed). */
    public void setUser(Symbol s, Tristate value) {
        hasUser[s.id()] = true;
        userTri[s.id()] = value;
        userString[s.id()] = value.text();
        invalidate();
    }

    /** Sets an int/hex/string user value; the text must already be valid for the type. */
    public void setUser(Symbol s, String value) {
        hasUser[s.id()] = true;
        userString[s.id()] = value;
        userTri[s.id()] = Tristate.NO;
        invalidate();
    }

    /**
     * Marks a symbol as set without changing its user value: what the kernel does to a
     * symbol whose own prompt is hidden but whose menu shows visible children.
     */
    public void markSet(Symbol s) {
        if (!hasUser[s.id()]) {
            hasUser[s.id()] = true;
            if (userTri[s.id()] == null) {
                userTri[s.id()] = Tristate.NO;
                userString[s.id()] = s.type().isTristateLike() ? "n" : "";
            }
            invalidate();
        }
    }

    public void clearUser(Symbol s) {
        forgetUser(s);
        invalidate();
    }

    /**
     * Drops the user value the way the kernel does after reading a config (up to 6.1), without
     * computing the other symbols again: what they computed from the old value stays until
     * something else changes. {@code recompute}: this symbol itself is computed again on its next
     * use (an out-of-range value); otherwise even its own value stays (an invisible symbol's).
     * A tristate choice read as y whose member is missing from the input keeps y this way.
     */
    public void dropUserAfterRead(Symbol s, boolean recompute) {
        forgetUser(s);
        if (recompute) {
            recomputeOnly(s);
        }
    }

    /**
     * Sets a user value the way the 5.10/6.1 randconfig sets the members of a choice it has just
     * drawn: only this symbol is computed again on its next use. Every value computed earlier from
     * its old value (a select of a member, a dependency on it) stays as it was until
     * {@link #invalidate()}, as the kernel clears only this symbol's "valid" mark.
     */
    public void setUserKeepingComputed(Symbol s, Tristate value) {
        keepingComputedValues(() -> setUser(s, value));
        recomputeOnly(s);
    }

    /** {@link #setChoiceUserSelection} that keeps every other computed value, like {@link #setUserKeepingComputed}. */
    public void setChoiceUserSelectionKeepingComputed(Symbol choice, Symbol member) {
        keepingComputedValues(() -> setChoiceUserSelection(choice, member));
        recomputeOnly(choice);
    }

    private void recomputeOnly(Symbol s) {
        int id = s.id();
        started[id] = 0;
        visibleDone[id] = 0;
        depsDone[id] = 0;
    }

    private void forgetUser(Symbol s) {
        hasUser[s.id()] = false;
        userTri[s.id()] = null;
        userString[s.id()] = null;
    }

    /**
     * Forgets every user value, as reading a config file does first. Up to 6.1 every choice then
     * counts as set (to n) until a visible member turns out to be missing from the input.
     */
    public void clearAllUserValues() {
        Arrays.fill(hasUser, false);
        Arrays.fill(userTri, null);
        Arrays.fill(userString, null);
        Arrays.fill(choiceSelection, null);
        Arrays.fill(priorityStamp, 0);
        if (!dialect.choicesByPriority()) {
            for (Symbol s : table.all()) {
                if (s.isChoice()) {
                    hasUser[s.id()] = true;
                    userTri[s.id()] = Tristate.NO;
                    userString[s.id()] = "n";
                }
            }
        }
        invalidate();
    }

    /** Up to 6.1: the choice's remembered selection (its user value). */
    public Symbol choiceUserSelection(Symbol choice) {
        return choiceSelection[choice.id()];
    }

    public void setChoiceUserSelection(Symbol choice, Symbol member) {
        choiceSelection[choice.id()] = member;
        invalidate();
    }

    /** From 6.11: a member named in the input moves to the front of its choice's priority order. */
    public void raisePriority(Symbol member) {
        priorityStamp[member.id()] = ++stampCounter;
        invalidate();
    }

    /** Forgets every computed value; the next question recomputes from the user values. */
    public void invalidate() {
        if (holdComputed) {
            return;
        }
        pass++;
        modulesValue = null;
    }

    /** While set, an expression computes every symbol it mentions (see {@link #evaluatingEveryOperand}). */
    private boolean everyOperand;

    /**
     * Runs {@code work} with expressions evaluated as the kernel evaluates them: every operand of
     * an {@code &&} or {@code ||} and every prompt's condition, even when the result is already
     * known. The values are the same; what differs is which symbols have been computed, which
     * shows where a computed value is kept while user values change (the 5.10/6.1 randconfig's
     * passes over the choices).
     */
    public void evaluatingEveryOperand(Runnable work) {
        boolean was = everyOperand;
        everyOperand = true;
        try {
            work.run();
        } finally {
            everyOperand = was;
        }
    }

    /** While set, recording user values forgets nothing computed (see {@link #keepingComputedValues}). */
    private boolean holdComputed;

    /**
     * Records user values without forgetting any computed value: what the kernel does when an
     * answer gives a bool/tristate symbol the value it already has (it computes again only after a
     * value changes). Values computed from an earlier state then stay until something changes:
     * up to 6.1 a tristate choice read as y whose member is missing from the input stays y
     * through an oldconfig or syncconfig whose answers all keep their values.
     */
    public void keepingComputedValues(Runnable record) {
        boolean was = holdComputed;
        holdComputed = true;
        try {
            record.run();
        } finally {
            holdComputed = was;
        }
    }

    /**
     * Computes every symbol once, as the kernel does right after reading a config: besides
     * values, this records each symbol's visibility, which later passes may consult without
     * recomputing it (see {@link #chooseByPriority}).
     */
    public void computeAll() {
        for (Symbol s : table.all()) {
            if (!s.isConstant()) {
                calc(s);
            }
        }
    }

    // ======================================================================
    // computed values
    // ======================================================================

    /** The symbol's tristate value ({@code n} for int, hex, string and unknown symbols). */
    public Tristate tristate(Symbol s) {
        if (s.isConstant()) {
            return constantTristate(s);
        }
        calc(s);
        return tri[s.id()];
    }

    /** The value as text: {@code n}/{@code m}/{@code y} for bool and tristate symbols, the name for unknown ones. */
    public String string(Symbol s) {
        if (s.isConstant()) {
            return s.name();
        }
        if (s.type().isTristateLike()) {
            return tristate(s).text();
        }
        calc(s);
        return string[s.id()];
    }

    /** Whether the symbol belongs in {@code .config}. */
    public boolean isWritten(Symbol s) {
        if (s.isConstant() || s.isChoice() || s.isFromEnvironment() || s.isDefconfigList() || s.isTransitional()) {
            return false;
        }
        calc(s);
        return write[s.id()];
    }

    /** Whether the user can set the symbol: the OR of its prompts' conditions. */
    public Tristate visibility(Symbol s) {
        int id = s.id();
        if (visibleDone[id] == pass) {
            return visible[id];
        }
        Tristate v = Tristate.NO;
        for (Property.Prompt p : s.prompts) {
            v = v.or(eval(p.condition()));
            if (v == Tristate.YES && !everyOperand) {
                break;
            }
        }
        if (v == Tristate.MOD && (s.type() != Type.TRISTATE || modules() == Tristate.NO)) {
            v = Tristate.YES;
        }
        visible[id] = v;
        visibleDone[id] = pass;
        return v;
    }

    /**
     * The visibility as last computed, without recomputing it: n if it never was. The kernel
     * keeps visibility in a field that only a symbol's own computation (or a choice examining
     * it) refreshes, and the 6.11+ choice logic reads that field; so do we, to give the same
     * results when user values change between computations (mod2noconfig and friends).
     */
    public Tristate lastVisibility(Symbol s) {
        Tristate v = visible[s.id()];
        return v == null ? Tristate.NO : v;
    }

    /** The value of the symbol's direct dependencies (y when it has none). */
    public Tristate directDependency(Symbol s) {
        computeDeps(s);
        return dirDep[s.id()];
    }

    /** The value of the symbol's reverse dependencies: the strongest select (n when none). */
    public Tristate reverseDependency(Symbol s) {
        computeDeps(s);
        return revDep[s.id()];
    }

    /** The strongest active imply of the symbol (n when none). */
    public Tristate impliedValue(Symbol s) {
        computeDeps(s);
        return implied[s.id()];
    }

    /** The value of the modules symbol; n when the tree has none. */
    public Tristate modules() {
        if (modulesValue == null) {
            modulesValue = modules == null ? Tristate.NO : tristate(modules);
        }
        return modulesValue;
    }

    /**
     * The type the symbol behaves as now: a tristate acts as a bool without modules, and (up to
     * 6.1) as a member of a choice in y mode.
     */
    public Type effectiveType(Symbol s) {
        Type t = s.type();
        if (t == Type.TRISTATE) {
            if (s.parentChoice() != null && (dialect.choicesByPriority() || visibility(s) == Tristate.YES)) {
                return Type.BOOL;
            }
            if (modules() == Tristate.NO) {
                return Type.BOOL;
            }
        }
        return t;
    }

    /** Which rule gave a symbol its value (before {@code select} raised it); see {@link #valueSource}. */
    public enum ValueSource {
        /** The user's value, limited by the visibility (and, for int/hex, clamped into the active range). */
        USER,
        /** No user value was taken: the first active default, raised by {@code imply} (or nothing: n, empty). */
        DEFAULT,
        /** A choice member whose value the choice decided. */
        CHOICE,
        /** A {@code transitional} symbol passing its input value through. */
        TRANSITIONAL
    }

    /** Which rule gave the symbol its value (for explanations); DEFAULT for constants. */
    public ValueSource valueSource(Symbol s) {
        if (s.isConstant()) {
            return ValueSource.DEFAULT;
        }
        calc(s);
        ValueSource v = source[s.id()];
        return v == null ? ValueSource.DEFAULT : v;
    }

    /**
     * A bool/tristate symbol's value as its {@link #valueSource} gave it, before {@code select}
     * raised it and a bool rounded m up: the difference to {@link #tristate} is what selects added.
     */
    public Tristate baseTristate(Symbol s) {
        if (s.isConstant()) {
            return constantTristate(s);
        }
        calc(s);
        Tristate v = base[s.id()];
        return v == null ? tri[s.id()] : v;
    }

    /** The first default whose condition holds, or null. */
    public Property.Default activeDefault(Symbol s) {
        for (Property.Default d : s.defaults) {
            if (eval(d.condition()) != Tristate.NO) {
                return d;
            }
        }
        return null;
    }

    /** The first range whose condition holds, or null. */
    public Property.Range activeRange(Symbol s) {
        for (Property.Range r : s.ranges) {
            if (eval(r.condition()) != Tristate.NO) {
                return r;
            }
        }
        return null;
    }

    /** The member a choice currently selects (null when none is visible). */
    public Symbol selection(Symbol choice) {
        if (dialect.choicesByPriority()) {
            for (Symbol m : choice.members) {
                if (tristate(m) == Tristate.YES) {
                    return m;
                }
            }
            return null;
        }
        if (tristate(choice) != Tristate.YES) {
            return null;
        }
        return chosen[choice.id()];
    }

    private Tristate constantTristate(Symbol s) {
        if (s == table.yes()) {
            return Tristate.YES;
        }
        if (s == table.mod()) {
            return Tristate.MOD;
        }
        return Tristate.NO;
    }

    private void computeDeps(Symbol s) {
        int id = s.id();
        if (depsDone[id] == pass) {
            return;
        }
        depsDone[id] = pass;
        if (s.parentChoice() != null && !dialect.choicesByPriority()) {
            // Up to 6.1 the dependencies of choice members are never evaluated: they stay n.
            dirDep[id] = Tristate.NO;
            revDep[id] = Tristate.NO;
            implied[id] = Tristate.NO;
            return;
        }
        boolean bool = effectiveType(s) == Type.BOOL;
        Tristate d = s.directDependency == null ? Tristate.YES : eval(s.directDependency);
        // A select or imply of a choice member is never evaluated (the choice alone decides
        // its members): the member stays changeable, so savedefconfig and listnewconfig name it.
        boolean member = s.parentChoice() != null;
        Tristate r = s.reverseDependency == null || member ? Tristate.NO : eval(s.reverseDependency);
        Tristate i = s.impliedBy == null || member ? Tristate.NO : eval(s.impliedBy);
        dirDep[id] = bool ? d.mToY() : d;
        revDep[id] = bool ? r.mToY() : r;
        implied[id] = bool ? i.mToY() : i;
    }

    private void calc(Symbol s) {
        int id = s.id();
        if (started[id] == pass) {
            if (!finished[id] && tri[id] == null) {
                tri[id] = Tristate.NO;
                string[id] = "";
            }
            return;
        }
        started[id] = pass;
        finished[id] = false;
        // What a recursive reference sees while this symbol is being computed.
        tri[id] = Tristate.NO;
        string[id] = s.type().isTristateLike() ? "n" : (s.type() == Type.UNKNOWN ? s.name() : "");
        write[id] = false;
        source[id] = ValueSource.DEFAULT;
        base[id] = null;
        switch (s.type()) {
            case BOOL, TRISTATE -> calcTristate(s);
            case INT, HEX, STRING -> calcText(s);
            default -> {
                tri[id] = Tristate.NO;
                string[id] = s.name() == null ? "" : s.name();
            }
        }
        finished[id] = true;
    }

    private void calcTristate(Symbol s) {
        int id = s.id();
        Tristate vis = visibility(s);
        boolean w = vis != Tristate.NO;
        Tristate val = Tristate.NO;
        boolean adopt = false;
        Symbol choice = s.parentChoice();
        if (choice != null && dialect.choicesByPriority()) {
            tri[id] = Tristate.NO;
            string[id] = "n";
            write[id] = w;
            source[id] = ValueSource.CHOICE;
            chooseByPriority(choice);
            return;
        }
        if (choice != null && vis == Tristate.YES) {
            calc(choice);
            val = chosen[choice.id()] == s && tri[choice.id()] == Tristate.YES ? Tristate.YES : Tristate.NO;
            source[id] = ValueSource.CHOICE;
            base[id] = val;
        } else {
            if (s.isTransitional() && hasUser[id]) {
                // A transitional symbol passes its old value through although it has no prompt.
                val = userTri[id];
                source[id] = ValueSource.TRANSITIONAL;
            } else if (vis != Tristate.NO && hasUser[id]) {
                val = userTri[id].and(vis);
                source[id] = ValueSource.USER;
            } else {
                if (reverseDependency(s) != Tristate.NO) {
                    w = true;
                }
                if (!s.isChoice()) {
                    Property.Default d = activeDefault(s);
                    adopt = adoptsTransitionalDefault(s, d);
                    if (d != null) {
                        val = eval(d.value()).and(eval(d.condition()));
                        if (val != Tristate.NO) {
                            w = true;
                        }
                    }
                    Tristate imp = impliedValue(s);
                    if (imp != Tristate.NO) {
                        w = true;
                        val = val.or(imp).and(directDependency(s));
                    }
                }
            }
            if (directDependency(s).compareTo(reverseDependency(s)) < 0) {
                unmetDependencyListener.accept(s);
            }
            base[id] = val;
            val = val.or(reverseDependency(s));
        }
        if (val == Tristate.MOD && effectiveType(s) == Type.BOOL) {
            val = Tristate.YES;
        }
        tri[id] = val;
        string[id] = val.text();
        write[id] = w;
        if (adopt) {
            hasUser[id] = true;
            userTri[id] = val;
            userString[id] = val.text();
        }
        if (s.isChoice() && !dialect.choicesByPriority()) {
            chosen[id] = null;
            if (val == Tristate.YES) {
                Symbol c = chooseBySelection(s);
                chosen[id] = c;
                if (c == null) {
                    tri[id] = Tristate.NO;
                    string[id] = "n";
                }
            }
        }
    }

    private void calcText(Symbol s) {
        int id = s.id();
        Tristate vis = visibility(s);
        boolean w = vis != Tristate.NO;
        String val = "";
        boolean valued = false;
        if ((vis != Tristate.NO || s.isTransitional()) && hasUser[id]) {
            valued = true;
            val = userString[id];
            source[id] = vis != Tristate.NO ? ValueSource.USER : ValueSource.TRANSITIONAL;
        } else {
            Property.Default d = activeDefault(s);
            if (d != null && d.value() instanceof Expr.Sym ds) {
                w = true;
                valued = true;
                val = string(table.symbol(ds.name()));
                if (adoptsTransitionalDefault(s, d)) {
                    hasUser[id] = true;
                    userString[id] = val;
                    userTri[id] = Tristate.NO;
                }
            }
        }
        if (!valued && dialect.emptyNumberIsZero() && (s.type() == Type.INT || s.type() == Type.HEX)) {
            val = s.type() == Type.INT ? "0" : "0x0";
        }
        val = clampToRange(s, val);
        tri[id] = Tristate.NO;
        string[id] = val;
        write[id] = w;
    }

    /**
     * Whether computing {@code s} with its active default {@code d} makes the value its user
     * value: {@link Dialect#adoptsTransitionalDefaults()}. Other symbols' values do not change,
     * so nothing computed needs to be forgotten.
     */
    private boolean adoptsTransitionalDefault(Symbol s, Property.Default d) {
        return d != null && dialect.adoptsTransitionalDefaults() && !hasUser[s.id()]
                && d.value() instanceof Expr.Sym ds && table.symbol(ds.name()).isTransitional() && hasUser[ds.name().id()];
    }

    /** int and hex values outside the active range become the nearest bound. */
    private String clampToRange(Symbol s, String val) {
        if (s.type() != Type.INT && s.type() != Type.HEX) {
            return val;
        }
        Property.Range r = activeRange(s);
        if (r == null) {
            return val;
        }
        int base = s.type() == Type.INT ? 10 : 16;
        long v = Numbers.parse(val, base);
        long low = rangeBound(r.low(), base);
        Symbol bound = r.low();
        if (v >= low) {
            long high = rangeBound(r.high(), base);
            if (v <= high) {
                return val;
            }
            bound = r.high();
        }
        // The bound as written (or its symbol's value), as the kernel writes it: a hex symbol
        // clamped to "range 10 20" is 20, not 0x20, and an int to "range 010 20" is 010
        // (checked against conf 5.10 and 7.3; found by the fuzzer).
        return string(bound);
    }

    /** A range bound's value: read in the bound symbol's own base if it is an int or hex symbol. */
    public long rangeBound(Symbol bound, int base) {
        int b = bound.type() == Type.INT ? 10 : bound.type() == Type.HEX ? 16 : base;
        return Numbers.parse(string(bound), b);
    }

    /** Whether {@code text} is acceptable for {@code s} including its active range (used when reading configs up to 6.1). */
    public boolean withinRange(Symbol s, String text) {
        if (!Numbers.isValid(s.type(), text)) {
            return false;
        }
        if (s.type() != Type.INT && s.type() != Type.HEX) {
            return true;
        }
        Property.Range r = activeRange(s);
        if (r == null) {
            return true;
        }
        int base = s.type() == Type.INT ? 10 : 16;
        long v = Numbers.parse(text, base);
        return v >= rangeBound(r.low(), base) && v <= rangeBound(r.high(), base);
    }

    // ======================================================================
    // choices
    // ======================================================================

    /** Up to 6.1: the remembered selection if visible, else the choice's default. */
    private Symbol chooseBySelection(Symbol choice) {
        for (Symbol m : choice.members) {
            if (visibility(m) != Tristate.NO && !hasUser[m.id()]) {
                // The choice counts as new (and may be asked again) while a visible member has no value.
                hasUser[choice.id()] = false;
            }
        }
        Symbol sel = choiceSelection[choice.id()];
        if (sel != null && visibility(sel) != Tristate.NO) {
            return sel;
        }
        return choiceDefault(choice);
    }

    /** The first active default naming a visible symbol, else the first visible member. */
    public Symbol choiceDefault(Symbol choice) {
        boolean field = dialect.choicesByPriority();
        for (Property.Default d : choice.defaults) {
            if (eval(d.condition()) == Tristate.NO) {
                continue;
            }
            if (d.value() instanceof Expr.Sym ds) {
                Symbol named = table.symbol(ds.name());
                if ((field ? lastVisibility(named) : visibility(named)) != Tristate.NO) {
                    return named;
                }
            }
        }
        for (Symbol m : choice.members) {
            if ((field ? lastVisibility(m) : visibility(m)) != Tristate.NO) {
                return m;
            }
        }
        return null;
    }

    /**
     * From 6.11: the first visible member set to y in priority order; else the default unless
     * the input set it to n; else the first visible member the input did not mention; else the
     * visible member of lowest priority. The chosen member becomes y, the other visible ones n.
     *
     * <p>Exactly as in the kernel, the priority scan refreshes visibility only for the members it
     * looks at (it stops at the first visible y); every later step, and the assignment of
     * values, reads the visibility each member had when it was last computed. After user values
     * change (mod2noconfig), a member hidden by the change but not looked at still counts as
     * visible and is written. It runs each time a member that is not yet computed asks.
     */
    private void chooseByPriority(Symbol choice) {
        List<Symbol> order = priorityOrder(choice);
        Symbol res = null;
        for (Symbol m : order) {
            if (visibility(m) == Tristate.NO) {
                continue;
            }
            if (hasUser[m.id()] && userTri[m.id()] == Tristate.YES) {
                res = m;
                break;
            }
        }
        if (res == null) {
            res = choiceDefault(choice);
            if (res != null && hasUser[res.id()] && userTri[res.id()] == Tristate.NO) {
                res = null;
            }
        }
        if (res == null) {
            for (Symbol m : choice.members) {
                if (lastVisibility(m) != Tristate.NO && !hasUser[m.id()]) {
                    res = m;
                    break;
                }
            }
        }
        if (res == null) {
            for (int i = order.size() - 1; i >= 0; i--) {
                if (lastVisibility(order.get(i)) != Tristate.NO) {
                    res = order.get(i);
                    break;
                }
            }
        }
        for (Symbol m : choice.members) {
            if (lastVisibility(m) == Tristate.NO) {
                continue;
            }
            int id = m.id();
            Tristate v = m == res ? Tristate.YES : Tristate.NO;
            tri[id] = v;
            string[id] = v.text();
            write[id] = true;
            source[id] = ValueSource.CHOICE;
            base[id] = v;
            if (started[id] != pass) {
                started[id] = pass;
                finished[id] = true;
            }
        }
    }

    /** Members by priority: those named in the input, latest first, then the rest in menu order. */
    public List<Symbol> priorityOrder(Symbol choice) {
        List<Symbol> named = new ArrayList<>();
        List<Symbol> rest = new ArrayList<>();
        for (Symbol m : choice.members) {
            (priorityStamp[m.id()] > 0 ? named : rest).add(m);
        }
        named.sort((a, b) -> Long.compare(priorityStamp[b.id()], priorityStamp[a.id()]));
        named.addAll(rest);
        return named;
    }

    // ======================================================================
    // expressions
    // ======================================================================

    /** The value of the symbol {@code name} names as conf shows it beside the name, null when it has no type. */
    @Override
    public String shownValue(Name name) {
        Symbol s = table.symbol(name);
        return s.type() == Type.UNKNOWN ? null : string(s);
    }

    /** The symbol {@code name} names in this configuration's tree. */
    public Symbol symbol(Name name) {
        return table.symbol(name);
    }

    /** Evaluates an expression; null (no condition) is y. */
    public Tristate eval(Expr e) {
        if (e == null) {
            return Tristate.YES;
        }
        if (e instanceof Expr.Sym s) {
            return tristate(table.symbol(s.name()));
        } else if (e instanceof Expr.And a) {
            Tristate l = eval(a.left());
            if (l == Tristate.NO && !everyOperand) {
                return Tristate.NO;
            }
            return l.and(eval(a.right()));
        } else if (e instanceof Expr.Or o) {
            Tristate l = eval(o.left());
            if (l == Tristate.YES && !everyOperand) {
                return Tristate.YES;
            }
            return l.or(eval(o.right()));
        } else if (e instanceof Expr.Not n) {
            return eval(n.operand()).not();
        }
        return compare((Expr.Compare) e);
    }

    private enum Kind { STRING, SIGNED, UNSIGNED }

    private record Num(Kind kind, long value) {
    }

    /** How a comparison reads a value: as a number in the symbol type's base if it parses completely, else as text. */
    private static Num parseForCompare(String str, Type type) {
        switch (type) {
            case BOOL, TRISTATE -> {
                long v = switch (str) {
                    case "n" -> 0;
                    case "m" -> 1;
                    case "y" -> 2;
                    default -> -1;
                };
                return new Num(Kind.SIGNED, v);
            }
            default -> {
            }
        }
        int base = type == Type.INT ? 10 : type == Type.HEX ? 16 : 0;
        Numbers.Parsed p = Numbers.strtoll(str, base);
        boolean ok = !p.overflow() && p.end() == str.length() && p.end() > 0
                && Character.digit(str.charAt(p.end() - 1), 16) >= 0;
        if (!ok) {
            return new Num(Kind.STRING, 0);
        }
        return new Num(type == Type.HEX ? Kind.UNSIGNED : Kind.SIGNED, p.value());
    }

    private Tristate compare(Expr.Compare c) {
        Symbol l = table.symbol(c.left());
        Symbol r = table.symbol(c.right());
        String s1 = string(l);
        String s2 = string(r);
        Num k1 = new Num(Kind.STRING, 0);
        Num k2 = new Num(Kind.STRING, 0);
        if (l.type() != Type.STRING || r.type() != Type.STRING) {
            k1 = parseForCompare(s1, l.type());
            k2 = parseForCompare(s2, r.type());
        }
        int res;
        if (k1.kind() == Kind.STRING || k2.kind() == Kind.STRING) {
            res = Integer.signum(s1.compareTo(s2));
        } else if (k1.kind() == Kind.UNSIGNED || k2.kind() == Kind.UNSIGNED) {
            res = Long.compareUnsigned(k1.value(), k2.value());
        } else {
            res = Long.compare(k1.value(), k2.value());
        }
        boolean b = switch (c.op()) {
            case EQUAL -> res == 0;
            case UNEQUAL -> res != 0;
            case LESS -> res < 0;
            case LESS_EQUAL -> res <= 0;
            case GREATER -> res > 0;
            case GREATER_EQUAL -> res >= 0;
        };
        return b ? Tristate.YES : Tristate.NO;
    }
}
