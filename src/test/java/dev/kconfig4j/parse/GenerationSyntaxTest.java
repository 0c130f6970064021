package dev.kconfig4j.parse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kconfig4j.support.ConfRun;
import dev.kconfig4j.support.OracleRun;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What each generation's parser accepts, where their syntax differs: the keywords of each
 * generation, what a {@code choice} block may hold, how syntax errors are located, and the
 * warnings about a broken tree. Each case is a tiny tree, a generation, and conf's exit status and
 * standard error; with KCONFIG4J_ORACLE set the kernel's conf is asked too and must agree.
 */
class GenerationSyntaxTest {

    private static void check(String version, String kconfig, int exit, String stderr) {
        ConfRun.Result r = OracleRun.sameAsKernel(version, kconfig.replace("\\n", "\n").replace("\\t", "\t"), null,
                "--olddefconfig");
        assertThat(r.exit()).as(r.stderr()).isEqualTo(exit);
        assertThat(r.stderr()).isEqualTo(stderr.replace("\\n", "\n"));
        if (exit != 0) {
            assertThat(r.config()).as("nothing written").isNull();
        }
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            5.10 | modules               | 1 | Kconfig:4: syntax error\\nKconfig:3: invalid statement\\n
            6.1  | modules               | 0 |
            7.3  | modules               | 0 |
            5.10 | option modules        | 0 |
            6.1  | option modules        | 1 | Kconfig:4: syntax error\\nKconfig:3: unknown statement "option"\\n
            6.12 | option defconfig_list | 1 | Kconfig:3: syntax error\\nKconfig:3: unknown statement "option"\\n
            5.10 | option env="HOME"     | 1 | Kconfig:4: syntax error\\nKconfig:3: invalid statement\\n
            5.10 | option foo            | 1 | Kconfig:4: syntax error\\nKconfig:3: invalid statement\\n
            6.12 | transitional          | 1 | Kconfig:3: syntax error\\nKconfig:3: unknown statement "transitional"\\n
            6.1  | transitional          | 1 | Kconfig:4: syntax error\\nKconfig:3: unknown statement "transitional"\\n
            """)
    void keywordsExistInTheirGenerationsOnly(String version, String attribute, int exit, String stderr) {
        check(version, "config X\\n\\tbool \"x\"\\n\\t" + attribute + "\\nconfig Y\\n\\tbool\\n", exit,
                stderr == null ? "" : stderr);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            5.10 | menu "m"\\nendmenu           | Kconfig:6: syntax error\\nKconfig:5: invalid statement\\nKconfig:6: unexpected 'menu' within choice block\\nKconfig:8: syntax error\\nKconfig:7: invalid statement\\n
            7.3  | menu "m"\\nendmenu           | Kconfig:5: syntax error\\nKconfig:5: invalid statement\\nKconfig:6: unexpected 'menu' within choice block\\nKconfig:7: syntax error\\nKconfig:7: invalid statement\\n
            6.12 | source "Kconfig.more"       | Kconfig:5: syntax error\\nKconfig:5: invalid statement\\n
            6.1  | mainmenu "m"                | Kconfig:6: syntax error\\nKconfig:5: invalid statement\\n
            """)
    void aChoiceHoldsOnlyConfigEntriesCommentsAndIfBlocks(String version, String inside, String stderr) {
        ConfRun.Result r = ConfRun.tree(version, ("choice\n\tprompt \"c\"\nconfig Z\n\tbool \"z\"\n" + inside
                + "\nendchoice\n").replace("\\n", "\n")).run("--olddefconfig");
        assertThat(r.exit()).isEqualTo(1);
        // The parse goes on after each error, as the kernel's does: the menu line is skipped, its
        // endmenu ends the choice, and the endchoice is then out of place.
        assertThat(r.stderr()).isEqualTo(stderr.replace("\\n", "\n"));
        if (OracleRun.available(version)) {
            ConfRun.Result k = OracleRun.run(version, r.read("Kconfig"), null, "", java.util.Map.of(), "--olddefconfig");
            assertThat(k.exit()).isEqualTo(1);
            assertThat(k.stderr()).isEqualTo(r.stderr());
        }
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            6.12 | config C\\n\\tbool                    | 1 | Kconfig:3: error: choice member must have a prompt\\n
            7.3  | config C\\n\\ttristate "c"\\n\\tdefault y | 1 | Kconfig:3: error: choice member must be bool\\n
            7.3  | config C\\n\\tdefault y                | 1 | Kconfig:3: error: choice member must have a prompt\\nKconfig:3: error: choice member must be bool\\n
            6.12 | config C\\n\\tbool "c"\\n\\tdefault y\\n\\tdefault n | 1 | Kconfig:5: error: defaults for choice values not supported\\nKconfig:6: error: defaults for choice values not supported\\n
            7.3  | if y\\nconfig C\\n\\tbool\\nendif       | 1 | Kconfig:4: error: choice member must have a prompt\\n
            5.10 | config C\\n\\tbool\\n\\tdefault y        | 0 | Kconfig:3:warning: choice value must have a prompt\\nKconfig:5:warning: defaults for choice values not supported\\n
            6.1  | config C\\n\\tbool                     | 0 | Kconfig:3:warning: choice value must have a prompt\\n
            """)
    void from612AChoiceMemberMustHaveAPromptBeBoolAndHaveNoDefault(String version, String member, int exit,
            String stderr) {
        check(version, "choice\\n\\tprompt \"c\"\\n" + member + "\\nconfig D\\n\\tbool \"d\"\\nendchoice\\n", exit, stderr);
    }

    /** {@link dev.kconfig4j.dialect.Dialect#acceptsChoiceType}; fuzz cases 20281 and 36162 (7.3). */
    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            5.10 | tristate   | 0 |
            6.1  | bool       | 0 |
            6.1  | tristate "t" | 0 | Kconfig:3:warning: prompt redefined\\n
            5.10 | int        | 1 | Kconfig:4: syntax error\\nKconfig:3: invalid statement\\n
            6.1  | string "s" | 1 | Kconfig:4: syntax error\\nKconfig:3: invalid statement\\n
            6.12 | bool "b"   | 0 | Kconfig:3:warning: prompt redefined\\n
            6.12 | tristate "t" | 1 | Kconfig:3: syntax error\\nKconfig:3: invalid statement\\n
            6.12 | hex        | 1 | Kconfig:3: syntax error\\nKconfig:3: invalid statement\\n
            6.12 | bool       | 1 | Kconfig:3: syntax error\\nKconfig:3: invalid statement\\nKconfig:6: syntax error\\nKconfig:6: invalid statement\\n
            7.3  | bool "b"   | 1 | Kconfig:3: syntax error\\nKconfig:3: invalid statement\\n
            7.3  | bool       | 1 | Kconfig:3: syntax error\\nKconfig:3: invalid statement\\n
            """)
    void aChoiceDeclaresBoolOrTristateUpTo61OnlyBoolWithAPromptIn612AndNoTypeFrom73(String version, String type,
            int exit, String stderr) {
        // Refused at its first word, the type line leaves the choice open; 6.12's bare bool is
        // refused after its word, the choice is not opened and its endchoice is out of place.
        check(version, "choice\\n\\tprompt \"c\"\\n\\t" + type + "\\nconfig D\\n\\tbool \"d\"\\nendchoice\\n", exit,
                stderr == null ? "" : stderr);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            5.10 | config X\\n\\tboolean "x"                                  | Kconfig:3: syntax error\\nKconfig:2: unknown statement "boolean"\\n
            7.3  | config X\\n\\tboolean "x"                                  | Kconfig:2: syntax error\\nKconfig:2: unknown statement "boolean"\\n
            6.12 | choice\\n\\tprompt "c"\\n\\toptional\\nconfig D\\n\\tbool "d"\\nendchoice | Kconfig:3: syntax error\\nKconfig:3: invalid statement\\n
            7.3  | config X\\n\\tbool "x"\\n\\toptional                     | Kconfig:3: syntax error\\nKconfig:3: unknown statement "optional"\\n
            5.10 | choice\\n\\tprompt "c"\\n\\tfoo\\nconfig D\\n\\tbool "d"\\nendchoice | Kconfig:4: syntax error\\nKconfig:3: invalid statement\\n
            7.3  | choice\\n\\tprompt "c"\\nif y\\nconfig D\\n\\tbool "d"\\n\\tfoo\\nendif\\nendchoice | Kconfig:6: syntax error\\nKconfig:6: invalid statement\\n
            6.12 | choice\\n\\tprompt "c"\\nconfig D\\n\\tbool "d"\\n\\ttransitional\\nendchoice | Kconfig:5: syntax error\\nKconfig:5: invalid statement\\n
            6.1  | choice\\n\\tprompt "c"\\nconfig D\\n\\tbool "d"\\n\\toption modules\\nendchoice | Kconfig:6: syntax error\\nKconfig:5: invalid statement\\n
            """)
    void noWordIsAKeywordOutsideItsGenerationAndInsideAChoiceAnUnknownWordIsAnInvalidStatement(String version,
            String kconfig, String stderr) {
        // `boolean` is a keyword in none of them; `optional` (of tristate choices) is gone from 6.12.
        check(version, kconfig + "\\n", 1, stderr);
    }

    /**
     * After a syntax error the parse goes on, as the kernel's parser (bison) does: the line is
     * skipped and the next lines are read as statements of the enclosing block (an entry's later
     * attributes, a help text, are then errors too); {@code syntax error} is said again only once
     * three tokens were read without error; any end statement ends the innermost block; every
     * block still open at the end is reported. A block header refused at its first word leaves
     * the block open, one refused later in the line does not.
     */
    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            7.3  | config A\\n\\tbool "a"\\n\\tfoo\\n\\tdefault y\\n\\thelp\\n\\t  text\\nconfig B\\n\\tbool "b" | Kconfig:3: syntax error\\nKconfig:3: unknown statement "foo"\\nKconfig:4: invalid statement\\nKconfig:5: invalid statement\\nKconfig:6: unknown statement "text"\\n
            7.3  | config A\\n\\tbool "a"\\n\\tdepends on (B\\n\\tdefault y\\nconfig B\\n\\tbool "b"\\n\\tdepends on C && | Kconfig:3: syntax error\\nKconfig:3: invalid statement\\nKconfig:4: invalid statement\\nKconfig:7: syntax error\\nKconfig:7: invalid statement\\n
            5.10 | choice\\n\\tprompt "c"\\nconfig A\\n\\tbool "a"\\nendmenu\\nconfig C\\n\\tbool "c"\\n\\tfoo\\nendchoice\\nconfig D\\n\\tbar | Kconfig:5: unexpected 'menu' within choice block\\nKconfig:9: syntax error\\nKconfig:8: unknown statement "foo"\\nKconfig:9: invalid statement\\nKconfig:12: syntax error\\nKconfig:11: unknown statement "bar"\\n
            7.3  | menu "a"\\nconfig A\\n\\tbool "a"\\n\\tfoo\\n\\tbar\\nmenu "b" | Kconfig:4: syntax error\\nKconfig:4: unknown statement "foo"\\nKconfig:5: unknown statement "bar"\\nKconfig:7: syntax error\\nKconfig:6: missing end statement for this entry\\nKconfig:1: missing end statement for this entry\\n
            5.10 | menu "m"\\n\\tdepends on (A\\nconfig A\\n\\tbool "a"\\nendmenu\\nconfig B\\n\\tfoo | Kconfig:3: syntax error\\nKconfig:2: invalid statement\\nKconfig:6: syntax error\\nKconfig:5: invalid statement\\nKconfig:8: syntax error\\nKconfig:7: unknown statement "foo"\\n
            6.12 | choice\\n\\tprompt "c"\\n\\toptional\\nconfig D\\n\\tbool "d"\\nendchoice | Kconfig:3: syntax error\\nKconfig:3: invalid statement\\n
            7.3  | choice\\n\\tbool "s3"\\nconfig S4\\n\\tbool "s4"\\nendchoice | Kconfig:1: error: choice must have a prompt\\nKconfig:2: syntax error\\nKconfig:2: invalid statement\\n
            """)
    void theParseGoesOnAfterASyntaxErrorAsTheKernelsParserDoes(String version, String kconfig, String stderr) {
        check(version, kconfig + "\\n", 1, stderr);
    }

