package dev.kconfig4j.cli;

import dev.kconfig4j.Kconfig;
import dev.kconfig4j.confdata.AtomicFile;
import dev.kconfig4j.confdata.ConfigReader;
import dev.kconfig4j.diagnostic.KconfigException;
import dev.kconfig4j.json.Json;
import dev.kconfig4j.kbuild.KbuildMap;
import dev.kconfig4j.kbuild.KbuildTree;
import dev.kconfig4j.kbuild.ModuleOrigins;
import dev.kconfig4j.kbuild.ObjectRule;
import dev.kconfig4j.kbuild.Values;
import dev.kconfig4j.symbol.Configuration;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code kconfig4j kbuild}: what the Makefiles build from config symbols. */
@Command(name = "kbuild", header = "What the Makefiles build from config symbols, and code that =m builds into the kernel.", sortOptions = false, usageHelpAutoWidth = true, mixinStandardHelpOptions = true,
        description = "What the kernel's Makefiles build from config symbols: objects, directories and modules, "
            + "and the constructs that build a module's code into the kernel ($(subst m,y,...)) or the reverse.",
        subcommands = {KbuildCommand.MapCommand.class, KbuildCommand.CheckCommand.class})
public final class KbuildCommand implements Runnable {
    private final Cli.Context context;

    public KbuildCommand(Cli.Context context) {
        this.context = context;
    }

    @Override
    public void run() {
        new picocli.CommandLine(this).usage(context.out());
    }

    /** What the Makefiles of the options' tree build, read for its architecture. */
    static KbuildMap map(Cli.Context context, TreeOptions options) {
        try {
            return KbuildTree.walk(options.tree(context), options.arch(context));
        } catch (IllegalArgumentException e) {
            throw new KconfigException(e.getMessage());
        }
    }


    static void emit(Cli.Context context, Path output, String text) throws IOException {
        if (output != null) {
            AtomicFile.write(context.workingDirectory().resolve(output), text.getBytes(StandardCharsets.UTF_8));
        } else {
            context.out().print(text);
            context.out().flush();
        }
    }

