package dev.kconfig4j.explain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kconfig4j.Kconfig;
import dev.kconfig4j.conformance.GoldenCase;
import dev.kconfig4j.explain.Explanation.Blocker;
import dev.kconfig4j.explain.Explanation.BlockerKind;
import dev.kconfig4j.explain.Explanation.OriginKind;
import dev.kconfig4j.explain.Explanation.Outcome;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code why} on the real thing: Debian's 6.12 amd64 config in the 6.12 x86 tree, in the golden
 * environment. The values explained are those of the kernel's own olddefconfig (the golden
 * expected .config); the reasons are checked against the tree's Kconfig files.
 */
class DebianWhyTest {
    private static Explainer explainer;
    private static Kconfig tree;
    private static List<String> expected;
    /** The object directory: where the tree's probes run. */
    @TempDir
    static Path out;

    @BeforeAll
    static void load() throws IOException {
        Path shared = GoldenCase.requireShared();
        GoldenCase c = GoldenCase.byId(shared, "6.12/x86/olddefconfig-debian-6.12-amd64");
        Path srctree = shared.resolve(c.tree()).toRealPath();
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
        tree = Kconfig.load(Kconfig.Options.of(srctree, "Kconfig", c.environment(srctree, out), out), quiet, quiet);
        String config = Files.readString(shared.resolve("corpus/configs/debian-6.12-amd64.config"),
                StandardCharsets.ISO_8859_1);
        explainer = Explainer.read(tree, "debian-6.12-amd64.config", config);
        try (InputStream in = new GZIPInputStream(Files.newInputStream(
                shared.resolve("golden/6.12/x86/olddefconfig-debian-6.12-amd64/expected.config.gz")))) {
            expected = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1).lines().toList();
        }
    }

    private static Explanation why(String name) {
        Explanation e = explainer.explain(tree.symbols().find(name));
        // the value explained is the kernel's
        String line = e.type().equals("string") ? "CONFIG_" + name + "=\"" + e.value() + "\""
                : e.value().equals("n") ? "# CONFIG_" + name + " is not set" : "CONFIG_" + name + "=" + e.value();
        if (e.written()) {
            assertThat(expected).as("the kernel's .config").contains(line);
        } else {
            assertThat(expected).noneMatch(l -> l.startsWith("CONFIG_" + name + "=") || l.equals("# CONFIG_" + name
                    + " is not set"));
        }
        return e;
    }

    @Test
    void everySymbolIsExplainedAndEveryOneTheConfigCannotSetHasABlocker() {
        int explained = 0;
        for (dev.kconfig4j.symbol.Symbol s : tree.symbols().all()) {
            if (s.isConstant() || s.name() == null || !s.isDefined()) {
                continue;
            }
            Explanation e = explainer.explain(s);
            explained++;
            assertThat(e.value()).as(s.name()).isEqualTo(explainer.configuration().string(s));
            assertThat(e.written()).as(s.name()).isEqualTo(explainer.configuration().isWritten(s));
            if (s.type().isTristateLike() && e.value().equals("n") && e.visibility().value().equals("n")) {
                assertThat(e.blockers()).as("what keeps %s at n", s.name()).isNotEmpty();
            }
            if (e.origin().kind() == OriginKind.SELECT) {
                assertThat(e.blockers()).as("the selects that hold %s", s.name())
                        .anyMatch(b -> b.kind() == BlockerKind.SELECTED);
            }
        }
        assertThat(explained).isGreaterThan(15_000);
    }

    @Test
    void nrCpusFromTheConfigIsIgnoredBecauseMaxsmpHidesItsPrompt() {
        Explanation e = why("NR_CPUS");
        assertThat(e.value()).isEqualTo("8192");
        assertThat(e.user().outcome()).isEqualTo(Outcome.IGNORED);
        assertThat(e.user().location()).isEqualTo("debian-6.12-amd64.config:428");
        assertThat(e.origin().kind()).isEqualTo(OriginKind.DEFAULT);
        assertThat(e.origin().location()).isEqualTo("arch/x86/Kconfig:1036");
        Blocker b = e.blockers().get(0);
        assertThat(b.kind()).isEqualTo(BlockerKind.PROMPT_IF);
        assertThat(b.location()).isEqualTo("arch/x86/Kconfig:1034");
        assertThat(b.expression()).isEqualTo("!MAXSMP [=y]");
        assertThat(b.because()).singleElement().satisfies(m -> {
            assertThat(m.symbol()).isEqualTo("MAXSMP");
            assertThat(m.advice()).isEqualTo("visible: set CONFIG_MAXSMP=n in the config");
        });
    }

    @Test
    void hardwareTagKasanIsOffForTwoReasonsEachWhereItWasWritten() {
        Explanation e = why("KASAN_HW_TAGS");
        assertThat(e.value()).isEqualTo("n");
        assertThat(e.blockers()).extracting(Blocker::kind, Blocker::location, Blocker::expression).containsExactly(
                org.assertj.core.groups.Tuple.tuple(BlockerKind.IF_BLOCK, "lib/Kconfig.kasan:50", "KASAN [=n]"),
                org.assertj.core.groups.Tuple.tuple(BlockerKind.DEPENDS_ON, "lib/Kconfig.kasan:113",
                        "HAVE_ARCH_KASAN_HW_TAGS [=n]"));
        Explanation arch = e.blockers().get(1).because().get(0);
        assertThat(arch.blockers()).singleElement().satisfies(k -> {
            assertThat(k.kind()).isEqualTo(BlockerKind.NO_PROMPT);
            assertThat(k.text()).endsWith("nothing in this tree selects it"); // only arm64 selects it
        });
    }

    @Test
    void x2apicIsHeldAtYByTheXenDom0Select() {
        Explanation e = why("X86_X2APIC");
        assertThat(e.value()).isEqualTo("y");
        assertThat(e.bounds()).isEqualTo(new Explanation.Bounds("y", "y"));
        assertThat(e.blockers()).singleElement().satisfies(b -> {
            assertThat(b.kind()).isEqualTo(BlockerKind.SELECTED);
            assertThat(b.location()).isEqualTo("arch/x86/xen/Kconfig:92");
            assertThat(b.expression()).isEqualTo("XEN_DOM0 [=y] && XEN_PVH [=y] && X86_64 [=y]");
        });
    }

    @Test
    void aLibraryWithoutPromptIsYBySelect() {
        Explanation e = why("CRYPTO_LIB_SHA256");
        assertThat(e.origin().kind()).isEqualTo(OriginKind.SELECT);
        assertThat(e.origin().text()).startsWith("selected by CRYPTO_SHA256 [=y] (crypto/Kconfig:984)");
        assertThat(e.visibility().prompts()).isEmpty();
        assertThat(e.user().outcome()).isEqualTo(Outcome.IGNORED);
    }

    @Test
    void rustIsOffAndTheProbeThatDecidedItIsShown() {
        Explanation e = why("RUST");
        assertThat(e.blockers()).extracting(Blocker::expression).contains("RUST_IS_AVAILABLE [=n]", "!MODVERSIONS [=y]");
        Explanation probe = e.blockers().get(0).because().get(0);
        assertThat(probe.origin().text())
                .isEqualTo("default n (from $(success,$(srctree)/scripts/rust_is_available.sh))");
        assertThat(probe.origin().location()).isEqualTo("init/Kconfig:71");
    }
}
