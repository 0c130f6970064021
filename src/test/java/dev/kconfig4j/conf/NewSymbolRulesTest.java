package dev.kconfig4j.conf;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kconfig4j.support.ConfRun;
import dev.kconfig4j.support.OracleRun;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Which symbols count as new (listnewconfig, oldconfig) or as set (savedefconfig), and the order
 * of "Selected by" lists: rules found with the kernel's conf of each generation, which is asked
 * again when KCONFIG4J_ORACLE is set.
 */
class NewSymbolRulesTest {

    private static final String TRANSITIONAL = """
            config X
            	bool "x"
            config A_PLAIN
            	bool "a"
            	default OLD
            config B_OLD_UNSET
            	bool "b"
            	default OLD2
            config C_INACTIVE
            	bool "c"
            	default OLD if X
            config D_EXPRESSION
            	bool "d"
            	default OLD || X
            config F_SECOND_DEFAULT
            	bool "f"
            	default X if X
            	default OLD
            config I_INT
            	int "i"
            	range 10 20
            	default OLDI
            config OLD
            	bool
            	transitional
            config OLD2
            	bool
            	transitional
            config OLDI
            	int
            	transitional
            """;

    /** {@link dev.kconfig4j.dialect.Dialect#adoptsTransitionalDefaults()}. */
    @Test
    void aSymbolWhoseActiveDefaultIsASetTransitionalSymbolIsNotNewFrom73() {
        String config = "# CONFIG_OLD is not set\nCONFIG_OLDI=5\n";
        // Only a default that is exactly one transitional symbol, active, and set by the input.
        assertThat(stdout("7.3", TRANSITIONAL, config, "", "--listnewconfig"))
                .isEqualTo("CONFIG_X=n\nCONFIG_B_OLD_UNSET=n\nCONFIG_C_INACTIVE=n\nCONFIG_D_EXPRESSION=n\n");
    }

    @Test
    void theAdoptedValueStaysWhenTheDefaultChangesLater() {
        // X is asked first and answered y: A's first default becomes X=y, but A already took
        // OLD's n as its own value when the config was read, so it is not asked and stays n.
        String tree = "config X\n\tbool \"x\"\nconfig A\n\tbool \"a\"\n\tdefault X if X\n\tdefault OLD\n"
                + "config OLD\n\tbool\n\ttransitional\n";
        ConfRun.Result r = ConfRun.tree("7.3", tree).config("# CONFIG_OLD is not set\n").stdin("y\n").run("--oldconfig");
        assertThat(r.body()).isEqualTo("CONFIG_X=y\n# CONFIG_A is not set\n");
        assertThat(r.stdout()).contains("a (A) [N/y/?] n\n").doesNotContain("(A) [N/y/?] (NEW)");
        if (OracleRun.available("7.3")) {
            ConfRun.Result k = OracleRun.run("7.3", tree, "# CONFIG_OLD is not set\n", "y\n", Map.of(), "--oldconfig");
            assertThat(r.stdout()).isEqualTo(k.stdout());
            assertThat(r.body()).isEqualTo(k.body());
        }
    }

    @Test
    void theAdoptedIntKeepsTheTransitionalTextBeforeTheRangeClampsIt() {
        // KCONFIG_WARN_CHANGED_INPUT shows the adopted user value: 5, clamped to 10.
        ConfRun.Result r = ConfRun.tree("7.3", TRANSITIONAL).config("CONFIG_OLD=y\nCONFIG_OLDI=5\n")
                .env("KCONFIG_WARN_CHANGED_INPUT", "1").run("--olddefconfig");
        assertThat(r.stderr()).contains("  CONFIG_I_INT: 5 -> 10\n");
        assertThat(r.body()).contains("CONFIG_A_PLAIN=y\n").contains("CONFIG_I_INT=10\n");
    }

    private static final String SELECTED_MEMBER = """
            config MODULES
            	bool "modules"
            	default y
            	modules
            choice
            	prompt "pick"
            	default A
            config A
            	bool "a"
            config B
            	bool "b"
            endchoice
            config T
            	tristate "t"
            	select B
            """;

    @ParameterizedTest
    @ValueSource(strings = {"6.12", "7.3"})
    void aSelectOfAChoiceMemberIsNeverEvaluated(String version) {
        // The select neither sets B nor keeps it from being changeable: savedefconfig keeps the
        // user's choice, listnewconfig names the member.
        assertThat(defconfig(version, SELECTED_MEMBER, "CONFIG_MODULES=y\nCONFIG_B=y\nCONFIG_T=m\n"))
                .isEqualTo("CONFIG_B=y\nCONFIG_T=m\n");
        assertThat(stdout(version, SELECTED_MEMBER, "CONFIG_MODULES=y\nCONFIG_T=y\n", "", "--listnewconfig"))
                .isEqualTo("CONFIG_A=y\nCONFIG_B=n\n");
    }

    private static final String SELECT_ORDER = """
            config X
            	bool "x"
            	default y
            config T
            	bool "t"
            if X
            config A
            	bool "a"
            	select T
            menu "m"
            config C
            	bool "c"
            	select T
            endmenu
            endif
            config B
            	bool "b"
            	select T
            """;

    @ParameterizedTest
    @ValueSource(strings = {"5.10", "6.1", "6.12", "7.3"})
    void selectedByListsEntriesLevelByLevelOfTheTreeAsWritten(String version) {
        // B follows the if block but is on the top level: its select comes before A's (inside
        // the if) and C's (one level deeper still).
        String help = stdout(version, SELECT_ORDER, "", "", "--helpnewconfig");
        assertThat(help).contains("Selected by [n]:\n  - B [=n]\n  - A [=n] && X [=y]\n  - C [=n] && X [=y]\n");
    }

    private static String stdout(String version, String kconfig, String config, String stdin, String... args) {
        ConfRun.Result ours = ConfRun.tree(version, kconfig).config(config).stdin(stdin).run(args);
        assertThat(ours.exit()).isZero();
        if (OracleRun.available(version)) {
            ConfRun.Result kernel = OracleRun.run(version, kconfig, config, stdin, Map.of(), args);
            assertThat(ours.stdout()).as("kernel's conf-" + version).isEqualTo(kernel.stdout());
        }
        return ours.stdout();
    }

    private static String defconfig(String version, String kconfig, String config) {
        ConfRun.Result ours = ConfRun.tree(version, kconfig).config(config).run("--savedefconfig=defconfig");
        if (OracleRun.available(version)) {
            ConfRun.Result kernel = OracleRun.run(version, kconfig, config, "", Map.of(), "--savedefconfig=defconfig");
            assertThat(ours.read("defconfig")).as("kernel's conf-" + version).isEqualTo(kernel.read("defconfig"));
        }
        return ours.read("defconfig");
    }
}
