package dev.kconfig4j.symbol;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kconfig4j.support.ConfRun;
import org.junit.jupiter.api.Test;

/**
 * How select, imply, the order of defaults and the user's values combine, one rule per symbol:
 * a tiny Kconfig, an input, the resulting {@code .config} and warnings. Every expectation was
 * produced by the kernel's conf 6.12 (6.1 and 7.3 give the same).
 */
class SelectImplyAndDefaultRulesTest {

    private static final String TREE = """
            config MODULES
            	bool "modules"
            	default y
            	modules
            config DEP
            	bool "dep"
            config SELECTS_ANYWAY
            	bool "selects anyway"
            	default y
            	select GUARDED
            config GUARDED
            	bool "guarded"
            	depends on DEP
            config MOD_SELECTOR
            	tristate "mod selector"
            	default m
            	select BOOL_TARGET
            	select TRI_TARGET
            config BOOL_TARGET
            	bool
            config TRI_TARGET
            	tristate "tri target"
            config IMPLIER
            	tristate "implier"
            	default y
            	imply IMPLIED
            	imply IMPLIED_CAPPED
            config IMPLIED
            	tristate "implied"
            config IMPLIED_CAPPED
            	tristate "implied capped"
            	depends on MOD_SELECTOR
            config FIRST_DEFAULT
            	tristate "first default wins"
            	default m if DEP
            	default y if MODULES
            	default n
            config NO_PROMPT
            	bool
            	default y
            config USER_M_ON_BOOL
            	bool "user m on bool"
            """;

    @Test
    void selectImplyAndDefaultsAgainstTheUsersValues() {
        ConfRun.Result r = ConfRun.tree("6.12", TREE)
                .config("CONFIG_TRI_TARGET=y\nCONFIG_IMPLIED=n\nCONFIG_NO_PROMPT=n\nCONFIG_USER_M_ON_BOOL=m\n")
                .run("--olddefconfig");
        assertThat(r.exit()).isZero();
        assertThat(r.body()).isEqualTo("""
                CONFIG_MODULES=y
                # CONFIG_DEP is not set
                CONFIG_SELECTS_ANYWAY=y
                CONFIG_GUARDED=y
                CONFIG_MOD_SELECTOR=m
                CONFIG_BOOL_TARGET=y
                CONFIG_TRI_TARGET=y
                CONFIG_IMPLIER=y
                # CONFIG_IMPLIED is not set
                CONFIG_IMPLIED_CAPPED=m
                CONFIG_FIRST_DEFAULT=y
                CONFIG_NO_PROMPT=y
                # CONFIG_USER_M_ON_BOOL is not set
                """);
        // Read as: select overrides the target's failing dependency, and says so; an m selector
        // makes a bool target y and is only a lower bound for the user's y; imply is a default the
        // user may refuse, capped by the target's own dependency (m); the first default whose
        // condition holds wins; a symbol without a prompt ignores the user; m is no bool value.
        assertThat(r.stderr().replace(r.dir().toString(), "DIR")).isEqualTo("""
                DIR/.config:4:warning: symbol value 'm' invalid for USER_M_ON_BOOL

                WARNING: unmet direct dependencies detected for GUARDED
                  Depends on [n]: DEP [=n]
                  Selected by [y]:
                  - SELECTS_ANYWAY [=y]
                """);
    }
}
