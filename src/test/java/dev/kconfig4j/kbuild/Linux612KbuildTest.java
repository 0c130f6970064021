package dev.kconfig4j.kbuild;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kconfig4j.Kconfig;
import dev.kconfig4j.confdata.ConfigReader;
import dev.kconfig4j.conformance.GoldenCase;
import dev.kconfig4j.expr.Tristate;
import dev.kconfig4j.expr.Type;
import dev.kconfig4j.symbol.Configuration;
import dev.kconfig4j.symbol.Symbol;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Kbuild awareness on the real 6.12 tree (x86_64) and Debian's 6.12 configs. The tree is walked
 * and its Kconfig loaded once for the class.
 */
class Linux612KbuildTest {
    private static final PrintStream QUIET = new PrintStream(OutputStream.nullOutputStream());
    private static Path shared;
    private static Path srctree;
    private static Kconfig kconfig;
    private static KbuildMap map;

    @BeforeAll
    static void load() throws IOException {
        shared = GoldenCase.requireShared();
        GoldenCase c = GoldenCase.byId(shared, "6.12/x86/olddefconfig-debian-6.12-amd64");
        srctree = shared.resolve(c.tree()).toRealPath();
        Path out = Files.createTempDirectory("kconfig4j-kbuild-");
        kconfig = Kconfig.load(Kconfig.Options.of(srctree, "Kconfig", c.environment(srctree, out), out), QUIET, QUIET);
        map = KbuildTree.walk(srctree, "x86_64");
    }

    private static String config(String name) throws IOException {
        return Files.readString(shared.resolve("corpus/configs/" + name), StandardCharsets.ISO_8859_1);
    }

    private static Configuration load(String name) throws IOException {
        return ConfigReader.load(kconfig, name, config(name)).configuration();
    }

    /** file:line of every line a grep for the pattern finds in the tree's Makefiles and Kbuild files. */
    private static Set<String> grep(Pattern p) throws IOException {
        Set<String> out = new TreeSet<>();
        try (Stream<Path> s = Files.walk(srctree)) {
            for (Path f : s.filter(Files::isRegularFile).toList()) {
                String name = f.getFileName().toString();
                if (!name.startsWith("Makefile") && !name.startsWith("Kbuild")) {
                    continue;
                }
                List<String> lines = Files.readAllLines(f, StandardCharsets.ISO_8859_1);
                for (int i = 0; i < lines.size(); i++) {
                    if (p.matcher(lines.get(i)).find()) {
                        out.add(srctree.relativize(f) + ":" + (i + 1));
                    }
                }
            }
        }
        return out;
    }

