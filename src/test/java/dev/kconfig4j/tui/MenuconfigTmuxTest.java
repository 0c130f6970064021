package dev.kconfig4j.tui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kconfig4j.conformance.GoldenCase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kconfig4j menuconfig} in a real terminal (tmux), used as a person uses it, on Linux 6.12
 * with Debian's amd64 config in the golden environment: navigate, search and jump, change a value,
 * enable a hidden option with its plan, resize, save on the way out; then the saved file is what
 * the kernel's conf keeps unchanged, the previous one is .config.old, and the terminal is as it
 * was. Skipped, with a line, where tmux is missing (.ci/run installs it).
 */
class MenuconfigTmuxTest {
    private static final Duration LOAD = Duration.ofSeconds(180);
    private static final Duration SOLVE = Duration.ofSeconds(60);

    private static Path shared;

    @TempDir
    Path out;

    @BeforeAll
    static void needsTmuxAndTheCorpus() {
        String why = Tmux.unavailable();
        if (why != null) {
            System.out.println("MenuconfigTmuxTest skipped: " + why);
            Assumptions.abort(why);
        }
        shared = GoldenCase.requireShared();
    }

    private static Path tree() {
        return shared.resolve("corpus/linux-6.12");
    }

    private static Path debianConfig() {
        return shared.resolve("corpus/configs/debian-6.12-amd64.config");
    }

    /** The golden environment of the 6.12 x86 cases, with the locale given. */
    private Map<String, String> environment(String locale) {
        GoldenCase c = new GoldenCase("6.12/x86/olddefconfig", "corpus/linux-6.12", "x86", List.of(), "-", List.of(),
                List.of("config"));
        Map<String, String> env = new java.util.LinkedHashMap<>(c.environment(tree(), out));
        env.put("LC_ALL", locale);
        // One probe cache for every run of the tests: the tree's compiler probes run once.
        env.put("KCONFIG4J_CACHE_DIR", Path.of("target/tmux-probe-cache").toAbsolutePath().toString());
        return env;
    }

