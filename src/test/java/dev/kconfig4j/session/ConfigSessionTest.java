package dev.kconfig4j.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.kconfig4j.Kconfig;
import dev.kconfig4j.diagnostic.Diagnostic;
import dev.kconfig4j.diagnostic.KconfigException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The configuration session on a small tree: what menuconfig shows and does, as an API. */
public class ConfigSessionTest {
    public static final String KCONFIG = """
            mainmenu "Test kernel"
            config MODULES
            \tbool "Enable loadable module support"
            \tdefault y
            \tmodules
            menu "Drivers"
            config PCI
            \tbool "PCI support"
            config USB
            \ttristate "USB support"
            \tdepends on PCI
            \thelp
            \t  Universal serial bus.
            config USB_STORAGE
            \ttristate "USB mass storage"
            \tdepends on USB
            \tselect SCSI
            config SCSI
            \ttristate "SCSI support"
            config NR
            \tint "Number of things"
            \trange 1 64
            \tdefault 8
            config NAME
            \tstring "Host name"
            \tdefault "box"
            endmenu
            choice
            \tprompt "Compression"
            \tdefault GZIP
            config GZIP
            \tbool "gzip"
            config XZ
            \tbool "xz"
            endchoice
            comment "The end"
            """;

    @TempDir
    Path dir;
    Kconfig tree;
    ConfigSession session;

    @BeforeEach
    void load() throws IOException {
        Files.writeString(dir.resolve("Kconfig"), KCONFIG, StandardCharsets.ISO_8859_1);
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
        tree = Kconfig.load(Kconfig.Options.of(dir, "Kconfig", Map.of("PATH", "/usr/bin:/bin", "KERNELVERSION", "6.12"),
                dir), quiet, quiet);
        session = ConfigSession.open(tree, dir.resolve(".config"));
    }

    private Entry entry(MenuPage page, String symbol) {
        return page.entries().stream().filter(e -> symbol.equals(e.symbol())).findFirst().orElseThrow();
    }

    private int drivers() {
        return session.page(0, false).entries().stream().filter(e -> "Drivers".equals(e.prompt())).findFirst()
                .orElseThrow().id();
    }

    @Test
    void theMainMenuShowsValuesAsMenuconfigDoes() {
        MenuPage main = session.page(0, false);
        assertThat(main.title()).isEqualTo("Test kernel");
        assertThat(main.entries()).extracting(Entry::kind, Entry::prompt, Entry::valueText).containsExactly(
                org.assertj.core.groups.Tuple.tuple(Entry.Kind.SYMBOL, "Enable loadable module support", "[*]"),
                org.assertj.core.groups.Tuple.tuple(Entry.Kind.MENU, "Drivers", ""),
                org.assertj.core.groups.Tuple.tuple(Entry.Kind.CHOICE, "Compression", ""),
                org.assertj.core.groups.Tuple.tuple(Entry.Kind.COMMENT, "The end", ""));
        Entry choice = main.entries().get(2);
        assertThat(choice.selection()).isEqualTo("gzip");
        assertThat(choice.submenu()).isTrue();
        MenuPage compression = session.page(choice.id(), false);
        assertThat(compression.entries()).extracting(Entry::valueText).containsExactly("(X)", "( )");
        assertThat(compression.path()).extracting(MenuPage.Crumb::title).containsExactly("Test kernel", "Compression");
    }

    @Test
    void hiddenEntriesAppearOnlyWithShowAllAndSayWhy() {
        MenuPage page = session.page(drivers(), false);
        assertThat(page.entries()).extracting(Entry::symbol).containsExactly("PCI", "SCSI", "NR", "NAME");
        assertThat(entry(page, "NR").valueText()).isEqualTo("(8)");
        assertThat(entry(page, "NR").range()).isEqualTo("1 64");
        assertThat(entry(page, "NAME").valueText()).isEqualTo("(box)");
        assertThat(entry(page, "SCSI").allowed()).containsExactly("n", "m", "y");
        assertThat(entry(page, "PCI").allowed()).containsExactly("n", "y");
        MenuPage all = session.page(drivers(), true);
        Entry usb = entry(all, "USB");
        assertThat(usb.visible()).isFalse();
        assertThat(usb.hiddenReason()).contains("PCI");
        // Entries that depend on the symbol above them are shown under it.
        assertThat(usb.depth()).isEqualTo(1);
        assertThat(entry(all, "USB_STORAGE").depth()).isEqualTo(2);
    }

    @Test
    void aChangeReportsWhatElseChangedAndCanBeUndone() {
        Change pci = session.set("PCI", "y");
        // USB is now written to .config (as "is not set"): null is "not written".
        assertThat(pci.values()).containsExactly(new Change.ValueChange("PCI", "n", "y"),
                new Change.ValueChange("USB", null, "n"));
        assertThat(pci.visibility()).extracting(Change.VisibilityChange::symbol, Change.VisibilityChange::visible)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("USB", true));
        session.set("USB", "m");
        Change storage = session.set("USB_STORAGE", "m");
        assertThat(storage.values()).containsExactly(new Change.ValueChange("USB_STORAGE", "n", "m"),
                new Change.ValueChange("SCSI", "n", "m"));
        Entry scsi = entry(session.page(drivers(), false), "SCSI");
        assertThat(scsi.valueText()).isEqualTo("<M>");
        assertThat(scsi.allowed()).containsExactly("m", "y"); // a select is a lower bound

