package dev.kconfig4j.solve;

import dev.kconfig4j.confdata.ConfigWriter;
import dev.kconfig4j.diagnostic.KconfigException;
import dev.kconfig4j.expr.Tristate;
import dev.kconfig4j.expr.Type;
import dev.kconfig4j.symbol.Numbers;
import dev.kconfig4j.symbol.Symbol;
import dev.kconfig4j.symbol.SymbolTable;

/**
 * A value olddefconfig should give a symbol.
 *
 * @param symbol the symbol (bool, tristate, int, hex or string)
 * @param value the wanted value in .config form: {@code y}, {@code m}, {@code n}, a number, or a
 *     quoted string; null means "enabled": y for a bool, m or y for a tristate
 */
public record Request(Symbol symbol, String value) {

    /** The wanted tristate, or null for "enabled" and for text values. */
    public Tristate tristate() {
        return value == null ? null : Tristate.parse(value);
    }

    /** Whether the request is for an int, hex or string value (which needs the symbol visible, then the value). */
    public boolean isText() {
        return !symbol.type().isTristateLike();
    }

    /** The request as the user writes it: {@code FOO}, {@code FOO=m}, {@code FOO="text"}. */
    @Override
    public String toString() {
        return value == null ? symbol.name() : symbol.name() + "=" + value;
    }

    /**
     * Parses {@code SYMBOL}, {@code SYMBOL=y|m|n} or {@code SYMBOL=VALUE} (int, hex, or string with
     * or without quotes) against a tree.
     *
     * @throws KconfigException for an unknown symbol or a value the symbol's type does not allow
     */
    public static Request parse(SymbolTable symbols, String spec) {
        String text = spec.startsWith("CONFIG_") ? spec.substring("CONFIG_".length()) : spec;
        int eq = text.indexOf('=');
        String name = eq < 0 ? text : text.substring(0, eq);
        String value = eq < 0 ? null : text.substring(eq + 1);
        Symbol s = symbols.find(name);
        if (s == null || !s.isDefined() || s.isChoice() || s.isConstant()) {
            throw new KconfigException(spec + ": no symbol " + name + " in this tree");
        }
        Type t = s.type();
        if (t.isTristateLike()) {
            Tristate v = value == null ? null : Tristate.parse(value);
            if (value != null && (v == null || (v == Tristate.MOD && t == Type.BOOL))) {
                throw new KconfigException(spec + ": " + name + " is " + t.keyword()
                        + ", the value must be " + (t == Type.BOOL ? "y or n" : "y, m or n"));
            }
            return new Request(s, value);
        }
        if (value == null) {
            throw new KconfigException(spec + ": " + name + " is " + t.keyword()
                    + ": give the value (" + name + "=VALUE)");
        }
        if (t == Type.STRING) {
            String inner = value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
                    ? value.substring(1, value.length() - 1) : value;
            return new Request(s, "\"" + ConfigWriter.escape(inner) + "\"");
        }
        if (!Numbers.isValid(t, value)) {
            throw new KconfigException(spec + ": '" + value + "' is not a valid " + t.keyword()
                    + " value for " + name);
        }
        return new Request(s, value);
    }
}