    @Test
    void everySubstConstructIsFoundWithFileAndLine() throws IOException {
        List<ObjectRule> constructs = KbuildTree.forcingConstructs(srctree);
        constructs.forEach(r -> System.out.println("forcing " + r.forcing() + " " + r.forcingSymbols() + " " + r.describe()));
        Set<String> subst = constructs.stream().filter(r -> r.target().contains("$(subst "))
                .map(r -> r.location().toString()).collect(Collectors.toCollection(TreeSet::new));
        assertThat(subst).isEqualTo(grep(Pattern.compile("\\$\\(subst (m,y|y,)")));
        assertThat(subst).hasSize(22).contains("drivers/Makefile:163", "drivers/hv/Makefile:16", "arch/x86/Kbuild:16",
                "arch/arm64/Kbuild:9", "arch/loongarch/Kbuild:6", "drivers/mmc/Makefile:7", "net/8021q/Makefile:5",
                "net/ipv6/Makefile:50", "net/l2tp/Makefile:11", "net/dccp/Makefile:20");
        // subst m,y turns m into y; subst y,$(CONFIG_A),... turns y into A's m
        for (ObjectRule r : constructs) {
            if (r.target().contains("$(subst m,y,")) {
                assertThat(r.forcing()).as(r.describe()).isEqualTo(ObjectRule.Forcing.BUILTIN);
            } else if (r.target().contains("$(subst y,")) {
                assertThat(r.forcing()).as(r.describe()).isEqualTo(ObjectRule.Forcing.MODULE);
            }
        }
        // The substitution-reference spelling $(CONFIG_X:m=y) of object lists, and nothing else.
        Set<String> others = constructs.stream().filter(r -> !r.target().contains("$(subst "))
                .map(r -> r.location().toString()).collect(Collectors.toCollection(TreeSet::new));
        assertThat(others).isEqualTo(grep(Pattern.compile("^(obj|[a-z0-9_]+)-\\$\\(CONFIG_[A-Z0-9_]+:m=y\\)\\s*\\+=.*\\.o")));
        assertThat(others).contains("drivers/net/ethernet/intel/ixgbe/Makefile:19", "arch/m68k/atari/Makefile:11");

        // The x86 walk visits the generic ones and x86's, not arm64's.
        Set<String> x86 = map.forcingRules().stream().map(r -> r.location().toString()).collect(Collectors.toSet());
        assertThat(x86).contains("drivers/Makefile:163", "drivers/hv/Makefile:16", "arch/x86/Kbuild:16")
                .doesNotContain("arch/arm64/Kbuild:9");
    }

    @Test
    void theHyperVChainOfDebiansCloudConfig() throws IOException {
        Values v = Values.of(load("debian-6.12-cloud-amd64.config"));
        assertThat(v.apply("HYPERV")).isEqualTo(Tristate.MOD);
        KbuildMap.Build build = map.evaluate(v);
        List<String> hyperv = build.forced().stream().filter(f -> f.symbol().equals("HYPERV"))
                .map(f -> f.direction() + " " + f.path() + " " + f.listing().location()).toList();
        assertThat(hyperv).containsExactly("BUILTIN arch/x86/hyperv/ arch/x86/Kbuild:16",
                "BUILTIN drivers/hv/ drivers/Makefile:163", "BUILTIN drivers/hv/hv_common.o drivers/hv/Makefile:16");
        assertThat(build.forced().stream().filter(f -> f.path().equals("arch/x86/hyperv/")).findFirst().orElseThrow()
                .consequences()).contains("arch/x86/hyperv/hv_init.o", "arch/x86/hyperv/mmu.o");
        assertThat(build.byKernelName()).containsKeys("hv_vmbus", "hv_netvsc", "hv_storvsc", "hv_utils", "hv_balloon");
        assertThat(build.modules().get("hv_vmbus").rule().location()).hasToString("drivers/hv/Makefile:2");

        KbuildMap.ImageChange toN = map.imageChange("HYPERV", Tristate.MOD, Tristate.NO, v);
        assertThat(toN.changesImage()).isTrue();
        assertThat(toN.leaving()).extracting(KbuildMap.BuiltObject::path)
                .contains("drivers/hv/hv_common.o", "arch/x86/hyperv/hv_init.o");
        assertThat(toN.modulesRemoved()).contains("hv_vmbus", "hv_utils", "hv_balloon");
        assertThat(toN.constructs()).hasSize(3);
        KbuildMap.ImageChange toY = map.imageChange("HYPERV", Tristate.MOD, Tristate.YES, v);
        assertThat(toY.entering()).extracting(KbuildMap.BuiltObject::path).contains("drivers/hv/vmbus_drv.o");
        assertThat(toY.leaving()).isEmpty();
        assertThat(toY.modulesRemoved()).contains("hv_vmbus");
    }

