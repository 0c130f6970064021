package dev.kconfig4j.conf;

import dev.kconfig4j.Kconfig;
import dev.kconfig4j.confdata.AtomicFile;
import dev.kconfig4j.confdata.AutoconfWriter;
import dev.kconfig4j.confdata.ConfigReader;
import dev.kconfig4j.confdata.ConfigWriter;
import dev.kconfig4j.confdata.DefconfigWriter;
import dev.kconfig4j.diagnostic.Diagnostics;
import dev.kconfig4j.diagnostic.KconfigException;
import dev.kconfig4j.dialect.Dialect;
import dev.kconfig4j.expr.Expr;
import dev.kconfig4j.expr.Tristate;
import dev.kconfig4j.menu.Menu;
import dev.kconfig4j.menu.MenuInfo;
import dev.kconfig4j.preprocess.ProbeCache;
import dev.kconfig4j.preprocess.ShellPolicy;
import dev.kconfig4j.symbol.Configuration;
import dev.kconfig4j.symbol.Property;
import dev.kconfig4j.symbol.Symbol;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * The kernel's {@code conf} tool as a library: runs one {@link ConfRequest} and returns the exit
 * status the kernel's tool would return, writing the same files and messages.
 */
public final class Conf {
    private final Function<Kconfig.Options, Kconfig> loader;

    /** A tool that parses the tree anew for every run. */
    public Conf() {
        this(options -> null);
    }

    /**
     * A tool that asks {@code loader} for trees first (a cache, say); when it returns null the
     * tree is parsed with the request's own streams.
     */
    public Conf(Function<Kconfig.Options, Kconfig> loader) {
        this.loader = loader;
    }

    /** Runs the request; returns the exit status. */
    public int run(ConfRequest req) {
        try {
            return runChecked(req);
        } catch (KconfigException e) {
            if (!e.isReported()) {
                req.err().println(e.describe());
            }
            return 1;
        } catch (IOException e) {
            req.err().println("*** " + e.getMessage());
            return 1;
        }
    }

    private Kconfig load(ConfRequest req) {
        String srctree = req.env("srctree");
        Kconfig.Options options = new Kconfig.Options(srctree == null ? null : Path.of(srctree), req.kconfig(),
                req.environment(), req.workingDirectory(), dialectOverride(req), probeCache(req),
                ShellPolicy.parse(req.env("KCONFIG4J_SHELL"), req.workingDirectory())).withoutSyntax();
        Kconfig tree = loader.apply(options);
        return tree != null ? tree : Kconfig.load(options, req.out(), req.err());
    }

    /**
     * The probe cache: on unless KCONFIG4J_PROBE_CACHE is {@code off}; kept in probes/ of
     * KCONFIG4J_CACHE_DIR, else $XDG_CACHE_HOME/kconfig4j, else ~/.cache/kconfig4j. Off, too, when
     * that directory would lie in the object directory (HOME set to it, as the golden runs do) and
     * KCONFIG4J_CACHE_DIR does not name it: conf writes nothing there that the kernel's conf does not.
     */
    static ProbeCache probeCache(ConfRequest req) {
        String explicit = req.env("KCONFIG4J_CACHE_DIR");
        if (explicit == null || explicit.isEmpty()) {
            try {
                Path root = dev.kconfig4j.cache.CacheRoot.location(req.environment()).normalize();
                if (root.startsWith(req.workingDirectory().toAbsolutePath().normalize())) {
                    return ProbeCache.disabled();
                }
            } catch (IllegalStateException noCacheDirectory) {
                return ProbeCache.disabled();
            }
        }
        return ProbeCache.forEnvironment(req.environment(), req.err());
    }

    private static Dialect dialectOverride(ConfRequest req) {
        String d = req.env("KCONFIG4J_DIALECT");
        if (d == null || d.isEmpty()) {
            return null;
        }
        try {
            return Dialect.forVersion(d);
        } catch (IllegalArgumentException e) {
            throw new KconfigException(e.getMessage());
        }
    }

