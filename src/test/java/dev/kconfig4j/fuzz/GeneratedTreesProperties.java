package dev.kconfig4j.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kconfig4j.support.ConfRun;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Assumptions;

/**
 * Generated Kconfig trees and configs: valid ones (symbols of every type with prompts,
 * defaults, dependencies on earlier symbols, selects of later ones, choices, menus), slightly
 * broken ones and random bytes. kconfig4j must never crash (only report an error), always give the
 * same output for the same input, and, for valid trees, give the kernel's own result (when the
 * kernel's conf is installed: KCONFIG4J_ORACLE or /tmp/oracle, from shared/oracle/get-conf.sh).
 */
class GeneratedTreesProperties {

    /** A generated case: the Kconfig text and a config for it. */
    record Case(String kconfig, String config) {
        @Override
        public String toString() {
            return "Kconfig:\n" + kconfig + "\n.config:\n" + config;
        }
    }

    @Provide
    Arbitrary<Case> validTrees() {
        return Combinators.combine(shapes(), valueLists()).as(GeneratedTreesProperties::build);
    }

    /** The random numbers a tree is built from: one per symbol. */
    @Provide
    Arbitrary<List<Integer>> shapes() {
        return Arbitraries.integers().between(0, 1_000_000).list().ofMinSize(3).ofMaxSize(14);
    }

    /** The random numbers a config is built from: one per assignment. */
    @Provide
    Arbitrary<List<Integer>> valueLists() {
        return Arbitraries.integers().between(0, 1_000_000).list().ofMinSize(0).ofMaxSize(14);
    }

    /** The kernel generations the generator writes for: each its own syntax and features. */
    static final List<String> GENERATIONS = List.of("5.10", "6.1", "6.12", "7.3");

    /** Builds a 6.12 tree: see {@link #build(String, List, List)}. */
    static Case build(List<Integer> shape, List<Integer> values) {
        return build("6.12", shape, values);
    }

    /**
     * Builds a tree for {@code generation} from random numbers: dependencies only on earlier
     * symbols, selects only of later ones (no cycles). Each generation gets its own syntax and
     * features: {@code option modules} in 5.10, tristate choices up to 6.1, transitional symbols
     * (an old name whose value a new symbol takes over) from 7.x.
     */
    static Case build(String generation, List<Integer> shape, List<Integer> values) {
        return build(generation, shape, values, true);
    }