    @Test
    void debiansModulesComeFromItsModularSymbols() throws IOException {
        Configuration config = load("debian-6.12-amd64.config");
        KbuildMap.Build build = map.evaluate(Values.of(config));
        // Hand-verified against the Makefiles.
        Map<String, String> sample = Map.of(
                "ext4", "EXT4_FS fs/ext4/Makefile:6",
                "hv_netvsc", "HYPERV_NET drivers/net/hyperv/Makefile:2",
                "hv_storvsc", "HYPERV_STORAGE drivers/scsi/Makefile:143",
                "e1000e", "E1000E drivers/net/ethernet/intel/e1000e/Makefile:11",
                "snd_hda_intel", "SND_HDA_INTEL sound/pci/hda/Makefile:79",
                "kvm_intel", "KVM_INTEL arch/x86/kvm/Makefile:36",
                "btrfs", "BTRFS_FS fs/btrfs/Makefile:23",
                "usb_storage", "USB_STORAGE drivers/usb/storage/Makefile:14",
                "virtio_net", "VIRTIO_NET drivers/net/Makefile:35");
        Map<String, KbuildMap.Module> byName = build.byKernelName();
        sample.forEach((module, expected) -> {
            KbuildMap.Module m = byName.get(module);
            assertThat(m).as(module).isNotNull();
            String[] e = expected.split(" ");
            assertThat(m.symbols()).as(module).contains(e[0]);
            assertThat(m.rule().location()).as(module).hasToString(e[1]);
        });
        assertThat(byName.get("snd_hda_intel").name()).isEqualTo("snd-hda-intel");

        Set<String> mapped = new HashSet<>();
        for (KbuildMap.Module m : build.modules().values()) {
            mapped.addAll(m.symbols());
            mapped.addAll(m.directorySymbols());
        }
        Set<String> inMakefiles = namedInMakefiles();
        int modular = 0;
        int hit = 0;
        int mentioned = 0;
        int mentionedHit = 0;
        List<String> unmappedMentioned = new ArrayList<>();
        for (Symbol s : kconfig.symbols().all()) {
            if (s.isConstant() || s.type() != Type.TRISTATE || config.tristate(s) != Tristate.MOD) {
                continue;
            }
            modular++;
            boolean ok = mapped.contains(s.name());
            hit += ok ? 1 : 0;
            if (inMakefiles.contains(s.name())) {
                mentioned++;
                mentionedHit += ok ? 1 : 0;
                if (!ok) {
                    unmappedMentioned.add(s.name());
                }
            }
        }
        System.out.printf("Debian 6.12 amd64: %d =m symbols, %d named by a Makefile for a module they build (%.2f%%);"
                + " %d named in a Makefile,"
                + " %d of them mapped (%.2f%%); %d modules%n", modular, hit, 100.0 * hit / modular, mentioned,
                mentionedHit, 100.0 * mentionedHit / mentioned, build.modules().size());
        assertThat(modular).isEqualTo(4051);
        assertThat((double) mentionedHit / mentioned).isGreaterThan(0.99);
        assertThat((double) hit / modular).isGreaterThan(0.97);
        // MDIO_DEVICE's mdio-bus.ko is folded into libphy.ko when PHYLIB is set (drivers/net/phy/Makefile):
        // not its own module, a MERGED_INTO origin (modularSymbolsDeriveModulesThroughSelectsAndMergedCode).
        assertThat(unmappedMentioned).containsExactly("MDIO_DEVICE");
    }

