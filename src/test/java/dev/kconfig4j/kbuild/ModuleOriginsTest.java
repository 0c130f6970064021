package dev.kconfig4j.kbuild;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kconfig4j.Kconfig;
import dev.kconfig4j.confdata.ConfigReader;
import dev.kconfig4j.symbol.Configuration;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The modules an {@code =m} symbol produces: its own (a Makefile names it), code merged into
 * another module, and modules derived through active selects.
 */
class ModuleOriginsTest {
    private static final PrintStream QUIET = new PrintStream(OutputStream.nullOutputStream());

    @TempDir
    Path dir;

    private Kconfig kconfig;
    private KbuildMap map;

    private void write(String path, String text) throws IOException {
        Path p = dir.resolve(path);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }

    @BeforeEach
    void tree() throws IOException {
        write("Kconfig", """
                config MODULES
                \tbool "modules"
                \tmodules
                \tdefault y
                config PHYLIB
                \ttristate "phylib"
                \tselect MDIO_DEVICE
                config MDIO_DEVICE
                \ttristate "mdio"
                config AEAD
                \ttristate "aead"
                \tselect AEAD2
                config AEAD2
                \ttristate
                config NEEDS_AEAD2
                \tbool "built-in user of aead2"
                \tselect AEAD2
                config NULL
                \ttristate "null"
                \tselect NULL2
                config NULL2
                \ttristate
                config AUTOSELECT
                \tbool "autoselect"
                config RADIO
                \tbool "radio"
                config TUNER
                \ttristate "tuner"
                \tselect TUNER_A if AUTOSELECT
                \tselect TUNER_B if AUTOSELECT && RADIO
                config TUNER_A
                \ttristate "tuner a"
                \tselect HELPER
                config TUNER_B
                \ttristate "tuner b"
                config HELPER
                \ttristate
                config GATE
                \ttristate "gate"
                config GATED
                \ttristate "gated"
                \tdepends on GATE
                """);
        write("Makefile", "libs-y := lib/\ninclude $(srctree)/arch/$(SRCARCH)/Makefile\n");
        write("arch/x86/Makefile", "");
        write("Kbuild", "obj-y += drivers/\n");
        write("lib/Makefile", "");
        write("drivers/Makefile", """
                obj-$(CONFIG_AEAD2) += aead.o
                obj-$(CONFIG_NULL2) += crypto_null.o
                obj-$(CONFIG_TUNER_A) += tuner_a.o
                obj-$(CONFIG_TUNER_B) += tuner_b.o
                obj-$(CONFIG_HELPER) += helper.o
                obj-$(CONFIG_GATED) += gated.o
                obj-y += phy/
                """);
        write("drivers/phy/Makefile", """
                libphy-y := phy.o
                mdio-bus-y += mdio_bus.o mdio_device.o
                ifdef CONFIG_PHYLIB
                libphy-y += $(mdio-bus-y)
                else
                obj-$(CONFIG_MDIO_DEVICE) += mdio-bus.o
                endif
                obj-$(CONFIG_PHYLIB) += libphy.o
                """);
        Path work = Files.createDirectories(dir.resolve("out"));
        kconfig = Kconfig.load(Kconfig.Options.of(dir, "Kconfig", Map.of("ARCH", "x86_64", "SRCARCH", "x86"), work),
                QUIET, QUIET);
        map = KbuildTree.walk(dir, "x86_64");
    }

    private ModuleOrigins origins(String config) {
        Configuration c = ConfigReader.load(kconfig, ".config", "CONFIG_MODULES=y\n" + config).configuration();
        return ModuleOrigins.of(map, map.evaluate(Values.of(c)), c);
    }

    private static List<String> described(ModuleOrigins o, String symbol) {
        return o.of(symbol).stream().map(ModuleOrigins.Origin::describe).toList();
    }

    @Test
    void aSymbolWithoutCodeDerivesTheModulesOfWhatItSelects() {
        ModuleOrigins o = origins("""
                CONFIG_NULL=m
                CONFIG_AUTOSELECT=y
                CONFIG_TUNER=m
                CONFIG_TUNER_B=m
                """);
        assertThat(described(o, "NULL")).containsExactly(
                "NULL: crypto_null via select NULL -> NULL2 (Kconfig:20), built by NULL2 (drivers/Makefile:2)");
        // TUNER_B is a module, but TUNER's select of it is off (RADIO=n): not TUNER's.
        assertThat(described(o, "TUNER")).containsExactly(
                "TUNER: helper via select TUNER -> TUNER_A (Kconfig:29), TUNER_A -> HELPER (Kconfig:33),"
                        + " built by HELPER (drivers/Makefile:5)",
                "TUNER: tuner_a via select TUNER -> TUNER_A (Kconfig:29), built by TUNER_A (drivers/Makefile:3)");
        assertThat(o.of("TUNER").get(1).chain()).extracting(ModuleOrigins.Step::location)
                .extracting(Object::toString).containsExactly("Kconfig:29");
        // A symbol with its own module derives what it selects as well.
        assertThat(o.of("TUNER_A")).extracting(ModuleOrigins.Origin::kind, ModuleOrigins.Origin::module)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(ModuleOrigins.Kind.BUILT_BY, "tuner_a"),
                        org.assertj.core.groups.Tuple.tuple(ModuleOrigins.Kind.SELECTED, "helper"));
        assertThat(o.hasOwnModule("TUNER_A")).isTrue();
        assertThat(o.hasOwnModule("TUNER")).isFalse();
        assertThat(o.derivedOnly()).containsOnlyKeys("NULL", "TUNER");
    }

    @Test
    void aSelectedSymbolThatIsBuiltInYieldsNoModule() {
        ModuleOrigins o = origins("""
                CONFIG_AEAD=m
                CONFIG_NEEDS_AEAD2=y
                CONFIG_GATE=m
                CONFIG_GATED=m
                """);
        // AEAD2 is y (NEEDS_AEAD2): aead.o is built in, AEAD produces no module.
        assertThat(o.of("AEAD")).isEmpty();
        // A gate others depend on builds nothing: no module, honestly.
        assertThat(o.unmapped()).containsExactly("AEAD", "GATE");
        assertThat(described(o, "GATED")).containsExactly("GATED: gated built by it (drivers/Makefile:6)");
    }

    @Test
    void codeMergedIntoAnotherModuleCounts() {
        ModuleOrigins o = origins("CONFIG_PHYLIB=m\nCONFIG_MDIO_DEVICE=m\n");
        assertThat(described(o, "MDIO_DEVICE")).containsExactly(
                "MDIO_DEVICE: libphy holds drivers/phy/mdio_bus.o, which it lists (drivers/phy/Makefile:6)");
        assertThat(o.of("MDIO_DEVICE").get(0).kind()).isEqualTo(ModuleOrigins.Kind.MERGED_INTO);
        assertThat(o.of("PHYLIB")).extracting(ModuleOrigins.Origin::kind, ModuleOrigins.Origin::module)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(ModuleOrigins.Kind.BUILT_BY, "libphy"));

        // Without PHYLIB, mdio-bus.ko is MDIO_DEVICE's own module.
        ModuleOrigins alone = origins("CONFIG_MDIO_DEVICE=m\n");
        assertThat(described(alone, "MDIO_DEVICE")).containsExactly(
                "MDIO_DEVICE: mdio_bus built by it (drivers/phy/Makefile:6)");
    }
}