    private int runChecked(ConfRequest req) throws IOException {
        // randconfig announces its seed before anything else is printed (5.10 prints it first).
        int seed = 0;
        if (req.mode() == Mode.RANDCONFIG) {
            Dialect d = dialectOverride(req);
            String srctree = req.env("srctree");
            seed = RandomConfig.announceSeed(req, d != null ? d
                    : Dialect.select(null, req.environment(), srctree == null ? null : Path.of(srctree)));
        }
        Kconfig tree = load(req);
        Configuration config = tree.newConfiguration();
        Diagnostics diagnostics = req.diagnostics();
        config.onUnmetDependency(s -> diagnostics.report(MenuInfo.unmetDependency(config, s)));
        String prefix = req.env("CONFIG_") != null ? req.env("CONFIG_") : "CONFIG_";
        boolean warnUnknown = tree.dialect().hasWarningVariables() && nonEmpty(req.env("KCONFIG_WARN_UNKNOWN_SYMBOLS"));
        ConfigReader reader = new ConfigReader(tree, config, diagnostics, prefix, warnUnknown);
        String configName = configName(req);
        Mode mode = req.mode();

        switch (mode) {
            case DEFCONFIG -> {
                String file = req.modeFile();
                Path p = openable(req, file);
                if (p == null) {
                    req.err().printf("***%n*** Can't find default configuration \"%s\"!%n***%n", file);
                    return 1;
                }
                reader.read(file, readText(p));
                reader.afterRead();
            }
            case ALLNOCONFIG, ALLYESCONFIG, ALLMODCONFIG, ALLDEFCONFIG, RANDCONFIG -> {
                String name = req.env("KCONFIG_ALLCONFIG");
                if (name != null) {
                    if (!name.isEmpty() && !name.equals("1")) {
                        Path p = openable(req, name);
                        if (p == null) {
                            req.err().printf("*** Can't read seed configuration \"%s\"!%n", name);
                            return 1;
                        }
                        reader.read(name, readText(p));
                    } else {
                        String specific = switch (mode) {
                            case ALLNOCONFIG -> "allno.config";
                            case ALLYESCONFIG -> "allyes.config";
                            case ALLMODCONFIG -> "allmod.config";
                            case ALLDEFCONFIG -> "alldef.config";
                            default -> "allrandom.config";
                        };
                        Path p = openable(req, specific);
                        String used = specific;
                        if (p == null) {
                            p = openable(req, "all.config");
                            used = "all.config";
                        }
                        if (p == null) {
                            req.err().printf("*** KCONFIG_ALLCONFIG set, but no \"%s\" or \"all.config\" file found%n",
                                    specific);
                            return 1;
                        }
                        reader.read(used, readText(p));
                    }
                }
            }
            default -> readMainConfig(req, tree, reader, configName);
        }

        // KCONFIG_WERROR: warnings while reading configs are errors; nothing is written.
        if (tree.dialect().hasWarningVariables() && nonEmpty(req.env("KCONFIG_WERROR")) && reader.warningCount() > 0) {
            return 1;
        }

        boolean writeConfig = true;
        if (mode == Mode.SYNCCONFIG && nonEmpty(req.env("KCONFIG_NOSILENTUPDATE"))) {
            if (reader.changed()) {
                req.err().printf("%n*** The configuration requires explicit update.%n%n");
                return 1;
            }
            writeConfig = false;
        }

        switch (mode) {
            case ALLNOCONFIG -> setAllNew(tree, config, Tristate.NO);
            case ALLYESCONFIG -> setAllNew(tree, config, Tristate.YES);
            case ALLMODCONFIG -> setAllNew(tree, config, Tristate.MOD);
            case RANDCONFIG -> RandomConfig.apply(tree, config, req, seed);
            case ALLDEFCONFIG, DEFCONFIG, OLDDEFCONFIG, SAVEDEFCONFIG -> {
                // Defaults apply by themselves to symbols without user values.
            }
            case YES2MODCONFIG -> rewriteTristates(tree, config, Tristate.YES, Tristate.MOD);
            case MOD2YESCONFIG -> rewriteTristates(tree, config, Tristate.MOD, Tristate.YES);
            case MOD2NOCONFIG -> rewriteTristates(tree, config, Tristate.MOD, Tristate.NO);
            case OLDASKCONFIG, OLDCONFIG, SYNCCONFIG -> new Dialogue(tree, config, req, req.in(),
                    req.in() == System.in && System.console() != null).run(mode);
            case LISTNEWCONFIG -> {
                ConfigWriter lines = new ConfigWriter(tree, config, prefix);
                for (Symbol s : new NewSymbols(tree, config).find()) {
                    req.out().println(lines.listLine(s));
                }
                return 0;
            }
            case HELPNEWCONFIG -> {
                for (Menu m : new NewSymbols(tree, config).findMenus()) {
                    req.out().print("-----\n" + MenuInfo.help(config, m) + "-----\n");
                }
                return 0;
            }
        }

        if ((mode == Mode.SAVEDEFCONFIG || writeConfig) && tree.dialect().reportsChangedInput()
                && nonEmpty(req.env("KCONFIG_WARN_CHANGED_INPUT"))) {
            // Printed even with -s: it is a diagnostic, not a message.
            List<String> changed = new ConfigWriter(tree, config, prefix).changedUserValues();
            if (!changed.isEmpty()) {
                req.err().println("warning: user-provided values changed by Kconfig:");
                changed.forEach(req.err()::println);
            }
        }
        if (mode == Mode.SAVEDEFCONFIG) {
            String text = new DefconfigWriter(tree, config, prefix).defconfig();
            try {
                AtomicFile.writeIntoExisting(req.resolve(req.modeFile()), text);
            } catch (IOException e) {
                req.err().printf("n*** Error while saving defconfig to: %s%n%n", req.modeFile());
                return 1;
            }
            return 0;
        }
        if (writeConfig) {
            if (configName.isEmpty()) {
                req.err().printf("config name is empty%n%n*** Error during writing of the configuration.%n%n");
                return 1;
            }
            try {
                writeConfig(req, tree, config, prefix, configName);
            } catch (IOException e) {
                // The kernel's lines, after the reason it does not give.
                req.err().printf("%s: %s%n", configName, KconfigException.reason(e));
                req.err().printf("%n*** Error during writing of the configuration.%n%n");
                return 1;
            }
        }
        try {
            AutoconfWriter.write(tree, config, req, mode == Mode.SYNCCONFIG);
        } catch (IOException e) {
            if (mode == Mode.SYNCCONFIG) {
                req.err().printf("%s%s%n", e instanceof java.nio.file.FileSystemException f && f.getFile() != null
                        ? f.getFile() + ": " : "", KconfigException.reason(e));
                req.err().printf("%n*** Error during sync of the configuration.%n%n");
                return 1;
            }
        }
        return 0;
    }