    static Map<String, Object> rule(ObjectRule r) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (r == null) {
            return m;
        }
        m.put("location", r.location().toString());
        m.put("target", r.target());
        m.put("kind", r.kind().name());
        m.put("forcing", r.forcing().name());
        if (!r.forcingSymbols().isEmpty()) {
            m.put("forcingSymbols", List.copyOf(r.forcingSymbols()));
        }
        m.put("builtinWhen", r.whenBuiltin().toString());
        m.put("moduleWhen", r.whenModule().toString());
        if (!r.context().isTrue()) {
            m.put("context", r.context().toString());
        }
        List<String> words = new ArrayList<>();
        r.objects().forEach(w -> words.add(w.text()));
        m.put("objects", words);
        return m;
    }

    /** {@code kconfig4j kbuild map}. */
    @Command(name = "map", sortOptions = false, usageHelpAutoWidth = true, mixinStandardHelpOptions = true,
            description = "Which directories and objects each SYMBOL controls and how they are built: built in, "
                + "modular, or forced built-in/module by a construct, with file:line. Without SYMBOL: every "
                + "forcing construct the build reads for the architecture, and totals.")
    public static final class MapCommand implements Callable<Integer> {
        private final Cli.Context context;

        @picocli.CommandLine.Mixin
        TreeOptions tree = new TreeOptions();

        @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
                description = "text or json (default: ${DEFAULT-VALUE}).")
        OutputFormat format;

        @Option(names = "--output", paramLabel = "FILE", description = "Write the report here instead of standard output.")
        Path output;

        @Parameters(paramLabel = "SYMBOL", arity = "0..*", description = "Config symbols, with or without CONFIG_.")
        List<String> symbols = new ArrayList<>();

        public MapCommand(Cli.Context context) {
            this.context = context;
        }

        @Override
        public Integer call() throws IOException {
            try {
                boolean json = format == OutputFormat.JSON;
                KbuildMap map = map(context, tree);
                Map<String, Object> doc = new LinkedHashMap<>();
                StringBuilder text = new StringBuilder();
                doc.put("srctree", map.srctree().toString());
                doc.put("arch", map.arch());
                if (symbols.isEmpty()) {
                    doc.put("directories", map.directories().size());
                    doc.put("objects", map.objects().size());
                    doc.put("modules", map.modules().size());
                    List<Object> constructs = new ArrayList<>();
                    text.append(String.format("%s (%s): %d directories, %d objects, %d modules some config can build%n",
                            map.srctree(), map.arch(), map.directories().size(), map.objects().size(), map.modules().size()));
                    text.append("Forcing constructs:\n");
                    for (ObjectRule r : map.forcingRules()) {
                        constructs.add(rule(r));
                        text.append(String.format("  %-8s %-28s %s%n", r.forcing().name().toLowerCase(java.util.Locale.ROOT),
                                String.join(",", r.forcingSymbols()), r.describe()));
                    }
                    doc.put("forcing", constructs);
                } else {
                    List<Object> list = new ArrayList<>();
                    for (String s : symbols) {
                        String name = s.startsWith("CONFIG_") ? s.substring(7) : s;
                        list.add(symbol(map, name, text));
                    }
                    doc.put("symbols", list);
                }
                emit(context, output, json ? Json.write(doc) : text.toString());
                return 0;
            } catch (KconfigException e) {
                if (!e.isReported()) {
                    context.err().println(e.describe());
                }
                return 1;
            }
        }

        private static Map<String, Object> symbol(KbuildMap map, String name, StringBuilder text) {
            KbuildMap.Controlled c = map.controlledBy(name);
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("symbol", name);
            text.append("CONFIG_").append(name).append(":\n");
            List<Object> forced = new ArrayList<>();
            for (ObjectRule r : map.forcedBuiltin(name)) {
                forced.add(rule(r));
                text.append("  forces built-in: ").append(r.describe()).append('\n');
            }
            for (ObjectRule r : map.forcedModule(name)) {
                forced.add(rule(r));
                text.append("  forces module:   ").append(r.describe()).append('\n');
            }
            out.put("forcing", forced);
            List<Object> dirs = new ArrayList<>();
            for (KbuildMap.Reach r : c.directories()) {
                Map<String, Object> d = new LinkedHashMap<>();
                String path = map.target(r);
                KbuildMap.Directory dir = map.directory(path);
                d.put("directory", path + "/");
                d.put("list", r.list());
                d.put("when", r.when().toString());
                d.put("location", String.valueOf(r.listing()));
                d.put("builtinWhen", dir.builtin().toString());
                d.put("modulesWhen", dir.modules().toString());
                dirs.add(d);
                text.append(String.format("  dir %-40s %s when %s (%s)%n", path + "/", r.list(), r.when(), r.listing()));
            }
            out.put("directories", dirs);
            out.put("objectsBelowDirectories", c.objectsBelow());
            List<Object> objs = new ArrayList<>();
            for (KbuildMap.BuiltObject o : c.objects()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("object", o.path());
                m.put("part", o.part().name());
                if (o.module() != null) {
                    m.put("module", o.module());
                }
                m.put("builtinWhen", o.builtin().toString());
                m.put("moduleWhen", o.modular().toString());
                m.put("location", o.where());
                ObjectRule r = o.rule();
                String forcing = r != null && r.forcing() != ObjectRule.Forcing.NONE && r.forcingSymbols().contains(name)
                        ? " [forced " + r.forcing().name().toLowerCase(java.util.Locale.ROOT) + "]" : "";
                m.put("forcing", forcing.isEmpty() ? "NONE" : r.forcing().name());
                objs.add(m);
                String in = o.builtin().isFalse() ? "never built in" : "built-in when " + o.builtin();
                String mod = o.module() == null ? "in lib.a" : o.modular().isFalse() ? "never a module"
                        : "module " + o.module() + " when " + o.modular();
                text.append(String.format("  %-50s %s; %s (%s)%s%n", o.path(), in, mod, o.where(), forcing));
            }
            out.put("objects", objs);
            if (c.objectsBelow() > 0) {
                text.append("  (").append(c.objectsBelow()).append(" objects below these directories)\n");
            }
            if (forced.isEmpty() && dirs.isEmpty() && objs.isEmpty()) {
                text.append("  no Makefile the build reads for ").append(map.arch()).append(" mentions CONFIG_")
                        .append(name).append('\n');
            }
            return out;
        }
    }

    /** {@code kconfig4j kbuild check}. */
    @Command(name = "check", sortOptions = false, usageHelpAutoWidth = true, mixinStandardHelpOptions = true,
            description = "For a config: the =m symbols whose code is partly built in (and where), the =y symbols "
                + "whose code is forced into a module, obj-y objects Kbuild silently drops (their directory is "
                + "reached only as a module), the modules the config produces (module -> symbols, file:line), "
                + "and for the =m symbols with no module of their own, the modules they derive (code merged into "
                + "another module, or active selects, with the Kconfig file:line of each select) or that they "
                + "produce none.")
    public static final class CheckCommand implements Callable<Integer> {
        private final Cli.Context context;

        @picocli.CommandLine.Mixin
        TreeOptions tree = new TreeOptions();

        @Option(names = "--config", required = true, paramLabel = "FILE", description = "The config to check.")
        Path config;

        @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
                description = "text or json (default: ${DEFAULT-VALUE}).")
        OutputFormat format;

        @Option(names = "--output", paramLabel = "FILE", description = "Write the report here instead of standard output.")
        Path output;

        public CheckCommand(Cli.Context context) {
            this.context = context;
        }

        @Override
        public Integer call() throws IOException {
            try {
                boolean json = format == OutputFormat.JSON;
                String text = context.readInput(config);
                Kconfig k = tree.withoutSyntax().load(context);
                ConfigReader.Read read = ConfigReader.load(k, config.toString(), text);
                read.diagnostics().forEach(d -> context.err().print(d.printed()));
                Configuration c = read.configuration();
                KbuildMap map = map(context, tree);
                KbuildMap.Build build = map.evaluate(Values.of(c));
                ModuleOrigins origins = ModuleOrigins.of(map, build, c);
                emit(context, output, json ? Json.write(document(map, build, origins)) : text(map, build, origins));
                return 0;
            } catch (KconfigException e) {
                if (!e.isReported()) {
                    context.err().println(e.describe());
                }
                return 1;
            }
        }

        private Map<String, Object> document(KbuildMap map, KbuildMap.Build build, ModuleOrigins origins) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("config", config.toString());
            doc.put("arch", map.arch());
            List<Object> forced = new ArrayList<>();
            for (KbuildMap.Forced f : build.forced()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("symbol", f.symbol());
                m.put("value", f.value().text());
                m.put("builtAs", f.direction() == ObjectRule.Forcing.BUILTIN ? "built-in" : "module");
                m.put("path", f.path());
                m.put("rule", rule(f.listing()));
                m.put("consequences", f.consequences());
                forced.add(m);
            }
            doc.put("forced", forced);
            List<Object> dropped = new ArrayList<>();
            for (KbuildMap.BuiltObject o : build.dropped()) {
                dropped.add(Map.of("object", o.path(), "location", o.where()));
            }
            doc.put("dropped", dropped);
            doc.put("builtinObjects", build.builtin().size());
            Map<String, Object> mods = new LinkedHashMap<>();
            for (KbuildMap.Module m : build.modules().values()) {
                Map<String, Object> e = new LinkedHashMap<>();
                e.put("path", m.path());
                e.put("symbols", List.copyOf(m.symbols()));
                e.put("directorySymbols", List.copyOf(m.directorySymbols()));
                e.put("location", m.rule() == null ? null : m.rule().location().toString());
                mods.put(m.kernelName(), e);
            }
            doc.put("modules", mods);
            Map<String, Object> summary = new LinkedHashMap<>();
            long own = origins.symbols().stream().filter(origins::hasOwnModule).count();
            summary.put("symbols", origins.symbols().size());
            summary.put("ownModule", own);
            summary.put("derivedOnly", origins.derivedOnly().size());
            summary.put("noModule", origins.unmapped().size());
            doc.put("modularSymbols", summary);
            Map<String, Object> derived = new LinkedHashMap<>();
            origins.derivedOnly().forEach((symbol, list) -> {
                List<Object> entries = new ArrayList<>();
                for (ModuleOrigins.Origin o : list) {
                    Map<String, Object> e = new LinkedHashMap<>();
                    e.put("module", o.kernelName());
                    e.put("kind", o.kind().name());
                    e.put("builder", o.builder());
                    e.put("location", o.location());
                    if (o.object() != null) {
                        e.put("object", o.object());
                    }
                    List<Object> chain = new ArrayList<>();
                    for (ModuleOrigins.Step st : o.chain()) {
                        chain.add(Map.of("selector", st.selector(), "target", st.target(),
                                "location", st.location().toString()));
                    }
                    e.put("selects", chain);
                    entries.add(e);
                }
                derived.put(symbol, entries);
            });
            doc.put("derivedModules", derived);
            doc.put("modularSymbolsWithoutModule", List.copyOf(origins.unmapped()));
            return doc;
        }

        private String text(KbuildMap map, KbuildMap.Build build, ModuleOrigins origins) {
            StringBuilder sb = new StringBuilder();
            sb.append(config).append(" (").append(map.arch()).append("): ").append(build.builtin().size())
                    .append(" objects built in, ").append(build.modules().size()).append(" modules\n");
            List<KbuildMap.Forced> builtin = build.forced().stream()
                    .filter(f -> f.direction() == ObjectRule.Forcing.BUILTIN).toList();
            List<KbuildMap.Forced> module = build.forced().stream()
                    .filter(f -> f.direction() == ObjectRule.Forcing.MODULE).toList();
            sb.append("\n=m symbols whose code is built in (").append(builtin.size()).append("):\n");
            for (KbuildMap.Forced f : builtin) {
                sb.append("  CONFIG_").append(f.symbol()).append("=m: ").append(f.path()).append(" built in by ")
                        .append(f.listing() == null ? "?" : f.listing().describe()).append('\n');
                if (!f.consequences().isEmpty()) {
                    sb.append("      so built in: ").append(String.join(" ", f.consequences())).append('\n');
                }
            }
            sb.append("\n=y symbols whose code is a module (").append(module.size()).append("):\n");
            for (KbuildMap.Forced f : module) {
                sb.append("  CONFIG_").append(f.symbol()).append("=y: ").append(f.path()).append(" is a module by ")
                        .append(f.listing() == null ? "?" : f.listing().describe()).append('\n');
            }
            sb.append("\nobj-y objects not built, their directory being reached only as a module (")
                    .append(build.dropped().size()).append("):\n");
            for (KbuildMap.BuiltObject o : build.dropped()) {
                sb.append("  ").append(o.path()).append(" (").append(o.where()).append(")\n");
            }
            sb.append("\nModules (").append(build.modules().size()).append("):\n");
            for (KbuildMap.Module m : build.modules().values()) {
                sb.append(String.format("  %-32s %s  (%s)%n", m.kernelName(),
                        m.symbols().isEmpty() ? "-" : "CONFIG_" + String.join(" CONFIG_", m.symbols()),
                        m.rule() == null ? m.path() : m.rule().location()));
            }
            Map<String, List<ModuleOrigins.Origin>> derived = origins.derivedOnly();
            sb.append("\n=m symbols with no module of their own, and the modules they derive (").append(derived.size())
                    .append("):\n");
            derived.values().forEach(list -> list.forEach(o -> sb.append("  CONFIG_").append(o.describe()).append('\n')));
            sb.append("\n=m symbols that produce no module (").append(origins.unmapped().size()).append("):\n");
            origins.unmapped().forEach(s -> sb.append("  CONFIG_").append(s).append('\n'));
            return sb.toString();
        }
    }
}
