package dev.kconfig4j.explain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kconfig4j.explain.Explanation.Blocker;
import dev.kconfig4j.explain.Explanation.BlockerKind;
import dev.kconfig4j.explain.Explanation.Contribution;
import dev.kconfig4j.explain.Explanation.OriginKind;
import dev.kconfig4j.explain.Explanation.Outcome;
import dev.kconfig4j.explain.Explanation.State;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each kind of origin and each kind of blocking reason, on trees written for the test. Every
 * tree's values are the kernel's: {@link WhyTree#checkAgainstKernel()} runs the kernel's conf on
 * the same tree and config when it is installed (and the values asserted here were taken from it).
 */
class ExplainerTest {
    @TempDir
    Path dir;

    private static final String MODULES = """
            config MODULES
                bool "Modules"
                default y
                modules
            """;

    @Test
    void unmetDependsOnNamesOnlyTheFailingTermAndFollowsIt() {
        WhyTree t = WhyTree.of(dir, """
                config X86
                    def_bool y
                config PCI
                    bool "PCI support"
                config FOO
                    bool "Foo"
                    depends on PCI && X86
                """, "CONFIG_FOO=y\n").checkAgainstKernel();
        Explanation foo = t.why("FOO");
        assertThat(foo.value()).isEqualTo("n");
        assertThat(foo.written()).isFalse();
        assertThat(foo.user().outcome()).isEqualTo(Outcome.IGNORED);
        assertThat(foo.user().location()).isEqualTo(".config:1");
        assertThat(foo.user().reason()).isEqualTo("FOO is not visible: PCI [=n]");
        assertThat(foo.dependsOn().expression()).isEqualTo("PCI [=n] && X86 [=y]");
        assertThat(foo.blockers()).hasSize(1);
        Blocker b = foo.blockers().get(0);
        assertThat(b.kind()).isEqualTo(BlockerKind.DEPENDS_ON);
        assertThat(b.location()).isEqualTo("Kconfig:7");
        assertThat(b.expression()).isEqualTo("PCI [=n]");
        assertThat(b.because()).singleElement().satisfies(pci -> {
            assertThat(pci.symbol()).isEqualTo("PCI");
            assertThat(pci.blockers()).isEmpty();
            assertThat(pci.advice()).isEqualTo("visible: set CONFIG_PCI=y in the config");
        });
        assertThat(t.text("FOO")).contains("FOO = n   bool \"Foo\"   Kconfig:5   (not written to .config)")
                .contains("config:   .config:1: CONFIG_FOO=y  ignored: FOO is not visible: PCI [=n]")
                .contains("blocked:  PCI [=n] = n, in depends on (Kconfig:7)")
                .contains("PCI = n   bool \"PCI support\"   Kconfig:3");
    }

    @Test
    void aTristateDependencyAtMCapsTheValueAtM() {
        WhyTree t = WhyTree.of(dir, MODULES + """
                config BUS
                    tristate "Bus"
                config DRV
                    tristate "Driver"
                    depends on BUS
                """, "CONFIG_BUS=m\nCONFIG_DRV=y\n").checkAgainstKernel();
        Explanation drv = t.why("DRV");
        assertThat(drv.value()).isEqualTo("m");
        assertThat(drv.user().outcome()).isEqualTo(Outcome.LIMITED);
        assertThat(drv.user().reason()).isEqualTo("limited to m: DRV is visible only as m (BUS [=m])");
        assertThat(drv.bounds().max()).isEqualTo("m");
        Blocker b = drv.blockers().get(0);
        assertThat(b.expression()).isEqualTo("BUS [=m]");
        assertThat(b.value()).isEqualTo("m");
        assertThat(b.needs()).isEqualTo("y");
        assertThat(b.text()).isEqualTo("BUS [=m] = m, below y, in depends on (Kconfig:9)");
        assertThat(b.because().get(0).advice()).isEqualTo("visible: set CONFIG_BUS=y in the config");
    }

    @Test
    void aPromptIfHidesTheSymbolAndItsDefaultRules() {
        WhyTree t = WhyTree.of(dir, """
                config EXPERT
                    bool "Expert"
                config KNOB
                    bool
                    prompt "Knob" if EXPERT
                    default y
                """, "# CONFIG_KNOB is not set\n").checkAgainstKernel();
        Explanation knob = t.why("KNOB");
        assertThat(knob.value()).isEqualTo("y");
        assertThat(knob.origin().kind()).isEqualTo(OriginKind.DEFAULT);
        assertThat(knob.origin().location()).isEqualTo("Kconfig:6");
        assertThat(knob.user().outcome()).isEqualTo(Outcome.IGNORED);
        assertThat(knob.visibility().value()).isEqualTo("n");
        Blocker b = knob.blockers().get(0);
        assertThat(b.kind()).isEqualTo(BlockerKind.PROMPT_IF);
        assertThat(b.location()).isEqualTo("Kconfig:5");
        assertThat(b.expression()).isEqualTo("EXPERT [=n]");
        assertThat(b.because().get(0).advice()).isEqualTo("visible: set CONFIG_EXPERT=y in the config");
    }

    @Test
    void aSymbolWithoutPromptListsWhatCouldSelectIt() {
        WhyTree t = WhyTree.of(dir, """
                config HELPER
                    bool
                config USER
                    bool "User of the helper"
                    select HELPER
                """, "CONFIG_HELPER=y\n").checkAgainstKernel();
        Explanation h = t.why("HELPER");
        assertThat(h.value()).isEqualTo("n");
        assertThat(h.origin().kind()).isEqualTo(OriginKind.NONE);
        assertThat(h.user().outcome()).isEqualTo(Outcome.IGNORED);
        assertThat(h.user().reason()).isEqualTo("HELPER has no prompt: only defaults and selects set it");
        assertThat(h.selects()).singleElement().satisfies(s -> {
            assertThat(s.from()).isEqualTo("USER");
            assertThat(s.location()).isEqualTo("Kconfig:5");
            assertThat(s.state()).isEqualTo(State.INACTIVE);
        });
        Blocker b = h.blockers().get(0);
        assertThat(b.kind()).isEqualTo(BlockerKind.NO_PROMPT);
        assertThat(b.text()).contains("it would be y if one of these selected it: USER [=n] (Kconfig:5)");
        assertThat(b.because()).singleElement().satisfies(u -> assertThat(u.advice())
                .isEqualTo("visible: set CONFIG_USER=y in the config"));
    }

    @Test
    void aPromptlessSymbolIsBlockedByTheIfOfItsDefaultOrTheValueOfTheDefaultTaken() {
        WhyTree t = WhyTree.of(dir, """
                config FEATURE
                    bool "Feature"
                config HAS_FEATURE
                    def_bool y if FEATURE
                config LEVEL
                    bool "Level"
                config AUTO
                    bool
                    default LEVEL
                """, null).checkAgainstKernel();
        Explanation has = t.why("HAS_FEATURE");
        assertThat(has.value()).isEqualTo("n");
        Blocker b = has.blockers().get(0);
        assertThat(b.kind()).isEqualTo(BlockerKind.DEFAULT);
        assertThat(b.location()).isEqualTo("Kconfig:4");
        assertThat(b.expression()).isEqualTo("FEATURE [=n]");
        assertThat(b.text()).isEqualTo("FEATURE [=n] = n, in the if of default y (Kconfig:4)");
        assertThat(b.because().get(0).advice()).isEqualTo("visible: set CONFIG_FEATURE=y in the config");
        assertThat(has.blockers().get(1).kind()).isEqualTo(BlockerKind.NO_PROMPT);

        Blocker v = t.why("AUTO").blockers().get(0);
        assertThat(v.kind()).isEqualTo(BlockerKind.DEFAULT);
        assertThat(v.location()).isEqualTo("Kconfig:9");
        assertThat(v.expression()).isEqualTo("LEVEL [=n]");
    }

    @Test
    void aMacroThatEvaluatedToNIsShownAsWritten() {
        WhyTree t = WhyTree.of(dir, """
                config GATED
                    bool "Gated by a probe"
                    depends on $(shell,echo n)
                config PROBED
                    def_bool $(shell,echo n)
                """, "CONFIG_GATED=y\n").checkAgainstKernel();
        assertThat(t.why("GATED").blockers()).singleElement().satisfies(b -> {
            assertThat(b.location()).isEqualTo("Kconfig:3");
            assertThat(b.text()).isEqualTo("n [=n] = n, in depends on (Kconfig:3); n is a constant here:"
                    + " $(shell,echo n) evaluated to it");
        });
        assertThat(t.why("PROBED").origin().text()).isEqualTo("default n (from $(shell,echo n))");
    }

    @Test
    void aSymbolOfAnotherArchitectureIsNamedNotFollowed() {
        WhyTree t = WhyTree.of(dir, """
                config DRV
                    bool "Driver"
                    depends on ARM64 || COMPILE_TEST
                config COMPILE_TEST
                    bool "Compile test"
                """, null).checkAgainstKernel();
        Blocker b = t.why("DRV").blockers().get(0);
        assertThat(b.expression()).isEqualTo("ARM64 || COMPILE_TEST [=n]");
        assertThat(b.text()).endsWith("; not defined in this tree (another architecture's, or removed), so n: ARM64");
        assertThat(b.because()).extracting(Explanation::symbol).containsExactly("COMPILE_TEST");
        Explanation arm = t.why("ARM64");
        assertThat(arm.value()).isEqualTo("n");
        assertThat(arm.definedAt()).isEmpty();
        assertThat(arm.origin().text()).isEqualTo("not defined in this tree (another architecture's, or removed): n");
        assertThat(t.text("ARM64")).contains("ARM64 = n   unknown   (not defined in this tree)");
    }

    @Test
    void aSelectForcesTheValueAndCannotBeLowered() {
        WhyTree t = WhyTree.of(dir, """
                config LIB
                    bool "Library"
                config APP
                    bool "Application"
                    select LIB
                """, "CONFIG_APP=y\n# CONFIG_LIB is not set\n").checkAgainstKernel();
        Explanation lib = t.why("LIB");
        assertThat(lib.value()).isEqualTo("y");
        assertThat(lib.origin().kind()).isEqualTo(OriginKind.SELECT);
        assertThat(lib.origin().location()).isEqualTo("Kconfig:5");
        assertThat(lib.origin().text()).isEqualTo("selected by APP [=y] (Kconfig:5)");
        assertThat(lib.user().outcome()).isEqualTo(Outcome.RAISED);
        assertThat(lib.bounds().min()).isEqualTo("y");
        Blocker b = lib.blockers().get(0);
        assertThat(b.kind()).isEqualTo(BlockerKind.SELECTED);
        assertThat(b.expression()).isEqualTo("APP [=y]");
        assertThat(b.needs()).isEqualTo("n");
        assertThat(b.because().get(0).advice()).isEqualTo("visible: set CONFIG_APP=n in the config");
        assertThat(t.text("LIB")).contains("held:     APP selects LIB (Kconfig:5): LIB cannot be below y");
    }

    @Test
    void aChoiceMemberThatIsNotVisibleLosesToTheDefault() {
        WhyTree t = WhyTree.of(dir, """
                choice
                    prompt "Mode"
                    default MODE_A
                config MODE_A
                    bool "A"
                config MODE_B
                    bool "B"
                    depends on FAST
                endchoice
                config FAST
                    bool "Fast"
                """, "CONFIG_MODE_B=y\n").checkAgainstKernel();
        Explanation b = t.why("MODE_B");
        assertThat(b.value()).isEqualTo("n");
        assertThat(b.origin().kind()).isEqualTo(OriginKind.CHOICE);
        assertThat(b.origin().text()).isEqualTo("the choice \"Mode\" selects MODE_A: the choice's default at Kconfig:3");
        assertThat(b.user().outcome()).isEqualTo(Outcome.IGNORED);
        assertThat(b.blockers()).singleElement().satisfies(k -> {
            assertThat(k.expression()).isEqualTo("FAST [=n]");
            assertThat(k.location()).isEqualTo("Kconfig:8");
        });
        Explanation a = t.why("MODE_A");
        assertThat(a.value()).isEqualTo("y");
        assertThat(a.origin().text()).isEqualTo("chosen in the choice \"Mode\": the choice's default at Kconfig:3");
        assertThat(a.choice().selected()).isEqualTo("MODE_A");
    }

    @Test
    void aChoiceMemberTheUserPickedAndAHiddenChoice() {
        WhyTree t = WhyTree.of(dir, """
                config BIG
                    bool "Big"
                choice
                    prompt "Size"
                    depends on BIG
                config SIZE_S
                    bool "S"
                config SIZE_L
                    bool "L"
                endchoice
                choice
                    prompt "Colour"
                config RED
                    bool "red"
                config BLUE
                    bool "blue"
                endchoice
                """, "CONFIG_SIZE_L=y\nCONFIG_BLUE=y\n").checkAgainstKernel();
        Explanation l = t.why("SIZE_L");
        assertThat(l.value()).isEqualTo("n");
        assertThat(l.blockers()).singleElement().satisfies(k -> {
            assertThat(k.kind()).isEqualTo(BlockerKind.CHOICE);
            assertThat(k.expression()).isEqualTo("BIG [=n]");
            assertThat(k.location()).isEqualTo("Kconfig:5");
        });
        Explanation blue = t.why("BLUE");
        assertThat(blue.value()).isEqualTo("y");
        assertThat(blue.origin().text()).isEqualTo("chosen in the choice \"Colour\": set by .config:2");
        Explanation red = t.why("RED");
        assertThat(red.blockers()).isEmpty();
        assertThat(red.advice()).isEqualTo("visible: CONFIG_RED=y in the config selects it in the choice");
    }

    @Test
    void upTo61AMemberOfAHiddenChoiceIsBlockedByTheChoiceItself() {
        WhyTree t = WhyTree.of(dir, "6.1", """
                config BIG
                    bool "Big"
                choice
                    prompt "Size"
                    depends on BIG
                config SIZE_S
                    bool "S"
                config SIZE_L
                    bool "L"
                endchoice
                """, "CONFIG_SIZE_L=y\n").checkAgainstKernel();
        Explanation l = t.why("SIZE_L");
        assertThat(l.value()).isEqualTo("n");
        assertThat(l.choice().selected()).isNull();
        Blocker b = l.blockers().get(0);
        assertThat(b.kind()).isEqualTo(BlockerKind.CHOICE);
        assertThat(b.location()).isEqualTo("Kconfig:3");
        Explanation choice = b.because().get(0);
        assertThat(choice.symbol()).isEqualTo("<choice \"Size\">");
        assertThat(choice.blockers()).singleElement().satisfies(k -> {
            assertThat(k.expression()).isEqualTo("BIG [=n]");
            assertThat(k.location()).isEqualTo("Kconfig:5");
        });
    }

    @Test
    void aSelectAgainstUnmetDependenciesSaysSo() {
        WhyTree t = WhyTree.of(dir, """
                config PCI
                    bool "PCI"
                config DRV
                    bool "Driver"
                    depends on PCI
                config SEL
                    bool "Selector"
                    select DRV
                """, "CONFIG_SEL=y\n").checkAgainstKernel();
        Explanation drv = t.why("DRV");
        assertThat(drv.value()).isEqualTo("y");
        assertThat(drv.origin().text()).isEqualTo("selected by SEL [=y] (Kconfig:8) although its dependencies are n"
                + " (the kernel warns: unmet direct dependencies)");
        assertThat(drv.visibility().value()).isEqualTo("n");
    }

    @Test
    void intAndHexValuesOutOfRangeAreClamped() {
        WhyTree t = WhyTree.of(dir, """
                config N
                    int "Number"
                    range 1 10
                    default 5
                config H
                    hex "Address"
                    range 0x10 0x20
                    default 0x10
                """, "CONFIG_N=20\nCONFIG_H=0x5\n").checkAgainstKernel();
        Explanation n = t.why("N");
        assertThat(n.value()).isEqualTo("10");
        assertThat(n.origin().kind()).isEqualTo(OriginKind.RANGE);
        assertThat(n.origin().location()).isEqualTo("Kconfig:3");
        assertThat(n.user().outcome()).isEqualTo(Outcome.LIMITED);
        assertThat(n.user().reason()).isEqualTo("clamped to 10: outside the range 1..10 (Kconfig:3)");
        assertThat(n.advice()).isEqualTo("visible: set CONFIG_N=VALUE in the config (range 1..10 (Kconfig:3))");
        Explanation h = t.why("H");
        assertThat(h.value()).isEqualTo("0x10");
        assertThat(h.user().reason()).isEqualTo("clamped to 0x10: outside the range 0x10..0x20 (Kconfig:7)");
    }

    @Test
    void upTo61AnOutOfRangeValueIsDroppedWhenRead() {
        WhyTree t = WhyTree.of(dir, "6.1", """
                config N
                    int "Number"
                    range 1 10
                    default 5
                """, "CONFIG_N=20\n").checkAgainstKernel();
        Explanation n = t.why("N");
        assertThat(n.value()).isEqualTo("5");
        assertThat(n.origin().kind()).isEqualTo(OriginKind.DEFAULT);
        assertThat(n.user().outcome()).isEqualTo(Outcome.INVALID);
        assertThat(n.user().reason())
                .isEqualTo("outside the active range 1..10 (Kconfig:3): dropped when the config was read");
    }

    @Test
    void theFirstDefaultWhoseConditionHoldsWinsAndEarlierOnesAreShownSkipped() {
        WhyTree t = WhyTree.of(dir, MODULES + """
                config A
                    bool "A"
                config B
                    bool "B"
                    default y
                config X
                    tristate
                    default y if A
                    default m if B
                    default y
                """, null).checkAgainstKernel();
        Explanation x = t.why("X");
        assertThat(x.value()).isEqualTo("m");
        assertThat(x.origin().kind()).isEqualTo(OriginKind.DEFAULT);
        assertThat(x.origin().location()).isEqualTo("Kconfig:13");
        assertThat(x.origin().text()).isEqualTo("default m if B [=y] (the first default whose condition holds)");
        assertThat(x.defaults()).extracting(Contribution::state)
                .containsExactly(State.CONDITION_N, State.TAKEN, State.NOT_REACHED);
        assertThat(x.defaults().get(0).condition()).isEqualTo("A [=n]");
        assertThat(x.user()).isNull();
        assertThat(t.text("X")).contains("values olddefconfig gives from an empty config")
                .contains("default:  y if A [=n]  -> skipped: condition n  (Kconfig:12)")
                .contains("default:  m if B [=y]  -> taken  (Kconfig:13)")
                .contains("default:  1 later default not tried");
    }

    @Test
    void anImplyRaisesTheDefaultButTheUserMayLowerIt() {
        String kconfig = MODULES + """
                config SENSOR
                    tristate "Sensor"
                config BOARD
                    tristate "Board"
                    imply SENSOR
                """;
        WhyTree t = WhyTree.of(dir, kconfig, "CONFIG_BOARD=y\n").checkAgainstKernel();
        Explanation s = t.why("SENSOR");
        assertThat(s.value()).isEqualTo("y");
        assertThat(s.origin().kind()).isEqualTo(OriginKind.IMPLY);
        assertThat(s.origin().text()).isEqualTo("implied by BOARD [=y] (Kconfig:9)");
        assertThat(s.implies()).singleElement().satisfies(i -> assertThat(i.state()).isEqualTo(State.ACTIVE));
        assertThat(s.blockers()).isEmpty();
        assertThat(s.advice()).isEqualTo("visible: CONFIG_SENSOR can be set to n, m, y in the config");

        Explanation lowered = WhyTree.of(dir, kconfig, "CONFIG_BOARD=y\n# CONFIG_SENSOR is not set\n")
                .checkAgainstKernel().why("SENSOR");
        assertThat(lowered.value()).isEqualTo("n");
        assertThat(lowered.origin().kind()).isEqualTo(OriginKind.USER);
    }

    @Test
    void dependenciesOfEnclosingIfAndMenuBlocksArePlacedWhereTheyWereWritten() {
        String kconfig = """
                config NET
                    bool "Networking"
                config SHOW
                    bool "Show drivers"
                if NET
                menu "Drivers"
                    depends on PCI
                    visible if SHOW
                config ETH
                    bool "Ethernet"
                endmenu
                endif
                config PCI
                    bool "PCI"
                """;
        Explanation byIf = WhyTree.of(dir, kconfig, "CONFIG_PCI=y\nCONFIG_SHOW=y\n").checkAgainstKernel().why("ETH");
        assertThat(byIf.blockers()).singleElement().satisfies(b -> {
            assertThat(b.kind()).isEqualTo(BlockerKind.IF_BLOCK);
            assertThat(b.location()).isEqualTo("Kconfig:5");
            assertThat(b.expression()).isEqualTo("NET [=n]");
        });
        Explanation byMenu = WhyTree.of(dir, kconfig, "CONFIG_NET=y\nCONFIG_SHOW=y\n").checkAgainstKernel().why("ETH");
        assertThat(byMenu.blockers()).singleElement().satisfies(b -> {
            assertThat(b.kind()).isEqualTo(BlockerKind.MENU);
            assertThat(b.location()).isEqualTo("Kconfig:7");
            assertThat(b.expression()).isEqualTo("PCI [=n]");
            assertThat(b.text()).isEqualTo("PCI [=n] = n, in the depends on of menu \"Drivers\" (Kconfig:7)");
        });
        Explanation byVisibleIf = WhyTree.of(dir, kconfig, "CONFIG_NET=y\nCONFIG_PCI=y\n").checkAgainstKernel()
                .why("ETH");
        assertThat(byVisibleIf.blockers()).singleElement().satisfies(b -> {
            assertThat(b.kind()).isEqualTo(BlockerKind.VISIBLE_IF);
            assertThat(b.location()).isEqualTo("Kconfig:8");
            assertThat(b.expression()).isEqualTo("SHOW [=n]");
        });
    }

    @Test
    void aChainOfDependenciesIsFollowedToTheSymbolTheUserCanSet() {
        WhyTree t = WhyTree.of(dir, """
                config A
                    bool "A"
                    depends on B
                config B
                    bool "B"
                    depends on C
                config C
                    bool "C"
                    depends on !D
                config D
                    bool
                    default y
                """, "CONFIG_A=y\nCONFIG_B=y\nCONFIG_C=y\n").checkAgainstKernel();
        Explanation a = t.why("A");
        Explanation b = a.blockers().get(0).because().get(0);
        assertThat(b.symbol()).isEqualTo("B");
        Explanation c = b.blockers().get(0).because().get(0);
        assertThat(c.symbol()).isEqualTo("C");
        assertThat(c.blockers().get(0).expression()).isEqualTo("!D [=y]");
        Explanation d = c.blockers().get(0).because().get(0);
        assertThat(d.symbol()).isEqualTo("D");
        assertThat(d.origin().kind()).isEqualTo(OriginKind.DEFAULT);
        assertThat(d.blockers()).singleElement().satisfies(k -> {
            assertThat(k.kind()).isEqualTo(BlockerKind.NO_PROMPT);
            assertThat(k.text()).isEqualTo("D has no prompt: its default y (Kconfig:12) gives y");
        });
        assertThat(t.text("A")).contains("blocked:  B [=n] = n, in depends on (Kconfig:3)")
                .contains("blocked: C [=n] = n, in depends on (Kconfig:6)")
                .contains("blocked: !D [=y] = n, in depends on (Kconfig:9)");
    }

    @Test
    void aSymbolReachedTwiceIsExplainedOnce() {
        WhyTree t = WhyTree.of(dir, """
                config P
                    bool "P"
                    depends on Q && R
                config Q
                    bool "Q"
                    depends on BASE
                config R
                    bool "R"
                    depends on BASE || Q
                config BASE
                    bool "Base"
                """, null).checkAgainstKernel();
        Explanation p = t.why("P");
        assertThat(p.blockers()).extracting(Blocker::expression).containsExactly("Q [=n]", "R [=n]");
        Explanation q = p.blockers().get(0).because().get(0);
        assertThat(q.blockers().get(0).because()).extracting(Explanation::symbol).containsExactly("BASE");
        Explanation r = p.blockers().get(1).because().get(0);
        assertThat(r.blockers().get(0).expression()).isEqualTo("BASE [=n] || Q [=n]");
        // BASE and Q were explained above: R's blocker does not repeat them
        assertThat(r.blockers().get(0).because()).isEmpty();
    }
}
