package dev.kconfig4j.impact;

import dev.kconfig4j.diagnostic.KconfigException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Unified diffs of Kconfig files: a strict reader and applier (for {@code --what-if} patches),
 * and a writer (for the patches mitigations propose).
 *
 * <p>Strict means: every hunk must apply exactly at the line its header names, with every context
 * and removed line identical; there is no fuzz and no offset search, so a patch either means what
 * it says or is rejected with the patch's file and line. Paths with {@code a/} and {@code b/}
 * prefixes (git's) lose them; {@code /dev/null} creates or deletes a file.
 */
public final class UnifiedDiff {
    private static final Pattern HUNK = Pattern.compile("^@@ -(\\d+)(?:,(\\d+))? \\+(\\d+)(?:,(\\d+))? @@.*");

    private UnifiedDiff() {
    }

    /** One line of a hunk: ' ' context, '-' removed, '+' added, with the patch line it came from. */
    private record Line(char op, String text, int patchLine) {
    }

    private record Hunk(int oldStart, int oldCount, int newStart, int newCount, List<Line> lines, int patchLine) {
    }

    /**
     * The changes of one file.
     *
     * @param oldPath the path before (null for a new file)
     * @param newPath the path after (null for a deleted file)
     */
    private record FilePatch(String oldPath, String newPath, List<Hunk> hunks, int patchLine) {
    }

    /**
     * Applies the patch {@code text} (named {@code name} in errors) to the files of {@code tree};
     * returns each changed file's new text by path relative to the tree (null for a deleted file).
     * The tree is not modified.
     *
     * @throws KconfigException with the patch's file and line when the patch is malformed or does not apply
     */
    public static Map<String, String> apply(String name, String text, Path tree) throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        for (FilePatch fp : parse(name, text)) {
            String path = fp.oldPath() != null ? fp.oldPath() : fp.newPath();
            List<String> lines;
            boolean endsWithNewline = true;
            if (fp.oldPath() == null) {
                lines = new ArrayList<>();
            } else {
                String current = out.containsKey(path) ? out.get(path) : read(tree, path);
                if (current == null) {
                    throw new KconfigException(name + ":" + fp.patchLine() + ": " + path + ": no such file in the tree");
                }
                endsWithNewline = current.isEmpty() || current.endsWith("\n");
                lines = new ArrayList<>(Arrays.asList(current.split("\n", -1)));
                if (endsWithNewline) {
                    lines.remove(lines.size() - 1);
                }
            }
            int shift = 0;
            for (Hunk h : fp.hunks()) {
                int at = (h.oldCount() == 0 ? h.oldStart() : h.oldStart() - 1) + shift;
                int i = at;
                List<String> replacement = new ArrayList<>();
                for (Line l : h.lines()) {
                    if (l.op() == '+') {
                        replacement.add(l.text());
                        continue;
                    }
                    if (i >= lines.size() || !lines.get(i).equals(l.text())) {
                        throw new KconfigException(name + ":" + l.patchLine() + ": hunk does not apply to " + path
                                + ":" + (i + 1) + ": expected '" + l.text() + "', found "
                                + (i >= lines.size() ? "the end of the file" : "'" + lines.get(i) + "'"));
                    }
                    if (l.op() == ' ') {
                        replacement.add(l.text());
                    }
                    i++;
                }
                List<String> tail = new ArrayList<>(lines.subList(i, lines.size()));
                lines = new ArrayList<>(lines.subList(0, at));
                lines.addAll(replacement);
                lines.addAll(tail);
                shift += h.newCount() - h.oldCount();
            }
            if (fp.newPath() == null) {
                out.put(path, null);
            } else {
                out.put(fp.newPath(), String.join("\n", lines) + (endsWithNewline && !lines.isEmpty() ? "\n" : ""));
                if (fp.oldPath() != null && !fp.oldPath().equals(fp.newPath())) {
                    out.put(fp.oldPath(), null);
                }
            }
        }
        return out;
    }

    private static String read(Path tree, String path) throws IOException {
        Path p = tree.resolve(path);
        return Files.isRegularFile(p) ? new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1) : null;
    }

    private static List<FilePatch> parse(String name, String text) {
        String[] lines = text.split("\n", -1);
        List<FilePatch> out = new ArrayList<>();
        int i = 0;
        while (i < lines.length) {
            if (!lines[i].startsWith("--- ")) {
                i++; // commit message, diff --git, index lines
                continue;
            }
            int header = i + 1;
            if (i + 1 >= lines.length || !lines[i + 1].startsWith("+++ ")) {
                throw new KconfigException(name + ":" + header + ": '---' line without a '+++' line after it");
            }
            String oldPath = path(lines[i].substring(4));
            String newPath = path(lines[i + 1].substring(4));
            if (oldPath == null && newPath == null) {
                throw new KconfigException(name + ":" + header + ": both sides are /dev/null");
            }
            i += 2;
            List<Hunk> hunks = new ArrayList<>();
            while (i < lines.length && lines[i].startsWith("@@")) {
                Matcher m = HUNK.matcher(lines[i]);
                if (!m.matches()) {
                    throw new KconfigException(name + ":" + (i + 1) + ": malformed hunk header: " + lines[i]);
                }
                int hunkLine = i + 1;
                int oldCount = m.group(2) == null ? 1 : Integer.parseInt(m.group(2));
                int newCount = m.group(4) == null ? 1 : Integer.parseInt(m.group(4));
                List<Line> body = new ArrayList<>();
                int seenOld = 0;
                int seenNew = 0;
                i++;
                while (seenOld < oldCount || seenNew < newCount) {
                    if (i >= lines.length) {
                        throw new KconfigException(name + ":" + hunkLine + ": hunk ends early (the file ends)");
                    }
                    String l = lines[i];
                    if (l.startsWith("\\")) {
                        i++; // "\ No newline at end of file"
                        continue;
                    }
                    char op = l.isEmpty() ? ' ' : l.charAt(0); // some mailers strip the space of empty context lines
                    if (op != ' ' && op != '-' && op != '+') {
                        throw new KconfigException(name + ":" + (i + 1) + ": hunk ends early: expected "
                                + (oldCount - seenOld) + " more old and " + (newCount - seenNew) + " more new lines");
                    }
                    body.add(new Line(op, l.isEmpty() ? "" : l.substring(1), i + 1));
                    seenOld += op != '+' ? 1 : 0;
                    seenNew += op != '-' ? 1 : 0;
                    i++;
                }
                if (seenOld != oldCount || seenNew != newCount) {
                    throw new KconfigException(name + ":" + hunkLine + ": hunk has more lines than its header says");
                }
                while (i < lines.length && lines[i].startsWith("\\")) {
                    i++;
                }
                hunks.add(new Hunk(Integer.parseInt(m.group(1)), oldCount, Integer.parseInt(m.group(3)), newCount,
                        body, hunkLine));
            }
            if (hunks.isEmpty()) {
                throw new KconfigException(name + ":" + header + ": no hunks for " + (oldPath != null ? oldPath : newPath));
            }
            out.add(new FilePatch(oldPath, newPath, hunks, header));
        }
        if (out.isEmpty()) {
            throw new KconfigException(name + ":1: not a unified diff (no '--- ' / '+++ ' lines)");
        }
        return out;
    }

    private static String path(String field) {
        String p = field;
        int tab = p.indexOf('\t');
        if (tab >= 0) {
            p = p.substring(0, tab);
        }
        p = p.trim();
        if (p.equals("/dev/null")) {
            return null;
        }
        if (p.startsWith("a/") || p.startsWith("b/")) {
            p = p.substring(2);
        }
        return p;
    }

    /**
     * A unified diff (git style, a/ b/ paths) of one file's change from {@code before} to
     * {@code after}: one hunk spanning the changed lines, with three lines of context.
     */
    public static String render(String path, String before, String after) {
        List<String> a = lines(before);
        List<String> b = lines(after);
        List<Op> ops = script(a, b);
        List<Integer> changed = new ArrayList<>();
        for (int k = 0; k < ops.size(); k++) {
            if (ops.get(k).op() != ' ') {
                changed.add(k);
            }
        }
        if (changed.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        out.append("--- a/").append(path).append('\n').append("+++ b/").append(path).append('\n');
        for (int c = 0; c < changed.size();) {
            int last = c;
            while (last + 1 < changed.size() && changed.get(last + 1) - changed.get(last) <= 2 * CONTEXT + 1) {
                last++; // changes at most twice the context apart share a hunk
            }
            int from = Math.max(0, changed.get(c) - CONTEXT);
            int to = Math.min(ops.size(), changed.get(last) + CONTEXT + 1);
            int aCount = 0;
            int bCount = 0;
            for (int k = from; k < to; k++) {
                aCount += ops.get(k).op() == '+' ? 0 : 1;
                bCount += ops.get(k).op() == '-' ? 0 : 1;
            }
            int aStart = ops.get(from).a();
            int bStart = ops.get(from).b();
            out.append("@@ -").append(aCount == 0 ? aStart : aStart + 1).append(',').append(aCount).append(" +")
                    .append(bCount == 0 ? bStart : bStart + 1).append(',').append(bCount).append(" @@\n");
            for (int k = from; k < to; k++) {
                Op o = ops.get(k);
                out.append(o.op()).append(o.op() == '+' ? b.get(o.b()) : a.get(o.a())).append('\n');
            }
            c = last + 1;
        }
        return out.toString();
    }

    private static final int CONTEXT = 3;
    /** The largest (changed lines before) x (after) compared line by line; beyond, one block replaces the other. */
    private static final long MAX_TABLE = 4_000_000;

    /** One line of an edit script, with the lines of {@code a} and {@code b} before it. */
    private record Op(char op, int a, int b) {
    }

    /**
     * An edit script from {@code a} to {@code b}: common prefix and suffix, and between them a
     * longest common subsequence (when small enough), so separate edits stay separate.
     */
    private static List<Op> script(List<String> a, List<String> b) {
        int prefix = 0;
        while (prefix < a.size() && prefix < b.size() && a.get(prefix).equals(b.get(prefix))) {
            prefix++;
        }
        int suffix = 0;
        while (suffix < a.size() - prefix && suffix < b.size() - prefix
                && a.get(a.size() - 1 - suffix).equals(b.get(b.size() - 1 - suffix))) {
            suffix++;
        }
        List<Op> ops = new ArrayList<>();
        for (int k = 0; k < prefix; k++) {
            ops.add(new Op(' ', k, k));
        }
        int n = a.size() - prefix - suffix;
        int m = b.size() - prefix - suffix;
        int i = 0;
        int j = 0;
        if ((long) n * m <= MAX_TABLE) {
            int[][] common = new int[n + 1][m + 1];
            for (int x = n - 1; x >= 0; x--) {
                for (int y = m - 1; y >= 0; y--) {
                    common[x][y] = a.get(prefix + x).equals(b.get(prefix + y)) ? common[x + 1][y + 1] + 1
                            : Math.max(common[x + 1][y], common[x][y + 1]);
                }
            }
            while (i < n && j < m) {
                if (a.get(prefix + i).equals(b.get(prefix + j))) {
                    ops.add(new Op(' ', prefix + i++, prefix + j++));
                } else if (common[i + 1][j] >= common[i][j + 1]) {
                    ops.add(new Op('-', prefix + i++, prefix + j));
                } else {
                    ops.add(new Op('+', prefix + i, prefix + j++));
                }
            }
        }
        while (i < n) {
            ops.add(new Op('-', prefix + i++, prefix + j));
        }
        while (j < m) {
            ops.add(new Op('+', prefix + i, prefix + j++));
        }
        for (int k = 0; k < suffix; k++) {
            ops.add(new Op(' ', a.size() - suffix + k, b.size() - suffix + k));
        }
        return ops;
    }

    private static List<String> lines(String text) {
        List<String> l = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
        if (!l.isEmpty() && l.get(l.size() - 1).isEmpty()) {
            l.remove(l.size() - 1);
        }
        return l;
    }
}
