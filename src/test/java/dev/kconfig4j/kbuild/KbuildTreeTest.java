package dev.kconfig4j.kbuild;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kconfig4j.expr.Tristate;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Kbuild's rules on small trees: one construct per test, the expected build for given values. */
class KbuildTreeTest {
    @TempDir
    Path dir;

    /** The 6.12 layout: top-level Makefile lists, arch Makefile, Kbuild descending into them. */
    private Path tree(String... pathAndText) throws IOException {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("Makefile", """
                ifeq ($(KBUILD_EXTMOD),)
                core-y :=
                drivers-y :=
                libs-y := lib/
                endif
                include $(srctree)/arch/$(SRCARCH)/Makefile
                ifeq ($(KBUILD_EXTMOD),)
                export ARCH_CORE := $(core-y)
                export ARCH_LIB := $(filter %/, $(libs-y))
                export ARCH_DRIVERS := $(drivers-y) $(drivers-m)
                endif
                """);
        files.put("arch/x86/Makefile", "drivers-$(CONFIG_PCI) += arch/x86/pci/\n");
        files.put("arch/x86/pci/Makefile", "obj-y += common.o\n");
        files.put("Kbuild", "obj-y += drivers/\nobj-y += $(ARCH_LIB)\nobj-y += $(ARCH_DRIVERS)\n");
        files.put("lib/Makefile", "");
        files.put("drivers/Makefile", "");
        for (int i = 0; i < pathAndText.length; i += 2) {
            files.put(pathAndText[i], pathAndText[i + 1]);
        }
        for (Map.Entry<String, String> e : files.entrySet()) {
            Path p = dir.resolve(e.getKey());
            Files.createDirectories(p.getParent());
            Files.writeString(p, e.getValue());
        }
        return dir;
    }

    private static Values values(String... assignments) {
        Map<String, Tristate> m = new HashMap<>();
        for (String a : assignments) {
            String[] kv = a.split("=");
            m.put(kv[0], Tristate.parse(kv[1]));
        }
        return Values.of(m);
    }

    private static Set<String> builtin(KbuildMap map, Values v) {
        return map.evaluate(v).builtin().stream().map(KbuildMap.BuiltObject::path).collect(Collectors.toSet());
    }

    private static Set<String> modules(KbuildMap map, Values v) {
        return map.evaluate(v).modules().keySet();
    }

    private static KbuildMap.BuiltObject object(KbuildMap map, String path) {
        return map.objects().stream().filter(o -> o.path().equals(path)).findFirst().orElseThrow();
    }

    @Test
    void objectsFollowTheirSymbolAndDirectoriesPassTheirModeDown() throws IOException {
        KbuildMap map = KbuildTree.walk(tree(
                "drivers/Makefile", "obj-$(CONFIG_FOO) += foo/\nobj-y += plain.o\nobj-$(CONFIG_BAR) += bar.o\n",
                "drivers/foo/Makefile", "obj-y += core.o\nobj-$(CONFIG_FOO_DRV) += drv.o\n"), "x86_64");

        assertThat(builtin(map, values("FOO=y", "BAR=y", "FOO_DRV=y")))
                .contains("drivers/plain.o", "drivers/bar.o", "drivers/foo/core.o", "drivers/foo/drv.o");
        assertThat(modules(map, values("FOO=y", "BAR=m", "FOO_DRV=m"))).containsExactlyInAnyOrder("bar", "drv");
        // obj-m in a directory reached through obj-y stays a module...
        assertThat(builtin(map, values("FOO=y", "FOO_DRV=m"))).contains("drivers/foo/core.o")
                .doesNotContain("drivers/foo/drv.o");
        // ...and obj-y in a directory reached only through obj-m is not built at all.
        KbuildMap.Build modular = map.evaluate(values("FOO=m", "FOO_DRV=m"));
        assertThat(modular.builtin()).extracting(KbuildMap.BuiltObject::path).doesNotContain("drivers/foo/core.o");
        assertThat(modular.dropped()).extracting(KbuildMap.BuiltObject::path).containsExactly("drivers/foo/core.o");
        assertThat(modular.modules()).containsKey("drv");
        assertThat(object(map, "drivers/foo/core.o").builtin()).hasToString("FOO=y");
        assertThat(map.directory("drivers/foo").modules()).hasToString("FOO!=n");
        assertThat(object(map, "drivers/bar.o").rule().location()).hasToString("drivers/Makefile:3");
    }