    /** Starts menuconfig in tmux; the window keeps its shell after it, which checks the terminal settings. */
    private Tmux start(String locale) throws IOException {
        Files.copy(debianConfig(), out.resolve(".config"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Tmux.script(out, "run.sh",
                "stty -g > stty.before",
                java + " -Xss64m -cp '" + classpath + "' dev.kconfig4j.cli.Main menuconfig --srctree " + tree()
                        + " --config .config",
                "echo \"menuconfig exited $?\"",
                "stty -g > stty.after",
                "cmp -s stty.before stty.after && echo TERMINAL-RESTORED",
                "sleep 3600");
        return Tmux.start(out, environment(locale), 80, 24, "bash --norc --noprofile " + out.resolve("run.sh"));
    }

    @Test
    void navigateSearchChangeEnableResizeAndSave() throws IOException, InterruptedException {
        try (Tmux t = start("C")) {
            String s = t.waitFor(LOAD, ".config - Linux/x86 6.12.117 Kernel Configuration", "General setup  --->",
                    "[*] 64-bit kernel", "<Select>  < Exit >  < Help >  < Save >");
            // LC_ALL=C: the terminal gets plain ASCII, frames included.
            assertThat(s).contains("+-----", "||     General setup  --->");
            assertThat(s.chars().allMatch(c -> c < 128)).isTrue();
            assertThat(s.lines().count()).isEqualTo(24);

            // Navigate: down to 64-bit, up and into General setup, back with Esc Esc.
            t.keys("Down");
            t.waitFor("CONFIG_64BIT");
            t.keys("Up", "Enter");
            t.waitFor("Local version - append to kernel release");
            t.keys("Escape", "Escape");
            t.waitUntil(Duration.ofSeconds(30), "the main menu", x -> x.contains("64-bit kernel")
                    && !x.contains("Local version"));

            // Search by name, jump, change.
            t.keys("/");
            t.waitFor("Search Configuration Parameter");
            t.text("^watch_queue$").keys("Enter");
            t.waitFor("Search Results", "1 match", "CONFIG_WATCH_QUEUE [=n]", "General setup");
            t.keys("Enter");
            t.waitFor("[ ] General notification queue", "CONFIG_WATCH_QUEUE");
            t.keys("y");
            t.waitFor("[*] General notification queue", "set WATCH_QUEUE=y");

            // A hidden option: search finds it, the jump shows hidden entries, e shows the plan, a applies it.
            t.keys("/");
            t.waitFor("Search Configuration Parameter");
            t.text("mx8mq interconnect").keys("Enter");
            t.waitFor("CONFIG_INTERCONNECT_IMX8MQ [=n]", "[hidden]", "matched prompt");
            t.keys("Enter");
            t.waitFor("(all entries)", "CONFIG_INTERCONNECT_IMX8MQ: hidden:");
            t.keys("e");
            s = t.waitFor(SOLVE, "Enable INTERCONNECT_IMX8MQ", "(the fewest possible), verified",
                    "Lines for your config:", "CONFIG_INTERCONNECT_IMX8MQ=", "+++ .config with the plan", "<Apply (a)>");
            t.keys("a");
            // The whole redrawn page, not its first changed line: the message is drawn before the list.
            java.util.regex.Pattern applied = java.util.regex.Pattern.compile("<[M*]> +i.MX8MQ interconnect driver");
            s = t.waitUntil(SOLVE, "the plan applied", x -> !x.contains("Lines for your config")
                    && x.contains("enable INTERCONNECT_IMX8MQ") && applied.matcher(x).find());
            assertThat(s).containsPattern(applied.pattern());

            // Bigger, then back to 80x24: redrawn each time.
            t.resize(120, 40);
            s = t.waitUntil(Duration.ofSeconds(30), "a 120-column frame",
                    x -> x.lines().anyMatch(l -> l.length() >= 118 && l.startsWith(" +---")));
            assertThat(s.lines().count()).isEqualTo(40);
            // Lanterna learns the new size from the terminal after each change; right after the
            // 120x40 one it has once drawn a 40-column frame at 80x24 (it answers the next change
            // correctly). A second change, one row off and back, is what a person would do.
            java.util.function.Predicate<String> eighty = x -> x.lines()
                    .anyMatch(l -> l.length() == 79 && l.startsWith(" +---"));
            t.resize(80, 24);
            if (!t.changesWithin(Duration.ofSeconds(20), s) || !eighty.test(t.screen())) {
                t.resize(80, 25).resize(80, 24);
            }
            t.waitUntil(Duration.ofSeconds(30), "an 80-column frame", eighty);

            // Leave: Esc Esc up to the main menu, then menuconfig's question; Yes saves.
            // Each Esc Esc must change the page; under load the terminal may deliver the second
            // Esc late (held as the start of a sequence), so a page that did not change in a few
            // seconds gets another chance rather than failing the run, and the loop ends at the
            // question either way.
            // The page is checked once it stopped changing: a question still being drawn must not
            // get an Esc Esc (that leaves without saving).
            int unchanged = 0;
            for (int i = 0; i < 16 && unchanged <= 2 && !t.settled(Duration.ofSeconds(5)).contains("Do you wish to save");
                    i++) {
                String before = t.screen();
                t.keys("Escape", "Escape");
                if (!t.changesWithin(Duration.ofSeconds(15), before)) {
                    unchanged++;
                }
            }
            // (Past two, the question is not coming: the wait below fails with the screen.)
            t.waitFor("Do you wish to save your new configuration?", "< Yes >");
            t.keys("Enter");
            t.waitFor("*** End of the configuration.", "menuconfig exited 0", "TERMINAL-RESTORED");
        }
        String saved = Files.readString(out.resolve(".config"));
        assertThat(saved).contains("CONFIG_WATCH_QUEUE=y\n", "CONFIG_INTERCONNECT=y\n")
                .containsPattern("CONFIG_INTERCONNECT_IMX8MQ=[my]\n");
        assertThat(Files.readAllBytes(out.resolve(".config.old"))).isEqualTo(Files.readAllBytes(debianConfig()));
        assertUnchangedByTheKernelsOlddefconfig(saved);
    }

    @Test
    void ctrlCAsksToSaveAndNoLeavesTheFileAndTheTerminalAsTheyWere() throws IOException {
        try (Tmux t = start("C.UTF-8")) {
            // The whole first page (a capture can come while it is drawn, line by line).
            String s = t.waitFor(LOAD, "Linux/x86 6.12.117 Kernel Configuration", "General setup  --->",
                    "[*] 64-bit kernel", "< Save >");
            // A UTF-8 locale: line drawing.
            assertThat(s).contains("┌─", "│ [*] 64-bit kernel");
            t.keys("Down");
            t.waitFor("CONFIG_64BIT");
            t.keys("Enter");
            t.waitFor("Processor type and features");
            t.keys("C-c");
            t.waitFor("Do you wish to save your new configuration?");
            t.keys("Escape", "Escape");
            t.waitUntil(Duration.ofSeconds(30), "the question to close", x -> !x.contains("Do you wish"));
            t.keys("/");
            t.waitFor("Search Configuration Parameter");
            t.text("^LOCALVERSION_AUTO$").keys("Enter");
            t.waitFor("Search Results", "1 match");
            t.keys("Enter");
            t.waitFor("CONFIG_LOCALVERSION_AUTO");
            t.keys("Space");
            t.waitFor("set LOCALVERSION_AUTO=y");
            t.keys("C-c");
            t.waitFor("Do you wish to save your new configuration?");
            t.keys("n");
            t.waitFor("Your configuration changes were NOT saved.", "menuconfig exited 0", "TERMINAL-RESTORED");
        }
        assertThat(Files.readAllBytes(out.resolve(".config"))).isEqualTo(Files.readAllBytes(debianConfig()));
        assertThat(out.resolve(".config.old")).doesNotExist();
    }

    /** The kernel's conf, run with --olddefconfig on the saved file, leaves it byte for byte as it is. */
    private void assertUnchangedByTheKernelsOlddefconfig(String saved) throws IOException, InterruptedException {
        Path conf = Path.of(System.getenv().getOrDefault("KCONFIG4J_ORACLE", "/tmp/oracle"), "conf-6.12");
        if (!Files.isExecutable(conf)) {
            System.out.println("MenuconfigTmuxTest: no kernel conf at " + conf + "; the oracle check is skipped");
            return;
        }
        Path objdir = Files.createDirectories(out.resolve("oracle"));
        Files.writeString(objdir.resolve(".config"), saved, java.nio.charset.StandardCharsets.ISO_8859_1);
        ProcessBuilder b = new ProcessBuilder(conf.toString(), "-s", "--olddefconfig", "Kconfig").directory(
                objdir.toFile()).redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.from(new java.io.File(
                        "/dev/null")));
        b.environment().clear();
        Map<String, String> env = environment("C");
        env.put("KCONFIG_CONFIG", objdir.resolve(".config").toString());
        env.put("KCONFIG_AUTOCONFIG", objdir.resolve("include/config/auto.conf").toString());
        env.put("KCONFIG_AUTOHEADER", objdir.resolve("include/generated/autoconf.h").toString());
        env.put("KCONFIG_RUSTCCFG", objdir.resolve("include/generated/rustc_cfg").toString());
        env.put("HOME", objdir.toString());
        b.environment().putAll(env);
        Process p = b.start();
        String output = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(output).isZero();
        assertThat(Files.readString(objdir.resolve(".config"), java.nio.charset.StandardCharsets.ISO_8859_1))
                .isEqualTo(saved);
    }
}
