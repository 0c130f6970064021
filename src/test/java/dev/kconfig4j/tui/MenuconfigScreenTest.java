package dev.kconfig4j.tui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kconfig4j.Kconfig;
import dev.kconfig4j.session.ConfigSession;
import dev.kconfig4j.session.UpgradeReview;
import dev.kconfig4j.upgrade.Finding;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The configurator as a person sees it, drawn on an 80x24 virtual terminal over a session on a
 * small tree: menuconfig's lines and keys, help, search with jump, enable plans, undo, the save
 * question, sizes and the ASCII fallback.
 */
class MenuconfigScreenTest {
    private static final String KCONFIG = """
            mainmenu "Test Kernel Configuration"
            config MODULES
            	bool "Enable loadable module support"
            	default y
            	modules
            menu "Bus options"
            config PCI
            	bool "PCI support"
            	help
            	  The PCI bus.
            config PCI_DRIVER
            	tristate "A PCI driver"
            	depends on PCI
            	help
            	  Drives a PCI card.
            endmenu
            config NR_CPUS
            	int "Maximum number of CPUs"
            	range 2 512
            	default 64
            config CRC32
            	tristate
            config NEEDS_CRC
            	tristate "Needs CRC"
            	select CRC32
            choice
            	prompt "Preemption Model"
            	default PREEMPT_NONE
            config PREEMPT_NONE
            	bool "No Forced Preemption"
            config PREEMPT
            	bool "Preemptible Kernel"
            endchoice
            comment "Debugging"
            """;

    @TempDir
    Path dir;

    private ConfigSession session(String config) throws IOException {
        return session(KCONFIG, config);
    }

