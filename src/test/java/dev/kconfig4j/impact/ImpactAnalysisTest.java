package dev.kconfig4j.impact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kconfig4j.diagnostic.KconfigException;
import dev.kconfig4j.impact.ImpactReport.ChangeKind;
import dev.kconfig4j.impact.ImpactReport.ConfigImpact;
import dev.kconfig4j.impact.ImpactReport.ConfigLosses;
import dev.kconfig4j.impact.ImpactReport.LostGroup;
import dev.kconfig4j.impact.ImpactReport.Mitigation;
import dev.kconfig4j.impact.ImpactReport.MitigationKind;
import dev.kconfig4j.impact.ImpactReport.SymbolImpact;
import dev.kconfig4j.upgrade.Cause;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The impact analysis on the Hyper-V split, in miniature trees. */
class ImpactAnalysisTest {
    @TempDir
    static Path tmp;
    static Path before;
    static Path after;
    static ImpactReport report;

    static final String AZURE = "arch/x86/configs/azure_defconfig";
    static final String VYOS = "arch/x86/configs/vyos_defconfig";
    static final String TINY = "arch/x86/configs/tiny_defconfig";
    static final String ARM64 = "arch/arm64/configs/defconfig";

    @BeforeAll
    static void analyse() throws IOException {
        before = HypervTrees.before(tmp.resolve("before"));
        after = HypervTrees.after(tmp.resolve("after"));
        report = run(ImpactAnalysis.builder(new TreeSource.Directory(before), new TreeSource.Directory(after)));
    }

    static ImpactReport run(ImpactAnalysis.Builder b) throws IOException {
        return b.environment(Map.of("HOME", tmp.toString(), "KCONFIG4J_PROBE_CACHE", "off")).workingDirectory(tmp).run();
    }

    static ConfigImpact config(ImpactReport r, String name) {
        return r.configs().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }

