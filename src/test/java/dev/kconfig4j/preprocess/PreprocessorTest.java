package dev.kconfig4j.preprocess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kconfig4j.diagnostic.KconfigException;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The macro language as the kernel's conf (5.10, 6.1, 6.12) behaves; every expectation here was
 * checked against it. Each test defines a few variables as a Kconfig file would, then expands.
 */
class PreprocessorTest {
    private static final String FILE = "arch/x86/Kconfig";

    @TempDir
    Path objdir;

    private final Map<String, String> environment = new HashMap<>();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private Preprocessor preprocessor;

    @BeforeEach
    void setUp() {
        environment.put("PATH", "/usr/bin:/bin");
        newPreprocessor();
    }

    /** Call after changing {@link #environment}; the preprocessor copies it. */
    private void newPreprocessor() {
        preprocessor = new Preprocessor(environment, objdir, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    /** One assignment line of a Kconfig file, e.g. {@code "cc-name := gcc"}, at line 10. */
    private void define(String assignment) {
        define(assignment, 10);
    }

    private void define(String assignment, int line) {
        int eq = assignment.indexOf('=');
        char before = eq > 0 ? assignment.charAt(eq - 1) : ' ';
        Preprocessor.Flavor flavor = before == ':' ? Preprocessor.Flavor.SIMPLE
                : before == '+' ? Preprocessor.Flavor.APPEND : Preprocessor.Flavor.RECURSIVE;
        int nameEnd = flavor == Preprocessor.Flavor.RECURSIVE ? eq : eq - 1;
        String value = assignment.substring(eq + 1).replaceFirst("^[ \t]+", "");
        preprocessor.assign(assignment.substring(0, nameEnd).strip(), flavor, value, FILE, line);
    }

    private String expand(String text) {
        return preprocessor.expand(text, FILE, 42);
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private void assertFails(String text, String message) {
        assertThatThrownBy(() -> expand(text))
                .isInstanceOfSatisfying(KconfigException.class,
                        e -> assertThat(e.describe()).isEqualTo(FILE + ":42: " + message));
    }

    @Nested
    class PlainText {
        @Test
        void textWithoutReferencesIsUnchanged() {
            assertThat(expand("-mbig-endian \"quoted\" 'x' (a,b)")).isEqualTo("-mbig-endian \"quoted\" 'x' (a,b)");
        }

        @Test
        void onlyDollarParenIsSpecial() {
            // Kconfig.include: `dollar := $`, and cc-option passes `$$` to the shell as its PID.
            assertThat(expand("a$$b $X ${Y} end$")).isEqualTo("a$$b $X ${Y} end$");
            assertThat(expand("a)b")).isEqualTo("a)b");
        }

        @Test
        void aDollarVariableBuildsAReferenceThatStaysText() {
            define("dollar := $");
            define("d := $(dollar)(foo)");
            assertThat(expand("$(d)")).isEqualTo("$(foo)");
        }
    }

    @Nested
    class Variables {
        @Test
        void simpleVariablesExpandAtDefinition() {
            define("x := a$(y)");
            define("y := b");
            assertThat(expand("$(x)")).isEqualTo("a");
        }

        @Test
        void recursiveVariablesExpandAtUse() {
            define("x = a$(y)");
            define("y := b");
            assertThat(expand("$(x)")).isEqualTo("ab");
            define("y := c");
            assertThat(expand("$(x)")).isEqualTo("ac");
        }

        @Test
        void appendToSimpleExpandsNow() {
            define("x := a$(y)");
            define("y := b");
            define("x += $(y)");
            define("y := c");
            assertThat(expand("$(x)")).isEqualTo("a b");
        }

        @Test
        void appendToRecursiveDefers() {
            define("x = a$(y)");
            define("y := b");
            define("x += $(y)");
            define("y := c");
            assertThat(expand("$(x)")).isEqualTo("ac c");
        }

        @Test
        void appendToUndefinedDefinesARecursiveVariableIgnoringTheEnvironment() {
            environment.put("x", "ENV");
            newPreprocessor();
            define("x += $(y)");
            define("y := b");
            assertThat(expand("$(x)")).isEqualTo("b");
        }

        @Test
        void appendAlwaysInsertsOneSpace() {
            define("x :=");
            define("x += b");
            define("y := a");
            define("y +=");
            assertThat(expand("[$(x)][$(y)]")).isEqualTo("[ b][a ]");
        }

        @Test
        void appendToSimpleSeesTheOldValue() {
            define("x := a");
            define("x += [$(x)]");
            assertThat(expand("$(x)")).isEqualTo("a [a]");
        }

        @Test
        void redefinitionChangesTheFlavor() {
            define("x := a");
            define("x = $(y)");
            define("y := b");
            assertThat(expand("$(x)")).isEqualTo("b");
        }

        @Test
        void simpleRedefinitionSeesItselfEmpty() {
            // The kernel reads the freed old value here: empty for short values.
            define("x := a");
            define("x := [$(x)]");
            assertThat(expand("$(x)")).isEqualTo("[]");
        }

        @Test
        void valuesKeepQuotesBackslashesAndTrailingBlanks() {
            define("x := \"a\" \\b ");
            assertThat(expand("$(x)|")).isEqualTo("\"a\" \\b |");
        }

        @Test
        void theNameOfAnAssignmentIsExpanded() {
            define("arch := x86");
            define("$(arch)-flags := -m64");
            assertThat(expand("$(x86-flags)")).isEqualTo("-m64");
        }

        @Test
        void namesMayContainBlanks() {
            define("e := a b");
            define("$(e) := q");
            assertThat(expand("[$(a b)]")).isEqualTo("[q]");
        }

        @Test
        void anEmptyNameIsASyntaxError() {
            define("e :=");
            assertThatThrownBy(() -> define("$(e) := q", 7))
                    .isInstanceOf(KconfigException.class)
                    .hasMessage("syntax error")
                    .extracting("line").isEqualTo(7);
        }

        @Test
        void referenceNamesAreExpandedFirst() {
            define("n := cc");
            define("cc := gcc");
            assertThat(expand("$($(n))")).isEqualTo("gcc");
        }

        @Test
        void undefinedEverywhereIsEmpty() {
            assertThat(expand("[$(nowhere)][$()][$(nowhere,arg)][$(,a)]")).isEqualTo("[][][][]");
        }
    }

    @Nested
    class Environment {
        @Test
        void undefinedVariablesComeFromTheEnvironmentUnexpanded() {
            environment.put("CC", "gcc");
            environment.put("S", "$(CC)");
            newPreprocessor();
            assertThat(expand("$(CC) $(S)")).isEqualTo("gcc $(CC)");
        }

        @Test
        void usedEnvironmentListsSetVariablesOnceInFirstUseOrder() {
            environment.put("FOO", "foo");
            environment.put("BAR", "bar");
            environment.put("UNUSED", "u");
            newPreprocessor();
            define("a := $(FOO)$(BAR)$(FOO)$(UNSET)");
            assertThat(preprocessor.usedEnvironment()).containsExactly(Map.entry("FOO", "foo"), Map.entry("BAR", "bar"));
        }

        @Test
        void kconfigVariablesAndCallsWithArgumentsDoNotReadTheEnvironment() {
            environment.put("FOO", "foo");
            environment.put("BAR", "bar");
            newPreprocessor();
            define("BAR := mine");
            assertThat(expand("[$(FOO,x)][$(BAR)]")).isEqualTo("[][mine]");
            assertThat(preprocessor.usedEnvironment()).isEmpty();
        }

        @Test
        void aVariableDefinedLaterHidesTheEnvironmentFromThenOn() {
            environment.put("BAR", "bar");
            newPreprocessor();
            assertThat(expand("$(BAR)")).isEqualTo("bar");
            define("BAR := x");
            assertThat(expand("$(BAR)")).isEqualTo("x");
            assertThat(preprocessor.usedEnvironment()).containsExactly(Map.entry("BAR", "bar"));
        }
    }

    @Nested
    class UserFunctions {
        @Test
        void parametersAreNumberedFromOne() {
            define("f = [$(1)|$(2)|$(3)]");
            assertThat(expand("$(f,a,b,c)")).isEqualTo("[a|b|c]");
        }

        @Test
        void argumentsKeepAllWhitespace() {
            define("f = [$(1)|$(2)]");
            assertThat(expand("$(f, a , b)")).isEqualTo("[ a | b]");
        }

        @Test
        void commasInsideParenthesesDoNotSplit() {
            define("f = [$(1)|$(2)]");
            define("g = $(1)");
            assertThat(expand("$(f,c(d,e)f,$(g,x,y))")).isEqualTo("[c(d,e)f|x]");
        }

        @Test
        void zeroIsNotTheFunctionNameButAnOrdinaryName() {
            define("f = <$(0)>");
            assertThat(expand("$(f,x)")).isEqualTo("<>");
            environment.put("0", "ZERO");
            newPreprocessor();
            define("f = <$(0)>");
            assertThat(expand("$(f,x)")).isEqualTo("<ZERO>");
        }

        @Test
        void parametersBeyondTheArgumentsFallThroughToVariablesAndEnvironment() {
            environment.put("1", "ONE");
            environment.put("3", "THREE");
            newPreprocessor();
            define("g = <$(1)><$(2)><$(3)>");
            assertThat(expand("$(g,y)|$(g)|$(1)")).isEqualTo("<y><><THREE>|<ONE><><THREE>|ONE");
        }

        @Test
        void parameterNumbersAreReadLikeStrtol() {
            define("g = <$( 1)><$(+1)><$(01)><$(1 )><$(-1)><$(0x1)><$(2)>");
            assertThat(expand("$(g,a,b)")).isEqualTo("<a><a><a><><><><b>");
        }

        @Test
        void aParameterReferenceWithArgumentsIsAVariableCall() {
            define("1 := one");
            define("f = <$(1)><$(1,z)>");
            assertThat(expand("$(f,A)")).isEqualTo("<A><one>");
        }

        @Test
        void aSimpleVariableIgnoresArguments() {
            define("dollar := $");
            define("s := $(dollar)(1)");
            assertThat(expand("$(s,Z)")).isEqualTo("$(1)");
        }

        @Test
        void variablesReferencedFromAFunctionDoNotSeeItsArguments() {
            define("v = [$(1)]");
            define("w = $(v)");
            assertThat(expand("$(w,Q)")).isEqualTo("[]");
        }

        @Test
        void argumentsAreExpandedEvenWhenUnused() {
            define("g = const");
            assertThat(expand("$($(info,N)g,$(info,A1)a,$(info,A2)b)")).isEqualTo("const");
            assertThat(stdout()).isEqualTo("N\nA1\nA2\n");
        }

        @Test
        void kconfigIncludeHelpers() {
            define("if-success = $(shell,{ $(1); } >/dev/null 2>&1 && echo \"$(2)\" || echo \"$(3)\")");
            define("success = $(if-success,$(1),y,n)");
            define("failure = $(if-success,$(1),n,y)");
            assertThat(expand("$(success,true) $(success,false) $(failure,true)")).isEqualTo("y n n");
        }

        @Test
        void fifteenArgumentsAtMost() {
            define("f = [$(1)$(15)]");
            assertThat(expand("$(f,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15)")).isEqualTo("[115]");
            assertFails("$(f,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,$(info,16))", "too many function arguments");
            assertThat(stdout()).as("checked before expanding").isEmpty();
        }
    }

    @Nested
    class BuiltinFunctions {
        @Test
        void aUserVariableHidesABuiltin() {
            define("filename := mine");
            define("shell = S$(1)");
            assertThat(expand("$(filename)|$(shell,echo hi)")).isEqualTo("mine|Secho hi");
        }

        @Test
        void filenameAndLinenoAreTheUseSite() {
            define("where = $(filename):$(lineno)", 3);
            assertThat(preprocessor.expand("$(where)", "init/Kconfig", 77)).isEqualTo("init/Kconfig:77");
        }

        @Test
        void infoPrintsALineToStdout() {
            assertThat(expand("$(info,hello)$(info, sp )$(info,)")).isEmpty();
            assertThat(stdout()).isEqualTo("hello\n sp \n\n");
        }

        @Test
        void warningIfPrintsWithLocationOnlyForExactlyY() {
            assertThat(expand("$(warning-if,y,careful $(lineno))$(warning-if,n,no)$(warning-if, y,no)$(warning-if,yes,no)"))
                    .isEmpty();
            assertThat(stderr()).isEqualTo(FILE + ":42: careful 42\n");
        }

        @Test
        void errorIfStopsWithLocation() {
            define("comma := ,");
            assertThat(expand("$(error-if,n,fine)$(error-if,yes,fine)")).isEmpty();
            assertFails("$(error-if,y,Sorry$(comma) no)$(error-if,y,second)", "Sorry, no");
        }

        @Test
        void argumentCountsAreChecked() {
            assertFails("$(shell)", "too few function arguments passed to 'shell'");
            assertFails("$(shell,echo a,b)", "too many function arguments passed to 'shell'");
            assertFails("$(info)", "too few function arguments passed to 'info'");
            assertFails("$(warning-if,y)", "too few function arguments passed to 'warning-if'");
            assertFails("$(error-if,y,a,b)", "too many function arguments passed to 'error-if'");
            assertFails("$(filename,a)", "too many function arguments passed to 'filename'");
            assertFails("$(lineno,a)", "too many function arguments passed to 'lineno'");
        }

        @Test
        void namesMustMatchExactly() {
            assertThat(expand("[$( shell,echo hi)][$(shell ,echo hi)]")).isEqualTo("[][]");
        }
    }

    @Nested
    class ShellFunction {
        @Test
        void returnsStdout() {
            assertThat(expand("$(shell,echo hello)")).isEqualTo("hello");
            assertThat(expand("$(shell, echo \"a b\")")).isEqualTo("a b");
        }

        @Test
        void newlinesBecomeSpacesAndTrailingOnesGo() {
            assertThat(expand("$(shell,printf 'a\\n\\nb\\n\\n\\n')")).isEqualTo("a  b");
            assertThat(expand("$(shell,printf '\\na \\n ')")).isEqualTo(" a   ");
            assertThat(expand("$(shell,printf '\\n\\n')")).isEmpty();
        }

        @Test
        void carriageReturnsAndTabsStay() {
            assertThat(expand("$(shell,printf 'a\\r\\nb\\t\\r\\n')")).isEqualTo("a\r b\t\r");
        }

        @Test
        void outputEndsAtNulAfterNewlineHandling() {
            assertThat(expand("$(shell,printf 'a\\000b\\nc')")).isEqualTo("a");
            assertThat(expand("$(shell,printf 'a\\n\\000')")).isEqualTo("a ");
        }

        @Test
        void onlyTheFirst4095BytesCount() {
            assertThat(expand("$(shell,head -c 5000 /dev/zero | tr '\\000' c; printf '\\nd\\n')"))
                    .isEqualTo("c".repeat(4095));
        }

        @Test
        void exitStatusAndStderrAreNotPartOfTheResult() {
            assertThat(expand("$(shell,echo oops >&2; echo out; exit 3)")).isEqualTo("out");
            assertThat(stderr()).isEqualTo("oops\n");
        }

        @Test
        void runsInTheObjectDirectoryWithExactlyTheGivenEnvironment() throws Exception {
            environment.put("ZED", "z");
            newPreprocessor();
            assertThat(expand("$(shell,pwd)")).isEqualTo(objdir.toRealPath().toString());
            assertThat(expand("$(shell,echo $ZED-${HOME:-nohome})")).isEqualTo("z-nohome");
            assertThat(preprocessor.usedEnvironment()).as("only $(NAME) references are recorded").isEmpty();
        }

        @Test
        void dollarDollarReachesTheShell() {
            assertThat(expand("$(shell,test $$ -gt 1 && echo pid)")).isEqualTo("pid");
        }

        @Test
        void stdinIsEmpty() {
            assertThat(expand("$(shell,cat; echo done)")).isEqualTo("done");
        }

        @Test
        void commasNeedAVariable() {
            define("comma := ,");
            assertThat(expand("$(shell,echo hello$(comma) world)")).isEqualTo("hello, world");
        }

        @Test
        void canCreateFilesInTheObjectDirectory() {
            expand("$(shell,mkdir .tmp_$$ && touch .tmp_$$/x; echo)");
            assertThat(objdir.toFile().list()).hasSize(1);
            assertThat(Files.isDirectory(objdir.resolve(objdir.toFile().list()[0]))).isTrue();
        }
    }

    @Nested
    class Errors {
        @Test
        void unterminatedReferenceQuotesTheRestOfTheText() {
            assertFails("x $(foo", "unterminated reference to 'foo': missing ')'");
            assertFails("$(foo$(bar)", "unterminated reference to 'foo$(bar)': missing ')'");
            assertFails("$(f,(a)", "unterminated reference to 'f,(a)': missing ')'");
        }

        @Test
        void unterminatedReferenceInARecursiveVariableFailsAtUse() {
            define("x = $(oops");
            assertFails("$(x)", "unterminated reference to 'oops': missing ')'");
        }

        @Test
        void aVariableReferencingItselfFailsAtUse() {
            define("x = $(x)");
            assertFails("$(x)", "Recursive variable 'x' references itself (eventually)");
        }

        @Test
        void eventuallyMeansThroughOtherVariables() {
            define("f = $(g)");
            define("g = $(f)");
            assertFails("$(f,y)", "Recursive variable 'f' references itself (eventually)");
        }

        @Test
        void appendingItselfToARecursiveVariableIsRecursion() {
            define("x = a");
            define("x += $(x)");
            assertFails("$(x)", "Recursive variable 'x' references itself (eventually)");
        }

        @Test
        void aFunctionMayRecurseWithArgumentsUpTo1001Levels() {
            define("f = $(info,$(1))$(f,$(1)x)");
            assertFails("$(f,y)", "Too deep recursive expansion");
            assertThat(stdout().lines()).hasSize(1001);
        }

        @Test
        void mutualRecursionEndsWithTheSameMessage() {
            // The kernel counts per function and gets through 2002 calls here; our bound on
            // nesting (which keeps the Java stack safe) stops earlier, with the same message.
            define("f = $(info,F)$(g,a)");
            define("g = $(info,G)$(f,b)");
            assertFails("$(f,y)", "Too deep recursive expansion");
            assertThat(stdout().lines()).hasSizeGreaterThan(1001);
        }

        @Test
        void aFunctionRepeatedWithoutArgumentsIsRecursion() {
            define("f = $(info,X)$(f)");
            assertFails("$(f,y)", "Recursive variable 'f' references itself (eventually)");
        }

        @Test
        void longChainsOfDistinctVariablesAreFine() {
            for (int i = 0; i < 1000; i++) {
                define("f" + i + " = $(f" + (i + 1) + ",x)");
            }
            define("f1000 = end");
            assertThat(expand("$(f0)")).isEqualTo("end");
        }

        @Test
        void deepTextualNestingIsFineUpToALimit() {
            assertThat(expand("$(e,".repeat(1000) + "z" + ")".repeat(1000))).isEmpty();
            assertFails("$(e,".repeat(5000) + "z" + ")".repeat(5000), "Too deep recursive expansion");
        }

        @Test
        void stateIsIntactAfterAnError() {
            define("x = $(x)");
            assertFails("$(x)", "Recursive variable 'x' references itself (eventually)");
            define("x = fine");
            assertThat(expand("$(x)")).isEqualTo("fine");
        }
    }

    @Nested
    class ForTheLexer {
        @Test
        void referenceEndSpansBlanksQuotesAndNesting() {
            String text = "\"$(shell,echo \"a b\" $(x))c\"";
            int end = Preprocessor.referenceEnd(text, 1, FILE, 1);
            assertThat(text.substring(1, end)).isEqualTo("$(shell,echo \"a b\" $(x))");
        }

        @Test
        void referenceEndReportsUnterminatedReferences() {
            assertThatThrownBy(() -> Preprocessor.referenceEnd("$(foo", 0, FILE, 5))
                    .isInstanceOf(KconfigException.class)
                    .hasMessage("unterminated reference to 'foo': missing ')'");
        }
    }
}
