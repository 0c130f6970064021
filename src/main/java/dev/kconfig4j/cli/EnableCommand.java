package dev.kconfig4j.cli;

import dev.kconfig4j.Kconfig;
import dev.kconfig4j.confdata.AtomicFile;
import dev.kconfig4j.diagnostic.KconfigException;
import dev.kconfig4j.json.Json;
import dev.kconfig4j.solve.Answer;
import dev.kconfig4j.solve.Assignment;
import dev.kconfig4j.solve.Conflict;
import dev.kconfig4j.solve.Enabler;
import dev.kconfig4j.solve.Request;
import dev.kconfig4j.solve.SideEffect;
import dev.kconfig4j.solve.Solution;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code kconfig4j enable}: the fewest config lines that make olddefconfig give the requested values. */
@Command(name = "enable", header = "The fewest config lines that give symbols the values you want (SAT-solved, verified).", sortOptions = false, usageHelpAutoWidth = true,
        mixinStandardHelpOptions = true,
        description = {
            "Finds the smallest set of lines to add to a config so that `make olddefconfig` gives the requested "
                + "values, with a SAT solver over the tree's rules. Every answer is verified by evaluating the config "
                + "with the lines applied; without a solution, the conflicting rules are shown (file:line).",
            "",
            "SYMBOL alone asks for y (bool) or m-or-y (tristate); SYMBOL=n asks to turn it off (selectors too); "
                + "int, hex and string symbols take SYMBOL=VALUE."},
        footer = {"", "Exit status: 0 solved; 3 no solution; 1 bad input (tree, config, unknown symbol); 2 bad usage."})
public final class EnableCommand implements Callable<Integer> {
    private final Cli.Context context;

    @Parameters(arity = "1..*", paramLabel = "SYMBOL[=VALUE]", description = "What olddefconfig should give.")
    List<String> requests;

    @Option(names = "--config", required = true, paramLabel = "FILE", description = "The config to start from (never modified).")
    Path config;

    @Option(names = "--write", paramLabel = "FILE",
            description = "Write the complete resulting .config (olddefconfig of the config with the answer) here.")
    Path write;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text or json (default: ${DEFAULT-VALUE}).")
    OutputFormat format;

    @picocli.CommandLine.Mixin
    TreeOptions treeOptions = new TreeOptions();

    public EnableCommand(Cli.Context context) {
        this.context = context;
    }

    @Override
    public Integer call() throws IOException {
        try {
            String text = context.readInput(config);
            Kconfig tree = treeOptions.withoutSyntax().load(context);
            List<Request> wanted = new ArrayList<>();
            for (String r : requests) {
                wanted.add(Request.parse(tree.symbols(), r));
            }
            Enabler enabler = new Enabler(tree, config.toString(), text);
            Answer answer = enabler.solve(wanted);
            if (answer.solved() && write != null) {
                AtomicFile.write(context.workingDirectory().resolve(write), enabler.resultConfig(answer.solution()));
            }
            context.out().print(format == OutputFormat.JSON ? json(answer) : text(answer));
            context.out().flush();
            return answer.solved() ? 0 : 3;
        } catch (KconfigException e) {
            if (!e.isReported()) {
                context.err().println(e.describe());
            }
            return 1;
        }
    }

    /** The answer for people. */
    static String text(Answer a) {
        StringBuilder sb = new StringBuilder();
        String asked = a.requests().stream().map(Request::toString).collect(Collectors.joining(" "));
        if (!a.solved()) {
            Conflict c = a.conflict();
            sb.append("enable ").append(asked).append(": no solution\n");
            if (!c.requests().isEmpty()) {
                sb.append("  ").append(c.requests().stream().map(Request::toString).collect(Collectors.joining(" and ")))
                        .append(" cannot hold, because:\n");
            }
            for (Conflict.Reason r : c.reasons()) {
                sb.append("  - ").append(r).append('\n');
            }
            return sb.toString();
        }
        Solution s = a.solution();
        if (s.assignments().isEmpty()) {
            return sb.append("enable ").append(asked).append(": already so, nothing to add\n").toString();
        }
        sb.append("enable ").append(asked).append(": ").append(s.assignments().size())
                .append(s.assignments().size() == 1 ? " line" : " lines")
                .append(s.minimum() ? " (the fewest possible)" : " (none can be left out)")
                .append(", verified by evaluating the config (").append(a.millis()).append(" ms)\n");
        for (Assignment x : s.assignments()) {
            sb.append("  ").append(x.describe()).append('\n');
        }
        Map<String, List<SideEffect>> byVerb = new LinkedHashMap<>();
        for (SideEffect e : s.sideEffects()) {
            byVerb.computeIfAbsent(e.verb(), k -> new ArrayList<>()).add(e);
        }
        for (Map.Entry<String, List<SideEffect>> e : byVerb.entrySet()) {
            List<SideEffect> list = e.getValue();
            String shown = list.stream().limit(12).map(x -> e.getKey().equals("changes") ? x.toString()
                    : x.symbol() + (e.getKey().equals("turns on") ? "=" + x.after() : "")).collect(Collectors.joining(", "));
            sb.append("  also ").append(e.getKey()).append(' ').append(list.size()).append(": ").append(shown)
                    .append(list.size() > 12 ? ", ..." : "").append('\n');
        }
        sb.append("lines:\n");
        for (String l : s.lines()) {
            sb.append(l).append('\n');
        }
        return sb.toString();
    }

    /** The answer for tools. */
    static String json(Answer a) throws IOException {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("requests", a.requests().stream().map(Request::toString).toList());
        out.put("solved", a.solved());
        out.put("candidates", a.candidates());
        out.put("millis", a.millis());
        if (a.solved()) {
            Solution s = a.solution();
            out.put("minimum", s.minimum());
            List<Map<String, Object>> lines = new ArrayList<>();
            for (Assignment x : s.assignments()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("symbol", x.symbol().name());
                m.put("value", x.value());
                m.put("previous", x.previous());
                m.put("line", x.line());
                lines.add(m);
            }
            out.put("assignments", lines);
            List<Map<String, Object>> effects = new ArrayList<>();
            for (SideEffect e : s.sideEffects()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("symbol", e.symbol());
                m.put("before", e.before());
                m.put("after", e.after());
                effects.add(m);
            }
            out.put("sideEffects", effects);
        } else {
            Conflict c = a.conflict();
            out.put("conflicting", c.requests().stream().map(Request::toString).toList());
            List<Map<String, Object>> reasons = new ArrayList<>();
            for (Conflict.Reason r : c.reasons()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("text", r.text());
                m.put("location", r.location() == null ? null : r.location().toString());
                reasons.add(m);
            }
            out.put("reasons", reasons);
        }
        return Json.write(out);
    }

    // Loading a tree as `upgrade` does: the environment of a kernel build, probes cached.
}
