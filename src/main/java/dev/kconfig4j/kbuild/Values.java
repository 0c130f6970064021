package dev.kconfig4j.kbuild;

import dev.kconfig4j.expr.Tristate;
import dev.kconfig4j.expr.Type;
import dev.kconfig4j.symbol.Configuration;
import dev.kconfig4j.symbol.Symbol;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Symbol values as a build's Makefiles see them (include/config/auto.conf): a bool or tristate
 * symbol is its value; any other symbol that is written with a non-empty value is {@code y} (its
 * {@code $(CONFIG_X)} is not empty); everything else, including unknown symbols, is {@code n}.
 */
public final class Values implements Function<String, Tristate> {
    private final Function<String, Tristate> lookup;
    private final Map<String, Tristate> overrides;

    private Values(Function<String, Tristate> lookup, Map<String, Tristate> overrides) {
        this.lookup = lookup;
        this.overrides = overrides;
    }

    /** The values of a settled configuration. */
    public static Values of(Configuration config) {
        return new Values(name -> {
            Symbol s = config.symbols().find(name);
            if (s == null) {
                return Tristate.NO;
            }
            if (s.type() == Type.BOOL || s.type() == Type.TRISTATE) {
                return config.tristate(s);
            }
            return config.isWritten(s) && !config.string(s).isEmpty() ? Tristate.YES : Tristate.NO;
        }, Map.of());
    }

    /** Fixed values; symbols not in the map are {@code n}. */
    public static Values of(Map<String, Tristate> values) {
        Map<String, Tristate> copy = Map.copyOf(values);
        return new Values(name -> copy.getOrDefault(name, Tristate.NO), Map.of());
    }

    /** These values with {@code symbol} set to {@code value}. */
    public Values with(String symbol, Tristate value) {
        Map<String, Tristate> o = new HashMap<>(overrides);
        o.put(symbol, value);
        return new Values(lookup, o);
    }

    @Override
    public Tristate apply(String symbol) {
        Tristate o = overrides.get(symbol);
        return o != null ? o : lookup.apply(symbol);
    }
}
