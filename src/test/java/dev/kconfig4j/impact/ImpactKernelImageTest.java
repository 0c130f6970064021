package dev.kconfig4j.impact;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kconfig4j.impact.ImpactReport.ConfigImpact;
import dev.kconfig4j.impact.ImpactReport.SymbolImpact;
import dev.kconfig4j.upgrade.KernelImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The impact analysis reads the trees' Makefiles: the Hyper-V trees with the Kbuild miniatures of
 * examples/hyperv (before: {@code obj-$(subst m,y,$(CONFIG_HYPERV)) += hv/} and {@code hyperv/},
 * so HYPERV=m builds Hyper-V's core into vmlinux; after: HYPERV is bool).
 */
class ImpactKernelImageTest {
    @TempDir
    static Path tmp;
    static ImpactReport report;
    static ImpactReport withoutMakefiles;

    @BeforeAll
    static void analyse() throws IOException {
        Path before = HypervTrees.before(tmp.resolve("before"));
        Path after = HypervTrees.after(tmp.resolve("after"));
        withoutMakefiles = run(ImpactAnalysis.builder(new TreeSource.Directory(before),
                new TreeSource.Directory(after)).mitigations(0));
        copyKbuild(Path.of("examples/hyperv/old"), before);
        copyKbuild(Path.of("examples/hyperv/new"), after);
        report = run(ImpactAnalysis.builder(new TreeSource.Directory(before),
                new TreeSource.Directory(after)).mitigations(0));
    }

    static ImpactReport run(ImpactAnalysis.Builder b) throws IOException {
        return b.environment(Map.of("HOME", tmp.toString(), "KCONFIG4J_PROBE_CACHE", "off")).workingDirectory(tmp).run();
    }

    /** The example's Makefiles and Kbuild files (the top-level Makefile keeps the tree's version lines). */
    static void copyKbuild(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                String name = p.getFileName().toString();
                if (!name.startsWith("Makefile") && !name.startsWith("Kbuild")) {
                    continue;
                }
                Path target = to.resolve(from.relativize(p).toString());
                Files.createDirectories(target.getParent());
                String text = Files.readString(p);
                if (target.equals(to.resolve("Makefile"))) {
                    text = Files.readString(target) + text;
                }
                Files.writeString(target, text);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    @Test
    void theSymbolNamesItsForcingConstructsWithFileAndLine() {
        SymbolImpact hyperv = ImpactAnalysisTest.symbol(report, "HYPERV");
        assertThat(hyperv.kernelImage()).isNotNull();
        assertThat(hyperv.kernelImage().constructs()).extracting(KernelImage.Construct::tree,
                KernelImage.Construct::location).contains(
                org.assertj.core.groups.Tuple.tuple("before", "drivers/Makefile:2"),
                org.assertj.core.groups.Tuple.tuple("before", "arch/x86/Kbuild:16"),
                org.assertj.core.groups.Tuple.tuple("before", "drivers/hv/Makefile:10"));
        assertThat(hyperv.kernelImage().typeChange()).isEqualTo("tristate -> bool");
        assertThat(hyperv.kernelImage().changesImage()).isTrue();
        assertThat(hyperv.kernelImage().imageChangedIn()).contains(ImpactAnalysisTest.VYOS);
        assertThat(report.kernelImage()).isNotNull();
        assertThat(report.kernelImage().arches()).contains("x86");
        // Symbols without forcing constructs say nothing.
        assertThat(ImpactAnalysisTest.symbol(report, "HYPERV_NET").kernelImage()).isNull();
    }

    @Test
    void aConfigWithHypervAtMLosesTheForcedCodeFromVmlinux() {
        ConfigImpact vyos = ImpactAnalysisTest.config(report, ImpactAnalysisTest.VYOS);
        assertThat(vyos.kernelImage()).isNotNull();
        KernelImage.Change change = vyos.kernelImage().change();
        assertThat(change.leaving()).extracting(KernelImage.Moved::object)
                .contains("drivers/hv/hv_common.o", "arch/x86/hyperv/hv_init.o");
        assertThat(change.leaving()).filteredOn(m -> m.object().equals("drivers/hv/hv_common.o"))
                .extracting(KernelImage.Moved::via).singleElement().asString().startsWith("drivers/hv/Makefile:10 ");
        assertThat(change.modulesRemoved()).contains("hv_vmbus");
        // A config without Hyper-V has no change of a forcing symbol: no annotation.
        ConfigImpact tiny = ImpactAnalysisTest.config(report, ImpactAnalysisTest.TINY);
        assertThat(tiny.kernelImage()).isNull();
    }

    @Test
    void everyFormatShowsIt() throws IOException {
        String text = ImpactFormat.TEXT.render(report);
        assertThat(text).contains("Kernel image: changed symbols that control code Kbuild forces built-in")
                .contains("HYPERV (tristate -> bool): changes the kernel image")
                .contains("drivers/Makefile:2 obj-$(subst m,y,$(CONFIG_HYPERV)) += hv/")
                .contains("kernel image: drivers/hv/hv_common.o leaves vmlinux (drivers/hv/Makefile:10 ");
        String md = ImpactFormat.MARKDOWN.render(report);
        assertThat(md).contains("### Kernel image").contains("drivers/hv/hv\\_common.o");
        String html = ImpactFormat.HTML.render(report);
        assertThat(html).contains("<span class=\"badge lost\">changes image</span>")
                .contains("<ul class=\"kernel-image\"><li>HYPERV controls code Kbuild builds in when it is m: ");
        JsonNode json = new ObjectMapper().readTree(ImpactFormat.JSON.render(report));
        JsonNode sym = null;
        for (JsonNode s : json.get("symbols")) {
            if (s.get("symbol").asText().equals("HYPERV")) {
                sym = s;
            }
        }
        assertThat(sym.get("kernelImage").get("changesImage").asBoolean()).isTrue();
        assertThat(sym.get("kernelImage").get("constructs").get(0).get("location").asText()).contains(":");
        assertThat(json.get("kernelImage").get("arches").get(0).asText()).isEqualTo("x86");
    }

    @Test
    void treesWithoutMakefilesGiveNoKernelImageInformation() throws IOException {
        assertThat(withoutMakefiles.kernelImage()).isNull();
        assertThat(withoutMakefiles.symbols()).allSatisfy(s -> assertThat(s.kernelImage()).isNull());
        assertThat(withoutMakefiles.configs()).allSatisfy(c -> assertThat(c.kernelImage()).isNull());
        assertThat(withoutMakefiles.problems()).isEmpty();
        assertThat(ImpactFormat.TEXT.render(withoutMakefiles)).doesNotContain("Kernel image");
        JsonNode json = new ObjectMapper().readTree(ImpactFormat.JSON.render(withoutMakefiles));
        assertThat(json.has("kernelImage")).isFalse();
        assertThat(json.get("configs").get(0).has("kernelImage")).isFalse();
        // The same findings as with Makefiles: the Makefiles add annotations, nothing else.
        assertThat(report.configs()).extracting(ConfigImpact::changes)
                .isEqualTo(withoutMakefiles.configs().stream().map(ConfigImpact::changes).toList());
        assertThat(report.problems()).isEmpty();
    }
}
