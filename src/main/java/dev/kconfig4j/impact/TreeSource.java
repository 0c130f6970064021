package dev.kconfig4j.impact;

import dev.kconfig4j.diagnostic.KconfigException;
import dev.kconfig4j.cache.CacheRoot;
import dev.kconfig4j.diagnostic.Diagnostics;
import dev.kconfig4j.cache.DirectoryManifest;
import dev.kconfig4j.parse.SourceFiles;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * Where a kernel tree comes from: a directory, or a revision of a git repository.
 *
 * <p>A revision is read with JGit straight from the object database, without checking anything
 * out: the files Kconfig needs are written into a private scratch directory (never the
 * repository's work tree) and the tree is loaded from there like any directory. Those files are
 * every {@code Kconfig*} file, the top {@code Makefile} (for KERNELVERSION), everything under
 * {@code arch/<arch>/configs/} and everything under {@code scripts/} (the {@code $(shell,...)}
 * probes and the dummy tools), every {@code Makefile*} and {@code Kbuild*} file (what Kbuild
 * builds), with their executable bits and the symbolic links that stay inside the tree (see
 * {@link GitRevision#materialize(Path)} for how a hostile revision is kept inside the scratch
 * directory). Writing them once is cheaper and simpler
 * than teaching the parser and the probes (which run as processes) a virtual file system. With a
 * tree cache ({@link #materialize(Path, Path)}: {@code trees/} in the private {@link CacheRoot}) a
 * commit is written once, under its id, and later runs reuse it after checking its
 * {@link DirectoryManifest}: the same paths, so the probe cache answers their probes too.
 */
public sealed interface TreeSource permits TreeSource.Directory, TreeSource.GitRevision {

    /** What the user gave, for reports. */
    String spec();

    /**
     * The tree as a directory: the directory itself, or the revision's files written under
     * {@code scratch} (which must not exist yet or be empty).
     */
    Path materialize(Path scratch) throws IOException;

    /**
     * Like {@link #materialize(Path)}, but a revision goes to {@code cache/<commit id>} (written once,
     * completely, with its {@link DirectoryManifest} last, then renamed into place; reused by later
     * runs while it is this user's and matches its manifest) when {@code cache} is not null. A
     * cache directory that must not be trusted, or a cached revision that does not match its
     * manifest, is not used, with a warning to {@code warnings}.
     */
    default Path materialize(Path scratch, Path cache, Diagnostics warnings) throws IOException {
        return materialize(scratch);
    }

    /** What the source resolved to: the absolute directory, or the commit id. */
    String resolved();

    /**
     * Reads {@code spec}: an existing directory (relative to {@code workingDirectory}), else a
     * revision of the git repository that contains {@code repository} (or the working directory).
     *
     * @throws KconfigException when it is neither
     */
    static TreeSource parse(String spec, Path workingDirectory, Path repository) {
        Path dir = workingDirectory.resolve(spec);
        if (Files.isDirectory(dir)) {
            return new Directory(dir.toAbsolutePath().normalize());
        }
        Path repo = repository != null ? workingDirectory.resolve(repository) : workingDirectory;
        return GitRevision.of(repo, spec);
    }

    /** A kernel tree on disk. */
    record Directory(Path path) implements TreeSource {
        @Override
        public String spec() {
            return path.toString();
        }

        @Override
        public Path materialize(Path scratch) {
            if (!Files.isRegularFile(path.resolve("Kconfig"))) {
                throw new KconfigException(path + ": not a kernel tree (no Kconfig file)");
            }
            return path;
        }

        @Override
        public String resolved() {
            return path.toString();
        }
    }

    /**
     * A revision of a git repository.
     *
     * @param gitDir the repository's .git directory
     * @param revision what the user gave (HEAD~1, v6.12, a commit id...)
     * @param commit the commit it resolves to
     */
    record GitRevision(Path gitDir, String revision, String commit) implements TreeSource {
        /** The parser's own bound on a Kconfig file: a larger blob is never read into memory. */
        private static final long MAX_KCONFIG_SIZE = 16L << 20;

        /** Resolves {@code revision} in the repository containing {@code directory}. */
        public static GitRevision of(Path directory, String revision) {
            FileRepositoryBuilder b = new FileRepositoryBuilder().findGitDir(directory.toFile());
            if (b.getGitDir() == null) {
                throw new KconfigException(revision + ": neither a directory nor a revision ("
                        + directory + " is not inside a git repository)");
            }
            try (Repository repo = b.setMustExist(true).build()) {
                ObjectId id = repo.resolve(revision + "^{commit}");
                if (id == null) {
                    throw new KconfigException(revision + ": neither a directory nor a revision of " + repo.getDirectory());
                }
                return new GitRevision(repo.getDirectory().toPath(), revision, id.name());
            } catch (IOException | org.eclipse.jgit.errors.RevisionSyntaxException e) {
                throw new KconfigException(revision + ": cannot resolve in " + directory + ": " + e.getMessage());
            }
        }

        @Override
        public String spec() {
            return revision;
        }

        @Override
        public String resolved() {
            return commit;
        }

        /**
         * Writes the needed files of the revision under {@code scratch}, which is trusted; the
         * revision is not. Git accepts trees no checkout would write (a link and a directory of the
         * same name, {@code ..}, {@code .git}, names with slashes, an entry twice), so nothing is
         * taken on trust: every name is checked, every directory on a path is created here or
         * must already be a real directory (never a link), every file is created new without
         * following a link, and a link is kept only while it resolves inside the tree (the
         * kernel's own links, such as those under {@code scripts/dtc/include-prefixes}, do). A
         * hostile entry refuses the whole revision; a link leading out of the tree is left out,
         * like any file Kconfig does not need.
         */
        @Override
        public Path materialize(Path scratch) throws IOException {
            Files.createDirectories(scratch);
            Path root = scratch.toRealPath();
            List<Path> links = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            eachEntry((tw, reader, path) -> {
                FileMode mode = tw.getFileMode(0);
                boolean subtree = tw.isSubtree();
                if (!subtree && (!needed(path) || mode == FileMode.GITLINK)) {
                    return;
                }
                if (!seen.add(path)) {
                    throw refused(path, "twice in its tree");
                }
                if (subtree) {
                    return;
                }
                Path target = parentsOf(root, path).resolve(tw.getNameString());
                byte[] bytes = reader.open(tw.getObjectId(0)).getBytes();
                try {
                    if (mode == FileMode.SYMLINK) {
                        String to = new String(bytes, StandardCharsets.UTF_8);
                        if (leadsInside(root, target, to)) {
                            Files.createSymbolicLink(target, Path.of(to));
                            links.add(target);
                        }
                        return;
                    }
                    try (OutputStream out = Files.newOutputStream(target, StandardOpenOption.CREATE_NEW,
                            StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS)) {
                        out.write(bytes);
                    }
                } catch (FileAlreadyExistsException twice) {
                    throw refused(path, "twice in its tree");
                }
                if (mode == FileMode.EXECUTABLE_FILE) {
                    target.toFile().setExecutable(true, false);
                }
            });
            // A link's text may stay inside while its resolution does not (through another link,
            // "l -> ." then "m -> l/../.."): what counts is where it resolves once all are written.
            for (Path link : links) {
                if (Files.exists(link) && !link.toRealPath().startsWith(root)) {
                    Files.delete(link);
                }
            }
            if (!Files.isRegularFile(scratch.resolve("Kconfig"))) {
                throw new KconfigException(revision + " (" + commit + "): not a kernel tree (no Kconfig file)");
            }
            return scratch;
        }

        /**
         * The revision's {@code Kconfig*} files read straight from the object database, for the
         * parser of the tree materialized at {@code root} ({@link #materialize(Path)}): a path
         * under {@code root} names the revision's blob, whatever the directory holds; other paths
         * are read from the file system as usual. Names are checked as when materializing, a file
         * over 16 MiB is not read (the parser refuses it by its size), and a link is followed only
         * to a {@code Kconfig*} file of the same revision inside the tree.
         */
        public SourceFiles kconfigFiles(Path root) throws IOException {
            Map<String, byte[]> blobs = new HashMap<>();
            Map<String, Long> sizes = new HashMap<>();
            Map<String, String> links = new HashMap<>();
            eachEntry((tw, reader, path) -> {
                FileMode mode = tw.getFileMode(0);
                if (tw.isSubtree() || !tw.getNameString().startsWith("Kconfig") || mode == FileMode.GITLINK) {
                    return;
                }
                if (sizes.containsKey(path) || links.containsKey(path)) {
                    throw refused(path, "twice in its tree");
                }
                if (mode == FileMode.SYMLINK) {
                    links.put(path, new String(reader.open(tw.getObjectId(0)).getBytes(), StandardCharsets.UTF_8));
                    return;
                }
                long size = reader.getObjectSize(tw.getObjectId(0), org.eclipse.jgit.lib.Constants.OBJ_BLOB);
                sizes.put(path, size);
                if (size <= MAX_KCONFIG_SIZE) {
                    blobs.put(path, reader.open(tw.getObjectId(0)).getBytes());
                }
            });
            Path inside = Path.of("/tree");
            links.forEach((path, to) -> {
                Path link = inside.resolve(path);
                Path resolved = to.isEmpty() || to.indexOf('\0') >= 0 || Path.of(to).isAbsolute() ? null
                        : link.getParent().resolve(to).normalize();
                String target = resolved != null && resolved.startsWith(inside) && !resolved.equals(inside)
                        ? inside.relativize(resolved).toString() : null;
                if (target != null && sizes.containsKey(target)) {
                    sizes.put(path, sizes.get(target));
                    if (blobs.containsKey(target)) {
                        blobs.put(path, blobs.get(target));
                    }
                }
            });
            Path top = root.toAbsolutePath().normalize();
            return new SourceFiles() {
                /** The path inside the revision, or null for a path outside the tree. */
                private String inTree(Path p) {
                    Path n = p.toAbsolutePath().normalize();
                    return n.startsWith(top) && !n.equals(top) ? top.relativize(n).toString().replace('\\', '/') : null;
                }

                @Override
                public boolean isRegularFile(Path p) {
                    String key = inTree(p);
                    return key == null ? SourceFiles.DISK.isRegularFile(p) : sizes.containsKey(key);
                }

                @Override
                public long size(Path p) throws IOException {
                    String key = inTree(p);
                    return key == null ? SourceFiles.DISK.size(p) : sizes.getOrDefault(key, 0L);
                }

                @Override
                public byte[] read(Path p) throws IOException {
                    String key = inTree(p);
                    if (key == null) {
                        return SourceFiles.DISK.read(p);
                    }
                    byte[] b = blobs.get(key);
                    if (b == null) {
                        throw new java.nio.file.NoSuchFileException(p + " (not a Kconfig file of " + revision + ")");
                    }
                    return b;
                }
            };
        }

        /** What is done with each entry of the revision's tree. */
        private interface EntryVisitor {
            void entry(TreeWalk tw, ObjectReader reader, String path) throws IOException;
        }

        /**
         * Calls {@code visitor} for every entry of the revision's tree, read from the object
         * database, a directory before its entries; a name git's checkout would refuse refuses the
         * revision first.
         */
        private void eachEntry(EntryVisitor visitor) throws IOException {
            try (Repository repo = new FileRepositoryBuilder().setGitDir(gitDir.toFile()).setMustExist(true).build();
                    RevWalk walk = new RevWalk(repo);
                    ObjectReader reader = repo.newObjectReader();
                    TreeWalk tw = new TreeWalk(repo, reader)) {
                tw.addTree(walk.parseCommit(ObjectId.fromString(commit)).getTree());
                tw.setRecursive(false);
                while (tw.next()) {
                    String path = tw.getPathString();
                    String why = badName(tw.getNameString());
                    if (why != null) {
                        throw refused(path, why);
                    }
                    visitor.entry(tw, reader, path);
                    if (tw.isSubtree()) {
                        tw.enterSubtree();
                    }
                }
            }
        }

        /** Why git's checkout would refuse a tree entry's name, or null. */
        private static String badName(String name) {
            if (name.isEmpty() || name.equals(".") || name.equals("..")) {
                return "not a file name";
            }
            if (name.indexOf('/') >= 0 || name.indexOf('\0') >= 0) {
                return "a name with a slash";
            }
            if (name.equalsIgnoreCase(".git")) {
                return "a .git directory";
            }
            return null;
        }

        private KconfigException refused(String path, String why) {
            return new KconfigException(revision + " (" + commit + "): refusing tree entry " + path + ": " + why);
        }

        /** The directory of {@code path} under {@code root}, made of real directories only. */
        private Path parentsOf(Path root, String path) throws IOException {
            Path dir = root;
            String[] names = path.split("/");
            for (int i = 0; i < names.length - 1; i++) {
                dir = dir.resolve(names[i]);
                if (Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
                    continue;
                }
                if (Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
                    String at = String.join("/", java.util.Arrays.copyOf(names, i + 1));
                    throw refused(path, at + " is not a directory ("
                            + (Files.isSymbolicLink(dir) ? "a symbolic link" : "a file") + ")");
                }
                Files.createDirectory(dir);
            }
            return dir;
        }

        /** Whether a link at {@code link} with text {@code to} names a place inside {@code root}. */
        private static boolean leadsInside(Path root, Path link, String to) {
            if (to.isEmpty() || to.indexOf('\0') >= 0) {
                return false;
            }
            Path t = Path.of(to);
            return !t.isAbsolute() && link.getParent().resolve(t).normalize().startsWith(root);
        }

        @Override
        public Path materialize(Path scratch, Path cache, Diagnostics warnings) throws IOException {
            if (cache == null) {
                return materialize(scratch);
            }
            try {
                CacheRoot.privateDirectory(cache);
            } catch (CacheRoot.Untrusted e) {
                CacheRoot.warnOnce(warnings, e.getMessage());
                return materialize(scratch);
            }
            Path target = cache.resolve(commit);
            boolean present = Files.exists(target, LinkOption.NOFOLLOW_LINKS);
            if (present) {
                String problem = DirectoryManifest.problem(target, commit);
                if (problem == null) {
                    return target;
                }
                CacheRoot.warnOnce(warnings, "cached revision " + target + " " + problem + "; written anew");
            }
            Path partial = Files.createTempDirectory(cache, commit + ".partial.");
            try {
                materialize(partial);
                // Written last: a directory with a manifest that matches it is complete.
                DirectoryManifest.write(partial, commit);
                if (present && CacheRoot.distrust(target, true) == null) {
                    deleteTree(target);
                }
                try {
                    Files.move(partial, target, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
                } catch (IOException raced) {
                    // Another run wrote it first (or something untrusted is in the way): use a
                    // verified one, else our own.
                    if (DirectoryManifest.problem(target, commit) != null) {
                        return partial;
                    }
                }
            } catch (IOException | RuntimeException e) {
                deleteTree(partial);
                throw e;
            }
            if (Files.exists(partial)) {
                deleteTree(partial);
            }
            return target;
        }

        private static void deleteTree(Path dir) throws IOException {
            try (java.util.stream.Stream<Path> s = Files.walk(dir)) {
                for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }

        /** Whether Kconfig (or Kbuild) may read the file: see {@link TreeSource}. */
        static boolean needed(String path) {
            String name = path.substring(path.lastIndexOf('/') + 1);
            return name.startsWith("Kconfig") || name.startsWith("Makefile") || name.startsWith("Kbuild")
                    || path.startsWith("scripts/") || (path.startsWith("arch/") && path.contains("/configs/"));
        }
    }
}
