package dev.kconfig4j.conformance;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One line of {@code shared/golden/cases.tsv}: a run of the kernel's {@code conf} and where its
 * expected outputs are. See {@code shared/golden/README.md} for the format.
 */
public record GoldenCase(String id, String tree, String arch, List<String> args, String input, List<String> env,
        List<String> outputs) {

    /** The kernel generation: the first component of the id ({@code 5.10}, {@code 6.1}, {@code 6.12}, {@code 7.3}). */
    String generation() {
        return id.substring(0, id.indexOf('/'));
    }

    /** The mode, from the case name: {@code olddefconfig}, {@code defconfig}, {@code upgrade}... */
    String kind() {
        String name = id.substring(id.lastIndexOf('/') + 1);
        int dash = name.indexOf('-');
        return dash < 0 ? name : name.substring(0, dash);
    }

    /** The kernel version the run announced in KERNELVERSION. */
    public String kernelVersion() {
        return switch (generation()) {
            case "5.10" -> "5.10.262";
            case "6.1" -> "6.1.192";
            case "6.12" -> "6.12.117";
            case "7.3" -> "7.3.4";
            default -> throw new IllegalStateException("unknown generation " + generation());
        };
    }

    /** The environment of the run, exactly as the golden README describes it. */
    public Map<String, String> environment(Path srctree, Path out) {
        Map<String, String> e = new LinkedHashMap<>();
        String st = srctree.toString();
        e.put("PATH", "/usr/bin:/bin");
        e.put("HOME", out.toString());
        e.put("LC_ALL", "C");
        e.put("srctree", st);
        e.put("ARCH", arch);
        e.put("SRCARCH", arch);
        e.put("SUBARCH", "x86");
        e.put("HEADER_ARCH", "x86");
        e.put("KERNELVERSION", kernelVersion());
        e.put("CC", st + "/scripts/dummy-tools/gcc");
        e.put("LD", st + "/scripts/dummy-tools/ld");
        e.put("NM", st + "/scripts/dummy-tools/nm");
        e.put("OBJCOPY", st + "/scripts/dummy-tools/objcopy");
        e.put("PAHOLE", st + "/scripts/dummy-tools/pahole");
        e.put("AR", "ar");
        e.put("HOSTCC", "gcc");
        e.put("HOSTCXX", "g++");
        e.put("CLANG_FLAGS", "");
        e.put("CC_VERSION_TEXT", "gcc (scripts/dummy-tools/gcc)");
        e.put("PYTHON3", "python3");
        e.put("RUSTC", "rustc");
        e.put("BINDGEN", "bindgen");
        e.put("KCONFIG_CONFIG", out + "/.config");
        e.put("KCONFIG_AUTOCONFIG", out + "/include/config/auto.conf");
        e.put("KCONFIG_AUTOHEADER", out + "/include/generated/autoconf.h");
        e.put("KCONFIG_RUSTCCFG", out + "/include/generated/rustc_cfg");
        for (String kv : env) {
            int eq = kv.indexOf('=');
            e.put(kv.substring(0, eq), substitute(kv.substring(eq + 1), srctree, out));
        }
        return e;
    }

    /**
     * The shared data directory: system property kconfig4j.shared, else KCONFIG4J_SHARED, else
     * ../shared.
     */
    public static Path sharedDir() {
        String p = System.getProperty("kconfig4j.shared");
        if (p == null || p.isEmpty()) {
            p = System.getenv("KCONFIG4J_SHARED");
        }
        if (p == null || p.isEmpty()) {
            p = "../shared";
        }
        return Path.of(p).toAbsolutePath().normalize();
    }

    /**
     * Skips the calling test (with one visible line) when the golden data is missing; under
     * CI=true a missing data set fails instead.
     */
    public static Path requireShared() {
        Path shared = sharedDir();
        if (!java.nio.file.Files.isRegularFile(shared.resolve("golden/cases.tsv"))) {
            String msg = "no golden data at " + shared + " (set -Dkconfig4j.shared=DIR); skipping";
            System.out.println(msg);
            if ("true".equals(System.getenv("CI"))) {
                org.junit.jupiter.api.Assertions.fail("golden data missing under CI=true: " + shared);
            }
            org.junit.jupiter.api.Assumptions.abort(msg);
        }
        return shared;
    }

    /** A case by id. */
    public static GoldenCase byId(Path shared, String id) throws IOException {
        return load(shared.resolve("golden/cases.tsv")).stream().filter(c -> c.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no golden case " + id));
    }

    static String substitute(String s, Path srctree, Path out) {
        return s.replace("${srctree}", srctree.toString()).replace("${out}", out.toString());
    }

    public static List<GoldenCase> load(Path casesTsv) throws IOException {
        List<GoldenCase> out = new ArrayList<>();
        List<String> lines = Files.readAllLines(casesTsv, StandardCharsets.UTF_8);
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.split("\t", -1);
            out.add(new GoldenCase(f[0], f[1], f[2], Arrays.asList(f[3].split(" ")), f[4],
                    f[5].equals("-") ? List.of() : Arrays.asList(f[5].split(" ")), Arrays.asList(f[6].split(","))));
        }
        return out;
    }
}