    static SymbolImpact symbol(ImpactReport r, String name) {
        return r.symbols().stream().filter(s -> s.symbol().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void everyDefconfigOfTheAfterTreeWithItsArch() {
        assertThat(report.configs()).extracting(ConfigImpact::name, ConfigImpact::arch).containsExactly(
                org.assertj.core.groups.Tuple.tuple(ARM64, "arm64"), org.assertj.core.groups.Tuple.tuple(AZURE, "x86"),
                org.assertj.core.groups.Tuple.tuple(TINY, "x86"), org.assertj.core.groups.Tuple.tuple(VYOS, "x86"));
        assertThat(report.problems()).isEmpty();
        assertThat(report.timing().trees()).as("each (tree, arch) parsed once").isEqualTo(4);
    }

    @Test
    void theSameResultOnOneThreadAsOnMany() throws IOException {
        // Trees are shared between threads, configurations and guards are not: threads must not matter.
        ImpactReport one = run(ImpactAnalysis.builder(new TreeSource.Directory(before), new TreeSource.Directory(after))
                .threads(1));
        ImpactReport four = run(ImpactAnalysis.builder(new TreeSource.Directory(before), new TreeSource.Directory(after))
                .threads(4));
        assertThat(four.configs()).isEqualTo(one.configs()).isEqualTo(report.configs());
        assertThat(four.symbols()).isEqualTo(one.symbols());
        assertThat(four.mitigations()).isEqualTo(one.mitigations());
    }

    @Test
    void namesEveryLostDriverPerConfig() {
        assertThat(config(report, AZURE).lostSymbols()).containsExactlyInAnyOrder("HYPERV_UTILS", "HYPERV_STORAGE",
                "HYPERV_NET", "FB_HYPERV");
        assertThat(config(report, VYOS).lostSymbols()).containsExactlyInAnyOrder("HYPERV", "HYPERV_UTILS",
                "HYPERV_STORAGE", "HYPERV_NET");
        assertThat(config(report, ARM64).lostSymbols()).containsExactlyInAnyOrder("HYPERV_UTILS", "HYPERV_NET");
        assertThat(config(report, TINY).changes()).isEmpty();
        // Causes as the upgrade guard gives them: the =y configs lose the drivers to the new gate,
        // the =m config loses HYPERV itself to the type change and the rest with it.
        ImpactReport.Change vmbus = config(report, AZURE).changes().stream()
                .filter(c -> c.symbol().equals("HYPERV_VMBUS")).findFirst().orElseThrow();
        assertThat(vmbus.kind()).isEqualTo(ChangeKind.GATE);
        ImpactReport.Change hyperv = config(report, VYOS).changes().get(0);
        assertThat(hyperv.symbol()).isEqualTo("HYPERV");
        assertThat(hyperv.cause()).isEqualTo(Cause.Kind.TYPE_CHANGED);
        assertThat(hyperv.causeText()).contains("HYPERV is bool in the new tree (it was tristate)");
        assertThat(config(report, VYOS).changes()).filteredOn(c -> c.symbol().equals("HYPERV_NET"))
                .singleElement().satisfies(c -> assertThat(c.root()).isEqualTo("HYPERV"));
    }

    @Test
    void aggregatesPerSymbol() {
        SymbolImpact net = symbol(report, "HYPERV_NET");
        assertThat(net.lostIn()).containsExactly(ARM64, AZURE, VYOS);
        assertThat(report.symbols().get(0).symbol()).isEqualTo("HYPERV_NET"); // the most lost first
        assertThat(net.causes()).extracting(ImpactReport.CauseCount::kind).contains(Cause.Kind.DEPENDENCY_NOT_MET);
        assertThat(ImpactFormat.TEXT.render(report))
                .contains("HYPERV_NET: lost in 3 of 4 configs: " + ARM64 + ", " + AZURE + ", " + VYOS);
    }

    @Test
    void theTextReportShowsTheMostLostSymbolsTheGroupsAndTheLosingConfigs() {
        // A limit of one entry per list: each list shows its first entry and says how many it left out.
        String text = new TextReport(1).render(report);
        assertThat(text).contains("""
                4 configs (2 arches): 3 lose something (10 losses of 5 symbols, in 2 groups by root cause); \
                5 mitigations checked, 1 complete

                Lost symbols (5), the most lost first:
                  HYPERV_NET: lost in 3 of 4 configs: %s, %s, %s
                      cause: HYPERV_NET cannot be m any more: it depends on HYPERV_VMBUS [=n] \
                (a new dependency: it used to depend on HYPERV)
                  ... 4 more (the JSON and HTML reports have all)

                Lost groups (2), by root cause:
                  HYPERV_VMBUS (gate, NEW_SYMBOL): 2 configs lose 4 symbols: HYPERV_UTILS, HYPERV_NET, HYPERV_STORAGE, FB_HYPERV
                """.formatted(ARM64, AZURE, VYOS));
        assertThat(text).contains("""
                      m1 [partial]: give the new symbol HYPERV_VMBUS the default `HYPERV`, so configs that had \
                the options it now gates keep them
                          fixes 2 of 3 configs tested; still broken in 1: %s (HYPERV_UTILS, HYPERV_STORAGE, HYPERV_NET)
                """.formatted(VYOS));
        assertThat(text).contains("          | +\tdefault HYPERV\n");
        assertThat(text).contains("""
                  ... 1 more (the JSON and HTML reports have all)

                Configs that lose something (3 of 4):
                  %s (arm64): 2 lost, 1 gate, 0 new
                      lost: HYPERV_UTILS, HYPERV_NET
                  ... 2 more (the JSON and HTML reports have all)
                """.formatted(ARM64));
    }

    @Test
    void groupsByRootCause() {
        assertThat(report.groups()).extracting(LostGroup::root).containsExactly("HYPERV_VMBUS", "HYPERV");
        LostGroup gate = report.groups().get(0);
        assertThat(gate.rootKind()).isEqualTo(ChangeKind.GATE);
        assertThat(gate.configs()).containsExactly(ARM64, AZURE);
        assertThat(report.groups().get(1).configs()).containsExactly(VYOS);
    }

    @Test
    void theDefaultMitigationFixesTheYConfigsButNotTheMOnes() {
        Mitigation d = mitigation(report, MitigationKind.DEFAULT_ON_NEW_SYMBOL, "HYPERV_VMBUS");
        assertThat(d.description()).contains("`HYPERV`");
        assertThat(d.patch()).contains("+++ b/drivers/hv/Kconfig").contains("+\tdefault HYPERV\n");
        assertThat(d.configsTested()).isEqualTo(3);
        assertThat(d.fixed()).containsExactly(ARM64, AZURE);
        // HYPERV=m is no valid bool value: HYPERV becomes n, and with it the bus and every driver.
        assertThat(d.stillBroken()).extracting(ConfigLosses::config).containsExactly(VYOS);
        assertThat(d.stillBroken().get(0).symbols()).contains("HYPERV_NET", "HYPERV_STORAGE");
        assertThat(d.newLosses()).isEmpty();
        assertThat(d.complete()).isFalse();
    }

    @Test
    void keepingHypervTristateAloneFixesNothing() {
        // With HYPERV tristate again the =m config keeps HYPERV, but the new bus still has no default.
        Mitigation t = mitigation(report, MitigationKind.KEEP_TRISTATE, "HYPERV");
        assertThat(t.patch()).contains("-\tbool \"Microsoft Hyper-V core support\"")
                .contains("+\ttristate \"Microsoft Hyper-V core support\"");
        assertThat(t.fixed()).isEmpty();
        assertThat(t.stillBroken()).extracting(ConfigLosses::config).containsExactly(ARM64, AZURE, VYOS);
        assertThat(t.stillBroken().get(2).symbols()).doesNotContain("HYPERV").contains("HYPERV_NET");
    }

    @Test
    void keepingHypervTristateAndTheDefaultTogetherFixEveryConfig() {
        // Each fixes part (or none) of it; made together, even the =m config keeps HYPERV and its drivers.
        Mitigation d = mitigation(report, MitigationKind.DEFAULT_ON_NEW_SYMBOL, "HYPERV_VMBUS");
        Mitigation t = mitigation(report, MitigationKind.KEEP_TRISTATE, "HYPERV");
        assertThat(report.mitigations()).filteredOn(m -> m.kind() == MitigationKind.COMBINED).singleElement()
                .satisfies(c -> {
                    assertThat(c.combines()).containsExactly(d.id(), t.id());
                    assertThat(c.description()).startsWith(d.id() + " + " + t.id() + ": ")
                            .contains("default `HYPERV`").contains("keep HYPERV tristate");
                    assertThat(c.patch()).contains("+\tdefault HYPERV\n")
                            .contains("-\tbool \"Microsoft Hyper-V core support\"")
                            .contains("+\ttristate \"Microsoft Hyper-V core support\"")
                            .doesNotContain("-config HYPERV_VMBUS"); // just the two edits
                    assertThat(c.error()).isNull();
                    assertThat(c.configsTested()).isEqualTo(3);
                    assertThat(c.fixed()).containsExactly(ARM64, AZURE, VYOS);
                    assertThat(c.stillBroken()).isEmpty();
                    assertThat(c.newLosses()).isEmpty();
                    assertThat(c.complete()).isTrue();
                    assertThat(report.mitigationsOf(c.group())).contains(c);
                    assertThat(ImpactFormat.TEXT.render(report)).contains(c.id() + " [fixes all]: " + d.id() + " + "
                            + t.id() + ": ");
                });
        // The single ones keep their ids (m2 and m3 are the selects that do not load, left out of the
        // combination); the combination, filed under the first group, comes after them, once.
        assertThat(report.mitigations()).extracting(Mitigation::id).containsExactly("m1", "m2", "m3", "m4", "m5");
        assertThat(report.mitigations().get(4).group()).isEqualTo("HYPERV_VMBUS");
    }

    @Test
    void aMitigationThatBreaksTheTreeSaysHow() {
        // HYPERV_UTILS has `default HYPERV_VMBUS`: selecting the bus from it is a recursive dependency.
        Mitigation s = mitigation(report, MitigationKind.SELECT_INSTEAD_OF_DEPENDS, "HYPERV_VMBUS");
        assertThat(s.description()).contains("HYPERV_NET");
        assertThat(s.patch()).contains("-\tdepends on HYPERV_VMBUS").contains("+\tselect HYPERV_VMBUS");
        assertThat(s.error()).contains("recursive dependency");
        assertThat(s.fixed()).isEmpty();
        assertThat(s.complete()).isFalse();
    }

    @Test
    void aGainedDependencyCanBeSelectedInstead() throws IOException {
        // SCHED_DEBUG's story in 6.12: it gained a dependency on DEBUG_FS, which configs often lack.
        String old = "config DEBUG_KERNEL\n\tbool \"debug\"\nconfig DEBUG_FS\n\tbool \"debugfs\"\n"
                + "config SCHED_DEBUG\n\tbool \"sched debug\"\n\tdepends on DEBUG_KERNEL\n";
        Path o = HypervTrees.write(tmp.resolve("dep-old"), Map.of("Kconfig", old, "arch/x86/Kconfig", "",
                "arch/x86/configs/d_defconfig", "CONFIG_DEBUG_KERNEL=y\nCONFIG_SCHED_DEBUG=y\n"));
        Path n = HypervTrees.write(tmp.resolve("dep-new"), Map.of("Kconfig",
                old.replace("depends on DEBUG_KERNEL", "depends on DEBUG_KERNEL && DEBUG_FS"), "arch/x86/Kconfig", "",
                "arch/x86/configs/d_defconfig", "CONFIG_DEBUG_KERNEL=y\nCONFIG_SCHED_DEBUG=y\n"));
        ImpactReport r = run(ImpactAnalysis.builder(new TreeSource.Directory(o), new TreeSource.Directory(n)));
        assertThat(r.groups()).extracting(LostGroup::root).containsExactly("SCHED_DEBUG");
        Mitigation m = mitigation(r, MitigationKind.SELECT_INSTEAD_OF_DEPENDS, "SCHED_DEBUG");
        assertThat(m.patch()).contains("-\tdepends on DEBUG_KERNEL && DEBUG_FS\n+\tdepends on DEBUG_KERNEL\n+\tselect DEBUG_FS\n");
        assertThat(m.fixed()).containsExactly("arch/x86/configs/d_defconfig");
        assertThat(m.complete()).isTrue();
    }

    @Test
    void aGroupThatLosesOnlyAHelperGetsNoMitigation() throws IOException {
        // CRC7's story in 7.x: a helper selected by a driver; the driver now needs SOUND, which
        // the config has off. Selecting SOUND (or dropping the dependency) to bring the helper
        // back would turn on a subsystem for a symbol no option the config chose needs.
        String old = "config SOUND\n\tbool \"sound\"\nconfig CRC7\n\tbool\nconfig OLD_USER\n\tbool \"user\"\n"
                + "\tselect CRC7\n";
        String now = "config SOUND\n\tbool \"sound\"\nconfig CRC7\n\tbool\n\tdepends on SOUND\n"
                + "config OLD_USER\n\tbool \"user\"\n";
        Path o = HypervTrees.write(tmp.resolve("helper-old"), Map.of("Kconfig", old, "arch/x86/Kconfig", "",
                "arch/x86/configs/h_defconfig", "CONFIG_OLD_USER=y\n"));
        Path n = HypervTrees.write(tmp.resolve("helper-new"), Map.of("Kconfig", now, "arch/x86/Kconfig", "",
                "arch/x86/configs/h_defconfig", "CONFIG_OLD_USER=y\n"));
        ImpactReport r = run(ImpactAnalysis.builder(new TreeSource.Directory(o), new TreeSource.Directory(n)));
        assertThat(r.configs().get(0).lostSymbols()).containsExactly("CRC7");
        assertThat(r.groups()).isNotEmpty();
        assertThat(r.mitigations()).as("no Kconfig edit to bring back a helper nothing chosen needs").isEmpty();
    }

    @Test
    void aRenameGetsATransitionalSymbol() throws IOException {
        // RETPOLINE became MITIGATION_RETPOLINE in 6.9, without a transitional symbol.
        String old = "config RETPOLINE\n\tbool \"Avoid speculative indirect branches in kernel\"\n";
        String renamed = "config MITIGATION_RETPOLINE\n\tbool \"Avoid speculative indirect branches in kernel\"\n";
        Path o = HypervTrees.write(tmp.resolve("ren-old"), Map.of("Kconfig", old, "arch/x86/Kconfig", "",
                "arch/x86/configs/r_defconfig", "CONFIG_RETPOLINE=y\n"));
        Path n = HypervTrees.write(tmp.resolve("ren-new"), Map.of("Kconfig", renamed, "arch/x86/Kconfig", "",
                "arch/x86/configs/r_defconfig", "CONFIG_MITIGATION_RETPOLINE=y\n"));
        ImpactReport r = run(ImpactAnalysis.builder(new TreeSource.Directory(o), new TreeSource.Directory(n)));
        ImpactReport.Change dropped = r.configs().get(0).changes().stream()
                .filter(c -> c.symbol().equals("RETPOLINE")).findFirst().orElseThrow();
        assertThat(dropped.kind()).isEqualTo(ChangeKind.DROPPED);
        assertThat(dropped.root()).as("filed under its successor").isEqualTo("MITIGATION_RETPOLINE");
        assertThat(dropped.cause()).isEqualTo(Cause.Kind.RENAMED);
        assertThat(dropped.lost()).isTrue();
        Mitigation m = mitigation(r, MitigationKind.TRANSITIONAL_RENAME, "MITIGATION_RETPOLINE");
        assertThat(m.patch()).contains("+config RETPOLINE\n+\tbool\n+\ttransitional\n")
                .contains("+\tdefault RETPOLINE\n");
        assertThat(m.fixed()).containsExactly("arch/x86/configs/r_defconfig");
        assertThat(m.complete()).isTrue();
    }

    static Mitigation mitigation(ImpactReport r, MitigationKind kind, String group) {
        return r.mitigations().stream().filter(m -> m.kind() == kind && group.equals(m.group())).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " for " + group + " in " + r.mitigations()));
    }

