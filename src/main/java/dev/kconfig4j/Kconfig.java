package dev.kconfig4j;

import dev.kconfig4j.diagnostic.Diagnostic;
import dev.kconfig4j.diagnostic.Diagnostics;
import dev.kconfig4j.diagnostic.KconfigException;
import dev.kconfig4j.dialect.Dialect;
import dev.kconfig4j.expr.Names;
import dev.kconfig4j.menu.DependencyCheck;
import dev.kconfig4j.menu.Menu;
import dev.kconfig4j.menu.MenuBuilder;
import dev.kconfig4j.menu.ModTests;
import dev.kconfig4j.menu.PropertyCheck;
import dev.kconfig4j.menu.TransitionalCheck;
import dev.kconfig4j.parse.Parser;
import dev.kconfig4j.parse.SourceFiles;
import dev.kconfig4j.parse.Statement;
import dev.kconfig4j.preprocess.Preprocessor;
import dev.kconfig4j.preprocess.ProbeCache;
import dev.kconfig4j.preprocess.ShellPolicy;
import dev.kconfig4j.snapshot.TreeSnapshot;
import dev.kconfig4j.symbol.Configuration;
import dev.kconfig4j.symbol.Symbol;
import dev.kconfig4j.symbol.SymbolTable;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A loaded Kconfig tree: the entry point of the library.
 *
 * <pre>{@code
 * Kconfig tree = Kconfig.load(Kconfig.Options.of(srctree, "Kconfig", environment, objdir), out, err);
 * Configuration config = tree.newConfiguration();
 * ConfigReader.Read read = ConfigReader.load(tree, ".config", text);
 * Tristate v = read.configuration().tristate(tree.symbols().find("MODULES"));
 * }</pre>
 *
 * A tree is immutable once loaded and can be shared between threads; every
 * {@link Configuration} made from it is independent.
 */
public final class Kconfig {
    private final Options options;
    private final Dialect dialect;
    private final SymbolTable symbols;
    private final Menu root;
    private final String mainMenu;
    private final Symbol modules;
    private final List<Statement> syntax;
    private final List<String> filesRead;
    private final Map<String, String> usedEnvironment;
    private List<Diagnostic> diagnostics = List.of();
    private boolean fromSnapshot;

    private Kconfig(Options options, Dialect dialect, SymbolTable symbols, MenuBuilder.Result built,
            List<Statement> syntax, List<String> filesRead, Map<String, String> usedEnvironment) {
        this.options = options;
        this.dialect = dialect;
        this.symbols = symbols;
        this.root = built.root();
        this.mainMenu = built.mainMenu();
        this.modules = built.modules();
        this.syntax = syntax;
        this.filesRead = filesRead;
        this.usedEnvironment = usedEnvironment;
    }