    /**
     * A second type is warned about at the entry's config line, after the line's prompt, with the
     * kernel's name of the type ({@code integer}); found by the nightly fuzz run (doubled lines).
     */
    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            5.10 | config A\\n\\tbool "a"\\n\\tdefault y\\n\\ttristate "s0"\\nconfig B\\n\\tbool "b" | Kconfig:4:warning: prompt redefined\\nKconfig:1:warning: ignoring type redefinition of 'A' from 'bool' to 'tristate'\\n
            7.3  | config A\\n\\tbool "a"\\nconfig B\\n\\tbool "b"\\nconfig A\\n\\n\\tdepends on B\\n\\tint | Kconfig:5:warning: ignoring type redefinition of 'A' from 'bool' to 'integer'\\n
            6.12 | config A\\n\\tbool "a"\\n\\tdefault y\\n\\tdef_tristate m            | Kconfig:1:warning: ignoring type redefinition of 'A' from 'bool' to 'tristate'\\n
            """)
    void aTypeRedefinitionIsWarnedAboutAtTheEntry(String version, String kconfig, String stderr) {
        check(version, kconfig + "\\n", 0, stderr);
    }

    /**
     * Up to 6.1 a choice without a prompt is warned about after its members' warnings, and keeps
     * its members in the menu tree (they are checked, and warned about, as members); fuzz case 600.
     */
    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            6.1  | config X\\n\\tint\\nchoice\\nconfig A\\n\\tbool "a"\\n\\tselect X\\nconfig B\\n\\tdefault y\\nendchoice\\nconfig Y\\n\\tbool "y"\\n\\tselect X | Kconfig:6: warning: 'X' has wrong type. 'select' only accept arguments of bool and tristate type\\nKconfig:7:warning: choice value must have a prompt\\nKconfig:8:warning: defaults for choice values not supported\\nKconfig:3:warning: choice must have a prompt\\nKconfig:12: warning: 'X' has wrong type. 'select' only accept arguments of bool and tristate type\\n
            5.10 | choice\\nconfig A\\n\\tprompt "a"\\nendchoice | Kconfig:2:warning: config symbol defined without type\\nKconfig:1:warning: config symbol defined without type\\nKconfig:1:warning: choice must have a prompt\\n
            """)
    void upTo61AChoiceWithoutAPromptIsWarnedAboutAfterItsMembers(String version, String kconfig, String stderr) {
        check(version, kconfig + "\\n", 0, stderr.replace(": warning", ":warning"));
    }

    /** Fuzz cases 22988 (5.10) and 33186 (6.1) ended in an internal error here. */
    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"5.10, --olddefconfig", "5.10, --syncconfig", "6.1, --olddefconfig", "6.1, --syncconfig"})
    void upTo61AChoiceWhoseMembersHaveNoTypeHasNoneAndTheirConfigLinesAreIgnored(String version, String mode) {
        String tree = "config S0\n\tbool \"s0\"\nchoice\n\tprompt \"c\"\nconfig S1\nendchoice\n";
        ConfRun.Result r = OracleRun.sameAsKernel(version, tree, "CONFIG_S1=m\nCONFIG_S0=y\nCONFIG_S1=y\n", mode);
        assertThat(r.exit()).isZero();
        assertThat(r.stderr()).startsWith("""
                Kconfig:5:warning: config symbol defined without type
                Kconfig:5:warning: choice value must have a prompt
                Kconfig:3:warning: config symbol defined without type
                """);
        assertThat(r.body()).isEqualTo("CONFIG_S0=y\n");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            5.10 | <none>:5: syntax error\\nKconfig:1: missing end statement for this entry\\n
            6.1  | <none>:5: syntax error\\nKconfig:1: missing end statement for this entry\\n
            6.12 | Kconfig:4: syntax error\\nKconfig:1: missing end statement for this entry\\n
            """)
    void aBlockLeftOpenIsReportedAtTheEndOfTheInput(String version, String stderr) {
        check(version, "menu \"x\"\\nconfig X\\n\\tbool\\n", 1, stderr);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"5.10", "6.1", "6.12", "7.3"})
    void warningsComeChildrenFirstWithSymbolsWithoutATypeNamed(String version) {
        // Q follows P and depends on it: the menu tree puts it below P, and the kernel checks it
        // before P. U and V have no type.
        check(version, """
                config X\\n\\tint
                config P\\n\\tbool "p"\\n\\tselect X
                config Q\\n\\tbool "q"\\n\\tdepends on P\\n\\tselect X
                config R\\n\\tbool "r"\\n\\tselect X
                config U\\n\\tselect X
                config V\\n\\tdepends on R
                """.replace("\n", "\\n"), 0, """
                Kconfig:9: warning: 'X' has wrong type. 'select' only accept arguments of bool and tristate type
                Kconfig:5: warning: 'X' has wrong type. 'select' only accept arguments of bool and tristate type
                Kconfig:12: warning: 'X' has wrong type. 'select' only accept arguments of bool and tristate type
                Kconfig:13:warning: config symbol defined without type
                Kconfig:14:warning: config symbol 'U' uses select, but is not bool or tristate
                Kconfig:15:warning: config symbol defined without type
                """.replace(": warning", ":warning"));
    }
}
