package dev.kconfig4j.cli;

import dev.kconfig4j.Kconfig;
import dev.kconfig4j.diagnostic.KconfigException;
import dev.kconfig4j.explain.DidYouMean;
import dev.kconfig4j.explain.Explainer;
import dev.kconfig4j.explain.Explanation;
import dev.kconfig4j.explain.WhyFormat;
import dev.kconfig4j.explain.WhyReport;
import dev.kconfig4j.symbol.Symbol;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code kconfig4j why}: a symbol's value, where it came from, and what blocks changing it. */
@Command(name = "why", header = "Why a symbol has its value, and what blocks changing it.", sortOptions = false, usageHelpAutoWidth = true, mixinStandardHelpOptions = true,
        description = {
            "Explains the value olddefconfig gives each SYMBOL (CONFIG_ prefix optional):",
            "the config's line, the default or select that set it, its prompt and",
            "dependencies with their values, and what blocks a change: the failing part",
            "of the condition, followed through the symbols in it.",
            "Without --config: $KCONFIG_CONFIG or ./.config if present, else an empty",
            "config (every symbol at its default).",
            "Text and JSON (docs/why.md)."},
        footer = {"", "Exit status: 0 success; 1 bad input (unknown symbol, tree or config); 2 bad usage."})
public final class WhyCommand implements Callable<Integer> {
    private final Cli.Context context;

    @Parameters(arity = "1..*", paramLabel = "SYMBOL", description = "The symbols to explain (FOO or CONFIG_FOO).")
    List<String> symbols;

    @Option(names = "--config", paramLabel = "FILE", description = "The config whose values to explain.")
    Path config;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text or json (default: ${DEFAULT-VALUE}).")
    WhyFormat format;

    @picocli.CommandLine.Mixin
    TreeOptions treeOptions = new TreeOptions();

    public WhyCommand(Cli.Context context) {
        this.context = context;
    }

    @Override
    public Integer call() throws IOException {
        try {
            Path tree = treeOptions.tree(context);
            Kconfig kconfig = treeOptions.load(context);
            String name = null;
            String text = null;
            Path file = configFile();
            if (file != null) {
                name = file.toString();
                text = context.readInput(file);
            }
            List<Symbol> asked = new ArrayList<>();
            for (String s : symbols) {
                asked.add(symbol(kconfig, s));
            }
            Explainer explainer = Explainer.read(kconfig, name, text);
            List<Explanation> out = new ArrayList<>();
            for (Symbol s : asked) {
                out.add(explainer.explain(s));
            }
            WhyReport report = new WhyReport(WhyReport.SCHEMA_VERSION, name, tree.toString(), kconfig.mainMenu(),
                    kconfig.dialect().version(), out, explainer.diagnostics());
            context.out().print(format.render(report));
            context.out().flush();
            return 0;
        } catch (KconfigException e) {
            if (!e.isReported()) {
                context.err().println(e.describe());
            }
            return 1;
        }
    }

    /** --config, else $KCONFIG_CONFIG or .config when it exists (as conf reads), else none. */
    private Path configFile() {
        if (config != null) {
            return config;
        }
        String env = context.environment().get("KCONFIG_CONFIG");
        Path dflt = Path.of(env != null && !env.isEmpty() ? env : ".config");
        return Files.isRegularFile(context.workingDirectory().resolve(dflt)) ? dflt : null;
    }

    private static Symbol symbol(Kconfig tree, String given) {
        String name = given.startsWith("CONFIG_") ? given.substring("CONFIG_".length()) : given;
        Symbol s = tree.symbols().find(name);
        if (s != null && !s.isConstant()) {
            return s; // even when only referenced, not defined: the explanation says so
        }
        String guess = DidYouMean.closest(tree, name);
        throw new KconfigException("kconfig4j why: unknown symbol " + given
                + (guess == null ? "" : " (did you mean " + guess + "?)"));
    }

}