    /**
     * What a tree is loaded from.
     *
     * @param srctree the kernel source tree (where relative Kconfig paths are also looked up)
     * @param file the top Kconfig file, relative to the working directory or srctree
     * @param environment the environment macros and shell commands see
     * @param workingDirectory the object directory: where {@code $(shell,...)} runs
     * @param dialect the dialect, or null to choose from KERNELVERSION / the tree's Makefile
     * @param probeCache where shell probe results are kept across runs, or null for none
     * @param shellPolicy whether and how {@code $(shell,...)} runs, or null for the kernel's (allow)
     * @param files where the Kconfig files are read: the file system ({@link SourceFiles#DISK}), or
     *     a git revision's object database, say; such a tree is always parsed (a
     *     {@link TreeSnapshot} checks the files on disk)
     * @param keepsSyntax whether the loaded tree keeps its syntax tree ({@link Kconfig#syntax()}),
     *     which explaining a value needs; a tree that only evaluates and writes configs (the
     *     {@code conf} tool) is a tenth smaller without it
     */
    public record Options(Path srctree, String file, Map<String, String> environment, Path workingDirectory,
            Dialect dialect, ProbeCache probeCache, ShellPolicy shellPolicy, SourceFiles files,
            boolean keepsSyntax) {
        public Options {
            Objects.requireNonNull(file);
            environment = Map.copyOf(environment);
            Objects.requireNonNull(workingDirectory);
            Objects.requireNonNull(files);
        }

        /** Options reading the Kconfig files from the file system. */
        public Options(Path srctree, String file, Map<String, String> environment, Path workingDirectory,
                Dialect dialect, ProbeCache probeCache, ShellPolicy shellPolicy) {
            this(srctree, file, environment, workingDirectory, dialect, probeCache, shellPolicy, SourceFiles.DISK);
        }

        /** Options reading the Kconfig files from {@code files}, for a tree that keeps its syntax tree. */
        public Options(Path srctree, String file, Map<String, String> environment, Path workingDirectory,
                Dialect dialect, ProbeCache probeCache, ShellPolicy shellPolicy, SourceFiles files) {
            this(srctree, file, environment, workingDirectory, dialect, probeCache, shellPolicy, files, true);
        }

        /** These options, with the Kconfig files read from {@code files}. */
        public Options readingFrom(SourceFiles files) {
            return new Options(srctree, file, environment, workingDirectory, dialect, probeCache, shellPolicy, files,
                    keepsSyntax);
        }

        /** These options, for a tree that does not keep its syntax tree once loaded. */
        public Options withoutSyntax() {
            return new Options(srctree, file, environment, workingDirectory, dialect, probeCache, shellPolicy, files,
                    false);
        }

        /** Options with the dialect chosen from the tree and no probe cache. */
        public static Options of(Path srctree, String file, Map<String, String> environment, Path workingDirectory) {
            return new Options(srctree, file, environment, workingDirectory, null, null, null);
        }
    }

    /**
     * Parses a tree, running its macros, and prints as the kernel's conf does: {@code $(info,...)}
     * and the remarks conf makes on standard output go to {@code out}; warnings and the shell
     * commands' stderr go to {@code err}. The tree keeps its diagnostics as values too.
     *
     * @throws KconfigException for any error in the tree, with its location
     */
    public static Kconfig load(Options options, PrintStream out, PrintStream err) {
        return load(options, out, err, Diagnostics.printingTo(out, err));
    }

    /**
     * Parses a tree, running its macros. {@code $(info,...)} goes to {@code out} and the shell
     * commands' stderr to {@code err}; warnings and errors are reported to {@code diagnostics}
     * as they are found (so that a listener printing them keeps the kernel's order), and the tree
     * keeps its warnings ({@link #diagnostics()}). When the load fails, {@code diagnostics} holds
     * what the kernel prints before it stops (a recursive dependency, say).
     *
     * @throws KconfigException for any error in the tree, with its location
     */
    public static Kconfig load(Options options, PrintStream out, PrintStream err, Diagnostics diagnostics) {
        SourceFiles files = options.files();
        Diagnostics found = new Diagnostics(diagnostics::report);
        Dialect dialect = options.dialect();
        if (dialect == null) {
            Dialect.Selection chosen = Dialect.choose(options.environment().get("KCONFIG4J_DIALECT"),
                    options.environment(), options.srctree());
            dialect = chosen.dialect();
            if (chosen.assumption() != null) {
                found.report(new Diagnostic(Diagnostic.Severity.WARNING, null, 0, chosen.assumption(),
                        chosen.assumption()));
            }
        }
        ShellPolicy policy = options.shellPolicy() != null ? options.shellPolicy() : ShellPolicy.allow();
        ProbeCache probes = options.probeCache() != null ? options.probeCache() : ProbeCache.disabled();
        // A snapshot of an earlier parse stands in for parsing when nothing it depends on changed
        // (TreeSnapshot says what); only where every probe may run and is cached.
        TreeSnapshot snapshot = policy.mode() != ShellPolicy.Mode.ALLOW || files != SourceFiles.DISK ? null
                : TreeSnapshot.slot(probes, options.srctree(), options.file(), options.workingDirectory(),
                        dialect.name(), options.environment(), found);
        if (snapshot != null) {
            TreeSnapshot.Parsed parsed = snapshot.read(probes, options.environment(), options.srctree(),
                    options.workingDirectory(), options.keepsSyntax());
            if (parsed != null) {
                Kconfig tree = fromSnapshot(options, dialect, parsed, out, err, found);
                if (tree != null) {
                    return tree;
                }
            }
        }
        TreeSnapshot.Recording recording = snapshot != null ? new TreeSnapshot.Recording() : null;
        PrintStream parseOut = recording != null ? recording.tee(out, 0) : out;
        PrintStream parseErr = recording != null ? recording.tee(err, 1) : err;
        // The parse's diagnostics are recorded as values, which a snapshot reports again in their place.
        Diagnostics parsing = recording == null ? found : new Diagnostics(d -> {
            found.report(d);
            recording.diagnostic(d);
        });
        Preprocessor pp = new Preprocessor(options.environment(), options.workingDirectory(), parseOut, parseErr,
                java.nio.charset.StandardCharsets.UTF_8, probes, policy, parsing);
        Names names = new Names();
        Parser parser = new Parser(options.srctree(), options.workingDirectory(), names, pp, parsing)
                .dialect(dialect).files(files);
        if (recording != null) {
            parser.onFileRead(recording::fileRead);
        }
        List<Statement> syntax = parser.parse(options.file());
        policy.finish();
        parseOut.flush();
        parseErr.flush();
        List<dev.kconfig4j.expr.Name> parsedNames = snapshot != null ? List.copyOf(names.all()) : null;
        Diagnostics building = new Diagnostics(found::report);
        Diagnostics checks = new Diagnostics(found::report);
        Kconfig tree = build(options, dialect, names, syntax, pp.usedEnvironment(), building, checks, null);
        if (snapshot != null) {
            // Written once the tree passed its checks, with the built tree and what building and
            // the checks reported: a later load skips them (a tree that fails them has no
            // snapshot and is parsed every time).
            snapshot.write(recording, parsedNames, syntax, pp, new TreeSnapshot.Built(tree.symbols,
                    new MenuBuilder.Result(tree.root, tree.mainMenu, tree.modules), tree.filesRead,
                    building.list(), checks.list()));
        }
        tree.diagnostics = found.list();
        return tree;
    }

