package dev.kconfig4j.kbuild;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * make's built-in functions ({@code $(subst ...)}, {@code $(filter ...)}, {@code $(call ...)}...)
 * over conditional words: each function applies to every alternative value its arguments have
 * under the configs, and its result words carry the conditions they hold under. Arguments are
 * expanded by the {@link MakeEvaluator} they belong to, whose variables {@code foreach} and
 * {@code call} bind for the time of the call.
 */
final class MakeFunctions {
    static final Set<String> FUNCTIONS = Set.of("subst", "patsubst", "strip", "findstring", "filter",
            "filter-out", "sort", "word", "wordlist", "words", "firstword", "lastword", "dir", "notdir", "suffix",
            "basename", "addsuffix", "addprefix", "join", "wildcard", "realpath", "abspath", "if", "or", "and",
            "foreach", "call", "value", "eval", "origin", "flavor", "shell", "error", "warning", "info", "file", "let",
            "intcmp");

    private final MakeEvaluator make;
    private final MakeExpansion expansion;

    MakeFunctions(MakeEvaluator make, MakeExpansion expansion) {
        this.make = make;
        this.expansion = expansion;
    }

    List<Word> function(String fn, List<String> args) {
        switch (fn) {
            case "subst": {
                if (args.size() < 3) {
                    return bad(fn);
                }
                String text = String.join(",", args.subList(2, args.size()));
                List<Word> out = new ArrayList<>();
                for (MakeEvaluator.Alternative from : expansion.alternatives(expansion.expand(args.get(0)))) {
                    for (MakeEvaluator.Alternative to : expansion.alternatives(expansion.expand(args.get(1)))) {
                        Condition c = from.when().and(to.when());
                        if (from.text().isEmpty() || from.text().contains(" ")) {
                            for (MakeEvaluator.Alternative t : expansion.alternatives(expansion.expand(text))) {
                                String r = from.text().isEmpty() ? t.text() + to.text()
                                        : t.text().replace(from.text(), to.text());
                                out.addAll(MakeExpansion.words(r, c.and(t.when()), make.here));
                            }
                            continue;
                        }
                        for (Word w : expansion.expand(text)) {
                            out.addAll(MakeExpansion.words(w.text().replace(from.text(), to.text()), c.and(w.when()), w.origin()));
                        }
                    }
                }
                return satisfiable(out);
            }
            case "patsubst": {
                if (args.size() < 3) {
                    return bad(fn);
                }
                String pattern = expansion.single(args.get(0)).strip();
                String replacement = expansion.single(args.get(1)).strip();
                List<Word> out = new ArrayList<>();
                for (Word w : expansion.expand(String.join(",", args.subList(2, args.size())))) {
                    out.add(new Word(patsubst(pattern, replacement, w.text()), w.when(), w.origin()));
                }
                return out;
            }
            case "strip":
                return expansion.expand(String.join(",", args));
            case "findstring": {
                if (args.size() != 2) {
                    return bad(fn);
                }
                List<Word> out = new ArrayList<>();
                for (MakeEvaluator.Alternative f : expansion.alternatives(expansion.expand(args.get(0)))) {
                    for (MakeEvaluator.Alternative in : expansion.alternatives(expansion.expand(args.get(1)))) {
                        if (!f.text().isEmpty() && in.text().contains(f.text())) {
                            out.add(new Word(f.text(), f.when().and(in.when()), make.here));
                        }
                    }
                }
                return satisfiable(out);
            }
            case "filter", "filter-out": {
                if (args.size() != 2) {
                    return bad(fn);
                }
                List<Word> patterns = expansion.expand(args.get(0));
                List<Word> out = new ArrayList<>();
                for (Word w : expansion.expand(args.get(1))) {
                    Condition matched = Condition.FALSE;
                    for (Word p : patterns) {
                        if (matches(p.text(), w.text())) {
                            matched = matched.or(p.when());
                        }
                    }
                    out.add(w.and(fn.equals("filter") ? matched : matched.not()));
                }
                return satisfiable(out);
            }
            case "sort": {
                Map<String, Word> byText = new TreeMap<>();
                for (Word w : expansion.expand(String.join(",", args))) {
                    byText.merge(w.text(), w, (a, b) -> new Word(a.text(), a.when().or(b.when()), a.origin()));
                }
                return new ArrayList<>(byText.values());
            }
            case "word", "wordlist", "words", "firstword", "lastword": {
                List<Word> out = new ArrayList<>();
                String list = args.get(args.size() - 1);
                for (MakeEvaluator.Alternative a : expansion.alternatives(expansion.expand(list))) {
                    String[] ws = a.text().isEmpty() ? new String[0] : a.text().split(" ");
                    String r = switch (fn) {
                        case "words" -> String.valueOf(ws.length);
                        case "firstword" -> ws.length > 0 ? ws[0] : "";
                        case "lastword" -> ws.length > 0 ? ws[ws.length - 1] : "";
                        case "word" -> nth(ws, expansion.single(args.get(0)).strip());
                        default -> range(ws, expansion.single(args.get(0)).strip(), expansion.single(args.get(1)).strip());
                    };
                    out.addAll(MakeExpansion.words(r, a.when(), make.here));
                }
                return out;
            }
            case "dir", "notdir", "suffix", "basename", "abspath", "realpath": {
                List<Word> out = new ArrayList<>();
                for (Word w : expansion.expand(String.join(",", args))) {
                    String t = w.text();
                    int slash = t.lastIndexOf('/');
                    int dot = t.lastIndexOf('.');
                    String r = switch (fn) {
                        case "dir" -> slash < 0 ? "./" : t.substring(0, slash + 1);
                        case "notdir" -> t.substring(slash + 1);
                        case "suffix" -> dot > slash ? t.substring(dot) : "";
                        case "basename" -> dot > slash ? t.substring(0, dot) : t;
                        default -> Path.of(t).normalize().toString();
                    };
                    if (!r.isEmpty()) {
                        out.add(new Word(r, w.when(), w.origin()));
                    }
                }
                return out;
            }
            case "addsuffix", "addprefix": {
                if (args.size() < 2) {
                    return bad(fn);
                }
                List<Word> out = new ArrayList<>();
                for (MakeEvaluator.Alternative fix : expansion.alternatives(expansion.expand(args.get(0)))) {
                    for (Word w : expansion.expand(String.join(",", args.subList(1, args.size())))) {
                        String r = fn.equals("addprefix") ? fix.text() + w.text() : w.text() + fix.text();
                        out.add(new Word(r, w.when().and(fix.when()), w.origin()));
                    }
                }
                return satisfiable(out);
            }
            case "join": {
                if (args.size() != 2) {
                    return bad(fn);
                }
                List<Word> a = expansion.expand(args.get(0));
                List<Word> b = expansion.expand(args.get(1));
                List<Word> out = new ArrayList<>();
                for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
                    String t = (i < a.size() ? a.get(i).text() : "") + (i < b.size() ? b.get(i).text() : "");
                    out.add(new Word(t, Condition.TRUE, make.here));
                }
                return out;
            }
            case "wildcard":
                return wildcard(expansion.expand(String.join(",", args)));
            case "if": {
                if (args.size() < 2) {
                    return bad(fn);
                }
                Condition nonEmpty = Condition.FALSE;
                for (Word w : expansion.expand(args.get(0))) {
                    nonEmpty = nonEmpty.or(w.when());
                }
                List<Word> out = new ArrayList<>(MakeExpansion.and(expansion.expand(args.get(1)), nonEmpty));
                if (args.size() > 2) {
                    out.addAll(MakeExpansion.and(expansion.expand(String.join(",", args.subList(2, args.size()))), nonEmpty.not()));
                }
                return satisfiable(out);
            }
            case "or", "and": {
                List<Word> out = new ArrayList<>();
                Condition before = Condition.TRUE;
                for (int i = 0; i < args.size(); i++) {
                    List<Word> ws = expansion.expand(args.get(i));
                    Condition nonEmpty = Condition.FALSE;
                    for (Word w : ws) {
                        nonEmpty = nonEmpty.or(w.when());
                    }
                    if (fn.equals("or")) {
                        out.addAll(MakeExpansion.and(ws, before));
                        before = before.and(nonEmpty.not());
                    } else if (i == args.size() - 1) {
                        out.addAll(MakeExpansion.and(ws, before));
                    } else {
                        before = before.and(nonEmpty);
                    }
                }
                return satisfiable(out);
            }
            case "foreach": {
                if (args.size() < 3) {
                    return bad(fn);
                }
                String var = expansion.single(args.get(0)).strip();
                String body = String.join(",", args.subList(2, args.size()));
                MakeEvaluator.Variable saved = make.variables.get(var);
                List<Word> out = new ArrayList<>();
                try {
                    for (Word w : expansion.expand(args.get(1))) {
                        MakeEvaluator.Variable v = new MakeEvaluator.Variable();
                        v.simple = true;
                        v.segments.add(new MakeEvaluator.Segment(Condition.TRUE, null, List.of(new Word(w.text(), Condition.TRUE, w.origin())), make.here));
                        make.variables.put(var, v);
                        out.addAll(MakeExpansion.and(expansion.expand(body), w.when()));
                    }
                } finally {
                    restore(var, saved);
                }
                return out;
            }
            case "call":
                return call(args);
            case "origin", "flavor": {
                MakeEvaluator.Variable v = make.variables.get(expansion.single(String.join(",", args)).strip());
                String r = v == null ? "undefined" : fn.equals("origin") ? "file" : v.simple ? "simple" : "recursive";
                return List.of(new Word(r, Condition.TRUE, make.here));
            }
            case "value": {
                MakeEvaluator.Variable v = make.variables.get(expansion.single(String.join(",", args)).strip());
                List<Word> out = new ArrayList<>();
                if (v != null) {
                    for (MakeEvaluator.Segment s : v.segments) {
                        out.addAll(s.raw() != null ? MakeExpansion.words(s.raw(), s.when(), make.here) : MakeExpansion.and(s.words(), s.when()));
                    }
                }
                return out;
            }
            case "info", "warning":
                return List.of();
            default:
                make.notes.add(new Note(make.here, "$(" + fn + " ...) not evaluated; taken as empty"));
                return List.of();
        }
    }

    private List<Word> call(List<String> args) {
        String name = expansion.single(args.get(0)).strip();
        if (FUNCTIONS.contains(name)) {
            return function(name, args.subList(1, args.size()));
        }
        MakeEvaluator.Variable f = make.variables.get(name);
        if (f == null) {
            make.notes.add(new Note(make.here, "$(call " + name + ",...): unknown function; taken as empty"));
            return List.of();
        }
        Map<String, MakeEvaluator.Variable> saved = new HashMap<>();
        List<String> params = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String p = String.valueOf(i);
            params.add(p);
            saved.put(p, make.variables.get(p));
            MakeEvaluator.Variable v = new MakeEvaluator.Variable();
            v.simple = true;
            v.segments.add(new MakeEvaluator.Segment(Condition.TRUE, null, i == 0 ? MakeExpansion.words(name, Condition.TRUE, make.here) : expansion.expand(args.get(i)), make.here));
            make.variables.put(p, v);
        }
        // make clears the parameters a nested call does not pass
        for (int i = args.size(); i < 10; i++) {
            String p = String.valueOf(i);
            saved.put(p, make.variables.get(p));
            make.variables.remove(p);
            params.add(p);
        }
        try {
            return expansion.lookup(name);
        } finally {
            for (String p : params) {
                restore(p, saved.get(p));
            }
        }
    }

    private void restore(String name, MakeEvaluator.Variable saved) {
        if (saved == null) {
            make.variables.remove(name);
        } else {
            make.variables.put(name, saved);
        }
    }

    private List<Word> wildcard(List<Word> patterns) {
        List<Word> out = new ArrayList<>();
        for (Word p : patterns) {
            String pattern = p.text();
            String root = make.srctree.toAbsolutePath().normalize() + "/";
            boolean absolute = pattern.startsWith(root);
            String rel = absolute ? pattern.substring(root.length()) : pattern;
            if (rel.startsWith("/")) {
                continue;
            }
            int slash = rel.lastIndexOf('/');
            String dir = slash < 0 ? "" : rel.substring(0, slash);
            String glob = rel.substring(slash + 1);
            Path d = make.srctree.resolve(dir.isEmpty() ? "." : dir);
            if (!glob.contains("*") && !glob.contains("?") && !glob.contains("[")) {
                if (Files.exists(d.resolve(glob))) {
                    out.add(p);
                }
                continue;
            }
            var matcher = d.getFileSystem().getPathMatcher("glob:" + glob);
            try (Stream<Path> s = Files.list(d)) {
                s.map(x -> x.getFileName()).filter(matcher::matches).map(Path::toString).sorted().forEach(name ->
                        out.add(new Word((absolute ? root : "") + (dir.isEmpty() ? "" : dir + "/") + name, p.when(),
                                p.origin())));
            } catch (IOException e) {
                // no such directory: no match, as in make
            }
        }
        return out;
    }

    private List<Word> bad(String fn) {
        make.notes.add(new Note(make.here, "$(" + fn + " ...) with the wrong number of arguments; taken as empty"));
        return List.of();
    }

    private static List<Word> satisfiable(List<Word> words) {
        List<Word> out = new ArrayList<>();
        for (Word w : words) {
            if (w.when().isSatisfiable() && !w.text().isEmpty()) {
                out.add(w);
            }
        }
        return out;
    }

    private static String nth(String[] ws, String n) {
        try {
            int i = Integer.parseInt(n);
            return i >= 1 && i <= ws.length ? ws[i - 1] : "";
        } catch (NumberFormatException e) {
            return "";
        }
    }

    private static String range(String[] ws, String from, String to) {
        try {
            int a = Integer.parseInt(from);
            int b = Math.min(Integer.parseInt(to), ws.length);
            return a >= 1 && a <= b ? String.join(" ", java.util.Arrays.copyOfRange(ws, a - 1, b)) : "";
        } catch (NumberFormatException e) {
            return "";
        }
    }

    /** make's {@code %} pattern match: at most one {@code %}, matching any run of characters. */
    static boolean matches(String pattern, String word) {
        int p = pattern.indexOf('%');
        if (p < 0) {
            return pattern.equals(word);
        }
        String pre = pattern.substring(0, p);
        String post = pattern.substring(p + 1);
        return word.length() >= pre.length() + post.length() && word.startsWith(pre) && word.endsWith(post);
    }

    static String patsubst(String pattern, String replacement, String word) {
        int p = pattern.indexOf('%');
        if (p < 0) {
            return pattern.equals(word) ? replacement : word;
        }
        if (!matches(pattern, word)) {
            return word;
        }
        String stem = word.substring(p, word.length() - (pattern.length() - p - 1));
        int r = replacement.indexOf('%');
        return r < 0 ? replacement : replacement.substring(0, r) + stem + replacement.substring(r + 1);
    }
}
