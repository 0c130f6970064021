package dev.kconfig4j.kbuild;

import dev.kconfig4j.KernelEnvironment;
import dev.kconfig4j.parse.Location;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Walks a kernel tree's Makefiles the way the build descends, for one architecture, and
 * returns the {@link KbuildMap}.
 *
 * <h2>Where the walk starts</h2>
 * From the top-level Makefile only the vmlinux directory lists are taken ({@code core-}, {@code
 * drivers-}, {@code libs-}, {@code init-}, {@code net-}, {@code virt-} and the {@code ARCH_CORE},
 * {@code ARCH_LIB}, {@code ARCH_DRIVERS} built from them), read as make reads the file with no goal
 * on the command line (so {@code include $(srctree)/arch/$(SRCARCH)/Makefile} of the build branch
 * is followed, and the arch Makefile is read in full, with its own includes). Since 6.1 the
 * top-level {@code Kbuild} lists the directories ({@code obj-y += init/ ... $(ARCH_CORE) ...});
 * before, the build descends into the directories of those lists. Either way the top level is the
 * root, built with {@code need-builtin=1 need-modorder=1}.
 *
 * <h2>How a directory is read</h2>
 * {@code DIR/Kbuild} if it exists, else {@code DIR/Makefile} (scripts/Makefile.build), with
 * {@code obj} and {@code src} set to the directory and the variables the top level exports.
 * Includes of files in the tree are followed, except the build's own {@code scripts/} files and
 * {@code include/config/auto.conf} (config values are the symbols themselves).
 *
 * <h2>Descent (scripts/Makefile.lib and Makefile.build)</h2>
 * Kbuild descends into every directory in {@code obj-y}, {@code obj-m}, {@code subdir-y} and
 * {@code subdir-m}. A subdirectory is built with {@code need-builtin} only when it is in the
 * parent's {@code obj-y} and the parent itself has {@code need-builtin}; only then is its
 * {@code built-in.a} made and linked into vmlinux. It gets {@code need-modorder} when it is in the
 * parent's {@code obj-y} or {@code obj-m} and the parent has {@code need-modorder}; only then do
 * its modules reach modules.order (and so modpost and the installed modules). Consequently, in a
 * directory reached only through {@code obj-m += dir/}, {@code obj-y} objects are not built at all
 * (they are "dropped"), while {@code obj-m} objects in a directory reached through {@code obj-y}
 * remain modules. Directories in {@code subdir-} only are visited but contribute neither.
 */
public final class KbuildTree {
    private static final Pattern VMLINUX_LIST = Pattern.compile(
            "(core|drivers|libs|init|net|virt)-(y|m|)|ARCH_CORE|ARCH_LIB|ARCH_DRIVERS");
    private static final String[] LISTS = {"init", "core", "drivers", "net", "libs", "virt"};

    private final Path srctree;
    private final String arch;
    private final String srcarch;
    private final List<Note> notes = new ArrayList<>();
    /** With a partial walk: the symbols that matter; null for a full walk. */
    private final Set<String> symbols;
    /** With a partial walk: the directories whose files mention a symbol, and every directory above them. */
    private final Set<String> along;

    private KbuildTree(Path srctree, String arch, Set<String> symbols, Set<String> along) {
        this.srctree = srctree;
        this.arch = arch;
        this.srcarch = KernelEnvironment.srcArch(arch);
        this.symbols = symbols;
        this.along = along;
    }

    /**
     * Reads the tree for {@code arch} (an ARCH value: {@code x86_64}, {@code x86}, {@code arm64}...).
     *
     * @throws IllegalArgumentException if {@code srctree} has no top-level Makefile or the
     *     architecture has no {@code arch/SRCARCH/Makefile}
     */
    public static KbuildMap walk(Path srctree, String arch) {
        return new KbuildTree(srctree.toAbsolutePath().normalize(), arch, null, null).walk();
    }

