package dev.kconfig4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kconfig4j.conf.Mode;
import dev.kconfig4j.dialect.Dialect;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * A run builds picocli's model of the one subcommand it names (reading every command's
 * annotations costs a third of a short run's start): what the user sees must be exactly what the
 * model of all commands gives, for every command's help and usage errors, and for the top level.
 */
class CliTest {
    @TempDir
    Path dir;

    record Run(int exit, String out, String err) {
    }

    private Run run(List<Class<?>> subcommands, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Cli.Context context = new Cli.Context(Map.of("HOME", dir.toString(), "KCONFIG4J_PROBE_CACHE", "off"), dir,
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                o -> null);
        int exit = subcommands == null ? Cli.execute(context, args) : Cli.execute(context, subcommands, args);
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** The argument lists to compare: each command's help and a usage error, and the top level's. */
    private static List<String[]> argumentLists() {
        List<String[]> lists = new ArrayList<>();
        for (Class<?> sub : Cli.SUBCOMMANDS) {
            CommandLine.Command c = sub.getAnnotation(CommandLine.Command.class);
            List<String> names = new ArrayList<>(List.of(c.aliases()));
            names.add(0, c.name());
            for (String name : names) {
                lists.add(new String[] {name, "--help"});
                lists.add(new String[] {name, "-h"});
                lists.add(new String[] {"--debug", name, "--help"});
                lists.add(new String[] {name, "--no-such-option"});
            }
        }
        lists.add(new String[] {"--version"});
        lists.add(new String[] {"-V"});
        lists.add(new String[] {"--version", "-V"});
        lists.add(new String[] {"--version", "--help"});
        lists.add(new String[] {"--help"});
        lists.add(new String[] {});
        lists.add(new String[] {"--no-such-option"});
        lists.add(new String[] {"cnof", "--olddefconfig", "Kconfig"});
        lists.add(new String[] {"--version", "conf"});
        return lists;
    }

    @Test
    void standardInputIsReadAheadOnlyForAModeThatAsksAsGetoptReadsTheOptions() {
        assertThat(Main.asksQuestions(new String[] {"conf", "Kconfig"})).isTrue();
        assertThat(Main.asksQuestions(new String[] {"conf", "--oldconfig", "Kconfig"})).isTrue();
        assertThat(Main.asksQuestions(new String[] {"conf", "--oldc", "Kconfig"})).isTrue();
        assertThat(Main.asksQuestions(new String[] {"conf", "--olddef", "Kconfig"})).as("abbreviated").isFalse();
        assertThat(Main.asksQuestions(new String[] {"conf", "--olddefconfig", "--sync", "Kconfig"})).as("the last wins").isTrue();
        assertThat(Main.asksQuestions(new String[] {"conf", "--alln", "--old", "Kconfig"})).as("--old is ambiguous").isFalse();
        assertThat(Main.asksQuestions(new String[] {"conf", "--olddefconfig", "--", "--oldconfig"})).isFalse();
        assertThat(Main.asksQuestions(new String[] {"conf", "--defconfig=x", "Kconfig"})).isFalse();
        assertThat(Main.asksQuestions(new String[] {"why", "X"})).isFalse();
        assertThat(ConfCommand.longOptions("s")).as("silent, syncconfig, savedefconfig")
                .containsExactly("silent", "syncconfig", "savedefconfig");
        assertThat(ConfCommand.longOptions("sy")).containsExactly(Mode.SYNCCONFIG.option());
        assertThat(ConfCommand.longOptions("")).isEmpty();
        assertThat(ConfCommand.longOptions("d")).as("conf's options first").containsExactly("defconfig");
        assertThat(ConfCommand.longOptions("dia")).containsExactly("dialect");
    }

    @Test
    void everyCommandLineGivesWhatTheModelOfAllCommandsGives() {
        for (String[] args : argumentLists()) {
            Run fast = run(null, args);
            Run all = run(Cli.SUBCOMMANDS, args);
            assertThat(fast).as(String.join(" ", args)).isEqualTo(all);
        }
    }

    @Test
    void helpAndVersionSucceedAndUsageErrorsExitWithTwo() {
        assertThat(run(null, "--version")).isEqualTo(new Run(0, "kconfig4j 0.1.0\n", ""));
        assertThat(run(null, "why", "--help").exit()).isZero();
        // (conf reports an unknown option as the kernel's conf does and goes on: ConfModesTest.)
        Run bad = run(null, "why", "--no-such-option", "A");
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err()).startsWith("Unknown option: '--no-such-option'").contains("Usage: kconfig4j why");
        // conf's help is the kernel's conf's: the usage on standard output, exit status 1.
        for (String h : List.of("-h", "--help")) {
            Run confHelp = run(null, "conf", h);
            assertThat(confHelp.exit()).isEqualTo(1);
            assertThat(confHelp.out()).contains("Usage: kconfig4j conf").contains("--olddefconfig");
            assertThat(confHelp.err()).isEmpty();
        }
        Run top = run(null, "--help");
        assertThat(top.exit()).isZero();
        for (Class<?> sub : Cli.SUBCOMMANDS) {
            assertThat(top.out()).contains("\n  " + sub.getAnnotation(CommandLine.Command.class).name());
        }
    }

    @Test
    void aBareVersionBuildsNoSubcommandAndAnyOtherLineTheOneItNames() {
        assertThat(Cli.subcommandsFor(new String[] {"--version"})).isEmpty();
        assertThat(Cli.subcommandsFor(new String[] {"-V"})).isEmpty();
        assertThat(Cli.subcommandsFor(new String[] {"-V", "--version"})).isEqualTo(Cli.SUBCOMMANDS);
        assertThat(Cli.subcommandsFor(new String[] {"-s", "conf", "--olddefconfig", "Kconfig"}))
                .containsExactly(ConfCommand.class);
        assertThat(Cli.subcommandsFor(new String[] {"--help"})).isEqualTo(Cli.SUBCOMMANDS);
        assertThat(Cli.subcommandsFor(new String[] {"--version", "conf"})).containsExactly(ConfCommand.class);
        assertThat(Cli.subcommandsFor(new String[] {"cnof"})).isEqualTo(Cli.SUBCOMMANDS);
    }

    @Test
    void everyDialectOptionNamesEveryDialect() {
        CommandLine.IFactory factory = Cli.factory(new Cli.Context(Map.of(), dir, System.out, System.err, o -> null));
        int found = 0;
        for (Class<?> sub : Cli.SUBCOMMANDS) {
            CommandLine.Model.OptionSpec dialect = new CommandLine(sub, factory).getCommandSpec().findOption("--dialect");
            if (dialect == null) {
                continue;
            }
            found++;
            String description = String.join(" ", dialect.description());
            for (Dialect d : Dialect.values()) {
                assertThat(description).as(sub.getSimpleName()).contains(d.version());
            }
        }
        assertThat(found).isGreaterThanOrEqualTo(2);
    }
}
