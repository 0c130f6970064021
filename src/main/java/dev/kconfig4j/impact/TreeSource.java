package dev.kconfig4j.impact;

import dev.kconfig4j.KconfigException;
import dev.kconfig4j.cache.CacheRoot;
import dev.kconfig4j.cache.DirectoryManifest;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
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
 * builds), with their executable bits and symbolic links. Writing them once is cheaper and simpler
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
     * cache directory that must not be trusted is not used (with a warning).
     */
    default Path materialize(Path scratch, Path cache) throws IOException {
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

        @Override
        public Path materialize(Path scratch) throws IOException {
            Files.createDirectories(scratch);
            try (Repository repo = new FileRepositoryBuilder().setGitDir(gitDir.toFile()).setMustExist(true).build();
                    RevWalk walk = new RevWalk(repo);
                    ObjectReader reader = repo.newObjectReader();
                    TreeWalk tw = new TreeWalk(repo, reader)) {
                RevCommit c = walk.parseCommit(ObjectId.fromString(commit));
                tw.addTree(c.getTree());
                tw.setRecursive(true);
                while (tw.next()) {
                    String path = tw.getPathString();
                    FileMode mode = tw.getFileMode(0);
                    if (!needed(path) || mode == FileMode.GITLINK) {
                        continue;
                    }
                    Path target = scratch.resolve(path);
                    Files.createDirectories(target.getParent());
                    byte[] bytes = reader.open(tw.getObjectId(0)).getBytes();
                    if (mode == FileMode.SYMLINK) {
                        Files.createSymbolicLink(target, Path.of(new String(bytes, StandardCharsets.UTF_8)));
                        continue;
                    }
                    try (OutputStream out = Files.newOutputStream(target)) {
                        out.write(bytes);
                    }
                    if (mode == FileMode.EXECUTABLE_FILE) {
                        target.toFile().setExecutable(true, false);
                    }
                }
            }
            if (!Files.isRegularFile(scratch.resolve("Kconfig"))) {
                throw new KconfigException(revision + " (" + commit + "): not a kernel tree (no Kconfig file)");
            }
            return scratch;
        }

        @Override
        public Path materialize(Path scratch, Path cache) throws IOException {
            if (cache == null) {
                return materialize(scratch);
            }
            try {
                CacheRoot.privateDirectory(cache);
            } catch (CacheRoot.Untrusted e) {
                CacheRoot.warnOnce(System.err, e.getMessage());
                return materialize(scratch);
            }
            Path target = cache.resolve(commit);
            boolean present = Files.exists(target, LinkOption.NOFOLLOW_LINKS);
            if (present) {
                String problem = DirectoryManifest.problem(target, commit);
                if (problem == null) {
                    return target;
                }
                CacheRoot.warnOnce(System.err, "cached revision " + target + " " + problem + "; written anew");
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