    @Test
    void archDirectoryListsAndLibraries() throws IOException {
        KbuildMap map = KbuildTree.walk(tree(
                "lib/Makefile", "lib-y += string.o\nlib-$(CONFIG_CRC) += crc.o\nobj-y += dump.o\n",
                "drivers/Makefile", "obj-y += other/\n",
                "drivers/other/Makefile", "lib-y += notlinked.o\n"), "x86_64");

        assertThat(builtin(map, values("PCI=y"))).contains("arch/x86/pci/common.o", "lib/string.o", "lib/dump.o");
        assertThat(builtin(map, values("PCI=n"))).doesNotContain("arch/x86/pci/common.o");
        // lib-m objects go to lib.a: built in although the symbol is m
        assertThat(builtin(map, values("CRC=m"))).contains("lib/crc.o");
        // lib.a is linked only for the vmlinux library directories (libs-y)
        assertThat(builtin(map, values())).doesNotContain("drivers/other/notlinked.o");
        assertThat(map.directory("arch/x86/pci").reachedVia().get(0).listing()).hasToString("arch/x86/Makefile:1");
    }

    @Test
    void compositeObjectsAndTheirParts() throws IOException {
        KbuildMap map = KbuildTree.walk(tree(
                "drivers/Makefile", "obj-$(CONFIG_E1) += e1.o\n"
                        + "e1-y := main.o \\\n\thw.o\n"
                        + "e1-objs += param.o\n"
                        + "e1-$(CONFIG_E1_PTP) += ptp.o\n"
                        + "e1-$(subst m,y,$(CONFIG_E1_EXTRA)) += extra.o\n"), "x86_64");

        assertThat(builtin(map, values("E1=y", "E1_PTP=y", "E1_EXTRA=m")))
                .contains("drivers/e1.o", "drivers/main.o", "drivers/hw.o", "drivers/param.o", "drivers/ptp.o",
                        "drivers/extra.o");
        // e1-m parts are left out of a built-in composite (Makefile.lib: -objs -y only)
        assertThat(builtin(map, values("E1=y", "E1_PTP=m"))).contains("drivers/main.o").doesNotContain("drivers/ptp.o");
        KbuildMap.BuiltObject ptp = object(map, "drivers/ptp.o");
        assertThat(ptp.part()).isEqualTo(KbuildMap.Part.COMPOSITE_PART);
        assertThat(ptp.module()).isEqualTo("e1");
        assertThat(ptp.modular().holds(values("E1=m", "E1_PTP=m"))).isTrue();
        assertThat(map.modules().get("e1").symbols()).containsExactly("E1", "E1_EXTRA", "E1_PTP");
        ObjectRule extra = object(map, "drivers/extra.o").rule();
        assertThat(extra.kind()).isEqualTo(ObjectRule.Kind.COMPOSITE);
        assertThat(extra.forcing()).isEqualTo(ObjectRule.Forcing.BUILTIN);
        assertThat(extra.location()).hasToString("drivers/Makefile:6");
    }