    /**
     * The part of {@link #walk(Path, String)} that concerns {@code symbols}, for tools that must
     * not pay for a whole tree: the build is followed from the top level as always, but it
     * descends only into the directories whose Makefile or Kbuild file mentions {@code CONFIG_X}
     * for one of the symbols (found by a text scan of every such file), the directories above
     * them, and every directory listed by a construct that builds code against one of the symbols'
     * values ({@link #forcesOn}), with everything below it. Each directory visited is reached exactly as in a full walk, so its built-in and
     * module conditions (inherited from the directories above) are the same; what the map lacks
     * is the directories that have nothing to do with the symbols.
     *
     * @return the partial map, or null when no Makefile or Kbuild file mentions any of the
     *     symbols, or the tree has no top-level Makefile or no {@code arch/SRCARCH/Makefile}
     *     (a Kconfig-only tree: nothing to walk)
     */
    public static KbuildMap walk(Path srctree, String arch, Set<String> symbols) {
        return walk(srctree, arch, symbols, mentions(srctree, symbols));
    }

    /**
     * {@link #walk(Path, String, Set)} with the text scan already done ({@code mentions} of
     * {@code symbols} in this tree, as {@link #mentions} returns them).
     */
    public static KbuildMap walk(Path srctree, String arch, Set<String> symbols, List<Mention> mentions) {
        Path root = srctree.toAbsolutePath().normalize();
        if (symbols.isEmpty() || !Files.isRegularFile(root.resolve("Makefile"))
                || !Files.isRegularFile(root.resolve("arch/" + KernelEnvironment.srcArch(arch) + "/Makefile"))) {
            return null;
        }
        Set<String> along = new java.util.HashSet<>();
        for (Mention m : mentions) {
            if (!symbols.contains(m.symbol())) {
                continue;
            }
            for (String p = m.directory(); !p.equals("."); ) {
                if (!along.add(p)) {
                    break;
                }
                int slash = p.lastIndexOf('/');
                p = slash < 0 ? "." : p.substring(0, slash);
            }
        }
        if (along.isEmpty() && mentions.stream().noneMatch(m -> symbols.contains(m.symbol()))) {
            return null;
        }
        return new KbuildTree(root, arch, Set.copyOf(symbols), along).walk();
    }

    /**
     * A line of a Makefile or Kbuild file that names {@code CONFIG_X}, found by text (no
     * evaluation): where a symbol may matter to the build.
     *
     * @param symbol the symbol named (without CONFIG_)
     * @param file srctree-relative path of the file
     * @param line 1-based line number
     * @param text the line as written
     * @param blockListsObjects for an {@code ifdef}/{@code ifneq} line: whether the block it opens
     *     assigns to an object list ({@code obj-y}, {@code foo-objs}..., not {@code ccflags-y})
     */
    public record Mention(String symbol, String file, int line, String text, boolean blockListsObjects) {
        private static final Pattern FORCING = Pattern.compile(
                "subst\\s|:[mny]=[mny]|\\$\\((if|or|and|filter|patsubst)\\s");
        private static final Pattern CONDITIONAL = Pattern.compile("^\\s*(ifn?def|ifneq)\\b");

        /** The directory of the file ({@code .} for the top level). */
        public String directory() {
            int slash = file.lastIndexOf('/');
            return slash < 0 ? "." : file.substring(0, slash);
        }

        /**
         * Whether the line may turn the symbol's {@code m} into built-in code or its {@code y} into
         * a module ({@code $(subst m,y,...)}, {@code :m=y}, {@code $(if ...)}, or an
         * {@code ifdef}/{@code ifneq} around {@code obj-y}): a cheap over-approximation, which
         * the walk then decides exactly.
         */
        public boolean mayForce() {
            if (CONDITIONAL.matcher(text).find()) {
                return blockListsObjects;
            }
            java.util.regex.Matcher m = LIST_ASSIGNMENT.matcher(text);
            return m.find() && FORCING.matcher(m.group(1)).find();
        }
    }

    private static final Pattern CONFIG_WORD = Pattern.compile("CONFIG_([A-Za-z0-9_]+)");
    /** {@code target :=/+= ...} where the target is an object list ({@code -y}, {@code -m}, {@code -objs}, {@code -$(...)}), not flags. */
    private static final Pattern LIST_ASSIGNMENT = Pattern.compile(
            "^\\s*((?![^=]*flags)[A-Za-z0-9_.$(),: -]*-(?:y|m|objs|\\$\\(.*\\)))\\s*[:+?]?=");