    /**
     * The tree of a snapshot's parse, built while the snapshot is checked (the two take about as
     * long): what the build reports is held until the snapshot is confirmed, then reported after
     * the parse's own output, as a parse would. Null when the snapshot is not valid (nothing was
     * printed; the built tree is dropped).
     */
    private static Kconfig fromSnapshot(Options options, Dialect dialect, TreeSnapshot.Parsed parsed,
            PrintStream out, PrintStream err, Diagnostics found) {
        Diagnostics held = new Diagnostics();
        Kconfig tree = null;
        RuntimeException failed = null;
        if (parsed.image() != null) {
            // The built tree itself: what building and checking it reported is reported again.
            parsed.menuDiagnostics().forEach(held::report);
            parsed.checks().forEach(held::report);
            tree = new Kconfig(options, dialect, parsed.symbols(), parsed.image().built(), null,
                    parsed.image().filesRead(), new LinkedHashMap<>(parsed.usedEnvironment()));
        } else {
            try {
                tree = build(options, dialect, parsed.names(), parsed.syntax(), parsed.usedEnvironment(), held, held,
                        parsed.checks());
            } catch (RuntimeException e) {
                failed = e;
            }
        }
        if (!parsed.confirm(out, err, found)) {
            return null;
        }
        held.list().forEach(found::report);
        if (failed != null) {
            throw failed;
        }
        tree.fromSnapshot = true;
        tree.diagnostics = found.list();
        return tree;
    }

    /**
     * Builds the menus of a parsed tree and checks them, reporting to {@code err} and the checks'
     * findings to {@code checks}; or, with {@code knownChecks} (a snapshot's record of them),
     * reports those instead of checking again.
     */
    private static Kconfig build(Options options, Dialect dialect, Names names, List<Statement> syntax,
            Map<String, String> usedEnvironment, Diagnostics err, Diagnostics checks, List<Diagnostic> knownChecks) {
        SymbolTable symbols = new SymbolTable(names);
        MenuBuilder.Result built = new MenuBuilder(symbols, dialect, err).build(syntax);
        symbols.freeze();
        if (knownChecks != null) {
            knownChecks.forEach(checks::report);
        } else {
            check(syntax, dialect, symbols, built.root(), checks);
        }
        return new Kconfig(options, dialect, symbols, built,
                options.keepsSyntax() ? Collections.unmodifiableList(syntax) : null, filesRead(options.file(), syntax),
                new LinkedHashMap<>(usedEnvironment));
    }