    /** As {@link #build(String, List, List)}, with or without the tristate choices of 5.10 and 6.1. */
    static Case build(String generation, List<Integer> shape, List<Integer> values, boolean withTristateChoices) {
        boolean tristateChoices = withTristateChoices && (generation.equals("5.10") || generation.equals("6.1"));
        boolean transitional = generation.startsWith("7.");
        StringBuilder k = new StringBuilder("config MODULES\n\tbool \"modules\"\n\tdefault y\n\t"
                + (generation.equals("5.10") ? "option modules" : "modules") + "\n");
        String[] types = {"bool", "tristate", "int", "hex", "string", "bool", "tristate"};
        int n = shape.size();
        String[] typeOf = new String[n];
        List<Integer> renamed = new ArrayList<>();
        // The open menu or if block ("endmenu"/"endif"), or null.
        String block = null;
        boolean inChoice = false;
        String choiceType = "bool";
        for (int i = 0; i < n; i++) {
            int r = shape.get(i);
            boolean inMenu = block != null;
            if (!inChoice && !inMenu && r % 11 == 0 && i > 0) {
                k.append("menu \"menu ").append(i).append("\"\n\tdepends on S").append(r % i).append('\n');
                block = "endmenu";
            } else if (!inChoice && !inMenu && r % 17 == 2 && i > 0) {
                k.append("if ").append(expr(r / 17, i, typeOf)).append('\n');
                block = "endif";
            } else if (!inChoice && r % 13 == 1) {
                choiceType = tristateChoices && (r / 13) % 3 == 0 ? "tristate" : "bool";
                k.append("choice\n\tprompt \"choice ").append(i).append("\"\n");
                if (choiceType.equals("tristate")) {
                    k.append("\ttristate\n");
                }
                inChoice = true;
            }
            String type = inChoice ? choiceType : types[r % types.length];
            typeOf[i] = type;
            // 7.3 refuses a transitional symbol with an inherited dependency or in a choice: rarer
            // there, so that most trees still load.
            boolean takesOver = transitional && (r / 31) % (inChoice || block != null ? 25 : 5) == 0;
            if (takesOver) {
                k.append("config OLD_S").append(i).append("\n\t").append(type).append("\n\ttransitional\n");
                renamed.add(i);
            }
            k.append("config S").append(i).append('\n');
            boolean prompt = inChoice || (r / 7) % 4 != 0;
            k.append('\t').append(type).append(prompt ? " \"s" + i + "\"" : "").append('\n');
            if (takesOver) {
                k.append("\tdefault OLD_S").append(i).append('\n');
            }
            if (!inChoice && i > 0 && (r / 3) % 3 == 0) {
                k.append("\tdepends on ").append(expr(r, i, typeOf)).append('\n');
            }
            if (!inChoice) {
                switch (type) {
                    case "bool", "tristate" -> {
                        if ((r / 5) % 2 == 0) {
                            String v = new String[] {"y", "m", "n"}[(r / 11) % 3];
                            k.append("\tdefault ").append(i > 0 && (r / 13) % 2 == 0 ? "S" + (r % i) : v);
                            if (i > 0 && (r / 17) % 2 == 0) {
                                k.append(" if ").append(expr(r / 19, i, typeOf));
                            }
                            k.append('\n');
                        }
                        if ((r / 23) % 3 == 0 && i + 1 < n) {
                            k.append("\tselect S").append(i + 1 + (r % (n - i - 1))).append('\n');
                        }
                        if ((r / 29) % 4 == 0 && i + 1 < n) {
                            k.append("\timply S").append(i + 1 + (r / 3 % (n - i - 1))).append('\n');
                        }
                    }
                    case "int" -> {
                        k.append("\trange ").append(r % 10).append(' ').append(10 + r % 50).append('\n');
                        if ((r / 5) % 2 == 0) {
                            k.append("\tdefault ").append(r % 80).append('\n');
                        }
                    }
                    case "hex" -> k.append("\tdefault 0x").append(Integer.toHexString(r % 4096)).append('\n');
                    default -> k.append("\tdefault \"v").append(r % 100).append("\"\n");
                }
            }
            if (inChoice && (r % 3 == 0 || i == n - 1)) {
                k.append("endchoice\n");
                inChoice = false;
            } else if (block != null && !inChoice && (r % 4 == 0 || i == n - 1)) {
                k.append(block).append('\n');
                block = null;
            }
        }
        if (inChoice) {
            k.append("endchoice\n");
        }
        if (block != null) {
            k.append(block).append('\n');
        }
        StringBuilder c = new StringBuilder();
        for (int v : values) {
            int i = v % n;
            switch (typeOf[i]) {
                case "bool", "tristate" -> {
                    String val = new String[] {"y", "m", "n"}[(v / n) % 3];
                    c.append(val.equals("n") ? "# CONFIG_S" + i + " is not set" : "CONFIG_S" + i + "=" + val).append('\n');
                }
                case "int" -> c.append("CONFIG_S").append(i).append('=').append((v / n) % 100).append('\n');
                case "hex" -> c.append("CONFIG_S").append(i).append("=0x").append(Integer.toHexString(v % 999)).append('\n');
                default -> c.append("CONFIG_S").append(i).append("=\"u").append(v % 7).append("\"\n");
            }
        }
        for (int i : renamed) {
            // The old name in an old config: the new symbol takes its value over.
            if (i % 2 == 0) {
                c.append("CONFIG_OLD_S").append(i).append('=').append(switch (typeOf[i]) {
                    case "bool" -> "y";
                    case "tristate" -> "m";
                    case "int" -> "42";
                    case "hex" -> "0x2a";
                    default -> "\"old\"";
                }).append('\n');
            }
        }
        return new Case(k.toString(), c.toString());
    }

    /** A dependency on earlier bool/tristate symbols: S, !S, S && S, S || S, S=y. */
    private static String expr(int r, int below, String[] typeOf) {
        int a = r % below;
        int b = (r / 7) % below;
        String sa = "S" + a;
        String sb = "S" + b;
        return switch ((r / 3) % 5) {
            case 0 -> sa;
            case 1 -> "!" + sa;
            case 2 -> sa + " && " + sb;
            case 3 -> "(" + sa + " || " + sb + ")";
            default -> sa + "=y";
        };
    }

    @Property(tries = 150, seed = "20261125")
    void neverCrashesAndIsDeterministic(@ForAll("validTrees") Case c) {
        ConfRun.Result first = ConfRun.tree("6.12", c.kconfig()).config(c.config()).run("--olddefconfig");
        ConfRun.Result second = ConfRun.tree("6.12", c.kconfig()).config(c.config()).run("--olddefconfig");
        assertThat(first.exit()).as(first.stderr()).isIn(0, 1);
        assertThat(first.stderr()).doesNotContain("internal error");
        assertThat(second.config()).isEqualTo(first.config());
        assertThat(second.stderr().replace(second.dir().toString(), "DIR"))
                .isEqualTo(first.stderr().replace(first.dir().toString(), "DIR"));
    }

