package dev.kconfig4j.upgrade;

import dev.kconfig4j.Kconfig;
import dev.kconfig4j.symbol.Property;
import dev.kconfig4j.symbol.Symbol;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which symbols of a tree the toolchain decides: a config file cannot set them, the compiler,
 * assembler and linker the build runs with do.
 *
 * <p>After preprocessing, {@code def_bool $(cc-option,-fzero-init-padding-bits=all)} is a plain
 * {@code def_bool y}: the value keeps no trace of the probe. So the rule reads the Kconfig line
 * each default was written on: a symbol without a prompt is derived from the toolchain when one
 * of its defaults is written with a macro ({@code $(cc-option,...)}, {@code $(success,...)},
 * {@code $(CC_VERSION_TEXT)}...), or when its defaults or dependencies name a symbol that is
 * (GCC_ASM_GOTO_OUTPUT_BROKEN on GCC_VERSION). References to the architecture variables
 * ({@code $(ARCH)}, {@code $(SRCARCH)}...) are not probes.
 */
final class Toolchain {
    /** Macro references a Kconfig line may make without asking the toolchain anything. */
    private static final Set<String> NOT_PROBES = Set.of("ARCH", "SRCARCH", "SUBARCH", "HEADER_ARCH", "srctree",
            "KERNELVERSION");
    private static final Pattern MACRO = Pattern.compile("\\$\\(([A-Za-z0-9_-]+)");

    private final Kconfig tree;
    private final Map<String, Boolean> derived = new HashMap<>();
    private final Map<String, List<String>> files = new HashMap<>();

    Toolchain(Kconfig tree) {
        this.tree = tree;
    }

    /** Whether the toolchain decides {@code name}'s value in this tree (false for unknown symbols). */
    boolean decides(String name) {
        Boolean known = derived.get(name);
        if (known != null) {
            return known;
        }
        derived.put(name, false); // a dependency cycle decides nothing
        Symbol s = tree.symbols().find(name);
        boolean result = s != null && s.isDefined() && s.prompts().isEmpty() && (probedDefault(s) || dependsOnDerived(s));
        derived.put(name, result);
        return result;
    }

    /** Whether every one of {@code names} is decided by the toolchain (false for none). */
    boolean decidesAll(List<String> names) {
        return !names.isEmpty() && names.stream().allMatch(this::decides);
    }

    private boolean probedDefault(Symbol s) {
        for (Property.Default d : s.defaults()) {
            if (d.location() != null && callsProbe(line(d.location().file(), d.location().line()))) {
                return true;
            }
        }
        return false;
    }

    private boolean dependsOnDerived(Symbol s) {
        List<dev.kconfig4j.expr.Expr> exprs = new ArrayList<>();
        for (Property.Default d : s.defaults()) {
            exprs.add(d.value());
            if (d.condition() != null) {
                exprs.add(d.condition());
            }
        }
        if (s.directDependency() != null) {
            exprs.add(s.directDependency());
        }
        for (dev.kconfig4j.expr.Expr e : exprs) {
            for (Symbol x : tree.symbols().symbolsOf(e)) {
                if (!x.isConstant() && x.name() != null && x.isDefined() && !x.name().equals(s.name())
                        && decides(x.name())) {
                    return true;
                }
            }
        }
        return false;
    }

    static boolean callsProbe(String line) {
        Matcher m = MACRO.matcher(line);
        while (m.find()) {
            if (!NOT_PROBES.contains(m.group(1))) {
                return true;
            }
        }
        return false;
    }

    /** Line {@code n} (1-based) of a Kconfig file of the tree, or "" when it cannot be read. */
    private String line(String file, int n) {
        List<String> lines = files.computeIfAbsent(file, f -> {
            Path p = Path.of(f);
            if (!p.isAbsolute()) {
                p = tree.options().srctree().resolve(p);
            }
            try {
                return Files.readAllLines(p, StandardCharsets.ISO_8859_1);
            } catch (IOException | RuntimeException e) {
                return List.of();
            }
        });
        return n >= 1 && n <= lines.size() ? lines.get(n - 1) : "";
    }
}