    /** yes2modconfig and friends: every tristate the input set to {@code from} is set to {@code to}. */
    private static void rewriteTristates(Kconfig tree, Configuration config, Tristate from, Tristate to) {
        for (Symbol s : tree.symbols().all()) {
            if (!s.isConstant() && config.hasUserValue(s) && config.effectiveType(s) == dev.kconfig4j.expr.Type.TRISTATE
                    && config.userTristate(s) == from) {
                config.setUser(s, to);
            }
        }
    }

    /**
     * The main config's name: KCONFIG_CONFIG or {@code .config}. Set but empty, it is empty, as
     * the kernel's conf takes it: no config is read, and writing one fails.
     */
    public static String configName(ConfRequest req) {
        String name = req.env("KCONFIG_CONFIG");
        return name == null ? ".config" : name;
    }

    /** Reads {@code .config}, or when it is missing the first existing file of the default list. */
    private void readMainConfig(ConfRequest req, Kconfig tree, ConfigReader reader, String configName)
            throws IOException {
        Path p = openable(req, configName);
        String used = configName;
        if (p == null) {
            for (String candidate : defaultConfigList(req, tree)) {
                p = openable(req, candidate);
                if (p != null) {
                    used = candidate;
                    message(req, "using defaults found in " + candidate);
                    break;
                }
            }
        }
        if (p == null) {
            return;
        }
        reader.read(used, readText(p));
        reader.afterRead();
    }

    /** Where defaults come from without a .config: KCONFIG_DEFCONFIG_LIST, or (5.10) the defconfig_list symbol's defaults. */
    private static List<String> defaultConfigList(ConfRequest req, Kconfig tree) {
        List<String> out = new ArrayList<>();
        String env = req.env("KCONFIG_DEFCONFIG_LIST");
        if (env != null) {
            out.addAll(Arrays.asList(env.trim().split("\\s+")));
            out.removeIf(String::isEmpty);
        }
        if (tree.dialect().hasDefconfigListOption()) {
            Configuration c = tree.newConfiguration();
            for (Symbol s : tree.symbols().all()) {
                if (s.isDefconfigList()) {
                    for (Property.Default d : s.defaults()) {
                        if (c.eval(d.condition()) != Tristate.NO && d.value() instanceof Expr.Sym ds) {
                            out.add(c.string(c.symbol(ds.name())));
                        }
                    }
                }
            }
        }
        return out;
    }

