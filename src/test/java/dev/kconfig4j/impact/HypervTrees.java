package dev.kconfig4j.impact;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Two miniature kernel trees around the Hyper-V split (Linux 6.18): before, HYPERV is tristate
 * and the drivers depend on it; after, HYPERV is bool and a new tristate HYPERV_VMBUS, without a
 * default, gates the drivers. Two arches, and defconfigs with HYPERV=y and HYPERV=m.
 */
final class HypervTrees {
    private HypervTrees() {
    }

    static final String DRIVERS = """
            config HYPERV_UTILS
            	tristate "Microsoft Hyper-V Utilities driver"
            	depends on %1$s
            	default %1$s

            config HYPERV_STORAGE
            	tristate "Microsoft Hyper-V virtual storage driver"
            	depends on %1$s

            config HYPERV_NET
            	tristate "Microsoft Hyper-V virtual network driver"
            	depends on %1$s

            config FB_HYPERV
            	tristate "Microsoft Hyper-V Synthetic Video support"
            	depends on %1$s

            """;

    static final String OLD_HV = """
            menu "Microsoft Hyper-V guest support"

            config HYPERV
            	tristate "Microsoft Hyper-V client drivers"
            	depends on X86 || ARM64
            	help
            	  Run Linux as a Hyper-V client; includes the VMBus driver.

            """ + DRIVERS.formatted("HYPERV") + "endmenu\n";

    static final String NEW_HV = """
            menu "Microsoft Hyper-V guest support"

            config HYPERV
            	bool "Microsoft Hyper-V core support"
            	depends on X86 || ARM64
            	help
            	  Run Linux as a Hyper-V client.

            config HYPERV_VMBUS
            	tristate "Microsoft Hyper-V VMBus driver"
            	depends on HYPERV
            	help
            	  The VMBus driver, needed by every Hyper-V device driver.

            """ + DRIVERS.formatted("HYPERV_VMBUS") + "endmenu\n";

    /** The files of a tree whose drivers/hv/Kconfig is {@code hv}. */
    static Map<String, String> files(String hv, String patchlevel) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("Makefile", "VERSION = 6\nPATCHLEVEL = " + patchlevel + "\nSUBLEVEL = 0\nEXTRAVERSION =\n");
        f.put("Kconfig", """
                mainmenu "Linux/$(ARCH) $(KERNELVERSION) Kernel Configuration"

                source "arch/$(SRCARCH)/Kconfig"

                config MODULES
                	bool "Enable loadable module support"
                	modules

                source "drivers/hv/Kconfig"
                """);
        f.put("arch/x86/Kconfig", "config X86\n\tdef_bool y\n");
        f.put("arch/arm64/Kconfig", "config ARM64\n\tdef_bool y\n");
        f.put("drivers/hv/Kconfig", hv);
        f.put("arch/x86/configs/azure_defconfig",
                "CONFIG_MODULES=y\nCONFIG_HYPERV=y\nCONFIG_HYPERV_STORAGE=y\nCONFIG_HYPERV_NET=y\nCONFIG_FB_HYPERV=m\n");
        f.put("arch/x86/configs/vyos_defconfig",
                "CONFIG_MODULES=y\nCONFIG_HYPERV=m\nCONFIG_HYPERV_STORAGE=m\nCONFIG_HYPERV_NET=m\n");
        f.put("arch/x86/configs/tiny_defconfig", "# CONFIG_MODULES is not set\n");
        f.put("arch/arm64/configs/defconfig", "CONFIG_MODULES=y\nCONFIG_HYPERV=y\nCONFIG_HYPERV_NET=m\n");
        return f;
    }

    static Path write(Path dir, Map<String, String> files) {
        try {
            for (Map.Entry<String, String> e : files.entrySet()) {
                Path p = dir.resolve(e.getKey());
                Files.createDirectories(p.getParent());
                Files.writeString(p, e.getValue());
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path before(Path dir) {
        return write(dir, files(OLD_HV, "17"));
    }

    static Path after(Path dir) {
        return write(dir, files(NEW_HV, "18"));
    }
}
