package dev.kconfig4j.kbuild;

import dev.kconfig4j.Kconfig;
import dev.kconfig4j.conf.ConfRequest;
import dev.kconfig4j.conf.Dialogue;
import dev.kconfig4j.conf.Mode;
import dev.kconfig4j.confdata.ConfigReader;
import dev.kconfig4j.confdata.ConfigWriter;
import dev.kconfig4j.symbol.Configuration;
import dev.kconfig4j.dialect.Dialect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code make localmodconfig} and {@code make localyesconfig} as the kernel does them: first what
 * its {@code scripts/kconfig/streamline_config.pl} writes, then {@code conf --oldconfig} on that
 * (run by the caller, see {@code LocalmodconfigCommand}; when the script changed nothing the
 * kernel does not run conf and the config stays as it was).
 *
 * <p>The script's rules, learnt by running it (6.12 and 7.3) on Debian's configs and generated
 * lsmod listings; it reads the tree through {@link ScriptKconfig} and {@link ScriptObjects}, not
 * through Kconfig's semantics:
 * <ol>
 *   <li>Each loaded module whose name is an object of some {@code obj-$(CONFIG_X)} line keeps
 *       every such {@code CONFIG_X}; other loaded modules keep nothing ("config not found").</li>
 *   <li>Until nothing changes: a kept symbol that is not {@code =y} in the config keeps every
 *       {@code =m} symbol named anywhere in its dependency text (operators do not matter; the
 *       script never turns anything on). Then each kept symbol without a (tristate) prompt that
 *       something selects is checked: when none of its selectors is {@code =y} or kept, the first
 *       {@code =m} selector in reading order is kept.</li>
 *   <li>The config is written line by line: an {@code =m} line of a symbol not kept becomes
 *       {@code # CONFIG_X is not set} (localyesconfig: kept {@code =m}/{@code =y} lines become
 *       {@code =y}); {@code # CONFIG_IKCONFIG is not set} becomes {@code CONFIG_IKCONFIG=m} and
 *       {@code # CONFIG_IKCONFIG_PROC is not set}, and every other line naming IKCONFIG is kept
 *       as it is; a {@code MODULE_SIG_KEY} or {@code SYSTEM_TRUSTED_KEYS} file that does not exist
 *       (relative to the working directory) is reset to the default; symbols defined in a
 *       Kconfig file under an {@code LMC_KEEP} path prefix are kept as they are.</li>
 * </ol>
 * The two script versions differ in how defaults feed dependencies ({@link ScriptKconfig}) and
 * in one warning; the tree's dialect picks the version (7.x and newer: the 7.3 script).
 *
 * <p>The order in which the script checks selectors is Perl's hash order, which changes from run
 * to run: when two promptless symbols share =m selectors, which selector is kept can depend on
 * it. Here the symbols are checked in the order their need was found, which is one of the
 * script's possible results.
 */
public final class LocalModConfig {
    private static final Pattern LSMOD_NAME = Pattern.compile("^(\\S+)", Pattern.UNIX_LINES);
    private static final Pattern ORIGINAL = Pattern.compile("(CONFIG_[A-Za-z_0-9]*)=(m|y)", Pattern.UNIX_LINES);
    private static final Pattern WORD = Pattern.compile("[A-Za-z_0-9]+", Pattern.UNIX_LINES);
    private static final Pattern SIG_KEY = Pattern.compile("CONFIG_MODULE_SIG_KEY=\"(.+)\"", Pattern.UNIX_LINES);
    private static final Pattern TRUSTED_KEYS = Pattern.compile("CONFIG_SYSTEM_TRUSTED_KEYS=\"(.+)\"", Pattern.UNIX_LINES);
    private static final Pattern SET = Pattern.compile("^(CONFIG.*)=(m|y)", Pattern.UNIX_LINES);
    private static final String DEFAULT_CERT = "certs/signing_key.pem";

    private LocalModConfig() {
    }

    /** localmodconfig, or localyesconfig (kept modules built in). */
    public enum Target { LOCALMODCONFIG, LOCALYESCONFIG }

    /**
     * What the script stage gives.
     *
     * @param config the config for {@code conf --oldconfig} (the script's output)
     * @param changed whether it differs from the input (else the kernel runs no conf step)
     * @param loaded the module names of the listing
     * @param unmapped loaded modules no Makefile line builds ("config not found")
     * @param kept the {@code CONFIG_} names kept, sorted
     * @param disabled the {@code =m} symbols turned off, sorted
     * @param warnings what the script prints on standard error, one message a line
     */
    public record Result(String config, boolean changed, List<String> loaded, List<String> unmapped, Set<String> kept,
            Set<String> disabled, List<String> warnings) {
    }

    /**
     * The module names of an {@code lsmod} listing, as the script takes them: the first word of
     * every line that does not start with white space or {@code Module}.
     *
     * @throws dev.kconfig4j.diagnostic.KconfigException for a line that is no lsmod line (file and line)
     */
    public static List<String> parseLsmod(String name, String text) {
        List<String> out = new ArrayList<>();
        String[] lines = text.split("\n");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.startsWith("Module")) {
                continue;
            }
            Matcher m = LSMOD_NAME.matcher(line);
            if (!m.find()) {
                continue;
            }
            if (!m.group(1).matches("[A-Za-z0-9_-]+")) {
                throw new dev.kconfig4j.diagnostic.KconfigException(name, i + 1, "not an lsmod line: " + line.strip());
            }
            out.add(m.group(1));
        }
        return out;
    }

    /**
     * Runs the script stage.
     *
     * @param workingDirectory where the key files named in the config are looked for
     * @param lmcKeep {@code LMC_KEEP}: colon-separated Kconfig path prefixes (regular expressions,
     *     as the script matches them) whose symbols stay as they are; null for none
     */
    public static Result run(Kconfig tree, String configText, List<String> loaded, Target target,
            Path workingDirectory, String lmcKeep) {
        return run(tree, scriptKconfig(tree), ScriptObjects.read(tree.options().srctree()), configText, loaded, target,
                workingDirectory, lmcKeep);
    }

    /** The tree's Kconfig files as its script version reads them. */
    static ScriptKconfig scriptKconfig(Kconfig tree) {
        Kconfig.Options options = tree.options();
        return ScriptKconfig.read(options.srctree(), options.file(), options.environment(), script73(tree));
    }

    /** Whether the tree's script is the 7.x one. */
    private static boolean script73(Kconfig tree) {
        return tree.dialect().atLeast(Dialect.V7_3);
    }

    /** {@link #run(Kconfig, String, List, Target, Path, String)} with the tree's files already read. */
    static Result run(Kconfig tree, ScriptKconfig kconfig, ScriptObjects objects, String configText, List<String> loaded,
            Target target, Path workingDirectory, String lmcKeep) {
        boolean script73 = script73(tree);
        List<String> warnings = new ArrayList<>();

        List<String> lines = splitLines(configText);
        Map<String, String> original = new LinkedHashMap<>();
        for (String line : lines) {
            Matcher m = ORIGINAL.matcher(line);
            if (m.find()) {
                original.put(m.group(1), m.group(2));
            }
        }

        Set<String> keep = new LinkedHashSet<>();
        List<String> unmapped = new ArrayList<>();
        for (String module : new LinkedHashSet<>(loaded)) {
            if (objects.knows(module)) {
                keep.addAll(objects.configs(module));
            } else {
                unmapped.add(module);
                warnings.add(module + " config not found" + (script73 ? "!" : "!!"));
            }
        }
        closeOver(kconfig, original, keep, script73, warnings);

        StringBuilder out = new StringBuilder();
        Set<String> disabled = new TreeSet<>();
        List<String> keepPaths = lmcKeep == null ? List.of() : List.of(lmcKeep.split(":"));
        for (String line : lines) {
            out.append(rewrite(line, kconfig, keep, original, target, workingDirectory, keepPaths, disabled, warnings));
        }
        String config = out.toString();
        Set<String> kept = new TreeSet<>();
        for (String k : keep) {
            if ("m".equals(original.get(k))) {
                kept.add(k);
            }
        }
        return new Result(config, !config.equals(configText), List.copyOf(loaded), List.copyOf(unmapped), kept,
                disabled, List.copyOf(warnings));
    }

    /**
     * The kernel's second step: {@code conf --oldconfig} on the script's config, with answers (for
     * symbols that turning modules off made visible) from {@code req}'s standard input and its
     * transcript on {@code req}'s standard output; the input config unchanged when the script
     * changed nothing (the kernel then runs no conf).
     *
     * @param input the config given to the script
     * @return the final config
     */
    public static String oldconfig(Kconfig tree, String input, Result script, ConfRequest req) {
        if (!script.changed()) {
            return input;
        }
        ConfigReader.Read read = ConfigReader.load(tree, ".config", script.config());
        read.diagnostics().forEach(d -> req.err().print(d.printed()));
        Configuration config = read.configuration();
        new Dialogue(tree, config, req, req.in()).run(Mode.OLDCONFIG);
        return new ConfigWriter(tree, config, "CONFIG_").dotConfig();
    }

    /** Step 2: what the kept symbols need, until nothing changes. */
    private static void closeOver(ScriptKconfig kconfig, Map<String, String> original, Set<String> keep,
            boolean script73, List<String> warnings) {
        Set<String> checkSelects = new LinkedHashSet<>();
        boolean again = true;
        while (again) {
            boolean grew = true;
            while (grew) {
                grew = false;
                for (String config : List.copyOf(keep)) {
                    String value = original.get(config);
                    if (value != null && !value.equals("m")) {
                        continue;
                    }
                    String name = config.startsWith("CONFIG_") ? config.substring(7) : config;
                    String depends = kconfig.depends().get(name);
                    if (depends != null) {
                        Matcher w = WORD.matcher(depends);
                        while (w.find()) {
                            String dep = "CONFIG_" + w.group();
                            if ("m".equals(original.get(dep)) && keep.add(dep)) {
                                grew = true;
                            }
                        }
                    }
                    if (!kconfig.prompted().contains(name) && kconfig.selectors().containsKey(name)) {
                        checkSelects.add(name);
                    }
                }
            }
            again = false;
            for (String name : checkSelects) {
                again |= keepOneSelector(kconfig, name, original, keep, script73, warnings);
            }
        }
    }

    /** A promptless symbol lives from its selectors: keep the first {@code =m} one unless one is already there. */
    private static boolean keepOneSelector(ScriptKconfig kconfig, String name, Map<String, String> original,
            Set<String> keep, boolean script73, List<String> warnings) {
        String candidate = null;
        for (String selector : kconfig.selectors().get(name)) {
            String conf = "CONFIG_" + selector;
            String value = original.get(conf);
            if (value == null) {
                continue;
            }
            if (!value.equals("m") || keep.contains(conf)) {
                return false;
            }
            if (candidate == null) {
                candidate = conf;
            }
        }
        if (candidate == null) {
            if (!(script73 && kconfig.withDefault().contains(name))) {
                warnings.add("WARNING: " + name + " is required, but nothing in the current config selects it.");
            }
            return false;
        }
        keep.add(candidate);
        return true;
    }

    /** Step 3 for one line of the config (with its line end). */
    private static String rewrite(String line, ScriptKconfig kconfig, Set<String> keep, Map<String, String> original,
            Target target, Path workingDirectory, List<String> keepPaths, Set<String> disabled, List<String> warnings) {
        if (line.contains("CONFIG_IKCONFIG")) {
            // The script makes sure the result can tell its own config (at least as a module).
            return line.contains("# CONFIG_IKCONFIG is not set") ? "CONFIG_IKCONFIG=m\n# CONFIG_IKCONFIG_PROC is not set\n"
                    : line;
        }
        Matcher m;
        if ((m = SIG_KEY.matcher(line)).find()) {
            String depends = kconfig.depends().get("MODULE_SIG_KEY");
            if (depends == null || !depends.contains("\"" + DEFAULT_CERT + "\"")) {
                warnings.add("WARNING: MODULE_SIG_KEY assertion failure, update needed to streamline_config.pl");
                return line;
            }
            if (!m.group(1).equals(DEFAULT_CERT) && !Files.isRegularFile(workingDirectory.resolve(m.group(1)))) {
                warnings.add("Module signature verification enabled but module signing key \"" + m.group(1)
                        + "\" not found. Resetting signing key to default value.");
                return "CONFIG_MODULE_SIG_KEY=\"" + DEFAULT_CERT + "\"\n";
            }
            return line;
        }
        if ((m = TRUSTED_KEYS.matcher(line)).find()) {
            if (!Files.isRegularFile(workingDirectory.resolve(m.group(1)))) {
                warnings.add("System keyring enabled but keys \"" + m.group(1)
                        + "\" not found. Resetting keys to default value.");
                return "CONFIG_SYSTEM_TRUSTED_KEYS=\"\"\n";
            }
            return line;
        }
        if ((m = SET.matcher(line)).find()) {
            String name = m.group(1);
            if (preserved(kconfig.kconfigFile().get(name), keepPaths)) {
                return line;
            }
            if (keep.contains(name)) {
                return target == Target.LOCALYESCONFIG ? name + "=y\n" : line;
            }
            if (m.group(2).equals("m")) {
                disabled.add(name);
                return "# " + name + " is not set\n";
            }
        }
        return line;
    }

    /** LMC_KEEP: the symbol's Kconfig file starts with one of the prefixes (regular expressions). */
    private static boolean preserved(String kconfigFile, List<String> keepPaths) {
        if (kconfigFile == null) {
            return false;
        }
        for (String p : keepPaths) {
            try {
                if (Pattern.compile("^" + p).matcher(kconfigFile).find()) {
                    return true;
                }
            } catch (java.util.regex.PatternSyntaxException e) {
                throw new dev.kconfig4j.diagnostic.KconfigException("LMC_KEEP: not a path prefix: " + p);
            }
        }
        return false;
    }

    /** The lines of a text, each with its {@code \n} (the last one may have none). */
    private static List<String> splitLines(String text) {
        List<String> out = new ArrayList<>();
        int start = 0;
        while (start < text.length()) {
            int nl = text.indexOf('\n', start);
            int end = nl < 0 ? text.length() : nl + 1;
            out.add(text.substring(start, end));
            start = end;
        }
        return out;
    }
}