    @Test
    void aWhatIfPatchThatDoesBothFixesEveryConfig() throws IOException {
        Path patch = tmp.resolve("both.patch");
        Files.writeString(patch, """
                Make HYPERV tristate again and give the bus a default.

                --- a/drivers/hv/Kconfig
                +++ b/drivers/hv/Kconfig
                @@ -1,7 +1,7 @@
                 menu "Microsoft Hyper-V guest support"
                 
                 config HYPERV
                -	bool "Microsoft Hyper-V core support"
                +	tristate "Microsoft Hyper-V core support"
                 	depends on X86 || ARM64
                 	help
                 	  Run Linux as a Hyper-V client.
                @@ -9,6 +9,7 @@
                 config HYPERV_VMBUS
                 	tristate "Microsoft Hyper-V VMBus driver"
                 	depends on HYPERV
                +	default HYPERV
                 	help
                 	  The VMBus driver, needed by every Hyper-V device driver.
                 
                """);
        ImpactReport r = run(ImpactAnalysis.builder(new TreeSource.Directory(before), new TreeSource.Directory(after))
                .whatIf(Path.of("both.patch")).mitigations(0));
        assertThat(r.mitigations()).hasSize(1);
        Mitigation w = r.mitigations().get(0);
        assertThat(w.kind()).isEqualTo(MitigationKind.WHAT_IF);
        assertThat(w.error()).isNull();
        assertThat(w.fixed()).containsExactly(ARM64, AZURE, VYOS);
        assertThat(w.complete()).isTrue();
        assertThat(Files.readString(after.resolve("drivers/hv/Kconfig"))).as("the tree is not modified")
                .isEqualTo(HypervTrees.NEW_HV);
    }