    @Property(tries = 150, seed = "20261125")
    void slightlyBrokenTreesGiveAnErrorWithALocationOrAResult(@ForAll("validTrees") Case c,
            @ForAll("cuts") int cut) {
        List<String> lines = new ArrayList<>(c.kconfig().lines().toList());
        int at = cut % lines.size();
        switch (cut % 3) {
            case 0 -> lines.remove(at);
            case 1 -> lines.add(at, lines.get(at));
            default -> lines.subList(at, lines.size()).clear();
        }
        String broken = String.join("\n", lines) + "\n";
        ConfRun.Result r = ConfRun.tree("6.12", broken).config(c.config()).run("--olddefconfig");
        assertThat(r.stderr()).doesNotContain("internal error").doesNotContain("Exception");
        if (r.exit() != 0) {
            assertThat(r.exit()).isEqualTo(1);
            assertThat(r.stderr()).containsPattern("(Kconfig:\\d+: |recursive dependency|error: )");
            assertThat(r.config()).isEqualTo(c.config());
        }
    }

    @Provide
    Arbitrary<Integer> cuts() {
        return Arbitraries.integers().between(0, 10_000);
    }

    @Property(tries = 100, seed = "20261125")
    void randomBytesAreNeverACrash(@ForAll byte[] kconfig, @ForAll byte[] config) {
        ConfRun.Result r = ConfRun.tree("6.12", new String(kconfig, StandardCharsets.ISO_8859_1))
                .config(new String(config, StandardCharsets.ISO_8859_1)).run("--olddefconfig");
        assertThat(r.exit()).as(r.stderr()).isIn(0, 1);
        assertThat(r.stderr()).doesNotContain("internal error");
    }

    @Property(tries = 150, seed = "20261125")
    void validTreesGiveTheKernelsConfig(@ForAll("validTrees") Case c) throws Exception {
        Path oracle = oracle();
        Assumptions.assumeTrue(oracle != null, "no kernel conf installed (shared/oracle/get-conf.sh)");
        ConfRun.Result ours = ConfRun.tree("6.12", c.kconfig()).config(c.config()).run("--olddefconfig");
        Path d = Files.createTempDirectory("kconfig4j-oracle-");
        Files.writeString(d.resolve("Kconfig"), c.kconfig(), StandardCharsets.ISO_8859_1);
        Files.writeString(d.resolve(".config"), c.config(), StandardCharsets.ISO_8859_1);
        ProcessBuilder pb = new ProcessBuilder(oracle.toString(), "-s", "--olddefconfig", "Kconfig").directory(d.toFile())
                .redirectErrorStream(true).redirectOutput(d.resolve("out.txt").toFile());
        pb.environment().clear();
        pb.environment().putAll(Map.of("PATH", "/usr/bin:/bin", "srctree", d.toString(), "KCONFIG_CONFIG",
                d.resolve(".config").toString()));
        Process p = pb.start();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(ours.exit()).isEqualTo(p.exitValue());
        if (p.exitValue() == 0) {
            assertThat(ours.config()).isEqualTo(Files.readString(d.resolve(".config"), StandardCharsets.ISO_8859_1));
        }
    }

    @Provide
    Arbitrary<String> generations() {
        return Arbitraries.of(GENERATIONS);
    }

    @Property(tries = 100, seed = "20261201")
    void validTreesOfEveryGenerationGiveThatKernelsConfig(@ForAll("generations") String generation,
            @ForAll("shapes") List<Integer> shape, @ForAll("valueLists") List<Integer> values) throws Exception {
        KernelConf kernel = KernelConf.of(generation);
        Assumptions.assumeTrue(kernel != null, "no kernel conf " + generation + " installed (shared/oracle/get-conf.sh)");
        Case c = build(generation, shape, values, true);
        ConfRun.Result ours = ConfRun.tree(generation, c.kconfig()).config(c.config()).run("--olddefconfig");
        try {
            KernelConf.Result theirs = kernel.run(c.kconfig(), c.config(), "--olddefconfig",
                    Map.of("KERNELVERSION", generation));
            assertThat(ours.exit()).as(c + "\n" + ours.stderr()).isEqualTo(theirs.exit());
            assertThat(ours.config()).as(c.toString()).isEqualTo(theirs.files().get(".config"));
        } finally {
            KernelConf.delete(ours.dir());
        }
    }

    private static Path oracle() throws IOException {
        String dir = System.getenv().getOrDefault("KCONFIG4J_ORACLE", "/tmp/oracle");
        Path p = Path.of(dir, "conf-6.12");
        return Files.isExecutable(p) ? p : null;
    }
}
