package dev.kconfig4j.kbuild;

import dev.kconfig4j.expr.Tristate;
import dev.kconfig4j.parse.Location;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What a kernel tree builds, for every config at once: each directory and object with the
 * conditions under which it is built into vmlinux or into a module, the Makefile rules that say
 * so, and the queries the tools need: which objects a symbol controls
 * ({@link #controlledBy}), which constructs turn a symbol's {@code m} into built-in code
 * ({@link #forcedBuiltin}) or its {@code y} into a module ({@link #forcedModule}), what a config
 * builds ({@link #evaluate}) and what a change of one symbol moves into or out of the kernel image
 * ({@link #imageChange}). Made by {@link KbuildTree#walk}; immutable.
 */
public final class KbuildMap {
    private final Path srctree;
    private final String arch;
    private final List<Directory> directories;
    private final List<BuiltObject> objects;
    private final List<ObjectRule> rules;
    private final List<Note> notes;
    private final Map<String, Module> modules;

    /** A directory the build visits. */
    public record Directory(String path, String file, Condition builtin, Condition modules, Condition visited,
            List<Reach> reachedVia) {
        /** Whether its {@code obj-y} objects are linked into vmlinux (need-builtin). */
        public boolean builtinUnder(Values v) {
            return builtin.holds(v);
        }
    }

    /**
     * How a directory is reached: the parent's listing of it (origin of the word, the rule, the
     * condition of the word) and whether the listing is {@code obj-y} (else {@code obj-m} or
     * {@code subdir-}).
     */
    public record Reach(String parent, Location listing, ObjectRule rule, Condition when, String list) {
    }

    /** Which part of the build an object is. */
    public enum Part {
        /** An object in {@code obj-y}/{@code obj-m}: built in, or a module of its own name. */
        OBJECT,
        /** A part of a composite object: built in with it, or in its module. */
        COMPOSITE_PART,
        /** A {@code lib-y}/{@code lib-m} object of a vmlinux library directory (lib.a). */
        LIBRARY
    }

    /**
     * An object file and when it is built.
     *
     * @param path srctree-relative path of the object, e.g. {@code drivers/hv/hv_common.o}
     * @param directory the directory whose Makefile lists it
     * @param module the module file name it is (or is part of) when modular, e.g.
     *     {@code snd-hda-intel}; null for library objects
     * @param builtin when it is linked into vmlinux (all directory conditions included)
     * @param modular when it is (part of) a module that reaches modules.order
     * @param listedBuiltin when its own listing puts it in {@code obj-y} (or the composite's built-in parts)
     * @param listedModular when its own listing puts it in {@code obj-m} (or the composite's module parts)
     * @param rule the rule that lists it (null if unknown)
     */
    public record BuiltObject(String path, String directory, Part part, String module, Condition builtin,
            Condition modular, Condition listedBuiltin, Condition listedModular, ObjectRule rule) {
        /** {@code file:line} of the listing, or the directory. */
        public String where() {
            return rule != null ? rule.location().toString() : directory;
        }
    }

    /**
     * A module the tree can build.
     *
     * @param name the module's file name without {@code .ko} ({@code snd-hda-intel})
     * @param path srctree-relative path of the .ko
     * @param symbols the symbols its own listing and its parts' listings depend on
     * @param directorySymbols the symbols the directories above it depend on
     * @param rule the {@code obj-} rule that lists it
     */
    public record Module(String name, String path, Set<String> symbols, Set<String> directorySymbols,
            ObjectRule rule) {
        /** The name lsmod and modprobe use: {@code -} becomes {@code _}. */
        public String kernelName() {
            return kernelName(name);
        }

        /** {@code snd-hda-intel} -> {@code snd_hda_intel}. */
        public static String kernelName(String name) {
            return name.replace('-', '_');
        }
    }

    KbuildMap(Path srctree, String arch, Map<String, KbuildTree.DirectoryFile> files, List<ObjectRule> topRules,
            List<Word> libDirs, List<Note> notes) {
        this.srctree = srctree;
        this.arch = arch;
        this.notes = List.copyOf(new LinkedHashSet<>(notes));
        Map<Location, ObjectRule> byLocation = new HashMap<>();
        List<ObjectRule> allRules = new ArrayList<>(topRules);
        for (KbuildTree.DirectoryFile f : files.values()) {
            allRules.addAll(f.rules());
        }
        for (ObjectRule r : allRules) {
            byLocation.putIfAbsent(r.location(), r);
        }
        // Words also come through helper lists (sfp-obj-$(CONFIG_SFP) += sfp-bus.o): name those too.
        for (KbuildTree.DirectoryFile f : files.values()) {
            for (ObjectRule r : f.allRules()) {
                byLocation.putIfAbsent(r.location(), r);
            }
        }
        this.rules = List.copyOf(allRules);

        // Directory conditions, propagated from the top until nothing changes.
        Map<String, List<Reach>> reach = new LinkedHashMap<>();
        for (KbuildTree.DirectoryFile f : files.values()) {
            addReach(reach, f, f.objY(), "obj-y", byLocation);
            addReach(reach, f, f.objM(), "obj-m", byLocation);
            addReach(reach, f, f.subdirs(), "subdir", byLocation);
        }
        Map<String, Condition[]> cond = new LinkedHashMap<>();
        for (String d : files.keySet()) {
            cond.put(d, d.equals(".") ? new Condition[] {Condition.TRUE, Condition.TRUE, Condition.TRUE}
                    : new Condition[] {Condition.FALSE, Condition.FALSE, Condition.FALSE});
        }
        for (int pass = 0; pass < 8; pass++) {
            boolean changed = false;
            for (String d : files.keySet()) {
                if (d.equals(".")) {
                    continue;
                }
                Condition nb = Condition.FALSE;
                Condition nm = Condition.FALSE;
                Condition vis = Condition.FALSE;
                for (Reach r : reach.getOrDefault(d, List.of())) {
                    Condition[] p = cond.get(r.parent());
                    if (r.list().equals("obj-y")) {
                        nb = nb.or(p[0].and(r.when()));
                    }
                    if (!r.list().equals("subdir")) {
                        nm = nm.or(p[1].and(r.when()));
                    }
                    vis = vis.or(p[2].and(r.when()));
                }
                Condition[] old = cond.get(d);
                if (!nb.equals(old[0]) || !nm.equals(old[1]) || !vis.equals(old[2])) {
                    cond.put(d, new Condition[] {nb, nm, vis});
                    changed = true;
                }
            }
            if (!changed) {
                break;
            }
        }
        List<Directory> dirs = new ArrayList<>();
        for (KbuildTree.DirectoryFile f : files.values()) {
            Condition[] c = cond.get(f.path());
            dirs.add(new Directory(f.path(), f.file(), c[0], c[1], c[2], List.copyOf(reach.getOrDefault(f.path(), List.of()))));
        }
        this.directories = List.copyOf(dirs);

        Map<String, Condition> libDirCondition = new HashMap<>();
        for (Word w : libDirs) {
            libDirCondition.merge(KbuildTree.child(".", w.text()), w.when(), Condition::or);
        }
        List<BuiltObject> objs = new ArrayList<>();
        Map<String, Module> mods = new TreeMap<>();
        for (KbuildTree.DirectoryFile f : files.values()) {
            Condition[] c = cond.get(f.path());
            Map<String, Condition> y = conditions(f.objY());
            Map<String, Condition> m = conditions(f.objM());
            Map<String, Location> origin = origins(f.objY(), f.objM());
            Set<String> names = new LinkedHashSet<>(y.keySet());
            names.addAll(m.keySet());
            for (String o : names) {
                if (!o.endsWith(".o")) {
                    continue; // directories are reached above; Kbuild lists nothing else in obj-
                }
                Condition ly = y.getOrDefault(o, Condition.FALSE);
                Condition lm = m.getOrDefault(o, Condition.FALSE).and(ly.not());
                String path = KbuildTree.child(f.path(), o);
                String module = moduleName(o);
                ObjectRule rule = byLocation.get(origin.get(o));
                Condition builtin = c[0].and(ly);
                Condition modular = c[1].and(lm);
                objs.add(new BuiltObject(path, f.path(), Part.OBJECT, module, builtin, modular, ly, lm, rule));
                Set<String> own = new TreeSet<>(lm.symbols());
                KbuildTree.Composite comp = f.composites().get(o);
                if (comp != null) {
                    Map<String, Condition> py = conditions(comp.builtinParts());
                    Map<String, Condition> pm = conditions(comp.moduleParts());
                    Map<String, Location> po = origins(comp.builtinParts(), comp.moduleParts());
                    for (String part : pm.keySet()) {
                        Condition iy = py.getOrDefault(part, Condition.FALSE);
                        Condition im = pm.get(part);
                        own.addAll(im.symbols());
                        objs.add(new BuiltObject(KbuildTree.child(f.path(), part), f.path(), Part.COMPOSITE_PART,
                                module, builtin.and(iy), modular.and(im), ly.and(iy), lm.and(im),
                                byLocation.get(po.get(part))));
                    }
                }
                if (lm.isSatisfiable() && c[1].isSatisfiable()) {
                    String ko = path.substring(0, path.length() - 2) + ".ko";
                    Set<String> dirSymbols = new TreeSet<>(c[1].symbols());
                    Module prev = mods.get(module);
                    if (prev != null && !prev.path().equals(ko)) {
                        // Two directories build a module of the same name (alternatives per arch or config).
                        own.addAll(prev.symbols());
                        dirSymbols.addAll(prev.directorySymbols());
                    }
                    mods.put(module, new Module(module, prev != null ? prev.path() : ko, Collections.unmodifiableSet(own),
                            Collections.unmodifiableSet(dirSymbols), prev != null ? prev.rule() : rule));
                }
            }
            Condition libDir = libDirCondition.getOrDefault(f.path(), Condition.FALSE);
            if (libDir.isSatisfiable()) {
                Map<String, Condition> lib = conditions(f.lib());
                Map<String, Location> lo = origins(f.lib(), List.of());
                for (Map.Entry<String, Condition> e : lib.entrySet()) {
                    Condition ly = e.getValue().and(y.getOrDefault(e.getKey(), Condition.FALSE).not());
                    objs.add(new BuiltObject(KbuildTree.child(f.path(), e.getKey()), f.path(), Part.LIBRARY, null,
                            c[2].and(libDir).and(ly), Condition.FALSE, ly, Condition.FALSE,
                            byLocation.get(lo.get(e.getKey()))));
                }
            }
        }
        this.objects = List.copyOf(objs);
        this.modules = Collections.unmodifiableMap(mods);
    }

    private static void addReach(Map<String, List<Reach>> reach, KbuildTree.DirectoryFile f, List<Word> words,
            String list, Map<Location, ObjectRule> rules) {
        Map<String, Condition> byText = conditions(words);
        Map<String, Location> origin = origins(words, List.of());
        for (Map.Entry<String, Condition> e : byText.entrySet()) {
            if (!list.equals("subdir") && !e.getKey().endsWith("/")) {
                continue;
            }
            String child = KbuildTree.child(f.path(), e.getKey());
            Location at = origin.get(e.getKey());
            reach.computeIfAbsent(child, k -> new ArrayList<>())
                    .add(new Reach(f.path(), at, rules.get(at), e.getValue(), list));
        }
    }

    private static Map<String, Condition> conditions(List<Word> words) {
        Map<String, Condition> out = new LinkedHashMap<>();
        for (Word w : words) {
            out.merge(w.text(), w.when(), Condition::or);
        }
        return out;
    }

    private static Map<String, Location> origins(List<Word> a, List<Word> b) {
        Map<String, Location> out = new HashMap<>();
        for (Word w : a) {
            out.putIfAbsent(w.text(), w.origin());
        }
        for (Word w : b) {
            out.putIfAbsent(w.text(), w.origin());
        }
        return out;
    }

    private static String moduleName(String object) {
        String base = object.substring(0, object.length() - 2);
        int slash = base.lastIndexOf('/');
        return base.substring(slash + 1);
    }

    public Path srctree() {
        return srctree;
    }

    public String arch() {
        return arch;
    }

    /** Every directory the build visits, top level first. */
    public List<Directory> directories() {
        return directories;
    }

    /** Every object of the visited directories, with its conditions. */
    public List<BuiltObject> objects() {
        return objects;
    }

    /** Every list rule read (obj-, lib-, subdir-, composite parts, vmlinux lists), in reading order. */
    public List<ObjectRule> rules() {
        return rules;
    }

    /** Every module the tree can build for this architecture, by file name. */
    public Map<String, Module> modules() {
        return modules;
    }

    /** What could not be followed exactly (unknown functions, shell calls, missing includes). */
    public List<Note> notes() {
        return notes;
    }

    /** The directory with this path, or null. */
    public Directory directory(String path) {
        for (Directory d : directories) {
            if (d.path().equals(path)) {
                return d;
            }
        }
        return null;
    }

    /** The objects and the directory listings whose own listing depends on {@code symbol}. */
    public Controlled controlledBy(String symbol) {
        List<BuiltObject> objs = new ArrayList<>();
        for (BuiltObject o : objects) {
            if (o.listedBuiltin().mentions(symbol) || o.listedModular().mentions(symbol)) {
                objs.add(o);
            }
        }
        List<Reach> dirs = new ArrayList<>();
        Set<String> dirPaths = new TreeSet<>();
        for (Directory d : directories) {
            for (Reach r : d.reachedVia()) {
                if (r.when().mentions(symbol)) {
                    dirs.add(r);
                    dirPaths.add(d.path());
                }
            }
        }
        int inside = 0;
        for (BuiltObject o : objects) {
            for (String p : dirPaths) {
                if (o.directory().equals(p) || o.directory().startsWith(p + "/")) {
                    inside++;
                    break;
                }
            }
        }
        return new Controlled(symbol, List.copyOf(objs), List.copyOf(dirs), inside);
    }

    /**
     * What a symbol controls: objects listed under a condition on it, directories listed so
     * (as {@link Reach}es, with the directory path as {@code reach} target), and how many objects
     * live below those directories.
     */
    public record Controlled(String symbol, List<BuiltObject> objects, List<Reach> directories, int objectsBelow) {
    }

    /** The path of the directory a {@link Reach} leads to. */
    public String target(Reach r) {
        for (Directory d : directories) {
            if (d.reachedVia().contains(r)) {
                return d.path();
            }
        }
        return null;
    }

    /**
     * The constructs in the visited Makefiles that build code in when {@code symbol} is {@code m}
     * ({@code $(subst m,y,$(CONFIG_X))}, {@code $(CONFIG_X:m=y)}, ...), with file and line.
     */
    public List<ObjectRule> forcedBuiltin(String symbol) {
        return forced(symbol, ObjectRule.Forcing.BUILTIN);
    }

    /** The constructs that build a module when {@code symbol} is {@code y} ({@code $(subst y,$(CONFIG_A),$(CONFIG_X))}). */
    public List<ObjectRule> forcedModule(String symbol) {
        return forced(symbol, ObjectRule.Forcing.MODULE);
    }

    private List<ObjectRule> forced(String symbol, ObjectRule.Forcing f) {
        List<ObjectRule> out = new ArrayList<>();
        for (ObjectRule r : rules) {
            if (r.forcing() == f && r.forcingSymbols().contains(symbol)) {
                out.add(r);
            }
        }
        return out;
    }

    /** Every rule with a forcing construct, in reading order. */
    public List<ObjectRule> forcingRules() {
        List<ObjectRule> out = new ArrayList<>();
        for (ObjectRule r : rules) {
            if (r.forcing() != ObjectRule.Forcing.NONE) {
                out.add(r);
            }
        }
        return out;
    }

    /**
     * Code whose build mode goes against its symbol's value in a config: built in although the
     * symbol is {@code m} (direction BUILTIN), or a module although it is {@code y} (MODULE).
     *
     * @param symbol the symbol whose value is turned around
     * @param value its value in the config
     * @param path the directory (with a trailing slash) or object built against the value
     * @param listing the rule that lists it
     * @param consequences for a directory, the objects below it that are built in because of it
     */
    public record Forced(String symbol, Tristate value, ObjectRule.Forcing direction, String path, ObjectRule listing,
            List<String> consequences) {
    }

    /** What a config builds. */
    public record Build(List<BuiltObject> builtin, Map<String, Module> modules, List<Forced> forced,
            List<BuiltObject> dropped) {
        /** The modules by the name lsmod shows ({@code snd_hda_intel}). */
        public Map<String, Module> byKernelName() {
            Map<String, Module> out = new TreeMap<>();
            modules.values().forEach(m -> out.put(m.kernelName(), m));
            return out;
        }
    }

    /**
     * What {@code values} build: the objects linked into vmlinux, the modules, the code built
     * against its symbol's value, and {@code obj-y} objects dropped because their directory is
     * reached only through {@code obj-m} (Kbuild builds no built-in.a there and says nothing).
     */
    public Build evaluate(Values values) {
        List<BuiltObject> builtin = new ArrayList<>();
        Map<String, Module> mods = new TreeMap<>();
        List<BuiltObject> dropped = new ArrayList<>();
        Map<String, Directory> dirs = new HashMap<>();
        directories.forEach(d -> dirs.put(d.path(), d));
        List<Forced> forced = new ArrayList<>();
        for (BuiltObject o : objects) {
            if (o.builtin().holds(values)) {
                builtin.add(o);
                for (String s : o.listedBuiltin().symbols()) {
                    if (values.apply(s) == Tristate.MOD && !o.builtin().holds(values.with(s, Tristate.NO))) {
                        forced.add(new Forced(s, Tristate.MOD, ObjectRule.Forcing.BUILTIN, o.path(), o.rule(), List.of()));
                    }
                }
            } else if (o.part() != Part.LIBRARY && o.listedBuiltin().holds(values)) {
                Directory d = dirs.get(o.directory());
                if (d.visited().holds(values) && !d.builtin().holds(values) && o.part() == Part.OBJECT) {
                    dropped.add(o);
                }
            }
            if (o.part() == Part.OBJECT && o.modular().holds(values)) {
                Module m = modules.get(o.module());
                if (m != null) {
                    mods.put(m.name(), m);
                }
                ObjectRule r = o.rule();
                if (r != null && r.forcing() == ObjectRule.Forcing.MODULE) {
                    for (String s : r.forcingSymbols()) {
                        if (values.apply(s) == Tristate.YES && !o.modular().holds(values.with(s, Tristate.NO))) {
                            forced.add(new Forced(s, Tristate.YES, ObjectRule.Forcing.MODULE, o.path(), r, List.of()));
                        }
                    }
                }
            }
        }
        for (Directory d : directories) {
            if (!d.builtin().holds(values)) {
                continue;
            }
            for (Reach r : d.reachedVia()) {
                if (!r.list().equals("obj-y")) {
                    continue;
                }
                for (String s : r.when().symbols()) {
                    if (values.apply(s) == Tristate.MOD && !d.builtin().holds(values.with(s, Tristate.NO))) {
                        Values without = values.with(s, Tristate.NO);
                        List<String> inside = new ArrayList<>();
                        for (BuiltObject o : builtin) {
                            if ((o.directory().equals(d.path()) || o.directory().startsWith(d.path() + "/"))
                                    && !o.builtin().holds(without)) {
                                inside.add(o.path());
                            }
                        }
                        forced.add(new Forced(s, Tristate.MOD, ObjectRule.Forcing.BUILTIN, d.path() + "/", r.rule(),
                                List.copyOf(inside)));
                    }
                }
            }
        }
        forced.sort((a, b) -> a.symbol().equals(b.symbol()) ? a.path().compareTo(b.path()) : a.symbol().compareTo(b.symbol()));
        return new Build(List.copyOf(builtin), Collections.unmodifiableMap(mods), List.copyOf(forced), List.copyOf(dropped));
    }

    /**
     * What changing {@code symbol} from {@code from} to {@code to} moves into or out of vmlinux
     * and which modules appear or disappear, all other symbols as in {@code values}.
     */
    public ImageChange imageChange(String symbol, Tristate from, Tristate to, Values values) {
        ImageChange c = imageChange(values.with(symbol, from), values.with(symbol, to));
        List<ObjectRule> constructs = new ArrayList<>(forcedBuiltin(symbol));
        constructs.addAll(forcedModule(symbol));
        return new ImageChange(symbol, from, to, c.entering(), c.leaving(), c.modulesAdded(), c.modulesRemoved(),
                List.copyOf(constructs));
    }

    /**
     * What moves into or out of vmlinux, and which modules appear or disappear, between two whole
     * sets of values (an old config and the config olddefconfig makes of it: Kconfig's own
     * consequences of a change included). The result's symbol is null and it lists no constructs.
     */
    public ImageChange imageChange(Values before, Values after) {
        return imageChange(this, before, this, after);
    }

    /**
     * {@link #imageChange(Values, Values)} across two trees (an upgrade): objects are compared by
     * path, modules by name; {@code entering} holds objects of {@code newMap}, {@code leaving}
     * objects of {@code oldMap}.
     */
    public static ImageChange imageChange(KbuildMap oldMap, Values before, KbuildMap newMap, Values after) {
        Map<String, BuiltObject> was = new LinkedHashMap<>();
        for (BuiltObject o : oldMap.objects) {
            if (o.builtin().holds(before)) {
                was.putIfAbsent(o.path(), o);
            }
        }
        Map<String, BuiltObject> is = new LinkedHashMap<>();
        for (BuiltObject o : newMap.objects) {
            if (o.builtin().holds(after)) {
                is.putIfAbsent(o.path(), o);
            }
        }
        List<BuiltObject> in = new ArrayList<>();
        is.forEach((p, o) -> {
            if (!was.containsKey(p)) {
                in.add(o);
            }
        });
        List<BuiltObject> out = new ArrayList<>();
        was.forEach((p, o) -> {
            if (!is.containsKey(p)) {
                out.add(o);
            }
        });
        Set<String> modsBefore = oldMap.evaluateModules(before);
        Set<String> modsAfter = newMap.evaluateModules(after);
        Set<String> added = new TreeSet<>(modsAfter);
        added.removeAll(modsBefore);
        Set<String> removed = new TreeSet<>(modsBefore);
        removed.removeAll(modsAfter);
        return new ImageChange(null, null, null, List.copyOf(in), List.copyOf(out), List.copyOf(added),
                List.copyOf(removed), List.of());
    }

    private Set<String> evaluateModules(Values values) {
        Set<String> out = new TreeSet<>();
        for (BuiltObject o : objects) {
            if (o.part() == Part.OBJECT && o.modular().holds(values)) {
                out.add(o.module());
            }
        }
        return out;
    }

    /**
     * The effect of one symbol's change on the build.
     *
     * @param entering objects that become part of vmlinux
     * @param leaving objects that leave vmlinux
     * @param modulesAdded modules built after but not before
     * @param modulesRemoved modules built before but not after
     * @param constructs the forcing constructs on the symbol (why code moves although the value
     *     "only" changes between y and m)
     */
    public record ImageChange(String symbol, Tristate from, Tristate to, List<BuiltObject> entering,
            List<BuiltObject> leaving, List<String> modulesAdded, List<String> modulesRemoved,
            List<ObjectRule> constructs) {
        /** Whether vmlinux changes. */
        public boolean changesImage() {
            return !entering.isEmpty() || !leaving.isEmpty();
        }
    }
}