    @Test
    void aWhatIfPatchThatDoesNotApplyIsOneLineWithItsPlace() throws IOException {
        Path patch = tmp.resolve("stale.patch");
        Files.writeString(patch, "--- a/drivers/hv/Kconfig\n+++ b/drivers/hv/Kconfig\n@@ -3,1 +3,1 @@\n-config HYPERVISOR\n+config HV\n");
        assertThatThrownBy(() -> run(ImpactAnalysis.builder(new TreeSource.Directory(before),
                new TreeSource.Directory(after)).whatIf(Path.of("stale.patch"))))
                .isInstanceOf(KconfigException.class)
                .hasMessageContaining("stale.patch:4: hunk does not apply to drivers/hv/Kconfig:3: expected 'config HYPERVISOR'");
    }

    @Test
    void gitRevisionsAreReadWithoutCheckout() throws Exception {
        Path repo = tmp.resolve("repo");
        try (Git git = Git.init().setDirectory(repo.toFile()).setInitialBranch("main").call()) {
            HypervTrees.write(repo, HypervTrees.files(HypervTrees.OLD_HV, "17"));
            git.add().addFilepattern(".").call();
            git.commit().setMessage("6.17").setAuthor("t", "t@example.org").setCommitter("t", "t@example.org")
                    .setSign(false).call();
            HypervTrees.write(repo, HypervTrees.files(HypervTrees.NEW_HV, "18"));
            git.add().addFilepattern(".").call();
            git.commit().setMessage("Hyper-V split").setAuthor("t", "t@example.org")
                    .setCommitter("t", "t@example.org").setSign(false).call();
        }
        // The work tree is edited afterwards: only the commits may count.
        Files.writeString(repo.resolve("drivers/hv/Kconfig"), "this is not Kconfig\n");
        ImpactReport r = run(ImpactAnalysis.builder(TreeSource.parse("HEAD~1", repo, null), TreeSource.parse("HEAD", repo, null))
                .mitigations(0));
        assertThat(r.before().spec()).isEqualTo("HEAD~1");
        assertThat(r.before().resolved()).matches("[0-9a-f]{40}");
        assertThat(r.before().version()).isEqualTo("6.17.0");
        assertThat(r.configs()).usingRecursiveFieldByFieldElementComparator().isEqualTo(report.configs());
        assertThat(Files.readString(repo.resolve("drivers/hv/Kconfig"))).isEqualTo("this is not Kconfig\n");
        assertThatThrownBy(() -> TreeSource.parse("v9.9", repo, null)).isInstanceOf(KconfigException.class)
                .hasMessageContaining("v9.9: neither a directory nor a revision");
    }

