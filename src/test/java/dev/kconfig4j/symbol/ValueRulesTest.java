package dev.kconfig4j.symbol;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kconfig4j.support.ConfRun;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * How symbol values are decided, one rule per test: a tiny Kconfig, an input, the resulting
 * {@code .config}. Every expectation was produced by the kernel's own conf of the named version.
 */
class ValueRulesTest {

    private static final String MODULES = "config MODULES\n\tbool \"modules\"\n\tdefault y\n\tmodules\n";

    @ParameterizedTest
    @ValueSource(strings = {"6.1", "6.12"})
    void defaultsSelectsImpliesAndRanges(String version) {
        ConfRun.Result r = ConfRun.tree(version, MODULES + """
                config A
                	bool
                	default n
                config B
                	bool
                	default C
                config C
                	bool "c"
                config E
                	int "e"
                	range 5 10
                config F
                	hex "f"
                	range 0x10 0x20
                	default 0x5
                config G
                	string "g"
                config H
                	tristate "h"
                	default m
                config I
                	bool "i"
                	default H
                config J
                	tristate
                	default y if m
                config K
                	tristate "k"
                	imply L
                	default m
                config L
                	tristate "l"
                config M
                	int
                	default 3
                	range 5 6
                """).run("--olddefconfig");
        assertThat(r.exit()).isZero();
        // A and B default to n and have no prompt: not written at all.
        assertThat(r.body()).isEqualTo("""
                CONFIG_MODULES=y
                # CONFIG_C is not set
                CONFIG_E=5
                CONFIG_F=0x10
                CONFIG_G=""
                CONFIG_H=m
                CONFIG_I=y
                CONFIG_J=m
                CONFIG_K=m
                CONFIG_L=m
                CONFIG_M=5
                """);
    }

    @Test
    void visibleNumberWithoutValueIsEmptyIn61AndZeroIn612() {
        String kconfig = "config D\n\tint \"d\"\nconfig X\n\thex \"x\"\n";
        assertThat(ConfRun.tree("6.1", kconfig).run("--olddefconfig").body()).isEqualTo("CONFIG_D=\nCONFIG_X=\n");
        assertThat(ConfRun.tree("6.12", kconfig).run("--olddefconfig").body()).isEqualTo("CONFIG_D=0\nCONFIG_X=0x0\n");
    }

    private static final String CHOICE_TREE = MODULES + """
            choice
            	prompt "pick"
            	default B
            config A
            	bool "a"
            config B
            	bool "b"
            config C
            	bool "c"
            endchoice
            config N
            	int "n"
            	range 10 20
            	default 5
            config H
            	hex "h"
            	range 0x100 0x1FF
            config S
            	string "s"
            	default "x\\"y"
            config IMP
            	tristate "imp"
            	imply T
            config T
            	tristate "t"
            """;

    @Test
    void outOfRangeUserValueIsDroppedUpTo61() {
        ConfRun.Result r = ConfRun.tree("6.1", CHOICE_TREE)
                .config("CONFIG_C=y\nCONFIG_A=y\nCONFIG_N=30\nCONFIG_IMP=y\nCONFIG_T=m\n").run("--olddefconfig");
        // 30 is out of range: dropped, so the default 5 applies, clamped to 10.
        assertThat(r.body()).contains("CONFIG_N=10\n");
        // The last member set to y wins; 6.1 warns about the second y.
        assertThat(r.body()).startsWith("CONFIG_MODULES=y\nCONFIG_A=y\n# CONFIG_B is not set\n# CONFIG_C is not set\n");
        assertThat(r.stderr()).contains(".config:2:warning: override: A changes choice state");
        // imply is a default: the user's m stays m although IMP=y implies y.
        assertThat(r.body()).contains("CONFIG_IMP=y\nCONFIG_T=m\n");
        assertThat(r.body()).contains("CONFIG_H=0x100\nCONFIG_S=\"x\\\"y\"\n");
    }

