package dev.kconfig4j.menu;

import dev.kconfig4j.Kconfig;
import dev.kconfig4j.KconfigException;
import dev.kconfig4j.symbol.Configuration;

/** The help screen of a menu entry, as menuconfig and {@code --helpnewconfig} show it. */
public final class MenuInfo {
    private MenuInfo() {
    }

    /**
     * The warning printed when a select forces a symbol above its direct dependencies:
     * "WARNING: unmet direct dependencies detected for X", the dependency and the selectors.
     */
    public static String unmetDependencyWarning(Configuration config, dev.kconfig4j.symbol.Symbol symbol) {
        return ""; // Not implemented yet.
    }

    /** The help text of {@code menu}, with symbol, type, definitions, dependencies and location. */
    public static String help(Kconfig tree, Configuration config, Menu menu) {
        throw new KconfigException("--helpnewconfig is not supported yet");
    }
}
