package dev.kconfig4j.impact;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A config given besides the defconfigs (a distribution's .config, say), with its architecture
 * or null to detect it.
 *
 * @param file the config file
 * @param arch the ARCH to evaluate it with, or null to detect it from the file
 */
public record ConfigInput(Path file, String arch) {
    private static final Pattern HEADER = Pattern.compile("(?m)^# Linux/([A-Za-z0-9_]+) ");

    /** The symbol each architecture's Kconfig defines as y, checked in this order. */
    private static final Map<String, String> ARCH_SYMBOLS = new LinkedHashMap<>();

    static {
        for (String[] p : new String[][] {{"X86", "x86"}, {"ARM64", "arm64"}, {"ARM", "arm"}, {"PPC", "powerpc"},
            {"RISCV", "riscv"}, {"S390", "s390"}, {"MIPS", "mips"}, {"LOONGARCH", "loongarch"}, {"SPARC", "sparc"},
            {"M68K", "m68k"}, {"PARISC", "parisc"}, {"SUPERH", "sh"}, {"ALPHA", "alpha"}, {"ARC", "arc"},
            {"CSKY", "csky"}, {"HEXAGON", "hexagon"}, {"MICROBLAZE", "microblaze"}, {"NIOS2", "nios2"},
            {"OPENRISC", "openrisc"}, {"XTENSA", "xtensa"}, {"UML", "um"}, {"IA64", "ia64"}}) {
            ARCH_SYMBOLS.put(p[0], p[1]);
        }
    }

    /**
     * Reads {@code ARCH:FILE} or {@code FILE}.
     */
    public static ConfigInput parse(String spec, Path workingDirectory) {
        int colon = spec.indexOf(':');
        if (colon > 0 && spec.substring(0, colon).matches("[a-z0-9_]+")
                && !java.nio.file.Files.exists(workingDirectory.resolve(spec))) {
            return new ConfigInput(workingDirectory.resolve(spec.substring(colon + 1)), spec.substring(0, colon));
        }
        return new ConfigInput(workingDirectory.resolve(spec), null);
    }

    /**
     * The source architecture of a config: the one its header names ({@code # Linux/x86 6.1.0
     * Kernel Configuration}), else the first architecture whose own symbol is y ({@code CONFIG_X86=y}
     * is x86, {@code CONFIG_ARM64=y} arm64...), else null.
     */
    public static String detectArch(String text) {
        Matcher m = HEADER.matcher(text);
        if (m.find()) {
            return dev.kconfig4j.KernelEnvironment.srcArch(m.group(1));
        }
        for (Map.Entry<String, String> e : ARCH_SYMBOLS.entrySet()) {
            if (Pattern.compile("(?m)^CONFIG_" + e.getKey() + "=y$").matcher(text).find()) {
                return e.getValue();
            }
        }
        return null;
    }
}