    /**
     * A file as the kernel opens it: relative to the working directory, else to srctree. A
     * directory opens too and reads as empty, as in the kernel's conf (5.10's default list names
     * {@code arch/x86/configs/} when KBUILD_DEFCONFIG is unset: "using defaults found in" it).
     */
    private static Path openable(ConfRequest req, String name) {
        if (name.isEmpty()) {
            // No file has an empty name; the kernel's conf then tries it under srctree, which
            // names the source directory: a directory reads as empty.
            String srctree = req.env("srctree");
            Path dir = srctree == null ? null : req.resolve(srctree);
            return dir != null && Files.isDirectory(dir) ? dir : null;
        }
        Path p = req.resolve(name);
        if (Files.isRegularFile(p) || Files.isDirectory(p)) {
            return p;
        }
        // The kernel's conf would wait on a FIFO forever and read /dev/zero without end.
        KconfigException special = KconfigException.notAFile(name, p);
        if (special != null && !Files.isDirectory(p)) {
            throw special;
        }
        String srctree = req.env("srctree");
        if (srctree != null && !Path.of(name).isAbsolute()) {
            Path q = Path.of(srctree).resolve(name);
            if (Files.isRegularFile(q) || Files.isDirectory(q)) {
                return q;
            }
        }
        return null;
    }

    private static String readText(Path p) throws IOException {
        if (Files.isDirectory(p)) {
            return "";
        }
        return new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1);
    }

    private static boolean nonEmpty(String s) {
        return s != null && !s.isEmpty();
    }

    /** An informational message ({@code #\n# text\n#}); -s and syncconfig print none. */
    private static void message(ConfRequest req, String text) {
        if (!req.silent() && req.mode() != Mode.SYNCCONFIG) {
            req.out().printf("#%n# %s%n#%n", text);
        }
    }

    /**
     * The all*config modes: every bool/tristate symbol the input did not set gets {@code value}.
     * From 6.11 that means every prompted, non-choice-member symbol, in menu order; up to 6.1
     * every symbol of the table, choices and their members included (5.10's
     * {@code allnoconfig_y} symbols get y from allnoconfig).
     */
    private static void setAllNew(Kconfig tree, Configuration config, Tristate value) {
        if (tree.dialect().allConfigSetsOnlyPrompted()) {
            for (Menu m : tree.menusInOrder()) {
                Symbol s = m.symbol();
                if (s == null || !m.hasPrompt() || config.hasUserValue(s) || !s.type().isTristateLike()
                        || s.parentChoice() != null || s.isChoice()) {
                    continue;
                }
                config.setUser(s, value);
            }
            return;
        }
        for (Symbol s : tree.symbols().all()) {
            if (s.isConstant() || config.hasUserValue(s) || !s.type().isTristateLike()) {
                continue;
            }
            Tristate v = value == Tristate.NO && s.isAllnoconfigY() ? Tristate.YES : value;
            config.setUser(s, v);
        }
    }

    /** Writes .config like the kernel: unchanged content leaves the file (and .config.old) alone. */
    private static void writeConfig(ConfRequest req, Kconfig tree, Configuration config, String prefix,
            String configName) throws IOException {
        String text = new ConfigWriter(tree, config, prefix).dotConfig();
        Path target = req.resolve(configName);
        if (Files.isDirectory(target)) {
            throw new java.nio.file.FileSystemException(configName, null, "Is a directory");
        }
        byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
        if (Files.isRegularFile(target) && Arrays.equals(Files.readAllBytes(target), bytes)) {
            message(req, "No change to configuration in '" + configName + "'");
            return;
        }
        if (nonEmpty(req.env("KCONFIG_OVERWRITECONFIG"))) {
            Files.createDirectories(target.toAbsolutePath().getParent());
            Files.write(target, bytes);
        } else {
            AtomicFile.replace(target, bytes, req.resolve(configName + ".old"));
        }
        message(req, "configuration written to " + configName);
    }
}