    private static boolean blockListsObjects(String[] lines, int from) {
        int depth = 0;
        for (int i = from + 1; i < lines.length; i++) {
            String l = lines[i].strip();
            if (l.startsWith("ifdef") || l.startsWith("ifndef") || l.startsWith("ifeq") || l.startsWith("ifneq")) {
                depth++;
            } else if (l.startsWith("endif")) {
                if (depth-- == 0) {
                    return false;
                }
            } else if (LIST_ASSIGNMENT.matcher(l).find()) {
                return true;
            }
        }
        return false;
    }

    /**
     * Every line of every Makefile and Kbuild file of the tree (also {@code Makefile.foo},
     * {@code Kbuild.bar}) that names {@code CONFIG_X} for one of {@code symbols}, in path order.
     * A text scan, cheap next to a walk: it tells which directories a partial walk must visit.
     */
    public static List<Mention> mentions(Path srctree, Set<String> symbols) {
        return symbols.isEmpty() ? List.of() : mentions(srctree, symbols::contains);
    }

    /**
     * {@link #mentions(Path, Set)} for the symbols {@code symbols} accepts: with {@code s -> true}
     * one scan gives every mention of every symbol, for tools that ask about many symbol sets
     * of the same tree (the impact analysis: one set per architecture).
     */
    public static List<Mention> mentions(Path srctree, java.util.function.Predicate<String> symbols) {
        Path root = srctree.toAbsolutePath().normalize();
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        List<Path> files = new ArrayList<>();
        try (java.util.stream.Stream<Path> s = Files.walk(root)) {
            s.filter(p -> {
                String name = p.getFileName().toString();
                return (name.startsWith("Makefile") || name.startsWith("Kbuild")) && Files.isRegularFile(p);
            }).forEach(files::add);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        java.util.Collections.sort(files);
        List<Mention> out = new ArrayList<>();
        for (Path p : files) {
            String text;
            try {
                text = Files.readString(p, java.nio.charset.StandardCharsets.ISO_8859_1);
            } catch (java.io.IOException e) {
                continue; // unreadable: a full walk reports it; here it only narrows the scope
            }
            if (!text.contains("CONFIG_")) {
                continue;
            }
            String rel = root.relativize(p).toString();
            String[] lines = text.split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                if (!lines[i].contains("CONFIG_")) {
                    continue;
                }
                java.util.regex.Matcher m = CONFIG_WORD.matcher(lines[i]);
                Set<String> seen = new java.util.HashSet<>();
                while (m.find()) {
                    if (symbols.test(m.group(1)) && seen.add(m.group(1))) {
                        out.add(new Mention(m.group(1), rel, i + 1, lines[i].strip(),
                                Mention.CONDITIONAL.matcher(lines[i]).find() && blockListsObjects(lines, i)));
                    }
                }
            }
        }
        return out;
    }