    private ConfigSession session(String kconfig, String config) throws IOException {
        Files.writeString(dir.resolve("Kconfig"), kconfig);
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);
        Kconfig tree = Kconfig.load(Kconfig.Options.of(dir, "Kconfig",
                Map.of("PATH", "/usr/bin:/bin", "KERNELVERSION", "6.12"), dir), quiet, quiet);
        if (config != null) {
            Files.writeString(dir.resolve(".config"), config);
        }
        return new ConfigSession(tree, dir.resolve(".config"), config);
    }

    private ScreenHarness open(String config) throws IOException {
        return new ScreenHarness(session(config), config);
    }

    @Test
    void theMainMenuAsMenuconfigShowsIt() throws IOException {
        ScreenHarness s = open(null);
        assertThat(s.rows().get(0)).isEqualTo(" .config - Test Kernel Configuration");
        assertThat(s.text()).contains("┌", "Test Kernel Configuration", "Press <Esc><Esc> to", "<?> for Help, </> for Search",
                "│ [*] Enable loadable module support", "│     Bus options  --->",
                "│ (64) Maximum number of CPUs", "│ < > Needs CRC",
                "│     Preemption Model (No Forced Preemption)  --->", "│     *** Debugging ***",
                "<Select>  < Exit >  < Help >  < Save >");
        // The cursor is on the first line; the status line names its symbol.
        assertThat(s.text()).contains("CONFIG_MODULES");
    }

    @Test
    void aMenuWhosePageShowsNothingIsMarkedWithDashes() throws IOException {
        String kconfig = """
                config EXPERT
                	bool "Configure standard kernel features (expert users)"
                menu "Tuning"
                config TUNING
                	bool "Tune things"
                	depends on EXPERT
                endmenu
                menuconfig DRIVERS
                	bool "Drivers"
                	default y
                if DRIVERS
                config DRIVER
                	bool "A driver"
                	depends on EXPERT
                endif
                """;
        ScreenHarness s = new ScreenHarness(session(kconfig, null), null);
        assertThat(s.text()).contains("│     Tuning  ----", "│ [*] Drivers (NEW)  ----");
        ScreenHarness expert = new ScreenHarness(session(kconfig, "CONFIG_EXPERT=y\n"), "CONFIG_EXPERT=y\n");
        assertThat(expert.text()).contains("│     Tuning  --->", "│ [*] Drivers (NEW)  --->");
    }

    @Test
    void changingAValueShowsWhatElseChangedAndUndoTakesItBack() throws IOException {
        ScreenHarness s = open(null);
        s.type("Down", "Enter");
        assertThat(s.text()).contains("Bus options").doesNotContain("A PCI driver");
        s.type("y");
        assertThat(s.text()).contains("[*] PCI support", "< >   A PCI driver", "set PCI=y", "1 entry appeared");
        s.type("Down", "m");
        assertThat(s.text()).contains("<M>   A PCI driver");
        s.type("Space");
        assertThat(s.text()).contains("<*>   A PCI driver");
        s.type("u", "u", "u");
        assertThat(s.text()).contains("[ ] PCI support").doesNotContain("A PCI driver");
        s.type("r");
        assertThat(s.text()).contains("[*] PCI support", "redo set PCI=y");
    }

    @Test
    void selectFixesAValue() throws IOException {
        ScreenHarness s = open(null);
        s.type("Down", "Down", "Down", "y", "z");
        // CRC32 has no prompt: only "show all" lists it, as fixed by the select, and hidden.
        assertThat(s.text()).contains("<*> Needs CRC", "-*- CRC32  [hidden]");
    }

    @Test
    void aBlockedOptionIsEnabledWithItsPlan() throws IOException {
        ScreenHarness s = open(null);
        s.type("Down", "Enter", "z");
        assertThat(s.text()).contains("A PCI driver  [hidden]");
        s.type("Down");
        assertThat(s.text()).contains("CONFIG_PCI_DRIVER: hidden: ", "PCI [=n]");
        s.type("y");
        assertThat(s.text()).contains("PCI_DRIVER cannot be set to y");
        s.type("e");
        assertThat(s.text()).contains("Enable PCI_DRIVER", "Lines for your config:", "CONFIG_PCI=y",
                "+CONFIG_PCI_DRIVER=", "<Apply (a)>");
        s.type("a");
        assertThat(s.text()).contains("[*] PCI support", "A PCI driver").doesNotContain("[hidden]");
        assertThat(s.text()).containsPattern("<[M*]>   A PCI driver");
    }

    @Test
    void helpShowsTheTextTheOriginAndTheDependencies() throws IOException {
        ScreenHarness s = open(null);
        s.type("Down", "Enter", "z", "Down", "?");
        assertThat(s.text()).contains("CONFIG_PCI_DRIVER:", "Drives a PCI card.", "Symbol: PCI_DRIVER [=n]",
                "Depends on: PCI [=n]", "Value: n");
        s.type("PageDown");
        assertThat(s.text()).contains("What keeps it from changing:", "PCI [=n]", "(100%)");
        s.type("Esc", "Esc");
        assertThat(s.text()).doesNotContain("Drives a PCI card.");
    }

    @Test
    void searchFindsHelpTextAndJumpsToTheEntry() throws IOException {
        ScreenHarness s = open(null);
        s.type("/", "pci card", "Enter");
        assertThat(s.text()).contains("Search Results", "1 match for pci card", "CONFIG_PCI_DRIVER",
                "Bus options", "matched help");
        s.type("Enter");
        // The jump opened "Bus options" and showed hidden entries, the cursor on the driver.
        assertThat(s.text()).contains("Bus options (all entries)", "CONFIG_PCI_DRIVER: hidden");
        s.type("/", "[", "Enter");
        assertThat(s.text()).contains("not a regular expression");
    }

    @Test
    void numbersAreEditedInAnInputBoxThatChecksTheRange() throws IOException {
        ScreenHarness s = open(null);
        s.type("Down", "Down", "Enter");
        assertThat(s.text()).contains("Please enter a decimal value (range 2-512)");
        s.type("Backspace", "Backspace", "1", "Enter");
        assertThat(s.text()).contains("'1' is not a valid int value for NR_CPUS (range 2 to 512)");
        s.type("Backspace", "8", "Enter");
        assertThat(s.text()).contains("(8) Maximum number of CPUs", "set NR_CPUS=8");
    }

    @Test
    void leavingWithChangesAsksToSaveAndSavesAsTheKernelDoes() throws IOException {
        ScreenHarness s = open("CONFIG_MODULES=y\n");
        s.type("Down", "Enter", "y", "Esc", "Esc");
        assertThat(s.text()).contains("Test Kernel Configuration").doesNotContain("Bus options  (all");
        s.type("Esc", "Esc");
        assertThat(s.text()).contains("Do you wish to save your new configuration?",
                "(Press <ESC><ESC> to continue kernel configuration.)", "< Yes >");
        s.type("Esc", "Esc");
        assertThat(s.menuconfig.exit()).isNull();
        s.type("C-c", "Enter");
        assertThat(s.menuconfig.exit()).isEqualTo(Menuconfig.Exit.SAVED);
        assertThat(Files.readString(dir.resolve(".config"))).contains("CONFIG_PCI=y\n");
        assertThat(Files.readString(dir.resolve(".config.old"))).isEqualTo("CONFIG_MODULES=y\n");
    }

    @Test
    void leavingWithoutChangesAsksNothing() throws IOException {
        ConfigSession session = session(null);
        String asSaved = session.dotConfig();
        Files.writeString(dir.resolve(".config"), asSaved);
        ScreenHarness s = new ScreenHarness(session, asSaved);
        s.type("Esc", "Esc");
        assertThat(s.menuconfig.exit()).isEqualTo(Menuconfig.Exit.UNCHANGED);
    }

    @Test
    void aConfigThatNeedsUpdatingCountsAsAChange() throws IOException {
        // menuconfig asks to save when the config it read lacks values (new symbols): saving would change it.
        ScreenHarness s = open("CONFIG_MODULES=y\n");
        s.type("Esc", "Esc");
        assertThat(s.text()).contains("Do you wish to save your new configuration?");
        s.type("n");
        assertThat(s.menuconfig.exit()).isEqualTo(Menuconfig.Exit.NOT_SAVED);
        assertThat(Files.readString(dir.resolve(".config"))).isEqualTo("CONFIG_MODULES=y\n");
    }

    /** One of the example trees of the Hyper-V split (examples/hyperv), read for x86. */
    private Kconfig hyperv(String which) {
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);
        Map<String, String> env = Map.of("PATH", "/usr/bin:/bin", "KERNELVERSION", "6.12", "ARCH", "x86", "SRCARCH",
                "x86");
        return Kconfig.load(Kconfig.Options.of(Path.of("examples/hyperv", which).toAbsolutePath(), "Kconfig", env, dir),
                quiet, quiet);
    }

    @Test
    void theUpgradeReviewShowsEachLossWithItsCauseAndAppliesItsFix() throws IOException {
        // The Hyper-V split (examples/hyperv): HYPERV became bool, HYPERV_VMBUS took over the bus.
        Kconfig newTree = hyperv("new");
        Kconfig oldTree = hyperv("old");
        String old = Files.readString(Path.of("examples/hyperv/old.config"));
        Files.writeString(dir.resolve(".config"), old);
        ConfigSession session = new ConfigSession(newTree, dir.resolve(".config"), old);
        session.reviewUpgradeOf("old.config", old, oldTree);
        ScreenHarness s = new ScreenHarness(session, old);
        assertThat(s.text()).contains("<g> reviews the upgrade");
        s.type("g");
        assertThat(s.text()).contains("Upgrade Review", "7 options you chose lost (in 1 root cause)",
                "Options you chose that are lost (1 root cause, the largest first):",
                "LOST HYPERV m -> n  (+7 consequences)  [fix]", "takes 7 options you chose");
        s.type("Enter");
        assertThat(s.text()).contains("Cause: ", "Consequences:", "LOST HYPERV_UTILS m -> ", "<Apply fix (a)>");
        s.type("End");
        assertThat(s.text()).contains("Fix (verified): ", "+CONFIG_HYPERV");
        s.type("a");
        assertThat(s.text()).contains("fix HYPERV").doesNotContain("Upgrade Review");
        s.type("u");
        assertThat(s.text()).contains("undo fix HYPERV");
    }

    @Test
    void theUpgradeReviewShowsLossesFirstAndCountsTheRestByClassInOneItemThatOpens() throws IOException {
        // PCI_DRIVER (an option) is lost to PCI, which the old config does not set; CRC32 is a
        // helper nothing selects any more; NR_CPUS and the others are new, at their defaults.
        String old = "CONFIG_MODULES=y\nCONFIG_PCI_DRIVER=m\nCONFIG_CRC32=y\n";
        ConfigSession session = session(old);
        session.reviewUpgradeOf("old.config", old, null);
        UpgradeReview review = session.upgradeReview();
        assertThat(review.lost()).extracting(r -> r.finding().symbol()).containsExactly("PCI");
        assertThat(review.rest()).extracting(UpgradeReview.RestClass::category)
                .contains(Finding.Category.HELPER, Finding.Category.NEW_DEFAULT);
        ScreenHarness s = new ScreenHarness(session, old);
        s.type("g");
        String screen = s.text();
        assertThat(screen).contains("Options you chose that are lost (1 root cause, the largest first):",
                "NEW PCI (unset) -> n  (+1 consequence)  [fix]", "takes 1 option you chose",
                "The rest, taking nothing you chose (<Enter> lists them):",
                "promptless symbols selected, no longer selected or removed", "new symbols taking their defaults");
        assertThat(screen.indexOf("NEW PCI")).isLessThan(screen.indexOf("The rest"));
        assertThat(screen).doesNotContain("CRC32");
        s.type("End", "a");
        assertThat(s.text()).contains("Upgrade Review");
        assertThat(session.canUndo()).isFalse();
        s.type("Enter");
        assertThat(s.text()).contains("The rest of the upgrade", "promptless symbols selected, no longer selected or removed:",
                "LOST CRC32 y -> n: ", "new symbols taking their defaults:", "NEW NR_CPUS (unset) -> 64");
        s.type("q", "Home", "a");
        assertThat(s.text()).doesNotContain("Upgrade Review").contains("fix PCI");
        assertThat(session.configuration().tristate(session.tree().symbols().find("PCI_DRIVER")).text()).isEqualTo("m");
    }

    @Test
    void helpSaysWhatTheOptionBuildsAndWhoSelectsIt() throws IOException {
        String config = Files.readString(Path.of("examples/hyperv/old.config"));
        ConfigSession session = new ConfigSession(hyperv("new"), dir.resolve(".config"), config);
        ScreenHarness s = new ScreenHarness(session, config);
        session.kbuild(); // what the menu reads in the background, done
        s.type("/", "^HYPERV$", "Enter", "Enter", "?");
        s.type("End");
        assertThat(s.text()).contains("What it builds:", "hv_common.o");
    }

    @Test
    void redrawsForAnySizeAndSaysWhenTheTerminalIsTooSmall() throws IOException {
        ScreenHarness s = open(null);
        s.resize(132, 43);
        assertThat(s.rows()).hasSize(43);
        assertThat(s.rows().get(2)).hasSize(131);
        assertThat(s.text()).contains("│     *** Debugging ***");
        s.resize(30, 10);
        assertThat(s.text()).contains("Your display is too small:", "30x10");
        s.resize(80, 24);
        assertThat(s.text()).contains("Preemption Model").doesNotContain("too small");
    }

    @Test
    void plainAsciiWhenTheTerminalCannotShowMore() throws IOException {
        ScreenHarness s = new ScreenHarness(session(null), null, 80, 24, Glyphs.ASCII);
        assertThat(s.text()).contains("+---", "| [*] Enable loadable module support").doesNotContain("┌", "│");
        assertThat(s.text().chars().allMatch(c -> c < 128)).isTrue();
        assertThat(Glyphs.forEnvironment(Map.of("LC_ALL", "C"))).isEqualTo(Glyphs.ASCII);
        assertThat(Glyphs.forEnvironment(Map.of("LANG", "en_US.UTF-8"))).isEqualTo(Glyphs.UNICODE);
        assertThat(Glyphs.forEnvironment(Map.of("LC_ALL", "POSIX", "LANG", "en_US.UTF-8"))).isEqualTo(Glyphs.ASCII);
        assertThat(Glyphs.ASCII.text("caf\u00e9\tx")).isEqualTo("caf?    x");
    }
}