    @Test
    void forcingConstructsAndWhatTheyDoToAConfig() throws IOException {
        KbuildMap map = KbuildTree.walk(tree(
                "drivers/Makefile", "obj-$(subst m,y,$(CONFIG_HV)) += hv/\n"
                        + "obj-$(subst y,$(CONFIG_L2),$(CONFIG_PPP)) += ppp.o\n"
                        + "obj-$(CONFIG_NV:m=y) += nvram.o\n"
                        + "obj-$(if $(CONFIG_IFF),y) += iff.o\n",
                "drivers/hv/Makefile", "obj-$(CONFIG_HV) += vmbus.o\nobj-$(subst m,y,$(CONFIG_HV)) += common.o\n"
                        + "obj-y += always.o\n"), "x86_64");

        assertThat(map.forcedBuiltin("HV")).extracting(r -> r.location().toString())
                .containsExactly("drivers/Makefile:1", "drivers/hv/Makefile:2");
        assertThat(map.forcedBuiltin("NV")).hasSize(1);
        assertThat(map.forcedBuiltin("IFF")).hasSize(1);
        assertThat(map.forcedModule("PPP")).extracting(ObjectRule::target)
                .containsExactly("obj-$(subst y,$(CONFIG_L2),$(CONFIG_PPP))");
        assertThat(map.forcedModule("L2")).isEmpty();

        Values v = values("HV=m", "PPP=y", "L2=m", "NV=m");
        KbuildMap.Build b = map.evaluate(v);
        assertThat(b.builtin()).extracting(KbuildMap.BuiltObject::path)
                .contains("drivers/hv/common.o", "drivers/hv/always.o", "drivers/nvram.o")
                .doesNotContain("drivers/hv/vmbus.o", "drivers/ppp.o");
        assertThat(b.modules()).containsKeys("vmbus", "ppp");
        assertThat(b.forced()).extracting(f -> f.symbol() + " " + f.direction() + " " + f.path())
                .containsExactly("HV BUILTIN drivers/hv/", "HV BUILTIN drivers/hv/common.o",
                        "NV BUILTIN drivers/nvram.o", "PPP MODULE drivers/ppp.o");
        assertThat(b.forced().get(0).consequences()).containsExactly("drivers/hv/common.o", "drivers/hv/always.o");
        // with L2=y the same PPP=y builds ppp.o in: nothing forced
        assertThat(map.evaluate(values("PPP=y", "L2=y")).forced()).isEmpty();

        KbuildMap.ImageChange off = map.imageChange("HV", Tristate.MOD, Tristate.NO, v);
        assertThat(off.leaving()).extracting(KbuildMap.BuiltObject::path)
                .containsExactlyInAnyOrder("drivers/hv/common.o", "drivers/hv/always.o");
        assertThat(off.modulesRemoved()).containsExactly("vmbus");
        KbuildMap.ImageChange in = map.imageChange("HV", Tristate.MOD, Tristate.YES, v);
        assertThat(in.entering()).extracting(KbuildMap.BuiltObject::path).containsExactly("drivers/hv/vmbus.o");
        assertThat(in.constructs()).hasSize(2);
    }

    @Test
    void anUpgradeThatDropsASubstConstructChangesTheImage() throws IOException {
        // 6.18 in small: HYPERV becomes bool, HYPERV_VMBUS takes the module, the subst goes away.
        KbuildMap old = KbuildTree.walk(tree(
                "drivers/Makefile", "obj-$(subst m,y,$(CONFIG_HYPERV)) += hv/\n",
                "drivers/hv/Makefile", "obj-$(CONFIG_HYPERV) += hv_vmbus.o\nobj-$(subst m,y,$(CONFIG_HYPERV)) += hv_common.o\n"),
                "x86_64");
        Path newTree = dir.resolve("new");
        for (String[] f : new String[][] {
            {"Makefile", "libs-y := lib/\ninclude $(srctree)/arch/$(SRCARCH)/Makefile\n"},
            {"arch/x86/Makefile", ""}, {"Kbuild", "obj-y += drivers/\n"},
            {"drivers/Makefile", "obj-$(CONFIG_HYPERV) += hv/\n"},
            {"drivers/hv/Makefile", "obj-$(CONFIG_HYPERV_VMBUS) += hv_vmbus.o\nobj-$(CONFIG_HYPERV) += hv_common.o\n"}}) {
            Files.createDirectories(newTree.resolve(f[0]).getParent());
            Files.writeString(newTree.resolve(f[0]), f[1]);
        }
        KbuildMap upgraded = KbuildTree.walk(newTree, "x86_64");
        // olddefconfig rejects HYPERV=m for the bool: HYPERV and HYPERV_VMBUS become n
        KbuildMap.ImageChange c = KbuildMap.imageChange(old, values("HYPERV=m"), upgraded, values());
        assertThat(c.changesImage()).isTrue();
        assertThat(c.leaving()).extracting(KbuildMap.BuiltObject::path).containsExactly("drivers/hv/hv_common.o");
        assertThat(c.modulesRemoved()).containsExactly("hv_vmbus");
        // with HYPERV=y HYPERV_VMBUS=m nothing is lost
        KbuildMap.ImageChange fixed = KbuildMap.imageChange(old, values("HYPERV=m"), upgraded,
                values("HYPERV=y", "HYPERV_VMBUS=m"));
        assertThat(fixed.changesImage()).isFalse();
        assertThat(fixed.modulesRemoved()).isEmpty();
    }