        Change undo = session.undo();
        assertThat(undo.values()).containsExactlyInAnyOrder(new Change.ValueChange("USB_STORAGE", "m", "n"),
                new Change.ValueChange("SCSI", "m", "n"));
        assertThat(undo.canRedo()).isTrue();
        Change redo = session.redo();
        assertThat(redo.values()).contains(new Change.ValueChange("SCSI", "n", "m"));
        assertThat(redo.canRedo()).isFalse();
    }

    @Test
    void aValueTheKernelWouldRefuseIsRefusedWithTheBlockingTermAndNothingChanges() {
        String before = session.dotConfig();
        assertThatThrownBy(() -> session.set("USB", "m")).isInstanceOf(KconfigException.class)
                .hasMessageContaining("USB cannot be set to m").hasMessageContaining("PCI");
        assertThatThrownBy(() -> session.set("PCI", "m")).hasMessageContaining("bool");
        assertThatThrownBy(() -> session.set("NR", "100")).hasMessageContaining("range 1 to 64");
        assertThatThrownBy(() -> session.set("NR", "ten")).hasMessageContaining("not a valid int");
        assertThatThrownBy(() -> session.set("USBB", "y")).hasMessageContaining("did you mean USB?");
        assertThat(session.dotConfig()).isEqualTo(before);
        assertThat(session.canUndo()).isFalse();
    }

    @Test
    void textValuesAndChoices() {
        assertThat(session.set("NR", "16").values()).containsExactly(new Change.ValueChange("NR", "8", "16"));
        assertThat(session.set("NAME", "my \"box\"").values())
                .containsExactly(new Change.ValueChange("NAME", "\"box\"", "\"my \\\"box\\\"\""));
        Change xz = session.set("XZ", "y");
        assertThat(xz.values()).containsExactly(new Change.ValueChange("XZ", "n", "y"),
                new Change.ValueChange("GZIP", "y", "n"));
        assertThat(session.page(0, false).entries().get(2).selection()).isEqualTo("xz");
    }

    @Test
    void searchFindsNamesPromptsHelpAndFilesAndSaysWhereToJump() {
        List<SearchHit> hits = session.search(SearchQuery.of("storage"));
        assertThat(hits).extracting(SearchHit::symbol).containsExactly("USB_STORAGE");
        SearchHit h = hits.get(0);
        assertThat(h.page()).isEqualTo(drivers());
        assertThat(h.path()).extracting(MenuPage.Crumb::title).containsExactly("Test kernel", "Drivers");
        assertThat(h.visible()).isFalse();
        assertThat(h.location()).isEqualTo("Kconfig:14");
        assertThat(session.search(SearchQuery.of("universal"))).extracting(SearchHit::symbol).containsExactly("USB");
        assertThat(session.search(new SearchQuery("^USB", true, EnumSet.of(SearchQuery.Field.NAME), false, false,
                false, null, 0))).extracting(SearchHit::symbol).containsExactly("USB", "USB_STORAGE");
        assertThat(session.search(new SearchQuery("", false, null, false, false, false, "USB_STORAGE", 0)))
                .extracting(SearchHit::symbol).containsExactly("SCSI");
        assertThat(session.search(new SearchQuery("", false, null, false, false, true, null, 0)))
                .extracting(SearchHit::symbol).containsExactly("USB", "USB_STORAGE");
        session.set("NR", "16");
        assertThat(session.search(new SearchQuery("", false, null, true, false, false, null, 0)))
                .extracting(SearchHit::symbol).containsExactly("NR");
        assertThatThrownBy(() -> session.search(new SearchQuery("(", true, null, false, false, false, null, 0)))
                .hasMessageContaining("not a regular expression");
    }

    @Test
    void detailsAnswerWhereWhyAndWhat() {
        Details d = session.details(session.entryOf("USB"));
        assertThat(d.help()).contains("Universal serial bus.");
        assertThat(d.kernelHelp()).contains("Symbol: USB [=n]").contains("Depends on: PCI [=n]");
        assertThat(d.locations()).extracting(Details.Definition::location).containsExactly("Kconfig:9");
        assertThat(d.why().dependsOn().expression()).isEqualTo("PCI [=n]");
        assertThat(d.why().blockers()).isNotEmpty();
    }

    @Test
    void anEnablePlanIsADiffAppliedInOneUndoableStep() {
        EnablePlan plan = session.enable(List.of("USB_STORAGE"));
        assertThat(plan.solved()).isTrue();
        assertThat(plan.lines()).contains("CONFIG_PCI=y");
        assertThat(plan.changes()).extracting(Change.ValueChange::symbol).contains("PCI", "USB", "USB_STORAGE", "SCSI");
        Change c = session.apply(plan);
        assertThat(session.configuration().tristate(tree.symbols().find("USB_STORAGE")).text()).isNotEqualTo("n");
        assertThat(c.values()).extracting(Change.ValueChange::symbol).contains("PCI", "USB_STORAGE", "SCSI");
        session.undo();
        assertThat(session.configuration().tristate(tree.symbols().find("USB_STORAGE")).text()).isEqualTo("n");
    }

    @Test
    void savingWritesTheKernelsConfigWithABackupAndTheMinimalForm() throws Exception {
        Saved first = session.save();
        assertThat(first.changed()).isTrue();
        assertThat(first.backup()).isNull();
        assertThat(session.save().changed()).isFalse();
        String old = Files.readString(dir.resolve(".config"));
        session.set("PCI", "y");
        Saved second = session.save();
        assertThat(second.backup()).isEqualTo(dir.resolve(".config.old").toString());
        assertThat(Files.readString(dir.resolve(".config.old"))).isEqualTo(old);
        assertThat(Files.readString(dir.resolve(".config"))).contains("CONFIG_PCI=y\n");
        session.saveMinimal(dir.resolve("defconfig"));
        assertThat(Files.readString(dir.resolve("defconfig"))).isEqualTo("CONFIG_PCI=y\n");
        assertUnchangedByKernel(dir, ".config");
    }

    /** The kernel's own conf --olddefconfig leaves the saved file as it is (skipped without the oracle). */
    static void assertUnchangedByKernel(Path dir, String file) throws Exception {
        Path oracle = Path.of(System.getenv().getOrDefault("KCONFIG4J_ORACLE", "/tmp/oracle"), "conf-6.12");
        if (!Files.isExecutable(oracle)) {
            return;
        }
        String saved = Files.readString(dir.resolve(file), StandardCharsets.ISO_8859_1);
        ProcessBuilder pb = new ProcessBuilder(oracle.toString(), "-s", "--olddefconfig", "Kconfig")
                .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        pb.environment().clear();
        pb.environment().put("PATH", "/usr/bin:/bin");
        pb.environment().put("srctree", dir.toString());
        pb.environment().put("KCONFIG_CONFIG", dir.resolve(file).toString());
        Process p = pb.start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isZero();
        assertThat(Files.readString(dir.resolve(file), StandardCharsets.ISO_8859_1)).isEqualTo(saved);
    }

    /**
     * The session keeps the warnings of loading the tree and of reading the config as values, each
     * with its place, and tells which symbol each concerns: the one its config line assigns, or
     * the one a tree warning names where it is defined.
     */
    @Test
    void theWarningsOfLoadingAndReadingAreValuesThatKnowTheirSymbol() throws IOException {
        Files.writeString(dir.resolve("Kconfig"), KCONFIG.replace("\tdefault \"box\"\n", "\tdefault \"box\"\n\tselect SCSI\n"),
                StandardCharsets.ISO_8859_1);
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
        tree = Kconfig.load(Kconfig.Options.of(dir, "Kconfig", Map.of("PATH", "/usr/bin:/bin", "KERNELVERSION", "6.12"),
                dir), quiet, quiet);
        String config = dir.resolve(".config").toString();
        session = new ConfigSession(tree, dir.resolve(".config"), "CONFIG_PCI=m\ngarbage\nCONFIG_NR=x\n# CONFIG_GZIP is not set\n");

        List<Diagnostic> warnings = session.diagnostics();
        assertThat(warnings).extracting(Diagnostic::severity, Diagnostic::file, Diagnostic::line, Diagnostic::text)
                .containsExactly(
                        tuple(Diagnostic.Severity.WARNING, "Kconfig", 27,
                                "Kconfig:27:warning: config symbol 'NAME' uses select, but is not bool or tristate"),
                        tuple(Diagnostic.Severity.WARNING, config, 1, config + ":1:warning: symbol value 'm' invalid for PCI"),
                        tuple(Diagnostic.Severity.WARNING, config, 2, config + ":2:warning: unexpected data: garbage"),
                        tuple(Diagnostic.Severity.WARNING, config, 3, config + ":3:warning: symbol value 'x' invalid for NR"));
        assertThat(warnings).extracting(session::concerning).containsExactly("NAME", "PCI", null, "NR");
        // Only the config's are what conf prints before its menu: the tree's were printed as it loaded.
        assertThat(session.readDiagnostics()).isEqualTo(warnings.subList(1, 4));
        // A warning of the tree on a line no symbol's definition holds, or not naming that symbol, concerns none.
        assertThat(session.concerning(Diagnostic.warning("Kconfig", 27, "something else"))).isNull();
        assertThat(session.concerning(Diagnostic.warning("Kconfig", 1, "MODULES"))).isNull();
        assertThat(session.concerning(Diagnostic.warning(config, 4, "x"))).isEqualTo("GZIP");
        assertThat(session.concerning(Diagnostic.warning(config, 9, "x"))).isNull();
    }
}
