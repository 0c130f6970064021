package dev.kconfig4j.parse;

import dev.kconfig4j.expr.Expr;
import dev.kconfig4j.expr.Name;
import java.util.List;

/**
 * The syntax tree of a Kconfig file: one node per entry, immutable. {@code source} statements
 * hold the parsed content of the file they include, so one tree describes a whole kernel.
 */
public sealed interface Statement {

    Location location();

    /** {@code mainmenu "title"}. */
    record MainMenu(Location location, String prompt) implements Statement {
    }

    /** {@code config NAME} or {@code menuconfig NAME} with its attributes. */
    record Config(Location location, Name name, boolean menuconfig, List<Attribute> attributes)
            implements Statement {
    }

    /** {@code choice [NAME]} ... {@code endchoice}. */
    record Choice(Location location, Name name, List<Attribute> attributes, List<Statement> body)
            implements Statement {
    }

    /** {@code menu "title"} ... {@code endmenu}. */
    record MenuBlock(Location location, String prompt, List<Attribute> attributes, List<Statement> body)
            implements Statement {
    }

    /** {@code comment "text"}. */
    record Comment(Location location, String prompt, List<Attribute> attributes) implements Statement {
    }

    /** {@code if EXPR} ... {@code endif}: adds a dependency to everything inside. */
    record If(Location location, Expr condition, List<Statement> body) implements Statement {
    }

    /** {@code source "path"}, with the statements of the file it names. */
    record Source(Location location, String path, List<Statement> body) implements Statement {
    }
}
