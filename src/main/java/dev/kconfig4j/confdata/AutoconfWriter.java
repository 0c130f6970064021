package dev.kconfig4j.confdata;

import dev.kconfig4j.Kconfig;
import dev.kconfig4j.dialect.Dialect;
import dev.kconfig4j.expr.Tristate;
import dev.kconfig4j.expr.Type;
import dev.kconfig4j.symbol.Configuration;
import dev.kconfig4j.symbol.Symbol;
import dev.kconfig4j.symbol.SymbolHashOrder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The build's view of a configuration: {@code include/config/auto.conf}, {@code autoconf.h},
 * {@code rustc_cfg}, {@code auto.conf.cmd} and the per-symbol dependency files, as the kernel's
 * tool writes them (formats learnt from the kernel's tool, version by version).
 *
 * <ul>
 * <li>auto.conf, autoconf.h and rustc_cfg list the symbols that {@code .config} lists, minus the
 * bool/tristate ones that are n, in the kernel's symbol-table order ({@link SymbolHashOrder}).
 * <li>auto.conf.cmd is a makefile fragment naming the Kconfig files read and the environment
 * variables the macros used, so that make reruns syncconfig when they change.
 * <li>In the directory of auto.conf, an empty file per symbol whose value differs from the one
 * in the previous auto.conf ({@code FOO_BAR}; 5.10: {@code foo/bar.h}) is (re)written, so that
 * make rebuilds exactly what depends on the changed symbols.
 * </ul>
 */
public final class AutoconfWriter {
    private AutoconfWriter() {
    }

    /** The files' names, from the environment as the kernel takes them. */
    record Names(String autoconf, String header, String rustcCfg) {
        static Names of(BuildDirectory req) {
            return new Names(env(req, "KCONFIG_AUTOCONFIG", "include/config/auto.conf"),
                    env(req, "KCONFIG_AUTOHEADER", "include/generated/autoconf.h"),
                    env(req, "KCONFIG_RUSTCCFG", "include/generated/rustc_cfg"));
        }

        private static String env(BuildDirectory req, String name, String fallback) {
            String v = req.env(name);
            return v == null ? fallback : v;
        }
    }

    /**
     * Writes the files when {@code overwrite} (syncconfig) or when auto.conf does not exist yet.
     */
    public static void write(Kconfig tree, Configuration config, BuildDirectory req, boolean overwrite) throws IOException {
        Names names = Names.of(req);
        Path autoconf = req.resolve(names.autoconf());
        if (!overwrite && Files.exists(autoconf)) {
            return;
        }
        String prefix = req.env("CONFIG_") != null ? req.env("CONFIG_") : "CONFIG_";
        Dialect dialect = tree.dialect();
        List<Symbol> order = SymbolHashOrder.order(tree.symbols(), dialect);

        String cmdName = dialect.autoconfCmdStyle() == Dialect.AutoconfCmdStyle.LEGACY ? "include/config/auto.conf.cmd"
                : names.autoconf() + ".cmd";
        AtomicFile.write(req.resolve(cmdName), autoconfCmd(tree, dialect, names.autoconf()));

        touchChanged(tree, config, req, names.autoconf(), prefix, order);

        Renderer r = new Renderer(config, prefix, dialect);
        StringBuilder conf = new StringBuilder(1 << 16);
        StringBuilder header = new StringBuilder(1 << 16);
        StringBuilder rustc = new StringBuilder(1 << 16);
        conf.append(ConfigWriter.heading("#", "#", "#", tree.mainMenu()));
        if (dialect.autoconfHeaderHasBlankLines()) {
            header.append("/*\n *\n * Automatically generated file; DO NOT EDIT.\n * ").append(tree.mainMenu())
                    .append("\n *\n */\n");
        } else {
            header.append(ConfigWriter.heading("/*", " *", " */", tree.mainMenu()));
        }
        for (Symbol s : order) {
            if (!config.isWritten(s)) {
                continue;
            }
            if (s.type().isTristateLike() && config.tristate(s) == Tristate.NO) {
                continue;
            }
            r.autoConf(s, conf);
            r.header(s, header);
            r.rustc(s, rustc);
        }
        AtomicFile.write(req.resolve(names.header()), header.toString());
        if (dialect.writesRustcCfg()) {
            AtomicFile.write(req.resolve(names.rustcCfg()), rustc.toString());
        }
        AtomicFile.write(autoconf, conf.toString());
    }

    /** One symbol's lines in each of the three formats. */
    private record Renderer(Configuration config, String prefix, Dialect dialect) {
        void autoConf(Symbol s, StringBuilder out) {
            out.append(prefix).append(s.name()).append('=');
            String v = config.string(s);
            if (s.type() == Type.STRING && dialect.autoconfQuotesStrings()) {
                out.append('"').append(ConfigWriter.escape(v)).append('"');
            } else {
                out.append(v);
            }
            out.append('\n');
        }

        void header(Symbol s, StringBuilder out) {
            out.append("#define ").append(prefix).append(s.name());
            switch (s.type()) {
                case BOOL, TRISTATE -> out.append(config.tristate(s) == Tristate.MOD ? "_MODULE 1\n" : " 1\n");
                case STRING -> out.append(" \"").append(ConfigWriter.escape(config.string(s))).append("\"\n");
                case HEX -> out.append(' ').append(hex(config.string(s))).append('\n');
                default -> out.append(' ').append(config.string(s)).append('\n');
            }
        }

        void rustc(Symbol s, StringBuilder out) {
            String name = prefix + s.name();
            switch (s.type()) {
                case BOOL, TRISTATE -> out.append("--cfg=").append(name).append('\n').append("--cfg=").append(name)
                        .append("=\"").append(config.tristate(s).text()).append("\"\n");
                case STRING -> out.append("--cfg=").append(name).append("=\"")
                        .append(ConfigWriter.escape(config.string(s))).append("\"\n");
                case HEX -> out.append("--cfg=").append(name).append("=\"").append(hex(config.string(s))).append("\"\n");
                default -> out.append("--cfg=").append(name).append("=\"").append(config.string(s)).append("\"\n");
            }
        }

        /** Hex values get a {@code 0x} prefix unless they have one ({@code 0x} or {@code 0X}). */
        private static String hex(String v) {
            return v.startsWith("0x") || v.startsWith("0X") ? v : "0x" + v;
        }
    }

    // ---------------------------------------------------------------- auto.conf.cmd

    /** The makefile fragment: the target depends on every file read and on the environment. */
    static String autoconfCmd(Kconfig tree, Dialect dialect, String autoconfName) {
        List<String> files = tree.filesRead();
        Map<String, String> env = tree.usedEnvironment();
        StringBuilder out = new StringBuilder(1 << 15);
        Dialect.AutoconfCmdStyle style = dialect.autoconfCmdStyle();
        if (style == Dialect.AutoconfCmdStyle.AUTOCONFIG_VARIABLE) {
            out.append("autoconfig := ").append(autoconfName).append("\n\ndeps_config := \\\n");
            for (String f : files) {
                out.append('\t').append(f).append(" \\\n");
            }
            out.append("\n$(autoconfig): $(deps_config)\n$(deps_config): ;\n");
            env.forEach((k, v) -> out.append("\nifneq \"$(").append(k).append(")\" \"").append(v)
                    .append("\"\n$(autoconfig): FORCE\nendif\n"));
            return out.toString();
        }
        // Up to 6.1 the files come newest first.
        List<String> reversed = new ArrayList<>(files);
        java.util.Collections.reverse(reversed);
        out.append("deps_config := \\\n");
        for (int i = 0; i < reversed.size(); i++) {
            boolean last = i == reversed.size() - 1;
            out.append('\t').append(reversed.get(i))
                    .append(style == Dialect.AutoconfCmdStyle.LEGACY && last ? "\n" : " \\\n");
        }
        if (style == Dialect.AutoconfCmdStyle.LEGACY) {
            out.append('\n').append(autoconfName).append(": \\\n\t$(deps_config)\n\n");
        } else {
            out.append('\n').append(autoconfName).append(": $(deps_config)\n\n");
        }
        env.forEach((k, v) -> out.append("ifneq \"$(").append(k).append(")\" \"").append(v).append("\"\n")
                .append(autoconfName).append(": FORCE\nendif\n"));
        out.append("\n$(deps_config): ;\n");
        return out.toString();
    }

    // ---------------------------------------------------------------- dependency files

    /**
     * Rewrites (empty) the dependency file of every symbol whose value differs from the previous
     * auto.conf: a written symbol whose value is not the one recorded (a bool/tristate counts as
     * recorded n when absent), or a symbol no longer written that the previous file mentioned.
     */
    private static void touchChanged(Kconfig tree, Configuration config, BuildDirectory req, String autoconfName,
            String prefix, List<Symbol> order) throws IOException {
        PreviousAutoconf previous = PreviousAutoconf.read(tree, req, autoconfName, prefix);
        Path dir = req.resolve(autoconfName).toAbsolutePath().getParent();
        boolean v510 = tree.dialect().dependencyFilesAsHeaderPaths();
        Set<String> seen = new java.util.HashSet<>();
        List<String> touched = new java.util.ArrayList<>();
        for (Symbol s : order) {
            if (s.isChoice()) {
                continue;
            }
            seen.add(s.name());
            PreviousAutoconf.Value old = previous.get(s.name());
            boolean changed;
            if (config.isWritten(s)) {
                if (s.type().isTristateLike()) {
                    Tristate was = old == null ? Tristate.NO : old.tristate();
                    changed = config.tristate(s) != was;
                } else {
                    changed = old == null || !config.string(s).equals(old.text());
                }
            } else {
                changed = old != null;
            }
            if (changed) {
                touched.add(s.name());
            }
        }
        for (String name : previous.names()) {
            if (!seen.contains(name)) {
                touched.add(name);
            }
        }
        touchAll(dir, touched, v510);
    }

    /**
     * Creates (empty) the dependency files; a first run touches thousands, so each costs one
     * create-or-truncate and one close, with every directory made once.
     */
    private static void touchAll(Path dir, List<String> symbols, boolean v510) throws IOException {
        Set<Path> dirs = new java.util.HashSet<>();
        List<Path> files = new java.util.ArrayList<>(symbols.size());
        for (String s : symbols) {
            Path p = dir.resolve(dependencyFileName(s, v510));
            if (dirs.add(p.getParent())) {
                Files.createDirectories(p.getParent());
            }
            files.add(p);
        }
        for (Path p : files) {
            // An empty file: nothing partial to see, so a plain create-or-truncate is atomic enough.
            new java.io.FileOutputStream(p.toFile()).close();
        }
    }

    /** The dependency file of a symbol: {@code FOO_BAR}; up to 5.10 {@code foo/bar.h}. */
    static String dependencyFileName(String symbol, boolean v510) {
        if (!v510) {
            return symbol;
        }
        return symbol.toLowerCase(Locale.ROOT).replace('_', '/') + ".h";
    }

}