    @Test
    void outOfRangeUserValueIsClampedFrom612() {
        ConfRun.Result r = ConfRun.tree("6.12", CHOICE_TREE)
                .config("CONFIG_C=y\nCONFIG_A=y\nCONFIG_N=30\nCONFIG_IMP=y\nCONFIG_T=m\n").run("--olddefconfig");
        assertThat(r.body()).contains("CONFIG_N=20\n");
        assertThat(r.body()).startsWith("CONFIG_MODULES=y\nCONFIG_A=y\n# CONFIG_B is not set\n# CONFIG_C is not set\n");
        assertThat(r.stderr()).isEmpty();
    }

    private static final String HIDDEN_CHOICE = """
            config EXPERT
            	bool "expert"
            config X86_32
            	def_bool y
            choice
            	prompt "Memory split" if EXPERT
            	default VMSPLIT_3G
            	depends on X86_32
            config VMSPLIT_3G
            	bool "3G"
            config VMSPLIT_2G
            	bool "2G"
            endchoice
            config PAGE_OFFSET
            	hex
            	default 0x80000000 if VMSPLIT_2G
            	default 0xC0000000
            """;

    @Test
    void aChoiceWithHiddenPromptHidesItsMembersUpTo61() {
        assertThat(ConfRun.tree("6.1", HIDDEN_CHOICE).run("--allnoconfig").body())
                .isEqualTo("# CONFIG_EXPERT is not set\nCONFIG_X86_32=y\nCONFIG_PAGE_OFFSET=0xC0000000\n");
    }

    @Test
    void aChoiceWithHiddenPromptStillSelectsFrom612() {
        assertThat(ConfRun.tree("6.12", HIDDEN_CHOICE).run("--allnoconfig").body()).isEqualTo(
                "# CONFIG_EXPERT is not set\nCONFIG_X86_32=y\nCONFIG_VMSPLIT_3G=y\n# CONFIG_VMSPLIT_2G is not set\n"
                        + "CONFIG_PAGE_OFFSET=0xC0000000\n");
    }

    @Test
    void membersOfAnMChoiceSelectWithTheChoiceDependencyFrom612() {
        ConfRun.Result r = ConfRun.tree("6.12", MODULES + """
                config A
                	tristate "a"
                	default m
                config R
                	tristate "r"
                if A
                choice
                	bool "x"
                config C1
                	bool "c1"
                	select R
                endchoice
                endif
                """).run("--olddefconfig");
        assertThat(r.body()).isEqualTo("CONFIG_MODULES=y\nCONFIG_A=m\nCONFIG_R=m\nCONFIG_C1=y\n");
    }

    @Test
    void membersOfAChoiceSelectWithTheChoiceSymbolUpTo61() {
        ConfRun.Result r = ConfRun.tree("6.1", MODULES + """
                config A
                	tristate "a"
                	default m
                config R
                	tristate "r"
                if A
                choice
                	bool "x"
                config C1
                	bool "c1"
                	select R
                endchoice
                endif
                """).run("--olddefconfig");
        assertThat(r.body()).isEqualTo("CONFIG_MODULES=y\nCONFIG_A=m\nCONFIG_R=y\nCONFIG_C1=y\n");
    }

    @Test
    void modToNoKeepsAStaleHiddenMemberThatTheChoiceDidNotLookAt() {
        // Behaviour of 6.12's conf: after mod2noconfig hides D_A and D_B, the member the choice
        // scan never reached (D_A, after the y it stopped at) is still written; the one that
        // asked first (D_B, through PEEK) is not.
        ConfRun.Result r = ConfRun.tree("6.12", MODULES + """
                config A
                	tristate "a"
                config B
                	tristate "b"
                config C
                	bool "c"
                config PEEK
                	bool
                	default y if D_B
                choice
                	prompt "Default"
                	default D_P
                config D_A
                	bool "da" if A
                config D_B
                	bool "db" if B
                config D_C
                	bool "dc" if C
                config D_P
                	bool "dp"
                endchoice
                """).config("CONFIG_MODULES=y\nCONFIG_A=m\nCONFIG_B=m\nCONFIG_C=y\n# CONFIG_D_A is not set\n"
                        + "# CONFIG_D_B is not set\nCONFIG_D_C=y\n# CONFIG_D_P is not set\n").run("--mod2noconfig");
        assertThat(r.body()).contains("# CONFIG_D_A is not set\nCONFIG_D_C=y\n# CONFIG_D_P is not set\n")
                .doesNotContain("D_B");
    }

