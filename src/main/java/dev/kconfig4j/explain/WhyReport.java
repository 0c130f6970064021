package dev.kconfig4j.explain;

import dev.kconfig4j.diagnostic.Diagnostic;
import java.util.List;

/**
 * The answer to {@code kconfig4j why}: the explanations of the symbols asked about, and what
 * they were evaluated in.
 *
 * @param schemaVersion the version of the JSON form (see docs/why.md)
 * @param config the config file whose values are explained, as named on the command line; null
 *     when none was read (every symbol at its default, as olddefconfig gives from an empty config)
 * @param srctree the kernel tree
 * @param kernel the tree's title (its mainmenu)
 * @param dialect the Kconfig dialect the tree was evaluated in
 * @param symbols one explanation per symbol asked about, in the order asked
 * @param warnings what reading the config reported, as values (location, severity, the kernel's text)
 */
public record WhyReport(int schemaVersion, String config, String srctree, String kernel, String dialect,
        List<Explanation> symbols, List<Diagnostic> warnings) {

    /** 2: {@code warnings} are objects ({@link Diagnostic}), no longer strings. */
    public static final int SCHEMA_VERSION = 2;

    public WhyReport {
        symbols = List.copyOf(symbols);
        warnings = List.copyOf(warnings);
    }
}