    @Test
    void conditionalsIncludesContinuationsAndComments() throws IOException {
        KbuildMap map = KbuildTree.walk(tree(
                "drivers/Makefile", """
                        ifdef CONFIG_A
                        obj-y += a.o
                        else ifeq ($(CONFIG_B),y)
                        obj-y += b.o
                        else
                        obj-y += c.o
                        endif
                        ifneq ($(CONFIG_D),)
                          obj-$(CONFIG_E) += e.o
                        endif
                        ifeq ($(CONFIG_A)$(CONFIG_B),yy)
                        obj-y += both.o
                        endif
                        include $(srctree)/$(src)/Makefile.inc
                        -include $(src)/missing.inc
                        obj-$(CONFIG_S) += $(addprefix sub/, x.o \\
                                y.o)
                        obj-$(CONFIG_P) += $(patsubst %.c,%.o,p.c)
                        obj-$(CONFIG_F) += $(filter-out skip.o,keep.o skip.o)
                        # obj-y += commented.o \\
                          obj-y += continued-comment.o
                        list := l1.o
                        list += l2.o
                        obj-$(CONFIG_L) += $(foreach o,$(list),$(o))
                        """,
                "drivers/Makefile.inc", "obj-$(CONFIG_INC) += inc.o\n"), "x86_64");

        assertThat(object(map, "drivers/a.o").builtin()).hasToString("A!=n");
        assertThat(object(map, "drivers/b.o").builtin()).hasToString("A=n && B=y");
        assertThat(object(map, "drivers/c.o").builtin()).hasToString("A=n && B!=y");
        assertThat(object(map, "drivers/e.o").modular()).hasToString("D!=n && E=m");
        assertThat(object(map, "drivers/both.o").builtin()).hasToString("A=y && B=y");
        assertThat(object(map, "drivers/inc.o").rule().location()).hasToString("drivers/Makefile.inc:1");
        assertThat(object(map, "drivers/sub/y.o").builtin()).hasToString("S=y");
        assertThat(map.modules()).containsKeys("p", "keep", "l1", "l2", "x", "y");
        assertThat(map.objects()).extracting(KbuildMap.BuiltObject::path)
                .doesNotContain("drivers/skip.o", "drivers/commented.o", "drivers/continued-comment.o");
        assertThat(map.notes()).noneMatch(n -> n.message().contains("missing.inc"));
    }

    @Test
    void before61TheBuildDescendsIntoTheVmlinuxLists() throws IOException {
        Files.createDirectories(dir.resolve("arch/x86"));
        Files.writeString(dir.resolve("Makefile"), """
                ifeq ($(KBUILD_EXTMOD),)
                core-y := init/
                drivers-y := drivers/
                libs-y := lib/
                endif
                include arch/$(SRCARCH)/Makefile
                """);
        Files.writeString(dir.resolve("arch/x86/Makefile"), "core-y += arch/x86/\n");
        Files.writeString(dir.resolve("Kbuild"), "bounds-file := include/generated/bounds.h\n");
        for (String d : List.of("init", "drivers", "lib")) {
            Files.createDirectories(dir.resolve(d));
            Files.writeString(dir.resolve(d + "/Makefile"), "obj-y += " + d + ".o\n");
        }
        // The arch directory's own objects are in its Kbuild (the Makefile is the arch Makefile).
        Files.writeString(dir.resolve("arch/x86/Kbuild"), "obj-y += arch_x86.o\n");
        KbuildMap map = KbuildTree.walk(dir, "x86_64");
        assertThat(builtin(map, values())).containsExactlyInAnyOrder("init/init.o", "drivers/drivers.o", "lib/lib.o",
                "arch/x86/arch_x86.o");
    }

    @Test
    void badMakefilesAreNotedNotFatal() throws IOException {
        KbuildMap map = KbuildTree.walk(tree(
                "drivers/Makefile", "endif\nobj-y += ok.o\nifdef CONFIG_X\nobj-y += x.o x\n$(error boom)\n"
                        + "obj-y += $(call undefined-fn,a)\nobj-y += $(shell echo z.o)\n"), "x86_64");
        assertThat(builtin(map, values("X=y"))).contains("drivers/ok.o", "drivers/x.o");
        assertThat(map.notes()).extracting(Note::toString).contains("drivers/Makefile:1: endif without a matching if",
                "drivers/Makefile:3: missing endif");
        assertThat(map.notes()).anyMatch(n -> n.message().contains("undefined-fn"))
                .anyMatch(n -> n.message().contains("shell"));
    }
}