    @Test
    void transitionalSymbolPassesItsOldValueToTheNewOneAndIsNotWritten() {
        ConfRun.Result r = ConfRun.tree("7.3", """
                config NEW_OPTION
                	bool "New option"
                	default OLD_OPTION
                config OLD_OPTION
                	bool
                	transitional
                	help
                	  The old name of NEW_OPTION.
                """).config("CONFIG_OLD_OPTION=y\n").run("--olddefconfig");
        assertThat(r.body()).isEqualTo("CONFIG_NEW_OPTION=y\n");
    }

    @ParameterizedTest
    @ValueSource(strings = {"5.10", "6.1"})
    void anOutOfRangeValueDroppedAfterReadingRecomputesOnlyItsOwnSymbol(String version) {
        // S7 is missing, so the tristate choice counts as new; dropping S5's value must not
        // compute the choice again: it keeps the y read for S6 (the kernel's conf; found by the fuzzer).
        String modules = version.equals("5.10") ? "option modules" : "modules";
        ConfRun.Result r = dev.kconfig4j.support.OracleRun.sameAsKernel(version, """
                config MODULES
                	bool "modules"
                	default y
                	%s
                config S5
                	int "s5"
                	range 4 24
                	default 4
                choice
                	prompt "choice"
                	tristate
                config S6
                	tristate "s6"
                config S7
                	tristate "s7"
                endchoice
                """.formatted(modules), "CONFIG_S5=37\nCONFIG_S6=y\n", "--olddefconfig");
        assertThat(r.body()).isEqualTo("CONFIG_MODULES=y\nCONFIG_S5=4\nCONFIG_S6=y\n# CONFIG_S7 is not set\n");
    }

    @ParameterizedTest
    @ValueSource(strings = {"5.10", "6.1", "6.12", "7.3"})
    void aValueClampedToARangeTakesTheBoundAsWritten(String version) {
        // A hex symbol with "range 10 20" is clamped to 20, not 0x20; an int to "range 010 20" is 010.
        ConfRun.Result r = dev.kconfig4j.support.OracleRun.sameAsKernel(version, """
                config H
                	hex "h"
                	default 0x50
                	range 10 20
                config I
                	int "i"
                	default 5
                	range 010 20
                """, null, "--olddefconfig");
        assertThat(r.body()).isEqualTo("CONFIG_H=20\nCONFIG_I=010\n");
    }

    @Test
    void conditionalDependencyAppliesOnlyWhereItsConditionHolds() {
        // "depends on X if Y" is "depends on X || (Y = n)".
        String tree = MODULES + """
                config X
                	bool "x"
                config Y
                	tristate "y"
                config Z
                	bool "z"
                	default y
                	depends on X if Y
                """;
        assertThat(ConfRun.tree("6.12", tree).config("# CONFIG_X is not set\n# CONFIG_Y is not set\n")
                .run("--olddefconfig").body()).contains("CONFIG_Z=y");
        assertThat(ConfRun.tree("6.12", tree).config("# CONFIG_X is not set\nCONFIG_Y=m\n")
                .run("--olddefconfig").body()).doesNotContain("CONFIG_Z");
        assertThat(ConfRun.tree("6.12", tree).config("CONFIG_X=y\nCONFIG_Y=y\n")
                .run("--olddefconfig").body()).contains("CONFIG_Z=y");
    }
}