    /** The checks of a built tree, each reporting all it finds before the load fails, in the kernel's order. */
    private static void check(List<Statement> syntax, Dialect dialect, SymbolTable symbols, Menu root,
            Diagnostics err) {
        ModTests.report(syntax, dialect, symbols, err);
        boolean memberDefaults = PropertyCheck.warn(root, symbols, dialect, err);
        boolean cycle = DependencyCheck.check(symbols, root, dialect, err);
        boolean transitional = TransitionalCheck.check(symbols, menusInOrder(root), err);
        if (memberDefaults) {
            throw KconfigException.alreadyReported("defaults for choice values not supported");
        }
        if (cycle) {
            throw KconfigException.alreadyReported("recursive dependency detected");
        }
        if (transitional) {
            throw KconfigException.alreadyReported("transitional symbols can only have help sections");
        }
    }

    /**
     * The warnings loading this tree reported, in order; the same for a tree loaded from a
     * {@link TreeSnapshot} (which keeps the parse's) as for one parsed.
     */
    public List<Diagnostic> diagnostics() {
        return diagnostics;
    }

    /** Whether this tree was loaded from a {@link TreeSnapshot} rather than parsed. */
    public boolean fromSnapshot() {
        return fromSnapshot;
    }

    /** A fresh configuration of this tree, with no user values. */
    public Configuration newConfiguration() {
        return new Configuration(symbols, dialect, modules);
    }

    public Options options() {
        return options;
    }

    public Dialect dialect() {
        return dialect;
    }

    public SymbolTable symbols() {
        return symbols;
    }

    /** The root of the menu tree; its children are the top-level entries. */
    public Menu root() {
        return root;
    }

    /** The {@code mainmenu} title (macros expanded), or "Main menu". */
    public String mainMenu() {
        return mainMenu;
    }

    /** The symbol marked {@code modules}, or null. */
    public Symbol modules() {
        return modules;
    }

    /**
     * The syntax tree as parsed (with sourced files inline).
     *
     * @throws IllegalStateException if the tree was loaded without it ({@link Options#withoutSyntax()})
     */
    public List<Statement> syntax() {
        if (syntax == null) {
            throw new IllegalStateException("this tree was loaded without its syntax tree (Options.withoutSyntax)");
        }
        return syntax;
    }

    /** The Kconfig files read, as named when opened (the top file first), each once, in the order first read. */
    public List<String> filesRead() {
        return filesRead;
    }

    private static List<String> filesRead(String top, List<Statement> syntax) {
        Set<String> out = new LinkedHashSet<>();
        out.add(top);
        collectSources(syntax, out);
        return List.copyOf(out);
    }

    private static void collectSources(List<Statement> statements, Set<String> out) {
        for (Statement st : statements) {
            if (st instanceof Statement.Source s) {
                out.add(s.path());
                collectSources(s.body(), out);
            } else if (st instanceof Statement.Choice c) {
                collectSources(c.body(), out);
            } else if (st instanceof Statement.MenuBlock m) {
                collectSources(m.body(), out);
            } else if (st instanceof Statement.If i) {
                collectSources(i.body(), out);
            }
        }
    }

    /** Environment variables the macros read, name to value, in first-use order. */
    public Map<String, String> usedEnvironment() {
        return Collections.unmodifiableMap(usedEnvironment);
    }

    /** Every menu node in depth-first order: the order of {@code .config}. */
    public List<Menu> menusInOrder() {
        return menusInOrder(root);
    }

    private static List<Menu> menusInOrder(Menu root) {
        List<Menu> out = new ArrayList<>();
        collect(root, out);
        return out;
    }

    private static void collect(Menu m, List<Menu> out) {
        for (Menu c : m.children()) {
            out.add(c);
            collect(c, out);
        }
    }
}
