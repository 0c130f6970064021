package dev.kconfig4j;

import dev.kconfig4j.dialect.Dialect;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The environment the kernel's Makefile gives Kconfig, for tools that load a tree outside a
 * kernel build: ARCH/SRCARCH, srctree, KERNELVERSION from the tree's Makefile, and the
 * toolchain variables the macros probe (CC, LD, ...). Variables already set are kept.
 */
public final class KernelEnvironment {
    private KernelEnvironment() {
    }

    /**
     * @param base the process environment
     * @param srctree the kernel tree
     * @param arch the architecture (ARCH), or null to keep the environment's or use the machine's
     * @param dummyTools use the tree's scripts/dummy-tools (a fully featured fake GCC, as the
     *     kernel's own Kconfig tests do) instead of the real toolchain
     */
    public static Map<String, String> forTree(Map<String, String> base, Path srctree, String arch, boolean dummyTools) {
        Map<String, String> env = new HashMap<>(base);
        String st = srctree.toAbsolutePath().normalize().toString();
        env.put("srctree", st);
        String a = arch != null ? arch : env.getOrDefault("ARCH", machineArch());
        env.put("ARCH", a);
        env.put("SRCARCH", srcArch(a));
        env.putIfAbsent("SUBARCH", machineArch());
        String version = Dialect.treeVersion(srctree);
        if (version != null) {
            env.put("KERNELVERSION", version);
        }
        if (dummyTools) {
            for (String tool : new String[] {"gcc:CC", "ld:LD", "nm:NM", "objcopy:OBJCOPY", "pahole:PAHOLE"}) {
                String[] p = tool.split(":");
                env.put(p[1], st + "/scripts/dummy-tools/" + p[0]);
            }
            env.put("CC_VERSION_TEXT", "gcc (scripts/dummy-tools/gcc)");
        } else {
            env.putIfAbsent("CC", "gcc");
            env.putIfAbsent("LD", "ld");
            env.putIfAbsent("NM", "nm");
            env.putIfAbsent("OBJCOPY", "objcopy");
            env.putIfAbsent("PAHOLE", "pahole");
        }
        env.putIfAbsent("AR", "ar");
        env.putIfAbsent("HOSTCC", "gcc");
        env.putIfAbsent("HOSTCXX", "g++");
        env.putIfAbsent("CLANG_FLAGS", "");
        env.putIfAbsent("PYTHON3", "python3");
        env.putIfAbsent("RUSTC", "rustc");
        env.putIfAbsent("BINDGEN", "bindgen");
        return env;
    }

    /** The kernel's source architecture for an ARCH value (x86_64 and i386 live in arch/x86...). */
    public static String srcArch(String arch) {
        return switch (arch) {
            case "i386", "x86_64" -> "x86";
            case "sparc32", "sparc64" -> "sparc";
            case "parisc64" -> "parisc";
            case "sh64" -> "sh";
            default -> arch;
        };
    }

    private static String machineArch() {
        String m = System.getProperty("os.arch", "x86_64");
        return switch (m) {
            case "amd64", "x86_64", "x86", "i386" -> "x86";
            case "aarch64" -> "arm64";
            case "ppc64le", "ppc64" -> "powerpc";
            case "riscv64" -> "riscv";
            case "s390x" -> "s390";
            default -> m;
        };
    }

}