    @Test
    void aRevisionIsWrittenOnceIntoTheTreeCache() throws Exception {
        Path repo = tmp.resolve("cached-repo");
        String commit;
        try (Git git = Git.init().setDirectory(repo.toFile()).setInitialBranch("main").call()) {
            HypervTrees.write(repo, HypervTrees.files(HypervTrees.NEW_HV, "18"));
            Files.writeString(repo.resolve("drivers/hv/Makefile"), "obj-$(subst m,y,$(CONFIG_HYPERV)) += hv_common.o\n");
            Files.writeString(repo.resolve("drivers/hv/hv.c"), "int hv;\n");
            git.add().addFilepattern(".").call();
            commit = git.commit().setMessage("tree").setAuthor("t", "t@example.org").setCommitter("t", "t@example.org")
                    .setSign(false).call().name();
        }
        TreeSource head = TreeSource.parse("HEAD", repo, null);
        Path cache = tmp.resolve("tree-cache");
        Path first = head.materialize(tmp.resolve("scratch-1"), cache, new dev.kconfig4j.diagnostic.Diagnostics());
        assertThat(first).isEqualTo(cache.resolve(commit));
        assertThat(first.resolve("drivers/hv/Kconfig")).hasContent(HypervTrees.NEW_HV.strip());
        assertThat(first.resolve("drivers/hv/Makefile")).exists(); // Kbuild reads the Makefiles
        assertThat(first.resolve("drivers/hv/hv.c")).doesNotExist(); // sources are not needed
        Object written = Files.readAttributes(first.resolve("drivers/hv/Kconfig"),
                java.nio.file.attribute.BasicFileAttributes.class).fileKey();
        Path second = head.materialize(tmp.resolve("scratch-2"), cache, new dev.kconfig4j.diagnostic.Diagnostics());
        assertThat(second).isEqualTo(first);
        assertThat(Files.readAttributes(second.resolve("drivers/hv/Kconfig"),
                java.nio.file.attribute.BasicFileAttributes.class).fileKey()).isEqualTo(written); // not written again
        assertThat(tmp.resolve("scratch-2")).doesNotExist();
        try (var entries = Files.list(cache)) {
            assertThat(entries).containsExactly(first); // no partial copies left behind
        }
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(cache)))
                .isEqualTo("rwx------");
    }

    @Test
    void aCachedRevisionIsReusedOnlyIfItHoldsWhatItsManifestSays() throws Exception {
        Path repo = tmp.resolve("checked-repo");
        try (Git git = Git.init().setDirectory(repo.toFile()).setInitialBranch("main").call()) {
            HypervTrees.write(repo, HypervTrees.files(HypervTrees.NEW_HV, "18"));
            git.add().addFilepattern(".").call();
            git.commit().setMessage("tree").setAuthor("t", "t@example.org").setCommitter("t", "t@example.org")
                    .setSign(false).call();
        }
        TreeSource head = TreeSource.parse("HEAD", repo, null);
        Path cache = tmp.resolve("checked-cache");
        Path kconfig = head.materialize(tmp.resolve("s1"), cache, new dev.kconfig4j.diagnostic.Diagnostics()).resolve("drivers/hv/Kconfig");

        // Damaged (or edited by someone) after it was written: written anew, never used as found.
        Files.writeString(kconfig, "config HYPERV\n\tbool \"forged\"\n");
        head.materialize(tmp.resolve("s2"), cache, new dev.kconfig4j.diagnostic.Diagnostics());
        assertThat(kconfig).hasContent(HypervTrees.NEW_HV.strip());

        // An added file counts too, and so does a missing manifest (a writer that did not finish):
        // each is written anew, with a warning reported as a value.
        dev.kconfig4j.diagnostic.Diagnostics warnings = new dev.kconfig4j.diagnostic.Diagnostics();
        Path added = Files.writeString(kconfig.resolveSibling("Kconfig.extra"), "source \"/etc/passwd\"\n");
        head.materialize(tmp.resolve("s3"), cache, warnings);
        assertThat(added).doesNotExist();
        Files.delete(cache.resolve(head.resolved()).resolve(dev.kconfig4j.cache.DirectoryManifest.NAME));
        Files.writeString(kconfig, "garbage\n");
        head.materialize(tmp.resolve("s4"), cache, warnings);
        assertThat(kconfig).hasContent(HypervTrees.NEW_HV.strip());
        assertThat(warnings.list()).anyMatch(d -> d.text().startsWith("kconfig4j: warning: cached revision ")
                && d.text().endsWith("; written anew"));

        // Another user's copy is not used (nor deleted): this run works from its own.
        org.junit.jupiter.api.Assumptions.assumeTrue(dev.kconfig4j.cache.CacheRoot.currentUid() == 0,
                "only root can give a directory to another user");
        Path target = cache.resolve(head.resolved());
        Files.setAttribute(target, "unix:uid", 4242);
        Path used = head.materialize(tmp.resolve("s5"), cache, warnings);
        assertThat(used).isNotEqualTo(target);
        assertThat(used.resolve("drivers/hv/Kconfig")).hasContent(HypervTrees.NEW_HV.strip());
    }

    @Test
    void givenConfigsHaveTheirArchDetected() throws IOException {
        Files.writeString(tmp.resolve("distro.config"), "#\n# Linux/x86 6.17.0 Kernel Configuration\n#\n"
                + "CONFIG_X86=y\nCONFIG_MODULES=y\nCONFIG_HYPERV=y\nCONFIG_HYPERV_NET=m\n");
        Files.writeString(tmp.resolve("noarch.config"), "CONFIG_MODULES=y\n");
        ImpactReport r = run(ImpactAnalysis.builder(new TreeSource.Directory(before), new TreeSource.Directory(after))
                .defconfigs(false).mitigations(0).config(new ConfigInput(Path.of("distro.config"), null))
                .config(ConfigInput.parse("arm64:noarch.config", tmp)));
        assertThat(r.configs()).extracting(ConfigImpact::name, ConfigImpact::arch).containsExactly(
                org.assertj.core.groups.Tuple.tuple("distro.config", "x86"),
                org.assertj.core.groups.Tuple.tuple("noarch.config", "arm64"));
        // HYPERV_UTILS defaults to HYPERV: the before .config has it too.
        assertThat(config(r, "distro.config").lostSymbols()).containsExactlyInAnyOrder("HYPERV_UTILS", "HYPERV_NET");
        Files.writeString(tmp.resolve("unknown.config"), "CONFIG_MODULES=y\n");
        assertThatThrownBy(() -> run(ImpactAnalysis.builder(new TreeSource.Directory(before),
                new TreeSource.Directory(after)).config(new ConfigInput(Path.of("unknown.config"), null))))
                .hasMessageContaining("unknown.config:1: cannot tell the architecture");
    }

    @Test
    void jsonAndMarkdownShapes() throws IOException {
        JsonNode json = new ObjectMapper().readTree(ImpactFormat.JSON.render(report));
        assertThat(json.get("schemaVersion").asInt()).isEqualTo(2);
        assertThat(json.get("configs")).hasSize(4);
        assertThat(json.at("/symbols/0/symbol").asText()).isEqualTo("HYPERV_NET");
        assertThat(json.at("/symbols/0/lostIn")).hasSize(3);
        assertThat(json.at("/groups/0/root").asText()).isEqualTo("HYPERV_VMBUS");
        assertThat(json.at("/mitigations/0/patch").asText()).startsWith("--- a/drivers/hv/Kconfig");
        assertThat(json.at("/mitigations/0").has("combines")).as("only a combination names others").isFalse();
        assertThat(json.at("/mitigations/4/kind").asText()).isEqualTo("COMBINED");
        assertThat(json.at("/mitigations/4/combines").toString()).isEqualTo("[\"m1\",\"m4\"]");
        String md = ImpactFormat.MARKDOWN.render(report);
        assertThat(md).startsWith("## Kconfig impact: ")
                .contains("| `HYPERV_NET` | 3 of 4 |")
                .contains("- **`HYPERV_VMBUS`** (gate, NEW_SYMBOL): 2 configs lose")
                .contains("```diff\n    --- a/drivers/hv/Kconfig")
                .contains("**\\[partial\\]** give the new symbol HYPERV_VMBUS the default `HYPERV`");
        List<String> mdLines = md.lines().toList();
        assertThat(mdLines).anyMatch(l -> l.startsWith("| `arch/x86/configs/vyos_defconfig` | x86 | 4 lost"));
    }

    /**
     * The run uses one probe cache for every tree it loads: what it warns about (an untrusted
     * directory, an untrusted entry met while loading) is a problem of the report, once, and
     * nothing is printed.
     */
    @Test
    void theProbeCachesWarningsAreProblemsOfTheReportAndNothingIsPrinted() throws IOException {
        String probe = "config PROBED\n\tdef_bool $(shell,echo y)\n";
        Map<String, String> oldFiles = new java.util.LinkedHashMap<>(HypervTrees.files(HypervTrees.OLD_HV, "17"));
        Map<String, String> newFiles = new java.util.LinkedHashMap<>(HypervTrees.files(HypervTrees.NEW_HV, "18"));
        oldFiles.merge("Kconfig", probe, String::concat);
        newFiles.merge("Kconfig", probe, String::concat);
        Path probedBefore = HypervTrees.write(tmp.resolve("probed-before"), oldFiles);
        Path probedAfter = HypervTrees.write(tmp.resolve("probed-after"), newFiles);
        ImpactAnalysis.Builder b = ImpactAnalysis.builder(new TreeSource.Directory(probedBefore),
                new TreeSource.Directory(probedAfter));

        Path open = tmp.resolve("open-cache");
        Files.createDirectories(open.resolve("probes"));
        Files.setPosixFilePermissions(open.resolve("probes"), java.nio.file.attribute.PosixFilePermissions.fromString("rwxrwxrwx"));
        StderrAndReport untrustedDirectory = runCached(b, open);
        assertThat(untrustedDirectory.report().problems()).singleElement().asString()
                .startsWith("kconfig4j: warning: ").contains(open.resolve("probes").toString())
                .contains("can be written by other users");
        assertThat(untrustedDirectory.stderr()).isEmpty();

        Path cache = tmp.resolve("probe-cache");
        assertThat(runCached(b, cache).report().problems()).isEmpty();
        List<Path> entries;
        try (var files = Files.list(cache.resolve("probes"))) {
            entries = files.filter(f -> f.toString().endsWith(".probe")).toList();
        }
        assertThat(entries).isNotEmpty();
        for (Path entry : entries) {
            Files.setPosixFilePermissions(entry, java.nio.file.attribute.PosixFilePermissions.fromString("rw-rw-rw-"));
        }
        StderrAndReport untrustedEntries = runCached(b, cache);
        // (Entries of the mitigations' overlay trees, in the run's scratch directory, are not met again.)
        assertThat(untrustedEntries.report().problems()).isNotEmpty().doesNotHaveDuplicates().allSatisfy(p -> assertThat(p)
                .matches("kconfig4j: warning: probe cache entry .*\\.probe can be written by other users \\(mode 0666\\); not used")
                .satisfies(text -> assertThat(entries).anyMatch(e -> text.contains(e.toString()))));
        assertThat(untrustedEntries.stderr()).isEmpty();
        assertThat(untrustedEntries.report().configs()).isEqualTo(
                runCached(b, tmp.resolve("other-cache")).report().configs());
    }

    private record StderrAndReport(String stderr, ImpactReport report) {
    }

    /** Runs with the probe cache in {@code cacheRoot}, capturing standard error. */
    private static StderrAndReport runCached(ImpactAnalysis.Builder b, Path cacheRoot) throws IOException {
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        java.io.PrintStream saved = System.err;
        System.setErr(new java.io.PrintStream(err, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
            ImpactReport r = b.environment(Map.of("HOME", tmp.toString(), "KCONFIG4J_CACHE_DIR", cacheRoot.toString()))
                    .workingDirectory(tmp).run();
            return new StderrAndReport(err.toString(java.nio.charset.StandardCharsets.UTF_8), r);
        } finally {
            System.setErr(saved);
        }
    }
}