    @Test
    void modularSymbolsDeriveModulesThroughSelectsAndMergedCode() throws IOException {
        Configuration config = load("debian-6.12-amd64.config");
        KbuildMap.Build build = map.evaluate(Values.of(config));
        ModuleOrigins origins = ModuleOrigins.of(map, build, config);
        int all = origins.symbols().size();
        long own = origins.symbols().stream().filter(origins::hasOwnModule).count();
        int derived = origins.derivedOnly().size();
        Set<String> unmapped = origins.unmapped();
        System.out.printf("Debian 6.12 amd64: %d =m symbols; own module (a Makefile names the symbol): %d (%.2f%%);"
                + " own or derived (code merged into another module, active selects): %d (%.2f%%); no module: %d%n",
                all, own, 100.0 * own / all, own + derived, 100.0 * (own + derived) / all, unmapped.size());
        origins.derivedOnly().forEach((sym, list) -> System.out.println("  derived " + sym + ": " + list.stream()
                .map(o -> o.kind() == ModuleOrigins.Kind.MERGED_INTO ? o.describe().substring(sym.length() + 2)
                        : o.kernelName() + " via " + o.builder())
                .collect(Collectors.joining(", "))));
        for (String u : unmapped) {
            System.out.println("  no module: " + u + " (" + kconfig.symbols().find(u).definitions().get(0).location()
                    + "): " + whyNoModule(config, u));
        }
        assertThat(all).isEqualTo(4051);
        assertThat(own).isEqualTo(3963);
        assertThat(own + derived + unmapped.size()).isEqualTo(all);
        assertThat((double) (own + derived) / all).isGreaterThan(0.99);
        // Every =m symbol a Makefile names produces a module now (MDIO_DEVICE through libphy).
        assertThat(unmapped).doesNotContainAnyElementsOf(namedInMakefiles());

        // Hand-verified against the Kconfig and Makefile lines.
        ModuleOrigins.Origin tuner = origin(origins, "MEDIA_TUNER", "tuner-simple");
        assertThat(tuner.kind()).isEqualTo(ModuleOrigins.Kind.SELECTED);
        assertThat(tuner.chain()).extracting(ModuleOrigins.Step::describe)
                .containsExactly("MEDIA_TUNER -> MEDIA_TUNER_SIMPLE (drivers/media/tuners/Kconfig:14)");
        assertThat(tuner.location()).isEqualTo("drivers/media/tuners/Makefile:34");
        ModuleOrigins.Origin nul = origin(origins, "CRYPTO_NULL", "crypto_null");
        assertThat(nul.chain()).extracting(ModuleOrigins.Step::describe)
                .containsExactly("CRYPTO_NULL -> CRYPTO_NULL2 (crypto/Kconfig:189)");
        assertThat(nul.location()).isEqualTo("crypto/Makefile:71");
        ModuleOrigins.Origin raid = origin(origins, "SCSI_MPT2SAS", "raid_class");
        assertThat(raid.chain()).extracting(ModuleOrigins.Step::describe).containsExactly(
                "SCSI_MPT2SAS -> SCSI_MPT3SAS (drivers/scsi/mpt3sas/Kconfig:79)",
                "SCSI_MPT3SAS -> RAID_ATTRS (drivers/scsi/mpt3sas/Kconfig:47)");
        assertThat(raid.location()).isEqualTo("drivers/scsi/Makefile:25");
        ModuleOrigins.Origin mdio = origin(origins, "MDIO_DEVICE", "libphy");
        assertThat(mdio.kind()).isEqualTo(ModuleOrigins.Kind.MERGED_INTO);
        assertThat(mdio.object()).isEqualTo("drivers/net/phy/mdio_bus.o");
        assertThat(mdio.location()).isEqualTo("drivers/net/phy/Makefile:20");
        // CRYPTO_AEAD selects CRYPTO_AEAD2, but Debian has CRYPTO_AEAD2=y: aead.o is built in, no module.
        assertThat(config.tristate(kconfig.symbols().find("CRYPTO_AEAD2"))).isEqualTo(Tristate.YES);
        assertThat(unmapped).contains("CRYPTO_AEAD");
    }

    private static ModuleOrigins.Origin origin(ModuleOrigins origins, String symbol, String module) {
        return origins.of(symbol).stream().filter(o -> o.module().equals(module)).findFirst()
                .orElseThrow(() -> new AssertionError(symbol + " has no module " + module + ": " + origins.of(symbol)));
    }

