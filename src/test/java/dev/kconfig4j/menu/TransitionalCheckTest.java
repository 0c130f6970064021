package dev.kconfig4j.menu;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kconfig4j.support.ConfRun;
import dev.kconfig4j.support.OracleRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Where a {@code transitional} symbol (7.x) may stand: {@link TransitionalCheck}. Each case is a
 * tiny tree and what conf 7.3 prints and exits with; with KCONFIG4J_ORACLE set, the kernel's conf
 * is asked too and must agree to the byte.
 */
class TransitionalCheckTest {

    private static ConfRun.Result load(String kconfig) {
        return OracleRun.sameAsKernel("7.3", kconfig, "CONFIG_OLD=y\n", "--olddefconfig");
    }

    private static void refused(String kconfig, String stderr) {
        ConfRun.Result r = load(kconfig);
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.stderr()).isEqualTo(stderr);
        assertThat(r.config()).as("nothing written").isEqualTo("CONFIG_OLD=y\n");
    }

    @Test
    void insideAMenuWithADependencyIsAnErrorAtTheSymbol() {
        refused("""
                config A
                	bool "a"
                menu "m"
                	depends on A
                config OLD
                	bool
                	transitional
                config NEW
                	bool "new"
                	default OLD
                endmenu
                """, "Kconfig:5: error: transitional symbols can only have help sections\n");
    }

    @Test
    void insideAnIfBlockIsAnErrorAtTheSymbol() {
        refused("""
                config A
                	bool "a"
                if A
                config OLD
                	bool
                	transitional
                endif
                config NEW
                	bool "new"
                	default OLD
                """, "Kconfig:4: error: transitional symbols can only have help sections\n");
    }

    @Test
    void insideAChoiceItIsAMemberWithoutAPrompt() {
        refused("""
                choice
                	prompt "c"
                config OLD
                	bool
                	transitional
                config B
                	bool "b"
                endchoice
                """, "Kconfig:3: error: choice member must have a prompt\n");
    }

    @Test
    void insideAChoiceWithADependencyAndAPromptItsDependencyComesFirst() {
        refused("""
                config A
                	bool "a"
                choice
                	prompt "c"
                	depends on A
                config OLD
                	bool "o"
                	transitional
                config B
                	bool "b"
                endchoice
                """, "Kconfig:6: error: transitional symbols can only have help sections\n");
    }

    @ParameterizedTest
    @ValueSource(strings = {"menu \"m\"\n\tvisible if n\n", "if y\n", "if !n\n", "menu \"m\"\n"})
    void anEnclosingBlockThatAddsNoDependencyIsAccepted(String open) {
        String close = open.startsWith("if") ? "endif\n" : "endmenu\n";
        ConfRun.Result r = load(open + "config OLD\n\tbool\n\ttransitional\n" + close
                + "config NEW\n\tbool \"new\"\n\tdefault OLD\n");
        assertThat(r.exit()).isZero();
        assertThat(r.body()).endsWith("CONFIG_NEW=y\n");
    }

    @ParameterizedTest
    @ValueSource(strings = {"y", "!n", "y && y", "A || !A", "!A || B || A"})
    void aDependencyThatIsAlwaysTrueIsNoDependency(String dep) {
        ConfRun.Result r = load("config A\n\tbool\nconfig B\n\tbool\nconfig OLD\n\tbool\n\ttransitional\n\tdepends on "
                + dep + "\n");
        assertThat(r.exit()).as(r.stderr()).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"n", "A", "y=y", "(A && B) || !(A && B)"})
    void anyOtherDependencyIsAnErrorAtTheSymbolsLine(String dep) {
        refused("config A\n\tbool\nconfig B\n\tbool\nconfig OLD\n\tbool\n\ttransitional\n\tdepends on " + dep + "\n",
                "Kconfig:5: error: transitional symbols can only have help sections\n");
    }

    @Test
    void aPropertyIsAnErrorAtItsLineAndOnlyTheFirstIsNamed() {
        refused("""
                config OLD
                	bool
                	transitional
                	select A
                	default y
                	imply A
                config A
                	bool
                """, "Kconfig:4: error: transitional symbols can only have help sections\n");
    }

    @Test
    void everyDefinitionIsCheckedAndNamesTheSymbolsFirstProperty() {
        // The second definition carries the default; both definitions report it.
        refused("""
                config OLD
                	bool
                	transitional
                config A
                	bool
                config OLD
                	bool
                	default y
                """, "Kconfig:8: error: transitional symbols can only have help sections\n"
                + "Kconfig:8: error: transitional symbols can only have help sections\n");
    }

    @Test
    void everySymbolIsReportedAfterTheRecursiveDependencies() {
        refused("""
                config A
                	bool "a"
                	depends on B
                config B
                	bool "b"
                	depends on A
                config ZZ
                	bool
                	transitional
                	default y
                config AA
                	bool
                	transitional
                	prompt "aa"
                """, """
                error: recursive dependency detected!
                	symbol A depends on B
                	symbol B depends on A
                For a resolution refer to Documentation/kbuild/kconfig-language.rst
                subsection "Kconfig recursive dependency limitations"

                Kconfig:10: error: transitional symbols can only have help sections
                Kconfig:14: error: transitional symbols can only have help sections
                """);
    }

    @Test
    void withHelpOnlyItLoadsAndWithoutATypeItIsOnlyAWarning() {
        assertThat(load("config OLD\n\tbool\n\ttransitional\n\thelp\n\t  old name\n").exit()).isZero();
        ConfRun.Result untyped = load("config OLD\n\ttransitional\n");
        assertThat(untyped.exit()).isZero();
        assertThat(untyped.stderr()).isEqualTo("Kconfig:1:warning: config symbol defined without type\n");
    }
}
