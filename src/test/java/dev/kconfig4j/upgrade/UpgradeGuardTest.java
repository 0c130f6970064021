package dev.kconfig4j.upgrade;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kconfig4j.Kconfig;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Each kind of finding and root cause, on trees written for the test (old and new). */
class UpgradeGuardTest {

    static Kconfig tree(String kconfig) {
        try {
            Path d = Files.createTempDirectory("kconfig4j-upgrade-");
            Files.writeString(d.resolve("Kconfig"), kconfig);
            return load(d);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static Kconfig load(Path dir) {
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
        return Kconfig.load(Kconfig.Options.of(dir, "Kconfig", Map.of("PATH", "/usr/bin:/bin"), dir), quiet, quiet);
    }

    static Finding find(UpgradeReport r, String symbol) {
        Optional<Finding> f = r.allFindings().stream().filter(x -> x.symbol().equals(symbol)).findFirst();
        assertThat(f).as("finding for %s in %s", symbol, r.allFindings()).isPresent();
        return f.get();
    }

    private static final String MODULES = "config MODULES\n\tbool \"modules\"\n\tdefault y\n\tmodules\n";

    @Test
    void hypervSplitIsOneRootWithTheNewGateAndEveryDriverBelowIt() {
        Path examples = Path.of("examples/hyperv").toAbsolutePath();
        UpgradeGuard guard = new UpgradeGuard(load(examples.resolve("new")), load(examples.resolve("old")));
        UpgradeReport r = guard.analyze("old.config", read(examples.resolve("old.config")));

        Finding root = r.findings().get(0);
        assertThat(root.symbol()).isEqualTo("HYPERV");
        assertThat(root.kind()).isEqualTo(Finding.Kind.LOST);
        assertThat(root.cause().kind()).isEqualTo(Cause.Kind.TYPE_CHANGED);
        assertThat(root.cause().text()).contains("HYPERV is bool in the new tree (it was tristate)");
        assertThat(root.consequences()).extracting(Finding::symbol).containsExactly("HYPERV_VMBUS");
        Finding gate = root.consequences().get(0);
        assertThat(gate.kind()).isEqualTo(Finding.Kind.NEW);
        assertThat(gate.cause().text()).startsWith("new gate: 6 options you chose now depend on HYPERV_VMBUS;")
                .contains("it depends on HYPERV [=n]");
        assertThat(gate.consequences()).extracting(Finding::symbol).containsExactlyInAnyOrder("HYPERV_UTILS",
                "HYPERV_BALLOON", "HYPERV_STORAGE", "HYPERV_NET", "HYPERV_KEYBOARD", "FB_HYPERV");
        assertThat(gate.consequences()).allSatisfy(f -> {
            assertThat(f.kind()).isEqualTo(Finding.Kind.LOST);
            assertThat(f.cause().kind()).isEqualTo(Cause.Kind.DEPENDENCY_NOT_MET);
            assertThat(f.cause().text()).contains("depends on HYPERV_VMBUS [=n]")
                    .contains("(a new dependency: it used to depend on HYPERV)");
        });
        assertThat(r.findings()).hasSize(1);
        assertThat(root.fix().verified()).isTrue();
        assertThat(root.fix().lines()).containsExactly("CONFIG_HYPERV=y", "CONFIG_HYPERV_VMBUS=m");
        assertThat(r.losesSomething()).isTrue();
    }

    @Test
    void withDefaultOfTheOldSymbolOnlyTheCoreNeedsFixing() {
        Path examples = Path.of("examples/hyperv").toAbsolutePath();
        UpgradeReport r = new UpgradeGuard(load(examples.resolve("new-default")), null)
                .analyze("old.config", read(examples.resolve("old.config")));
        assertThat(r.fix().verified()).isTrue();
        // HYPERV_VMBUS defaults to HYPERV: y brings the bus (and with it every driver's m) back.
        assertThat(r.fix().lines()).containsExactly("CONFIG_HYPERV=y");
    }

    @Test
    void demotedByAnMDependency() {
        Kconfig t = tree(MODULES + "config A\n\ttristate \"a\"\nconfig B\n\ttristate \"b\"\n\tdepends on A\n");
        UpgradeReport r = new UpgradeGuard(t, null).analyze("c", "CONFIG_MODULES=y\nCONFIG_A=m\nCONFIG_B=y\n");
        Finding b = find(r, "B");
        assertThat(b.kind()).isEqualTo(Finding.Kind.DEMOTED);
        assertThat(b.cause().kind()).isEqualTo(Cause.Kind.DEPENDENCY_NOT_MET);
        assertThat(b.cause().text()).contains("depends on A [=m]");
        assertThat(b.fix().lines()).containsExactly("CONFIG_A=y");
        assertThat(b.fix().verified()).isTrue();
    }

    @Test
    void promotedByATypeChangeNeedsNoFix() {
        Kconfig t = tree(MODULES + "config A\n\tbool \"a\"\n\tdefault y\n");
        UpgradeReport r = new UpgradeGuard(t, null).analyze("c", "CONFIG_MODULES=y\nCONFIG_A=m\n");
        Finding a = find(r, "A");
        assertThat(a.kind()).isEqualTo(Finding.Kind.PROMOTED);
        assertThat(a.cause().kind()).isEqualTo(Cause.Kind.TYPE_CHANGED);
        assertThat(a.fix()).isNull();
        assertThat(r.losesSomething()).isFalse();
    }

    @Test
    void rangeChangeClampsTheValue() {
        Kconfig t = tree("config N\n\tint \"n\"\n\trange 1 8\n\tdefault 4\n");
        Finding n = find(new UpgradeGuard(t, null).analyze("c", "CONFIG_N=64\n"), "N");
        assertThat(n.kind()).isEqualTo(Finding.Kind.CHANGED);
        assertThat(n.newValue()).isEqualTo("8");
        assertThat(n.cause().kind()).isEqualTo(Cause.Kind.RANGE);
        assertThat(n.cause().text()).contains("outside the range 1..8");
    }

    @Test
    void removedAndTransitionallyRenamedSymbolsAreDropped() {
        Kconfig t = tree("config CFI\n\tbool \"cfi\"\n\tdefault CFI_CLANG\nconfig CFI_CLANG\n\tbool\n\ttransitional\n");
        UpgradeReport r = new UpgradeGuard(t, null).analyze("c", "CONFIG_CFI_CLANG=y\nCONFIG_GONE=y\n");
        Finding renamed = find(r, "CFI_CLANG");
        assertThat(renamed.kind()).isEqualTo(Finding.Kind.DROPPED);
        assertThat(renamed.cause().kind()).isEqualTo(Cause.Kind.RENAMED);
        assertThat(renamed.cause().text()).contains("carried to CFI");
        Finding gone = find(r, "GONE");
        assertThat(gone.cause().kind()).isEqualTo(Cause.Kind.REMOVED);
        assertThat(find(r, "CFI").kind()).isEqualTo(Finding.Kind.NEW);
        assertThat(find(r, "CFI").newValue()).isEqualTo("y");
    }

    @Test
    void aCauseIsBlockedByTheSymbolsWhyNamesNotEverySymbolOfTheTerm() {
        // A now depends on (X && Y) || Z; X is y already: only Y and Z would have to change, the
        // symbols explain's Obstacles name (and why lists), so X is no blocker.
        String common = "config X\n\tbool \"x\"\nconfig Y\n\tbool \"y\"\nconfig Z\n\tbool \"z\"\n";
        Kconfig old = tree(common + "config A\n\tbool \"a\"\n");
        Kconfig now = tree(common + "config A\n\tbool \"a\"\n\tdepends on (X && Y) || Z\n");
        Finding f = find(new UpgradeGuard(now, old).analyze("c", "CONFIG_X=y\nCONFIG_A=y\n"), "A");
        assertThat(f.cause().kind()).isEqualTo(Cause.Kind.DEPENDENCY_NOT_MET);
        assertThat(f.cause().text()).contains("it depends on (X [=y] && Y [=n] || Z [=n])")
                .contains("(a new dependency: it used to depend on nothing)");
        assertThat(f.cause().blockers()).containsExactly("Y", "Z");
    }

    @Test
    void aSelectedCauseNamesTheActiveSelectorsAsWhyDoesStrongestFirst() {
        // T was m; in the new tree B (m) and then A (y) select it: A, the one that makes it y,
        // comes first, as why lists them (explain's Links), whatever the order of the tree.
        Kconfig old = tree(MODULES + "config T\n\ttristate \"t\"\n");
        Kconfig now = tree(MODULES + "config T\n\ttristate \"t\"\nconfig B\n\ttristate \"b\"\n\tdefault m\n"
                + "\tselect T\nconfig A\n\tbool \"a\"\n\tdefault y\n\tselect T\n");
        Finding f = find(new UpgradeGuard(now, old).analyze("c", "CONFIG_MODULES=y\nCONFIG_T=m\n"), "T");
        assertThat(f.cause().kind()).isEqualTo(Cause.Kind.SELECTED);
        assertThat(f.cause().text()).isEqualTo("T is selected by A, B");
        assertThat(f.cause().blockers()).containsExactly("A", "B");
    }

    @Test
    void renameCandidatesComeFromTheOldTree() {
        Kconfig old = tree("config RETPOLINE\n\tbool \"Avoid speculative indirect branches in kernel\"\n\tdefault y\n");
        Kconfig now = tree("config MITIGATION_RETPOLINE\n\tbool \"Avoid speculative indirect branches in kernel\"\n");
        Finding f = find(new UpgradeGuard(now, old).analyze("c", "CONFIG_RETPOLINE=y\n"), "RETPOLINE");
        assertThat(f.cause().kind()).isEqualTo(Cause.Kind.RENAMED);
        assertThat(f.cause().blockers()).containsExactly("MITIGATION_RETPOLINE");
    }

    @Test
    void aNewGateCountsTheOptionsYouChoseAsTheSummaryDoesNotTheHelpersBelowIt() {
        // IP_NF_FILTER (an option) now depends on the new XT_LEGACY; the promptless NF_HELPER it
        // selected goes with it. Both are lost, but only IP_NF_FILTER is an option the user chose.
        Kconfig old = tree(MODULES + "config NF_HELPER\n\ttristate\nconfig IP_NF_FILTER\n\ttristate \"filter\"\n"
                + "\tselect NF_HELPER\n");
        Kconfig now = tree(MODULES + "config NF_HELPER\n\ttristate\nconfig XT_LEGACY\n\tbool \"legacy\"\n"
                + "config IP_NF_FILTER\n\ttristate \"filter\"\n\tdepends on XT_LEGACY\n\tselect NF_HELPER\n");
        UpgradeReport r = new UpgradeGuard(now, old).analyze("c",
                "CONFIG_MODULES=y\nCONFIG_NF_HELPER=m\nCONFIG_IP_NF_FILTER=m\n");
        Finding gate = find(r, "XT_LEGACY");
        assertThat(Ranking.cascade(gate)).filteredOn(f -> f.kind() == Finding.Kind.LOST).extracting(Finding::symbol)
                .containsExactlyInAnyOrder("IP_NF_FILTER", "NF_HELPER");
        assertThat(find(r, "NF_HELPER").category()).isEqualTo(Finding.Category.HELPER);

        String says = "new gate: 1 option you chose now depends on XT_LEGACY (and 1 other value of your config);";
        assertThat(gate.cause().text()).startsWith(says);
        String text = ReportFormat.TEXT.render(r, false);
        assertThat(text).contains("1 option you chose lost (in 1 root cause)", "XT_LEGACY (NEW, NEW_SYMBOL): 1 option you chose\n",
                says);
        assertThat(ReportFormat.MARKDOWN.render(r, false)).contains("1 option you chose lost (in 1 root cause)",
                says.replace("_", "\\_"));
        assertThat(ReportFormat.JSON.render(r, false)).contains("\"text\" : \"" + says);
    }

    @Test
    void aNewSymbolThatTakesNoOptionYouChoseIsNotCalledAGate() {
        // The SCTP pattern: options replaced by a new one, the old names dropped.
        Kconfig old = tree(MODULES + "config COOKIE_HMAC_MD5\n\tbool \"cookie hmac\"\n");
        Kconfig now = tree(MODULES + "config COOKIE_HMAC_SHA256\n\tbool \"cookie hmac\"\n\tdefault y\n");
        UpgradeReport r = new UpgradeGuard(now, old).analyze("c", "CONFIG_MODULES=y\nCONFIG_COOKIE_HMAC_MD5=y\n");
        Finding sha = find(r, "COOKIE_HMAC_SHA256");
        assertThat(sha.consequences()).extracting(Finding::symbol).containsExactly("COOKIE_HMAC_MD5");
        assertThat(sha.cause().text()).startsWith("new symbol: 1 value of your config changes with COOKIE_HMAC_SHA256;");
    }

    @Test
    void selectTurnedIntoDependsOnIsFoundAndFixed() {
        // The NETFILTER_XTABLES_LEGACY pattern: tables used to select the core, now depend on a new gate.
        Kconfig old = tree(MODULES + "config XT\n\ttristate \"xt\"\nconfig IP_NF_FILTER\n\ttristate \"filter\"\n"
                + "\tselect XT\n");
        Kconfig now = tree(MODULES + "config XT\n\ttristate \"xt\"\nconfig XT_LEGACY\n\tbool \"legacy\"\n"
                + "config IP_NF_FILTER\n\ttristate \"filter\"\n\tdepends on XT_LEGACY\n");
        UpgradeReport r = new UpgradeGuard(now, old).analyze("c", "CONFIG_MODULES=y\nCONFIG_IP_NF_FILTER=m\n");
        Finding gate = find(r, "XT_LEGACY");
        assertThat(gate.kind()).isEqualTo(Finding.Kind.NEW);
        assertThat(gate.cause().text()).startsWith("new gate: 1 option you chose now depends on XT_LEGACY;")
                .contains("it has no default, so it is n");
        assertThat(gate.consequences()).extracting(Finding::symbol).contains("IP_NF_FILTER");
        assertThat(r.fix().lines()).containsExactly("CONFIG_XT_LEGACY=y");
        assertThat(r.fix().verified()).isTrue();
    }

    @Test
    void promptHiddenByANewCondition() {
        Kconfig t = tree("config EXPERT\n\tbool \"expert\"\nconfig DEBUG_X\n\tbool \"x\" if EXPERT\n");
        UpgradeReport r = new UpgradeGuard(t, null).analyze("c", "CONFIG_DEBUG_X=y\n");
        Finding f = find(r, "DEBUG_X");
        assertThat(f.kind()).isEqualTo(Finding.Kind.LOST);
        assertThat(f.cause().kind()).isEqualTo(Cause.Kind.PROMPT_HIDDEN);
        assertThat(f.cause().text()).contains("its prompt is hidden by EXPERT [=n]");
        // EXPERT is new to this config (n): the root, with DEBUG_X as its consequence.
        assertThat(r.findings().get(0).symbol()).isEqualTo("EXPERT");
        assertThat(r.findings().get(0).fix().lines()).containsExactly("CONFIG_EXPERT=y");
    }

    @Test
    void symbolMovedIntoAChoiceLosesToTheDefault() {
        // DEBUG_INFO became a choice in 5.18: DEBUG_INFO_DWARF4=y alone now competes with the default.
        Kconfig old = tree("config DWARF4\n\tbool \"dwarf4\"\nconfig NONE\n\tbool \"none\"\n");
        Kconfig now = tree("choice\n\tprompt \"debug info\"\n\tdefault NONE\nconfig NONE\n\tbool \"none\"\n"
                + "config DWARF4\n\tbool \"dwarf4\"\nendchoice\n");
        UpgradeReport r = new UpgradeGuard(now, old).analyze("c", "CONFIG_DWARF4=y\nCONFIG_NONE=y\n");
        Finding f = find(r, "DWARF4");
        assertThat(f.kind()).isEqualTo(Finding.Kind.LOST);
        assertThat(f.cause().kind()).isEqualTo(Cause.Kind.CHOICE);
        assertThat(f.cause().text()).contains("now selects NONE");
    }

    @Test
    void newSymbolsAreReportedWithTheirValue() {
        Kconfig t = tree("config OLD\n\tbool \"old\"\nconfig FRESH\n\tbool \"fresh\"\n\tdefault y\n");
        UpgradeReport r = new UpgradeGuard(t, null).analyze("c", "CONFIG_OLD=y\n");
        Finding f = find(r, "FRESH");
        assertThat(f.kind()).isEqualTo(Finding.Kind.NEW);
        assertThat(f.newValue()).isEqualTo("y");
        assertThat(f.cause().text()).contains("its default y gives y");
        assertThat(r.losesSomething()).isFalse();
        assertThat(r.findings()).hasSize(1);
    }

    @Test
    void reportsRenderInEveryFormat() {
        Path examples = Path.of("examples/hyperv").toAbsolutePath();
        UpgradeReport r = new UpgradeGuard(load(examples.resolve("new")), null)
                .analyze("old.config", read(examples.resolve("old.config")));
        assertThat(ReportFormat.TEXT.render(r, false)).contains("LOST    HYPERV  m -> n").contains("CONFIG_HYPERV_VMBUS=m");
        assertThat(ReportFormat.MARKDOWN.render(r, false)).contains("**LOST** `HYPERV  m -> n`");
        assertThat(ReportFormat.JSON.render(r, false)).contains("\"schemaVersion\" : 2").contains("\"kind\" : \"LOST\"");
        String junit = ReportFormat.JUNIT.render(r, false);
        assertThat(junit).contains("<testsuite").contains("failures=\"1\"").contains("<testcase classname=\"kconfig4j.upgrade\" name=\"HYPERV\"");
    }

    @Test
    void aFixThatChangesAUserValueSaysSo() {
        // The SQUASHFS pattern: the user's m must become y for a lost y to come back.
        Kconfig t = tree(MODULES + "config A\n\ttristate \"a\"\nconfig B\n\ttristate \"b\"\n\tdepends on A\n");
        UpgradeReport r = new UpgradeGuard(t, null).analyze("c", "CONFIG_MODULES=y\nCONFIG_A=m\nCONFIG_B=y\n");
        Fix fix = find(r, "B").fix();
        assertThat(fix.lines()).containsExactly("CONFIG_A=y");
        assertThat(fix.verified()).isTrue();
        assertThat(fix.note()).endsWith("this changes your own value of A from m to y");
    }

    @Test
    void aFixThatWouldLoseAnotherValueOfTheConfigIsRefused() {
        // OLD is lost because BIG is on; turning BIG off would bring OLD back but lose KEEP.
        Kconfig t = tree("config BIG\n\tbool \"big\"\n\tdefault y\nconfig OLD\n\tbool \"old\"\n\tdepends on !BIG\n"
                + "config KEEP\n\tbool \"keep\"\n\tdepends on BIG\n");
        UpgradeReport r = new UpgradeGuard(t, null).analyze("c", "CONFIG_OLD=y\nCONFIG_KEEP=y\n");
        assertThat(r.findings().get(0).symbol()).isEqualTo("BIG");
        Fix fix = r.findings().get(0).fix();
        assertThat(fix.verified()).isFalse();
        assertThat(fix.lines()).isEmpty();
        assertThat(fix.note()).startsWith("cannot restore OLD=y: your KEEP=y must stay")
                .contains("OLD [=n] depends on !BIG [=y]").contains("KEEP [=y] depends on BIG [=y]");
        assertThat(r.fix().note()).isEqualTo("cannot restore OLD=y: see the findings above");
    }

    @Test
    void aPromptTheToolchainHidesIsReportedAsThatAndDoesNotFail() {
        // The compiler lacks the feature: CC_HAS_FOO's probe fails, so FOO's prompt is gone.
        Kconfig t = tree("config CC_HAS_FOO\n\tdef_bool $(shell,echo n)\nconfig FOO\n\tbool \"foo\"\n"
                + "\tdepends on CC_HAS_FOO\nconfig BAR\n\tbool \"bar\"\n");
        UpgradeReport r = new UpgradeGuard(t, null).analyze("c", "CONFIG_CC_HAS_FOO=y\nCONFIG_FOO=y\nCONFIG_BAR=y\n");
        Finding probe = find(r, "CC_HAS_FOO");
        assertThat(probe.category()).isEqualTo(Finding.Category.TOOLCHAIN);
        assertThat(probe.cause().text()).contains("derived from the toolchain");
        Finding foo = find(r, "FOO");
        assertThat(foo.kind()).isEqualTo(Finding.Kind.LOST);
        assertThat(foo.category()).isEqualTo(Finding.Category.TOOLCHAIN);
        assertThat(foo.cause().text()).contains("depends on CC_HAS_FOO [=n]").contains("the toolchain lacks the feature");
        assertThat(r.losesSomething()).as("--fail-on lost does not fail for what the toolchain decides").isFalse();
        assertThat(r.fix()).as("no fix: a config line cannot give the compiler a feature").isNull();
    }

    @Test
    void aDependencyOnAProbeAndWhatFollowsFromItAreTheToolchains() {
        // X86_X32_ABI's pattern: depends on $(success,$(OBJCOPY) ...) directly; X32_DISABLED on it.
        Kconfig t = tree("config X32\n\tbool \"x32\"\n\tdepends on $(shell,echo n)\n"
                + "config X32_DISABLED\n\tbool \"off by default\"\n\tdepends on X32\n");
        UpgradeReport r = new UpgradeGuard(t, null).analyze("c", "CONFIG_X32=y\nCONFIG_X32_DISABLED=y\n");
        assertThat(find(r, "X32").category()).isEqualTo(Finding.Category.TOOLCHAIN);
        assertThat(find(r, "X32").cause().text()).contains("the dependency is a compiler, assembler or linker probe");
        assertThat(find(r, "X32_DISABLED").category()).isEqualTo(Finding.Category.TOOLCHAIN);
        assertThat(r.losesSomething()).isFalse();
    }

    @Test
    void theReportPutsLostOptionsFirstLargestFirstAndCountsTheRest() {
        Kconfig old = tree(MODULES + "config CC_VERSION_TEXT\n\tstring\n\tdefault \"$(CC_VERSION_TEXT)\"\n"
                + "config HELPER\n\ttristate\nconfig SMALL\n\ttristate \"small\"\n\tselect HELPER\n"
                + "config CORE\n\ttristate \"core\"\n"
                + "config D1\n\ttristate \"d1\"\n\tdepends on CORE\nconfig D2\n\ttristate \"d2\"\n\tdepends on CORE\n"
                + "config N\n\tint \"n\"\n\tdefault 1\n");
        Kconfig now = tree(MODULES + "config CC_VERSION_TEXT\n\tstring\n\tdefault \"$(CC_VERSION_TEXT)\"\n"
                + "config HELPER\n\ttristate\nconfig GATE\n\tbool \"gate\"\n"
                + "config SMALL\n\ttristate \"small\"\n\tdepends on GATE\n\tselect HELPER\n"
                + "config CORE\n\tbool \"core\"\n"
                + "config D1\n\ttristate \"d1\"\n\tdepends on CORE\nconfig D2\n\ttristate \"d2\"\n\tdepends on CORE\n"
                + "config N\n\tint \"n\"\n\trange 1 4\n\tdefault 1\n");
        String config = "CONFIG_MODULES=y\nCONFIG_CC_VERSION_TEXT=\"gcc 12\"\nCONFIG_HELPER=m\nCONFIG_SMALL=m\n"
                + "CONFIG_N=9\nCONFIG_CORE=m\nCONFIG_D1=m\nCONFIG_D2=m\n";
        UpgradeReport r = new UpgradeGuard(now, old).analyze("c", config);
        // CORE (3 options) before SMALL's gate (1), though SMALL comes first in the config; then
        // N (a value the user could set); the toolchain's text and the helper only counted.
        assertThat(r.findings()).extracting(Finding::symbol).startsWith("CORE", "GATE", "N");
        assertThat(Ranking.weight(r.findings().get(0)).optionsLost()).isEqualTo(3);
        assertThat(Ranking.section(r.findings().get(2))).isEqualTo(Ranking.Section.OPTIONS_CHANGED);
        assertThat(find(r, "CC_VERSION_TEXT").category()).isEqualTo(Finding.Category.TOOLCHAIN);
        assertThat(find(r, "HELPER").category()).isEqualTo(Finding.Category.HELPER);
        String text = ReportFormat.TEXT.render(r, false);
        assertThat(text.indexOf("LOST    CORE")).isLessThan(text.indexOf("LOST    SMALL"));
        assertThat(text.indexOf("LOST    SMALL")).isLessThan(text.indexOf("CHANGED N"));
        assertThat(text).contains("CORE (LOST, TYPE_CHANGED): 3 options you chose")
                .contains("The rest, by class (--verbose lists each)")
                .contains("1  derived from the toolchain (compiler, assembler, linker): CC_VERSION_TEXT")
                .doesNotContain("CHANGED CC_VERSION_TEXT");
        assertThat(ReportFormat.TEXT.render(r, false, true)).contains("CHANGED CC_VERSION_TEXT");
        assertThat(ReportFormat.JSON.render(r, false)).contains("\"class\" : \"TOOLCHAIN\"")
                .contains("\"class\" : \"OPTION_LOST\"").contains("\"class\" : \"HELPER\"");
        String md = ReportFormat.MARKDOWN.render(r, false);
        assertThat(md.indexOf("`CORE")).isLessThan(md.indexOf("`GATE"));
        assertThat(md).contains("#### The rest, by class");
        String junit = ReportFormat.JUNIT.render(r, false);
        assertThat(junit.indexOf("name=\"CORE\"")).isLessThan(junit.indexOf("name=\"GATE\""));
        assertThat(junit).contains("failures=\"2\"");
    }

    @Test
    void aHelperNothingChosenNeedsIsNotBroughtBackByTurningOnASubsystem() {
        // CRC7 was selected by OLD_DRIVER, which is gone; now only a sound driver selects it.
        Kconfig old = tree(MODULES + "config SOUND\n\tbool \"sound\"\nconfig CRC7\n\ttristate\n"
                + "config OLD_DRIVER\n\ttristate \"old\"\n\tselect CRC7\n");
        Kconfig now = tree(MODULES + "config SOUND\n\tbool \"sound\"\nconfig CRC7\n\ttristate\n"
                + "config SND_THING\n\ttristate \"thing\"\n\tdepends on SOUND\n\tselect CRC7\n");
        UpgradeReport r = new UpgradeGuard(now, old).analyze("c",
                "CONFIG_MODULES=y\n# CONFIG_SOUND is not set\nCONFIG_CRC7=m\nCONFIG_OLD_DRIVER=m\n");
        Finding crc7 = find(r, "CRC7");
        assertThat(crc7.category()).isEqualTo(Finding.Category.HELPER);
        assertThat(crc7.cause().text()).contains("it used to be selected by OLD_DRIVER (not in the new tree)")
                .contains("no option you chose needs it any more");
        assertThat(crc7.fix()).isNull();
        assertThat(r.fix()).isNull();
        assertThat(ReportFormat.TEXT.render(r, false)).doesNotContain("CONFIG_SOUND=y").doesNotContain("CONFIG_SND_THING");
        assertThat(find(r, "OLD_DRIVER").category()).isEqualTo(Finding.Category.OPTION_LOST);
    }

    @Test
    void aFixNeverTurnsOnWhatTheConfigHasOff() {
        // OPT now needs SUB, which the config explicitly has off: OPT is not brought back.
        Kconfig t = tree(MODULES + "config SUB\n\tbool \"subsystem\"\nconfig OPT\n\ttristate \"opt\"\n"
                + "\tdepends on SUB\nconfig OTHER\n\ttristate \"other\"\n\tdepends on GATE\n"
                + "config GATE\n\tbool \"gate\"\n");
        UpgradeReport r = new UpgradeGuard(t, null).analyze("c",
                "CONFIG_MODULES=y\n# CONFIG_SUB is not set\nCONFIG_OPT=m\nCONFIG_OTHER=m\n");
        assertThat(r.fix().lines()).containsExactly("CONFIG_GATE=y");
        assertThat(r.fix().verified()).isFalse();
        assertThat(r.fix().note()).startsWith("cannot restore OPT=m");
        Fix opt = find(r, "OPT").fix();
        assertThat(opt.lines()).isEmpty();
        assertThat(opt.note()).contains("your SUB=n must stay");
    }

    @Test
    void valuesTheNewTypeCannotTakeAreNamedWithFileAndLine() {
        Kconfig old = tree(MODULES + "config A\n\tbool \"a\"\nconfig N\n\tint \"n\"\n\tdefault 3\n");
        Kconfig now = tree(MODULES + "config A\n\tbool \"a\"\nconfig N\n\tint \"n\"\n\tdefault 3\n");
        UpgradeReport r = new UpgradeGuard(now, old).analyze("old.config",
                "CONFIG_MODULES=y\nCONFIG_A=m\nCONFIG_N=twelve\n");
        Finding a = find(r, "A");
        assertThat(a.cause().kind()).isEqualTo(Cause.Kind.INVALID_VALUE);
        assertThat(a.cause().text()).contains("'m' (old.config:2) is not a valid bool value");
        Finding n = find(r, "N");
        assertThat(n.cause().kind()).isEqualTo(Cause.Kind.INVALID_VALUE);
        assertThat(n.newValue()).isEqualTo("3");
        assertThat(n.cause().text()).contains("'twelve' (old.config:3) is not a valid int value");
        assertThat(r.warnings()).anyMatch(w -> "old.config".equals(w.file()) && w.line() == 3
                && w.severity() == dev.kconfig4j.diagnostic.Diagnostic.Severity.WARNING
                && w.text().equals("old.config:3:warning: symbol value 'twelve' invalid for N"));
        assertThat(ReportFormat.TEXT.render(r, false)).contains("(old.config:3) is not a valid int value");
        // JSON (schema 2) gives each warning as an object a UI can place next to its line.
        assertThat(ReportFormat.JSON.render(r, false)).contains("""
                "severity" : "WARNING",
                    "file" : "old.config",
                    "line" : 3,
                    "message" : "symbol value 'twelve' invalid for N",
                    "text" : "old.config:3:warning: symbol value 'twelve' invalid for N"
                """.strip());
    }

    static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static List<String> lines(String s) {
        return s.lines().toList();
    }
}