    /** Every symbol a Makefile the walk reads depends on. */
    private static Set<String> namedInMakefiles() {
        Set<String> out = new HashSet<>();
        for (ObjectRule r : map.rules()) {
            out.addAll(r.whenBuiltin().symbols());
            out.addAll(r.whenModule().symbols());
            out.addAll(r.context().symbols());
        }
        map.directories().forEach(d -> d.reachedVia().forEach(x -> out.addAll(x.when().symbols())));
        return out;
    }

    /** Why an =m symbol no Makefile names produces no module, from its Kconfig entry (for the test output). */
    private static String whyNoModule(Configuration config, String name) {
        Symbol s = kconfig.symbols().find(name);
        List<String> toY = new ArrayList<>();
        for (var sel : s.selects()) {
            if (config.eval(sel.condition()) != Tristate.NO && config.tristate(sel.target()) == Tristate.YES) {
                toY.add(sel.target().name());
            }
        }
        if (!toY.isEmpty()) {
            return "what it selects is built in (" + String.join("=y, ", toY) + "=y)";
        }
        if (!s.implies().isEmpty()) {
            return "only implies " + s.implies().stream().map(i -> i.target().name()).distinct()
                    .collect(Collectors.joining(", "));
        }
        Pattern word = Pattern.compile("\\b" + name + "\\b");
        long gated = kconfig.symbols().all().stream().filter(o -> o != s && o.directDependency() != null
                && word.matcher(dev.kconfig4j.expr.ExprPrinter.print(o.directDependency())).find()).count();
        String kind = s.prompts().isEmpty() ? "promptless helper" : "option";
        return gated > 0 ? kind + " gating " + gated + " symbol(s) through depends on" : kind + " no symbol depends on";
    }

    /**
     * A partial walk (what the upgrade guard reads) sees the forcing constructs of its symbols and
     * every directory it visits exactly as the full walk does: the same built-in and module
     * conditions (inherited from above), the same objects, far fewer directories.
     */
    @Test
    void aPartialWalkAgreesWithTheFullWalkWhereItLooks() {
        Set<String> symbols = Set.of("HYPERV", "IPV6", "MMC");
        List<KbuildTree.Mention> mentions = KbuildTree.mentions(srctree, symbols);
        assertThat(mentions).anyMatch(m -> m.file().equals("arch/x86/Kbuild") && m.line() == 16 && m.mayForce());
        assertThat(mentions).filteredOn(m -> m.text().startsWith("ccflags")).noneMatch(KbuildTree.Mention::mayForce);
        KbuildMap partial = KbuildTree.walk(srctree, "x86_64", symbols, mentions);
        assertThat(partial.directories().size()).isBetween(10, map.directories().size() / 5);
        for (String s : symbols) {
            assertThat(partial.forcedBuiltin(s)).map(ObjectRule::describe)
                    .containsExactlyElementsOf(map.forcedBuiltin(s).stream().map(ObjectRule::describe).toList());
        }
        for (KbuildMap.Directory d : partial.directories()) {
            KbuildMap.Directory full = map.directory(d.path());
            assertThat(full).as(d.path()).isNotNull();
            assertThat(d.builtin()).as(d.path()).isEqualTo(full.builtin());
            assertThat(d.modules()).as(d.path()).isEqualTo(full.modules());
        }
        Set<String> fullObjects = map.objects().stream().map(o -> o.path() + " " + o.builtin() + " " + o.modular())
                .collect(Collectors.toSet());
        assertThat(partial.objects()).allMatch(o -> fullObjects.contains(o.path() + " " + o.builtin() + " " + o.modular()));
        // Everything below a forcing listing is read: arch/x86/hyperv with all its objects.
        assertThat(partial.objects()).extracting(KbuildMap.BuiltObject::path)
                .contains("arch/x86/hyperv/hv_init.o", "drivers/hv/hv_common.o", "drivers/mmc/host/sdhci.o");
        assertThat(KbuildTree.walk(srctree, "x86_64", Set.of("NO_SUCH_SYMBOL_ANYWHERE"))).isNull();
    }
}
