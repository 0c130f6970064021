package dev.kconfig4j.parse;

import java.util.Set;

/** The words that start a Kconfig statement or attribute; such a word never starts an assignment. */
final class Keywords {
    private static final Set<String> STATEMENTS = Set.of(
            "mainmenu", "menu", "endmenu", "if", "endif", "source", "choice", "endchoice", "config",
            "menuconfig", "comment", "help", "---help---", "depends", "select", "imply", "default",
            "def_bool", "def_tristate", "bool", "tristate", "int", "hex", "string", "prompt",
            "range", "visible", "option", "optional", "modules", "transitional");

    private Keywords() {
    }

    static boolean isStatementKeyword(String word) {
        return STATEMENTS.contains(word);
    }
}
