package dev.kconfig4j.conf;

import dev.kconfig4j.Kconfig;
import dev.kconfig4j.diagnostic.KconfigException;
import dev.kconfig4j.dialect.Dialect;
import dev.kconfig4j.expr.Tristate;
import dev.kconfig4j.expr.Type;
import dev.kconfig4j.menu.Menu;
import dev.kconfig4j.symbol.Configuration;
import dev.kconfig4j.symbol.Symbol;
import dev.kconfig4j.symbol.SymbolHashOrder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code --randconfig}: random values drawn exactly as the kernel draws them, so that the same
 * {@code KCONFIG_SEED} gives the same {@code .config} as the kernel's {@code conf}.
 *
 * <h2>Seed</h2>
 * {@code KCONFIG_SEED} is read like C's {@code strtol(s, &end, 0)} (decimal, {@code 0x} hex or
 * {@code 0} octal, optional leading blanks and sign) and kept as its low 32 bits; it counts only
 * when the whole text was a number. Otherwise a seed is made from the clock. Either way the seed
 * is announced as {@code KCONFIG_SEED=0x%X}: on standard error in 5.10, on standard output from
 * 6.1. The numbers come from glibc's {@code srand}/{@code rand} ({@link GlibcRandom}).
 *
 * <h2>Probabilities</h2>
 * {@code KCONFIG_PROBABILITY} holds up to three percentages separated by {@code :}, each read
 * like {@code strtol(s, &end, 10)} (text that is not a number reads as 0 and is stepped over
 * without advancing, so {@code "abc"} means {@code 0:0:0}). One value {@code N}: bool y with N%,
 * tristate m with N/2% and y with the rest of N. Two values {@code Y:M}: tristate y and m, bool y
 * with Y+M. Three values {@code B:Y:M}. Defaults 50 / 33 / 33. A value outside 0..100, or
 * tristate y + m above 100, is fatal ({@code KCONFIG_PROBABILITY: Numerical result out of range}).
 * Each symbol draws {@code rand() % 100}; the symbol's declared type (not its current one: a
 * tristate without modules still draws as a tristate) picks the thresholds.
 *
 * <h2>Which symbols draw, and in which order: the one version switch ({@link #menuWalk})</h2>
 * <ul>
 *   <li><b>6.12</b> walks the menu tree once. Every prompted bool/tristate node whose symbol has
 *       no user value draws, except choice members. At a choice node, the choice's members
 *       without user value (counted over the choice's sub-tree) are all set to y one after the
 *       other: each round draws {@code rand() % remaining} to pick one of the remaining members
 *       (in menu order), which then goes behind every other member in the choice's priority
 *       order. So the first pick that is visible becomes the selection, unless a member set to y
 *       by KCONFIG_ALLCONFIG is visible.</li>
 *   <li><b>5.10 and 6.1</b> walk the symbol hash table: 9973 buckets indexed by the 32-bit FNV-1
 *       hash of the name (anonymous choices in bucket 0), each bucket listing the newest symbol
 *       first. Symbols are created as the parser first meets their names, which is our
 *       {@link Symbol#id()} order. First, every bool/tristate symbol without a user value draws,
 *       choices and their members included; a choice keeps its draw aside (it does not count as
 *       set). Then, in the same order, every choice without a user value whose value is y draws
 *       {@code rand() % members} (all members, visible or not): the drawn member becomes the
 *       choice's selection and y, every other member n, and the choice takes its aside value as
 *       user value. A choice in m mode (a tristate choice with modules) or n is left alone; it keeps its
 *       members' own draws. The kernel repeats the pass over choices while one was
 *       randomised, since a selection can make a later-examined choice become y.</li>
 * </ul>
 */
public final class RandomConfig {

    private RandomConfig() {
    }

    /** The three thresholds in percent: bool y, tristate y, tristate m. */
    record Probabilities(int boolYes, int triYes, int triMod) {
    }

    /** Sets random user values for every symbol the input (KCONFIG_ALLCONFIG) did not set. */
    public static void apply(Kconfig tree, Configuration config, ConfRequest req) {
        apply(tree, config, req, announceSeed(req, tree.dialect()));
    }

    /**
     * Picks the seed and prints {@code KCONFIG_SEED=0x...} as the kernel does (stderr in 5.10,
     * stdout later). The kernel prints it before parsing the tree, so a caller that wants the
     * same message order calls this first and then {@link #apply(Kconfig, Configuration, ConfRequest, int)}.
     */
    public static int announceSeed(ConfRequest req, Dialect dialect) {
        int seed = seed(req.env("KCONFIG_SEED"));
        String line = "KCONFIG_SEED=0x" + Integer.toHexString(seed).toUpperCase(java.util.Locale.ROOT);
        if (dialect.randconfigSeedOnStderr()) {
            req.err().println(line);
            req.err().flush();
        } else {
            req.out().println(line);
            req.out().flush();
        }
        return seed;
    }

    /** Sets random values drawn from {@code srand(seed)}. */
    public static void apply(Kconfig tree, Configuration config, ConfRequest req, int seed) {
        Probabilities p = probabilities(req.env("KCONFIG_PROBABILITY"));
        GlibcRandom rnd = new GlibcRandom(seed);
        if (menuWalk(tree.dialect())) {
            applyByMenu(tree, config, p, rnd);
        } else {
            applyByHash(tree, config, p, rnd);
        }
    }

    /**
     * The version switch: from 6.11 (choices reworked) the kernel walks the menu tree; up to 6.10
     * it walks its symbol hash table and re-randomises choices in a loop.
     */
    static boolean menuWalk(Dialect dialect) {
        return dialect.choicesByPriority();
    }

    // ----------------------------------------------------------------------------------------
    // seed and probabilities
    // ----------------------------------------------------------------------------------------

    /** The seed from KCONFIG_SEED, or one from the clock when it is unset or not entirely a number. */
    static int seed(String env) {
        if (env != null && !env.isEmpty()) {
            StrtolResult r = strtol(env, 0, 0);
            if (r.end() == env.length()) {
                return (int) r.value();
            }
        }
        long micros = java.time.Instant.now().getNano() / 1000;
        long secs = System.currentTimeMillis() / 1000;
        return (int) ((secs + 1) * (micros + 1));
    }

    /** Parses KCONFIG_PROBABILITY; throws (already reported text) for out-of-range values. */
    static Probabilities probabilities(String env) {
        int pby = 50;
        int pty = 33;
        int ptm = 33;
        int[] p = new int[3];
        int n = 0;
        int pos = 0;
        while (env != null && pos < env.length()) {
            StrtolResult r = strtol(env, pos, 10);
            long v = r.value();
            if (v < 0 || v > 100) {
                throw outOfRange();
            }
            p[n++] = (int) v;
            pos = r.end() < env.length() && env.charAt(r.end()) == ':' ? r.end() + 1 : r.end();
            if (n >= 3) {
                break;
            }
        }
        switch (n) {
            case 1 -> {
                pby = p[0];
                ptm = pby / 2;
                pty = pby - ptm;
            }
            case 2 -> {
                pty = p[0];
                ptm = p[1];
                pby = pty + ptm;
            }
            case 3 -> {
                pby = p[0];
                pty = p[1];
                ptm = p[2];
            }
            default -> {
            }
        }
        if (pty + ptm > 100) {
            throw outOfRange();
        }
        return new Probabilities(pby, pty, ptm);
    }

    private static KconfigException outOfRange() {
        return new KconfigException("KCONFIG_PROBABILITY: Numerical result out of range");
    }

    /** What C's strtol returns: the value (clamped to the long range) and where parsing ended. */
    record StrtolResult(long value, int end) {
    }

    /** C's {@code strtol(s + start, &end, base)} for base 0 or 10. */
    static StrtolResult strtol(String s, int start, int base) {
        int i = start;
        int len = s.length();
        while (i < len && isCSpace(s.charAt(i))) {
            i++;
        }
        boolean negative = false;
        if (i < len && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
            negative = s.charAt(i) == '-';
            i++;
        }
        if (base == 0) {
            if (i + 1 < len && s.charAt(i) == '0' && (s.charAt(i + 1) == 'x' || s.charAt(i + 1) == 'X')
                    && i + 2 < len && Character.digit(s.charAt(i + 2), 16) >= 0 && s.charAt(i + 2) < 128) {
                base = 16;
                i += 2;
            } else if (i < len && s.charAt(i) == '0') {
                base = 8;
            } else {
                base = 10;
            }
        }
        int digitsStart = i;
        java.math.BigInteger acc = java.math.BigInteger.ZERO;
        java.math.BigInteger b = java.math.BigInteger.valueOf(base);
        while (i < len && s.charAt(i) < 128 && Character.digit(s.charAt(i), base) >= 0) {
            acc = acc.multiply(b).add(java.math.BigInteger.valueOf(Character.digit(s.charAt(i), base)));
            i++;
        }
        if (i == digitsStart) {
            return new StrtolResult(0, start);
        }
        if (negative) {
            acc = acc.negate();
        }
        long v;
        if (acc.compareTo(java.math.BigInteger.valueOf(Long.MAX_VALUE)) > 0) {
            v = Long.MAX_VALUE;
        } else if (acc.compareTo(java.math.BigInteger.valueOf(Long.MIN_VALUE)) < 0) {
            v = Long.MIN_VALUE;
        } else {
            v = acc.longValue();
        }
        return new StrtolResult(v, i);
    }

    private static boolean isCSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000b' || c == '\f' || c == '\r';
    }

    /** One draw: the value for a symbol of declared type {@code type}. */
    private static Tristate draw(GlibcRandom rnd, Probabilities p, Type type) {
        int cnt = rnd.nextMod(100);
        if (type == Type.TRISTATE) {
            if (cnt < p.triYes()) {
                return Tristate.YES;
            }
            if (cnt < p.triYes() + p.triMod()) {
                return Tristate.MOD;
            }
            return Tristate.NO;
        }
        return cnt < p.boolYes() ? Tristate.YES : Tristate.NO;
    }

    // ----------------------------------------------------------------------------------------
    // 6.12: the menu walk
    // ----------------------------------------------------------------------------------------

    private static void applyByMenu(Kconfig tree, Configuration config, Probabilities p, GlibcRandom rnd) {
        for (Menu m : tree.menusInOrder()) {
            Symbol s = m.symbol();
            if (s == null || !m.hasPrompt() || config.hasUserValue(s) || !s.type().isTristateLike()
                    || s.parentChoice() != null) {
                continue;
            }
            if (s.isChoice()) {
                randomizeChoiceByPriority(config, m, rnd);
                continue;
            }
            config.setUser(s, draw(rnd, p, s.type()));
        }
    }

    /**
     * Sets every member without a user value to y, in a random order that becomes the end of
     * the choice's priority order.
     */
    private static void randomizeChoiceByPriority(Configuration config, Menu choiceMenu, GlibcRandom rnd) {
        Symbol choice = choiceMenu.symbol();
        List<Symbol> entries = new ArrayList<>();
        collectSymbols(choiceMenu, entries);
        List<Symbol> picks = new ArrayList<>();
        int cnt = 0;
        for (Symbol s : entries) {
            if (!config.hasUserValue(s)) {
                cnt++;
            }
        }
        while (cnt > 0) {
            int x = rnd.nextMod(cnt);
            for (Symbol s : entries) {
                if (!config.hasUserValue(s)) {
                    x--;
                }
                if (x < 0) {
                    config.setUser(s, Tristate.YES);
                    picks.add(s);
                    break;
                }
            }
            cnt--;
        }
        // Priority order: the members the input set keep their order in front, then the picks.
        List<Symbol> order = new ArrayList<>();
        for (Symbol m : config.priorityOrder(choice)) {
            if (!picks.contains(m)) {
                order.add(m);
            }
        }
        order.addAll(picks);
        for (int i = order.size() - 1; i >= 0; i--) {
            config.raisePriority(order.get(i));
        }
    }

    private static void collectSymbols(Menu m, List<Symbol> out) {
        for (Menu c : m.children()) {
            if (c.symbol() != null) {
                out.add(c.symbol());
            }
            collectSymbols(c, out);
        }
    }

    // ----------------------------------------------------------------------------------------
    // 5.10 / 6.1: the symbol hash table
    // ----------------------------------------------------------------------------------------

    private static void applyByHash(Kconfig tree, Configuration config, Probabilities p, GlibcRandom rnd) {
        List<Symbol> order = hashOrder(tree);
        Map<Symbol, Tristate> choiceDraws = new HashMap<>();
        for (Symbol s : order) {
            if (s.isConstant() || config.hasUserValue(s) || !s.type().isTristateLike()) {
                continue;
            }
            Tristate v = draw(rnd, p, s.type());
            if (s.isChoice()) {
                choiceDraws.put(s, v);
            } else {
                config.setUser(s, v);
            }
        }
        // Each pass starts from freshly computed values. Within a pass the kernel recomputes only
        // the choice it has just drawn and its members: a value computed earlier in the pass from
        // a member's old value stays, so a later choice may still see it and take a draw (6.1
        // m68k, KCONFIG_SEED=9: "Timer tick handling" stays visible for the rest of the pass in
        // which the CPU family is drawn, through a select computed before that draw). Which
        // values were computed is the kernel's too: it evaluates every operand of a condition,
        // also when an earlier one already decides it (5.10 m68k, KCONFIG_SEED=10).
        config.evaluatingEveryOperand(() -> {
            boolean changed = true;
            while (changed) {
                changed = false;
                config.invalidate();
                for (Symbol c : order) {
                    if (!c.isChoice() || config.hasUserValue(c) || config.tristate(c) != Tristate.YES) {
                        continue;
                    }
                    List<Symbol> members = c.members();
                    if (members.isEmpty()) {
                        continue;
                    }
                    int def = rnd.nextMod(members.size());
                    Symbol chosen = members.get(def);
                    for (Symbol m : members) {
                        config.setUserKeepingComputed(m, m == chosen ? Tristate.YES : Tristate.NO);
                    }
                    config.setChoiceUserSelectionKeepingComputed(c, chosen);
                    config.setUserKeepingComputed(c, choiceDraws.getOrDefault(c, Tristate.NO));
                    changed = true;
                }
            }
        });
        config.invalidate();
    }

    /** Every symbol in the order the kernel's {@code for_all_symbols} visits its hash table. */
    static List<Symbol> hashOrder(Kconfig tree) {
        return SymbolHashOrder.order(tree.symbols(), tree.dialect());
    }
}
