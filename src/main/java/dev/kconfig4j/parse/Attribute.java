package dev.kconfig4j.parse;

import dev.kconfig4j.expr.Expr;
import dev.kconfig4j.expr.Name;
import dev.kconfig4j.expr.Type;

/** One attribute line of an entry ({@code bool "x"}, {@code depends on}, {@code default}...). */
public sealed interface Attribute {

    Location location();

    /** {@code bool|tristate|int|hex|string ["prompt" [if cond]]}. */
    record TypeDecl(Location location, Type type, String prompt, Expr condition) implements Attribute {
    }

    /** {@code prompt "text" [if cond]}. */
    record Prompt(Location location, String text, Expr condition) implements Attribute {
    }

    /** {@code default EXPR [if cond]}; {@code def_bool}/{@code def_tristate} also carry a type. */
    record Default(Location location, Expr value, Expr condition, Type type) implements Attribute {
    }

    /** {@code depends on EXPR}. */
    record DependsOn(Location location, Expr condition) implements Attribute {
    }

    /** {@code select SYMBOL [if cond]}. */
    record Select(Location location, Name target, Expr condition) implements Attribute {
    }

    /** {@code imply SYMBOL [if cond]}. */
    record Imply(Location location, Name target, Expr condition) implements Attribute {
    }

    /** {@code range LOW HIGH [if cond]}. */
    record Range(Location location, Name low, Name high, Expr condition) implements Attribute {
    }

    /** {@code help} and its text. */
    record Help(Location location, String text) implements Attribute {
    }

    /** {@code visible if EXPR} (menus only). */
    record VisibleIf(Location location, Expr condition) implements Attribute {
    }

    /** A keyword without arguments or an {@code option}: optional, modules, transitional, defconfig_list, allnoconfig_y, env. */
    record Flag(Location location, FlagKind kind, String value) implements Attribute {
    }

    /** The flags an entry can carry. */
    enum FlagKind { OPTIONAL, MODULES, TRANSITIONAL, DEFCONFIG_LIST, ALLNOCONFIG_Y, ENV,
        /** An {@code option} the kernel ignores with a warning; the value is its name. */
        UNKNOWN_OPTION }
}
