package dev.kconfig4j.parse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kconfig4j.diagnostic.Diagnostics;
import dev.kconfig4j.preprocess.Preprocessor;
import dev.kconfig4j.support.ConfRun;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * How Kconfig text becomes tokens: lines, words, strings, operators, comments, continuation
 * lines, macros and help text. The token lists state the lexer's own contract; the
 * {@code .config} and help screen expectations were produced by the kernel's conf 6.12.
 */
class LexerTest {

    private static final PrintStream QUIET = new PrintStream(OutputStream.nullOutputStream());

    /** Each logical line as "line: token token ...", tokens in {@link Token#toString()} form, kinds of operators by name. */
    private static List<String> lines(String text) {
        Lexer lexer = new Lexer("Kconfig", text, new Preprocessor(Map.of(), Path.of("."), QUIET, QUIET), new Diagnostics());
        List<String> out = new ArrayList<>();
        for (Lexer.Line l = lexer.nextLine(); l != null; l = lexer.nextLine()) {
            StringBuilder sb = new StringBuilder().append(l.location().line()).append(':');
            for (Token t : l.tokens()) {
                sb.append(' ').append(t.kind() == Token.Kind.WORD || t.kind() == Token.Kind.STRING ? t.toString()
                        : t.kind().name());
            }
            out.add(sb.toString());
        }
        return out;
    }

    @Test
    void operatorsNeedNoBlanksAroundThem() {
        assertThat(lines("depends on A&&!B||(C!=D)\n\tdefault y if X<=1 && Y>=2 && Z<3 && W>4 && V=5\n")).containsExactly(
                "1: depends on A AND NOT B OR OPEN_PAREN C UNEQUAL D CLOSE_PAREN",
                "2: default y if X LESS_EQUAL 1 AND Y GREATER_EQUAL 2 AND Z LESS 3 AND W GREATER 4 AND V EQUAL 5");
    }

    @Test
    void stringsTakeEitherQuoteAndBackslashEscapes() {
        assertThat(lines("prompt \"a \\\"q\\\" b\\\\c\"\nprompt 'it\"s'\n")).containsExactly(
                "1: prompt \"a \"q\" b\\c\"",
                "2: prompt \"it\"s\"");
    }

    @Test
    void commentsAndBlankLinesVanishAndABackslashJoinsLines() {
        assertThat(lines("# only a comment\n\nconfig A # trailing\n\tdepends on B && \\\n\t\tC\nconfig D\n")).containsExactly(
                "3: config A",
                "4: depends on B AND C",
                "6: config D");
    }

    @Test
    void macroAssignmentsAreCarriedOutAndAnExpandedWordStaysOneToken() {
        assertThat(lines("NAME := two words\nconfig $(NAME)\n\tprompt \"$(NAME)\"\n")).containsExactly(
                "2: config two words",
                "3: prompt \"two words\"");
    }

    private static final String TREE = """
            # a comment line
            NAME := FROM_MACRO
            WORDS := two words
            config $(NAME)
            	bool "from macro" # a trailing comment
            	default y
            config ESCAPES
            	string "escapes"
            	default "a \\"quoted\\" back\\\\slash"
            config SINGLE
            	string 'single'
            	default 'it"s'
            config CONTINUED
            	bool "continued"
            	default y if \\
            		FROM_MACRO && \\
            		!ESCAPES
            config EXPANDED
            	string "expanded"
            	default "$(WORDS)"
            config OPS
            	bool "ops"
            	default y if FROM_MACRO&&!(SINGLE="x")||n
            config HELPED
            	bool "helped"
            	help
            	  First line.
            	    Indented more.

            	  After a blank line.
            config LAST
            	bool "last"
            """;

    @Test
    void theKernelReadsTheSameValuesFromTheseLines() {
        ConfRun.Result r = ConfRun.tree("6.12", TREE).run("--olddefconfig");
        assertThat(r.stderr()).isEmpty();
        assertThat(r.body()).isEqualTo("""
                CONFIG_FROM_MACRO=y
                CONFIG_ESCAPES="a \\"quoted\\" back\\\\slash"
                CONFIG_SINGLE="it\\"s"
                CONFIG_CONTINUED=y
                CONFIG_EXPANDED="two words"
                CONFIG_OPS=y
                # CONFIG_HELPED is not set
                # CONFIG_LAST is not set
                """);
    }

    @Test
    void helpTextKeepsExtraIndentationAndBlankLinesAndEndsAtTheNextEntry() {
        ConfRun.Result r = ConfRun.tree("6.12", TREE).run("--helpnewconfig");
        assertThat(r.stdout()).contains("""
                CONFIG_HELPED:

                First line.
                  Indented more.

                After a blank line.
                Symbol: HELPED [=n]
                Type  : bool
                Defined at Kconfig:24
                """);
    }
}