    /**
     * Every forcing construct in every Makefile and Kbuild file of the tree, whatever the
     * architecture: each file is read on its own (no includes, {@code obj} set to its directory),
     * and the object-list rules (words ending in {@code .o} or {@code /}) whose target turns a
     * symbol's {@code m} into {@code y} or its {@code y} into {@code m} are returned, in path order.
     */
    public static List<ObjectRule> forcingConstructs(Path srctree) {
        Path root = srctree.toAbsolutePath().normalize();
        List<String> files = new ArrayList<>();
        try (java.util.stream.Stream<Path> s = Files.walk(root)) {
            s.filter(Files::isRegularFile).forEach(p -> {
                String name = p.getFileName().toString();
                if (name.startsWith("Makefile") || name.startsWith("Kbuild")) {
                    files.add(root.relativize(p).toString());
                }
            });
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        java.util.Collections.sort(files);
        List<ObjectRule> out = new ArrayList<>();
        for (String f : files) {
            int slash = f.lastIndexOf('/');
            String dir = slash < 0 ? "." : f.substring(0, slash);
            MakeEvaluator e = new MakeEvaluator(root, Map.of("obj", dir, "src", dir, "srctree", root.toString()))
                    .forDirectory(dir).onlyIncluding(x -> false);
            e.evaluate(f);
            for (ObjectRule r : e.rules()) {
                if (r.forcing() != ObjectRule.Forcing.NONE
                        && r.objects().stream().anyMatch(w -> w.text().endsWith(".o") || w.text().endsWith("/"))) {
                    out.add(r);
                }
            }
        }
        return out;
    }

    /** What a directory's Makefile says, before conditions from above are applied. */
    record DirectoryFile(String path, String file, List<Word> objY, List<Word> objM, List<Word> lib,
            List<Word> subdirs, Map<String, Composite> composites, List<ObjectRule> rules, List<ObjectRule> allRules) {
    }

    /** The parts of {@code name.o}: {@code name-objs name-y} built in or modular, {@code name-m} modular only. */
    record Composite(String name, List<Word> builtinParts, List<Word> moduleParts) {
    }

    private KbuildMap walk() {
        if (!Files.isRegularFile(srctree.resolve("Makefile"))) {
            throw new IllegalArgumentException(srctree + ": not a kernel tree (no Makefile)");
        }
        String archMakefile = "arch/" + srcarch + "/Makefile";
        if (!Files.isRegularFile(srctree.resolve(archMakefile))) {
            throw new IllegalArgumentException(srctree + ": no " + archMakefile + " (unknown architecture " + arch + ")");
        }
        Map<String, String> initial = new LinkedHashMap<>();
        initial.put("ARCH", arch);
        initial.put("SRCARCH", srcarch);
        initial.put("srctree", srctree.toString());
        initial.put("objtree", ".");
        initial.put("KBUILD_EXTMOD", "");
        initial.put("MAKECMDGOALS", "");
        MakeEvaluator top = new MakeEvaluator(srctree, initial)
                .onlyAssigning((file, name) -> !file.equals("Makefile") || VMLINUX_LIST.matcher(name).matches())
                .onlyIncluding(file -> file.equals(archMakefile) || file.startsWith("arch/" + srcarch + "/"));
        top.evaluate("Makefile");
        notes.addAll(top.notes());
        List<ObjectRule> topRules = new ArrayList<>(top.rules());
        // Only exported variables reach the directories' builds (ARCH_CORE... but not core-y).
        Map<String, List<Word>> globals = new LinkedHashMap<>(top.exported());
        List<Word> libDirs = new ArrayList<>();
        for (Word w : top.value("libs-y")) {
            if (w.text().endsWith("/")) {
                libDirs.add(w);
            }
        }

        Map<String, DirectoryFile> files = new LinkedHashMap<>();
        DirectoryFile root = read(".", globals);
        if (root.objY().stream().noneMatch(w -> w.text().endsWith("/"))) {
            // Before 6.1 the top-level Kbuild lists no directories: the build descends into the
            // directories of the vmlinux lists, each with need-builtin=1 need-modorder=1.
            List<Word> y = new ArrayList<>();
            List<Word> m = new ArrayList<>();
            for (String l : LISTS) {
                top.value(l + "-y").stream().filter(w -> w.text().endsWith("/")).forEach(y::add);
                top.value(l + "-m").stream().filter(w -> w.text().endsWith("/")).forEach(m::add);
            }
            root = new DirectoryFile(".", root.file(), y, m, root.lib(), root.subdirs(), root.composites(),
                    root.rules(), root.allRules());
        }
        files.put(".", root);
        Set<String> whole = new java.util.HashSet<>();
        Deque<String> queue = new ArrayDeque<>(inScope(root, whole));
        while (!queue.isEmpty()) {
            String d = queue.poll();
            if (files.containsKey(d)) {
                continue;
            }
            DirectoryFile f = read(d, globals);
            files.put(d, f);
            queue.addAll(inScope(f, whole));
        }
        return new KbuildMap(srctree, arch, files, topRules, libDirs, notes);
    }

    /**
     * The directories of {@link #children} a (partial) walk visits; {@code whole} collects the
     * directories visited with everything below them.
     */
    private Set<String> inScope(DirectoryFile f, Set<String> whole) {
        if (symbols == null) {
            return children(f);
        }
        boolean parentWhole = whole.contains(f.path());
        Map<Location, ObjectRule> rules = new HashMap<>();
        for (ObjectRule r : f.allRules()) {
            rules.putIfAbsent(r.location(), r);
        }
        Set<String> out = new LinkedHashSet<>();
        for (List<Word> list : List.of(f.objY(), f.objM(), f.subdirs())) {
            for (Word w : list) {
                if (list != f.subdirs() && !w.text().endsWith("/")) {
                    continue;
                }
                String c = child(f.path(), w.text());
                if (parentWhole || forcesOn(rules.get(w.origin()), symbols)) {
                    whole.add(c);
                    out.add(c);
                } else if (along.contains(c)) {
                    out.add(c);
                }
            }
        }
        return out;
    }

    /**
     * Whether a rule builds code against the value of one of {@code symbols}: a forcing target
     * on one of them, or a listing inside a conditional on one of them ({@code ifdef CONFIG_X}
     * around {@code obj-y}).
     */
    public static boolean forcesOn(ObjectRule r, Set<String> symbols) {
        if (r == null) {
            return false;
        }
        if (r.forcing() != ObjectRule.Forcing.NONE && r.forcingSymbols().stream().anyMatch(symbols::contains)) {
            return true;
        }
        return symbols.stream().anyMatch(r.context()::mentions);
    }

    /** The directories a directory's build descends into, as srctree-relative paths. */
    static Set<String> children(DirectoryFile f) {
        Set<String> out = new LinkedHashSet<>();
        for (List<Word> list : List.of(f.objY(), f.objM(), f.subdirs())) {
            for (Word w : list) {
                if (list == f.subdirs() || w.text().endsWith("/")) {
                    out.add(child(f.path(), w.text()));
                }
            }
        }
        return out;
    }

    static String child(String parent, String word) {
        String w = word.endsWith("/") ? word.substring(0, word.length() - 1) : word;
        String p = parent.equals(".") ? w : parent + "/" + w;
        String n = Path.of(p).normalize().toString();
        return n.isEmpty() ? "." : n;
    }

    private DirectoryFile read(String dir, Map<String, List<Word>> globals) {
        String file = dir.equals(".") ? "Kbuild" : dir + "/Kbuild";
        if (!Files.isRegularFile(srctree.resolve(file))) {
            file = dir.equals(".") ? "Makefile" : dir + "/Makefile";
        }
        if (!Files.isRegularFile(srctree.resolve(file))) {
            notes.add(new Note(new Location(dir, 0), "directory has no Kbuild or Makefile in the tree"));
            return new DirectoryFile(dir, null, List.of(), List.of(), List.of(), List.of(), Map.of(), List.of(), List.of());
        }
        Map<String, String> initial = new HashMap<>();
        initial.put("obj", dir);
        initial.put("src", dir);
        MakeEvaluator e = new MakeEvaluator(srctree, initial).define(globals)
                .define(Map.of("obj", words(dir), "src", words(dir)))
                .forDirectory(dir)
                .onlyIncluding(f -> !f.startsWith("scripts/") && !f.startsWith("include/config/"));
        e.evaluate(file);
        notes.addAll(e.notes());
        List<Word> objY = e.value("obj-y");
        List<Word> objM = e.value("obj-m");
        List<Word> lib = new ArrayList<>(e.value("lib-y"));
        lib.addAll(e.value("lib-m"));
        List<Word> subdirs = new ArrayList<>(e.value("subdir-y"));
        subdirs.addAll(e.value("subdir-m"));
        Map<String, Composite> composites = new LinkedHashMap<>();
        Set<String> objects = new LinkedHashSet<>();
        for (Word w : objY) {
            objects.add(w.text());
        }
        for (Word w : objM) {
            objects.add(w.text());
        }
        Set<String> compositeBases = new LinkedHashSet<>();
        for (String o : objects) {
            if (!o.endsWith(".o")) {
                continue;
            }
            String base = o.substring(0, o.length() - 2);
            List<Word> y = new ArrayList<>(e.value(base + "-objs"));
            y.addAll(e.value(base + "-y"));
            List<Word> m = new ArrayList<>(y);
            m.addAll(e.value(base + "-m"));
            if (!m.isEmpty() || !e.value(base + "-").isEmpty()) {
                composites.put(o, new Composite(base, List.copyOf(y), List.copyOf(m)));
                compositeBases.add(base);
            }
        }
        List<ObjectRule> rules = new ArrayList<>();
        for (ObjectRule r : e.rules()) {
            if (r.kind() != ObjectRule.Kind.COMPOSITE || compositeBases.contains(r.base())) {
                rules.add(r);
            }
        }
        return new DirectoryFile(dir, file, objY, objM, lib, subdirs, composites, rules, e.rules());
    }

    private static List<Word> words(String s) {
        return List.of(new Word(s, Condition.TRUE, new Location("<kbuild>", 0)));
    }
}
