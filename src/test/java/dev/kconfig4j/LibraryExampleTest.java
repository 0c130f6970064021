package dev.kconfig4j;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kconfig4j.diagnostic.Diagnostic;
import dev.kconfig4j.confdata.ConfigReader;
import dev.kconfig4j.explain.Explainer;
import dev.kconfig4j.explain.Explanation;
import dev.kconfig4j.expr.Tristate;
import dev.kconfig4j.solve.Answer;
import dev.kconfig4j.solve.Enabler;
import dev.kconfig4j.solve.Request;
import dev.kconfig4j.symbol.Configuration;
import dev.kconfig4j.symbol.Symbol;
import dev.kconfig4j.upgrade.UpgradeGuard;
import dev.kconfig4j.upgrade.UpgradeReport;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's "Using kconfig4j from Java", compiled and run on the embedded Hyper-V example, so
 * the example cannot rot: the code between the markers is the README's, verbatim (checked below).
 */
class LibraryExampleTest {
    @TempDir
    Path objdir;

    @Test
    void theReadmeExample() throws IOException {
        PrintStream out = System.out;
        PrintStream err = new PrintStream(OutputStream.nullOutputStream());
        // BEGIN README EXAMPLE
        // Load a tree: parse its Kconfig files (macros run in objdir), build the menu tree.
        Map<String, String> env = Map.of("SRCARCH", "x86");
        Kconfig tree = Kconfig.load(Kconfig.Options.of(Path.of("examples/hyperv/new"), "Kconfig", env, objdir), out, err);

        // Read a config: the values `make olddefconfig` gives it in this tree, and its warnings.
        String text = Files.readString(Path.of("examples/hyperv/old.config"));
        ConfigReader.Read read = ConfigReader.load(tree, "old.config", text);
        Configuration config = read.configuration();
        List<Diagnostic> warnings = read.diagnostics(); // each with file, line and the kernel's text

        // Evaluate: a symbol's value as olddefconfig settles it (config.eval does any expression).
        Symbol net = tree.symbols().find("HYPERV_NET");
        Tristate netValue = config.tristate(net); // n: lost in the upgrade

        // Set a value and see what else changed.
        Configuration changed = config.copyUserValues();
        changed.setUser(tree.symbols().find("HYPERV"), Tristate.YES);
        changed.setUser(tree.symbols().find("HYPERV_VMBUS"), Tristate.MOD);
        changed.computeAll();
        List<String> changes = new ArrayList<>();
        for (Symbol s : tree.symbols().all()) {
            if (s.name() != null && !s.isConstant() && !config.string(s).equals(changed.string(s))) {
                changes.add(s.name() + ": " + config.string(s) + " -> " + changed.string(s));
            }
        }

        // Explain: where the value comes from and what blocks a change.
        Explanation why = Explainer.read(tree, "old.config", text).explain(net);

        // Enable: the fewest lines to add so that olddefconfig gives HYPERV_NET=m.
        Answer answer = new Enabler(tree, "old.config", text).solve(List.of(Request.parse(tree.symbols(), "HYPERV_NET=m")));
        List<String> lines = answer.solution().lines();

        // Upgrade: every difference olddefconfig makes when the config moves from the old tree.
        Kconfig oldTree = Kconfig.load(Kconfig.Options.of(Path.of("examples/hyperv/old"), "Kconfig", env, objdir), out, err);
        UpgradeReport report = new UpgradeGuard(tree, oldTree).analyze("old.config", text);
        // END README EXAMPLE
        assertThat(netValue).isEqualTo(Tristate.NO);
        assertThat(changes).containsExactly("HYPERV: n -> y", "HYPERV_VMBUS: n -> m", "HYPERV_UTILS: n -> m",
                "HYPERV_BALLOON: n -> m", "HYPERV_STORAGE: n -> m", "HYPERV_NET: n -> m", "HYPERV_KEYBOARD: n -> m",
                "FB_HYPERV: n -> m");
        assertThat(why.value()).isEqualTo("n");
        assertThat(why.blockers()).extracting(Explanation.Blocker::expression).containsExactly("HYPERV_VMBUS [=n]");
        assertThat(lines).containsExactly("CONFIG_HYPERV=y", "CONFIG_HYPERV_VMBUS=m");
        assertThat(report.allFindings()).extracting(f -> f.kind() + " " + f.symbol()).containsExactly("LOST HYPERV",
                "NEW HYPERV_VMBUS", "LOST HYPERV_UTILS", "LOST HYPERV_BALLOON", "LOST HYPERV_STORAGE", "LOST HYPERV_NET",
                "LOST HYPERV_KEYBOARD", "LOST FB_HYPERV");
        assertThat(report.fix().lines()).containsExactly("CONFIG_HYPERV=y", "CONFIG_HYPERV_VMBUS=m");
    }

    /** The README shows exactly the code above, with the indentation of the method removed. */
    @Test
    void theReadmeShowsThisCode() throws IOException {
        String source = Files.readString(Path.of("src/test/java/dev/kconfig4j/LibraryExampleTest.java"));
        String code = source.substring(source.indexOf("// BEGIN README EXAMPLE\n") + "// BEGIN README EXAMPLE\n".length(),
                source.indexOf("        // END README EXAMPLE"));
        String unindented = code.lines().map(l -> l.length() >= 8 ? l.substring(8) : l.strip())
                .reduce("", (a, b) -> a + b + "\n");
        assertThat(Files.readString(Path.of("README.md"))).contains("```java\n" + unindented + "```\n");
    }
}
