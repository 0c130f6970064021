package dev.kconfig4j.cli;

import dev.kconfig4j.Kconfig;
import dev.kconfig4j.KconfigException;
import dev.kconfig4j.KernelEnvironment;
import dev.kconfig4j.dialect.Dialect;
import dev.kconfig4j.explain.Explainer;
import dev.kconfig4j.explain.Explanation;
import dev.kconfig4j.explain.WhyFormat;
import dev.kconfig4j.explain.WhyReport;
import dev.kconfig4j.preprocess.ProbeCache;
import dev.kconfig4j.preprocess.ShellPolicy;
import dev.kconfig4j.symbol.Symbol;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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

    @Option(names = "--srctree", paramLabel = "TREE", description = "The kernel tree (default: $srctree, else .).")
    Path srctree;

    @Option(names = "--arch", paramLabel = "ARCH", description = "Architecture (default: $ARCH, else this machine's).")
    String arch;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text or json (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--dummy-tools", description = "Probe the tree's scripts/dummy-tools instead of the real compiler.")
    boolean dummyTools;

    @Option(names = "--dialect", paramLabel = "VERSION", description = "Kconfig dialect: 5.10, 6.1 or 6.12.")
    String dialect;

    @Option(names = "--shell", paramLabel = "POLICY",
            description = "What $(shell,...) in the tree may do: allow (default), deny, deny=TEXT, record=FILE, "
                    + "replay=FILE.")
    String shell;

    public WhyCommand(Cli.Context context) {
        this.context = context;
    }

    @Override
    public Integer call() throws IOException {
        WhyFormat fmt;
        try {
            fmt = WhyFormat.valueOf(format.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            context.err().println("kconfig4j why: unknown --format " + format + " (text, json)");
            return 2;
        }
        try {
            Path tree = srctree != null ? context.workingDirectory().resolve(srctree)
                    : context.environment().containsKey("srctree") ? Path.of(context.environment().get("srctree"))
                    : context.workingDirectory();
            Kconfig kconfig = load(tree);
            String name = null;
            String text = null;
            Path file = configFile();
            if (file != null) {
                Path p = context.workingDirectory().resolve(file);
                if (!Files.isRegularFile(p)) {
                    throw new KconfigException(file + ": no such file");
                }
                name = file.toString();
                text = new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1);
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
                    kconfig.dialect().version(), out, explainer.warnings());
            context.out().print(fmt.render(report));
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
        String guess = Explainer.suggestion(tree, name);
        throw new KconfigException("kconfig4j why: unknown symbol " + given
                + (guess == null ? "" : " (did you mean " + guess + "?)"));
    }

    private Kconfig load(Path tree) throws IOException {
        if (!Files.isRegularFile(tree.resolve("Kconfig"))) {
            throw new KconfigException(tree + ": not a kernel tree (no Kconfig file)");
        }
        Map<String, String> env = KernelEnvironment.forTree(context.environment(), tree, arch, dummyTools);
        String spec = shell != null ? shell : context.environment().get("KCONFIG4J_SHELL");
        ShellPolicy policy = ShellPolicy.parse(spec, context.workingDirectory());
        ProbeCache cache = ProbeCache.forEnvironment(env);
        // Probes run in a stable scratch directory, so that cached results apply across runs.
        Path work = cache.isEnabled() ? cache.directory().resolveSibling("objdir") : Files.createTempDirectory("kconfig4j");
        Files.createDirectories(work);
        Dialect d = null;
        if (dialect != null) {
            try {
                d = Dialect.forVersion(dialect);
            } catch (IllegalArgumentException e) {
                throw new KconfigException(e.getMessage());
            }
        }
        Kconfig.Options options = new Kconfig.Options(tree, "Kconfig", env, work, d, cache, policy);
        Kconfig cached = context.treeLoader().apply(options);
        return cached != null ? cached : Kconfig.load(options, context.out(), context.err());
    }
}
