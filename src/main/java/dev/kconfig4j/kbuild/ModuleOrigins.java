package dev.kconfig4j.kbuild;

import dev.kconfig4j.expr.Expr;
import dev.kconfig4j.expr.Tristate;
import dev.kconfig4j.expr.Type;
import dev.kconfig4j.parse.Location;
import dev.kconfig4j.symbol.Configuration;
import dev.kconfig4j.symbol.Property;
import dev.kconfig4j.symbol.Symbol;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Which modules each {@code =m} symbol of a config produces, and how. A symbol's modules are
 * either its own, named by the Makefiles, or derived through Kconfig:
 *
 * <ul>
 * <li>{@link Kind#BUILT_BY}: the module's own listing or one of its parts' listings depends on
 *     the symbol ({@link KbuildMap.Module#symbols}; {@code obj-$(CONFIG_EXT4_FS) += ext4.o}).</li>
 * <li>{@link Kind#DIRECTORY}: a directory above the module is listed under the symbol
 *     ({@link KbuildMap.Module#directorySymbols}; {@code obj-$(CONFIG_MEDIA_SUPPORT) += media/}).</li>
 * <li>{@link Kind#MERGED_INTO}: an object whose listing needs the symbol (it is false with the
 *     symbol at {@code n}) is not built there but, under the same path, as part of another module
 *     of this config. drivers/net/phy lists {@code mdio-bus.o} (parts {@code mdio_bus.o
 *     mdio_device.o}) under MDIO_DEVICE only when PHYLIB is unset; with PHYLIB the same parts go
 *     into {@code libphy.ko}.</li>
 * <li>{@link Kind#SELECTED}: a module the symbol needs through {@code select}: a chain of
 *     selects, each active in the config (the selector at {@code m}, the select's complete
 *     condition not {@code n}) and each target at {@code m}, ends at a symbol with a
 *     {@code BUILT_BY} or {@code MERGED_INTO} module. A select from an {@code m} symbol is a lower
 *     bound of {@code m}: the target is a module because of it (crypto/Kconfig: CRYPTO_NULL
 *     selects CRYPTO_NULL2, whose {@code obj-$(CONFIG_CRYPTO_NULL2) += crypto_null.o} builds
 *     crypto_null.ko). A target at {@code y} ends the chain: its code is built in, not because of
 *     an {@code m} select (CRYPTO_AEAD=m selects CRYPTO_AEAD2, but with CRYPTO_AEAD2=y aead.o is
 *     in vmlinux and CRYPTO_AEAD produces no module). A select of a symbol that only gates a
 *     directory ({@code DIRECTORY}) does not count: it builds none of the modules below.</li>
 * </ul>
 *
 * Only modules the config builds ({@link KbuildMap.Build#modules}) count. For each symbol and
 * module the first origin in the order above is kept, and among selects the shortest chain.
 */
public final class ModuleOrigins {
    /** How a symbol comes to a module. */
    public enum Kind {
        /** A Makefile lists the module (or a part of it) under the symbol. */
        BUILT_BY,
        /** A Makefile lists a directory above the module under the symbol. */
        DIRECTORY,
        /** An object the symbol lists is built, under the same path, into another module. */
        MERGED_INTO,
        /** The symbol selects, directly or through other selects, a symbol with a module. */
        SELECTED;

        /** Whether a Makefile names the symbol for this module (the module is the symbol's own). */
        public boolean own() {
            return this == BUILT_BY || this == DIRECTORY;
        }
    }

    /** One active select: {@code selector} selects {@code target} at {@code location} (Kconfig file:line). */
    public record Step(String selector, String target, Location location) {
        /** {@code CRYPTO_NULL -> CRYPTO_NULL2 (crypto/Kconfig:189)}. */
        public String describe() {
            return selector + " -> " + target + " (" + location + ")";
        }
    }

    /**
     * One module a symbol produces.
     *
     * @param symbol the {@code =m} symbol
     * @param module the module's file name ({@code aead}, {@code snd-hda-intel})
     * @param kind how
     * @param builder the symbol the Makefile names: {@code symbol} itself, or the end of the
     *     select chain
     * @param location the Makefile rule, file:line, that names {@code builder}: the module's (or
     *     part's) listing, for {@link Kind#DIRECTORY} the directory's listing, for
     *     {@link Kind#MERGED_INTO} the listing of the object (or of the composite it is part of)
     *     that is not built
     * @param object for {@link Kind#MERGED_INTO} (also at the end of a select chain) the object,
     *     listed under {@code builder}, that {@code module} holds; else null
     * @param chain the selects from {@code symbol} to {@code builder}; empty unless SELECTED
     */
    public record Origin(String symbol, String module, Kind kind, String builder, String location, String object,
            List<Step> chain) {
        /** The name lsmod shows. */
        public String kernelName() {
            return KbuildMap.Module.kernelName(module);
        }

        /**
         * One line: {@code CRYPTO_NULL: crypto_null via select CRYPTO_NULL -> CRYPTO_NULL2 (crypto/Kconfig:189),
         * built by CRYPTO_NULL2 (crypto/Makefile:71)}.
         */
        public String describe() {
            StringBuilder sb = new StringBuilder(symbol).append(": ").append(kernelName()).append(' ');
            switch (kind) {
                case BUILT_BY -> sb.append("built by it");
                case DIRECTORY -> sb.append("below a directory it gates");
                case MERGED_INTO -> sb.append("holds ").append(object).append(", which it lists");
                case SELECTED -> {
                    sb.append("via select ");
                    List<String> steps = new ArrayList<>();
                    chain.forEach(s -> steps.add(s.describe()));
                    sb.append(String.join(", ", steps)).append(object == null ? ", built by " : ", holding ")
                            .append(object == null ? builder : object + " listed by " + builder);
                }
            }
            return sb.append(" (").append(location).append(')').toString();
        }
    }

    private final Map<String, List<Origin>> bySymbol;

    private ModuleOrigins(Map<String, List<Origin>> bySymbol) {
        this.bySymbol = bySymbol;
    }

    /**
     * The origins of the modules of every {@code =m} tristate symbol of {@code config}.
     *
     * @param build what {@code map} builds for {@code config} ({@code map.evaluate(Values.of(config))})
     */
    public static ModuleOrigins of(KbuildMap map, KbuildMap.Build build, Configuration config) {
        Values values = Values.of(config);
        Map<String, Map<String, Origin>> own = new HashMap<>();
        // The listing of each built module that depends on a symbol: where the Makefile names it.
        Map<String, String> listing = new HashMap<>();
        Map<String, List<KbuildMap.BuiltObject>> byPath = new HashMap<>();
        Map<String, KbuildMap.BuiltObject> composites = new HashMap<>();
        for (KbuildMap.BuiltObject o : map.objects()) {
            if (o.part() == KbuildMap.Part.LIBRARY) {
                continue;
            }
            byPath.computeIfAbsent(o.path(), k -> new ArrayList<>()).add(o);
            if (o.part() == KbuildMap.Part.OBJECT) {
                composites.putIfAbsent(o.directory() + " " + o.module(), o);
            }
            if (o.modular().holds(values) && build.modules().containsKey(o.module())) {
                for (String s : o.listedModular().symbols()) {
                    listing.putIfAbsent(s + " " + o.module(), o.where());
                }
            }
        }
        for (KbuildMap.Module m : build.modules().values()) {
            String rule = m.rule() == null ? m.path() : m.rule().location().toString();
            for (String s : m.symbols()) {
                add(own, new Origin(s, m.name(), Kind.BUILT_BY, s, listing.getOrDefault(s + " " + m.name(), rule), null,
                        List.of()));
            }
            for (String s : m.directorySymbols()) {
                add(own, new Origin(s, m.name(), Kind.DIRECTORY, s, directoryListing(map, m, s), null, List.of()));
            }
        }
        // Objects listed under a symbol but built, under the same path, into a module of another listing.
        for (KbuildMap.BuiltObject o : map.objects()) {
            if (o.part() == KbuildMap.Part.LIBRARY || o.modular().holds(values) || o.builtin().holds(values)) {
                continue;
            }
            for (KbuildMap.BuiltObject other : byPath.getOrDefault(o.path(), List.of())) {
                if (other == o || !other.modular().holds(values) || !build.modules().containsKey(other.module())) {
                    continue;
                }
                // For a part, the composite's obj- line names the symbol; the part's line only names the part.
                KbuildMap.BuiltObject listed = o.part() == KbuildMap.Part.COMPOSITE_PART
                        ? composites.getOrDefault(o.directory() + " " + o.module(), o) : o;
                String where = listed.where();
                for (String s : o.listedModular().symbols()) {
                    // Only a symbol the listing needs (obj-$(CONFIG_X)), not one it excludes (ifndef CONFIG_Y).
                    if (values.apply(s) == Tristate.MOD && o.listedModular().restrict(s, Tristate.NO).isFalse()) {
                        add(own, new Origin(s, other.module(), Kind.MERGED_INTO, s, where, o.path(), List.of()));
                    }
                }
            }
        }

        Map<String, List<Origin>> out = new TreeMap<>();
        for (Symbol s : config.symbols().all()) {
            if (s.isConstant() || s.type() != Type.TRISTATE || config.tristate(s) != Tristate.MOD) {
                continue;
            }
            Map<String, Origin> mine = new LinkedHashMap<>(own.getOrDefault(s.name(), Map.of()));
            selected(s, config, own, mine);
            List<Origin> list = new ArrayList<>(mine.values());
            list.sort((a, b) -> a.kind() != b.kind() ? a.kind().compareTo(b.kind()) : a.module().compareTo(b.module()));
            out.put(s.name(), List.copyOf(list));
        }
        return new ModuleOrigins(Collections.unmodifiableMap(out));
    }

    private static void add(Map<String, Map<String, Origin>> own, Origin o) {
        own.computeIfAbsent(o.symbol(), k -> new LinkedHashMap<>()).merge(o.module(), o,
                (a, b) -> a.kind().compareTo(b.kind()) <= 0 ? a : b);
    }

    private static String directoryListing(KbuildMap map, KbuildMap.Module m, String symbol) {
        for (KbuildMap.Directory d : map.directories()) {
            if (!d.path().equals(".") && (m.path().startsWith(d.path() + "/"))) {
                for (KbuildMap.Reach r : d.reachedVia()) {
                    if (r.when().mentions(symbol)) {
                        return String.valueOf(r.listing());
                    }
                }
            }
        }
        return m.path();
    }

    /** Breadth first along active selects to m targets: the shortest chain to each module. */
    private static void selected(Symbol start, Configuration config, Map<String, Map<String, Origin>> own,
            Map<String, Origin> mine) {
        Map<Symbol, List<Step>> chains = new LinkedHashMap<>();
        chains.put(start, List.of());
        Deque<Symbol> queue = new ArrayDeque<>(List.of(start));
        while (!queue.isEmpty()) {
            Symbol from = queue.poll();
            for (Property.Select sel : from.selects()) {
                Symbol to = sel.target();
                if (chains.containsKey(to) || to.type() != Type.TRISTATE || config.tristate(to) != Tristate.MOD
                        || config.eval(Expr.and(new Expr.Sym(from.ref()), sel.condition())) == Tristate.NO) {
                    continue;
                }
                List<Step> chain = new ArrayList<>(chains.get(from));
                chain.add(new Step(from.name(), to.name(), sel.location()));
                chains.put(to, List.copyOf(chain));
                queue.add(to);
                for (Origin o : own.getOrDefault(to.name(), Map.of()).values()) {
                    if (o.kind() != Kind.DIRECTORY && !mine.containsKey(o.module())) {
                        mine.put(o.module(), new Origin(start.name(), o.module(), Kind.SELECTED, to.name(),
                                o.location(), o.object(), chains.get(to)));
                    }
                }
            }
        }
    }

    /** Every {@code =m} tristate symbol of the config, by name. */
    public Set<String> symbols() {
        return bySymbol.keySet();
    }

    /** The modules {@code symbol} produces, own ones first; empty for a symbol not at {@code m}. */
    public List<Origin> of(String symbol) {
        return bySymbol.getOrDefault(symbol, List.of());
    }

    /** Whether a Makefile names {@code symbol} for one of the config's modules (BUILT_BY or DIRECTORY). */
    public boolean hasOwnModule(String symbol) {
        return of(symbol).stream().anyMatch(o -> o.kind().own());
    }

    /** The {@code =m} symbols with no own module but modules derived through merged code or selects. */
    public Map<String, List<Origin>> derivedOnly() {
        Map<String, List<Origin>> out = new TreeMap<>();
        bySymbol.forEach((s, list) -> {
            if (!list.isEmpty() && !hasOwnModule(s)) {
                out.put(s, list);
            }
        });
        return Collections.unmodifiableMap(out);
    }

    /** The {@code =m} symbols that produce no module at all, by name. */
    public Set<String> unmapped() {
        Set<String> out = new TreeSet<>();
        bySymbol.forEach((s, list) -> {
            if (list.isEmpty()) {
                out.add(s);
            }
        });
        return Collections.unmodifiableSet(out);
    }
}
