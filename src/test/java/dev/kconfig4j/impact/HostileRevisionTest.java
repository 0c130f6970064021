package dev.kconfig4j.impact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kconfig4j.diagnostic.KconfigException;
import dev.kconfig4j.cli.Cli;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.TreeFormatter;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A revision is hostile input: its trees are written raw into the object database here, as
 * {@code git mktree} or a fetch would accept them (a symbolic link with a directory of the same
 * name beside it, {@code ..}, {@code .git}, names with slashes, links that lead out of the tree).
 * Writing a revision's files never writes outside the scratch directory and never follows a link:
 * a hostile entry refuses the revision with one line; a link that leads outside the tree is left
 * out, like any file Kconfig does not need.
 */
class HostileRevisionTest {
    @TempDir
    Path tmp;
    Path repo;
    Path outside;

    private static final String KCONFIG = "config A\n\tbool \"a\"\n\tdefault y\n";

    @BeforeEach
    void repository() throws IOException {
        repo = tmp.resolve("repo");
        outside = tmp.resolve("victim");
        Files.createDirectories(outside);
        try (Repository r = FileRepositoryBuilder.create(repo.resolve(".git").toFile())) {
            r.create();
        }
    }

    /** A tree entry: a blob (text), a link (its target) or a subtree. */
    private sealed interface Entry permits Blob, Link, Dir {
    }

    private record Blob(String name, String text) implements Entry {
    }

    private record Link(String name, String target) implements Entry {
    }

    private record Dir(String name, Entry... entries) implements Entry {
    }

    /** Writes the entries, in the order given (duplicates included), as the commit of HEAD. */
    private void commit(Entry... entries) throws IOException {
        try (Repository r = new FileRepositoryBuilder().setGitDir(repo.resolve(".git").toFile()).build();
                ObjectInserter ins = r.newObjectInserter()) {
            ObjectId tree = tree(ins, entries);
            CommitBuilder c = new CommitBuilder();
            c.setTreeId(tree);
            PersonIdent who = new PersonIdent("t", "t@example.org");
            c.setAuthor(who);
            c.setCommitter(who);
            c.setMessage("hostile\n");
            ObjectId id = ins.insert(c);
            ins.flush();
            RefUpdate u = r.updateRef(Constants.HEAD);
            u.setNewObjectId(id);
            u.forceUpdate();
        }
    }

    private static ObjectId tree(ObjectInserter ins, Entry... entries) throws IOException {
        TreeFormatter f = new TreeFormatter();
        for (Entry e : entries) {
            if (e instanceof Blob b) {
                f.append(b.name(), FileMode.REGULAR_FILE, ins.insert(Constants.OBJ_BLOB, bytes(b.text())));
            } else if (e instanceof Link l) {
                f.append(l.name(), FileMode.SYMLINK, ins.insert(Constants.OBJ_BLOB, bytes(l.target())));
            } else if (e instanceof Dir d) {
                f.append(d.name(), FileMode.TREE, tree(ins, d.entries()));
            }
        }
        // Raw bytes: TreeFormatter's own insert would be just as lenient, this says so.
        return ins.insert(Constants.OBJ_TREE, f.toByteArray());
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private Path materialize() throws IOException {
        return TreeSource.parse("HEAD", repo, null).materialize(tmp.resolve("scratch"));
    }

    private void assertNothingOutside() throws IOException {
        try (Stream<Path> s = Files.list(outside)) {
            assertThat(s).isEmpty();
        }
        try (Stream<Path> s = Files.list(tmp)) {
            assertThat(s.map(p -> p.getFileName().toString())).allMatch(n -> Stream.of("repo", "victim", "scratch")
                    .anyMatch(n::equals));
        }
    }

    @Test
    void aLinkWithADirectoryOfTheSameNameBesideItIsNeverWrittenThrough() throws IOException {
        commit(new Blob("Kconfig", KCONFIG),
                new Dir("scripts", new Link("x", outside.toString()), new Dir("x", new Blob(".bashrc", "evil\n"))));
        assertThatThrownBy(this::materialize).isInstanceOf(KconfigException.class)
                .hasMessageMatching("HEAD \\([0-9a-f]{40}\\): refusing tree entry scripts/x: twice in its tree");
        assertNothingOutside();
    }

    @Test
    void aLinkToADirectoryInsideTheTreeIsNotWrittenThroughEither() throws IOException {
        commit(new Dir("arch", new Blob("Kconfig", "config ARCH\n\tbool\n")), new Blob("Kconfig", KCONFIG),
                new Link("Kconfig.d", "arch"), new Dir("Kconfig.d", new Blob("Kconfig", "overwritten\n")));
        assertThatThrownBy(this::materialize).isInstanceOf(KconfigException.class)
                .hasMessageContaining("refusing tree entry Kconfig.d: twice in its tree");
        assertThat(tmp.resolve("scratch/arch/Kconfig")).hasContent("config ARCH\n\tbool");
    }

    @Test
    void aLinkBeforeAFileOfTheSameNameIsNotFollowed() throws IOException {
        Path victim = outside.resolve("file");
        commit(new Link("Kconfig", victim.toString()), new Blob("Kconfig", KCONFIG));
        assertThatThrownBy(this::materialize).isInstanceOf(KconfigException.class)
                .hasMessageContaining("refusing tree entry Kconfig: twice in its tree");
        assertNothingOutside();
    }

    @Test
    void dotDotDotGitAndSlashesInNamesAreRefused() throws IOException {
        for (Entry hostile : new Entry[] {new Dir("..", new Blob("Kconfig.evil", "x\n")),
            new Dir(".", new Blob("Kconfig.evil", "x\n")),
            new Dir(".git", new Blob("Kconfig", "x\n")), new Dir(".GIT", new Dir("hooks", new Blob("Kconfig", "x\n"))),
            new Blob("scripts/../../Kconfig.evil", "x\n"), new Blob("scripts/ok", "x\n")}) {
            commit(new Blob("Kconfig", KCONFIG), hostile);
            assertThatThrownBy(this::materialize).as(hostile.toString()).isInstanceOf(KconfigException.class)
                    .hasMessageContaining("refusing tree entry");
            assertNothingOutside();
            deleteScratch();
        }
    }

    @Test
    void linksThatLeaveTheTreeAreLeftOutAndLinksInsideItKept() throws IOException {
        commit(new Blob("Kconfig", KCONFIG + "source \"scripts/Kconfig.inside\"\n"),
                new Dir("scripts", new Blob("Kconfig.real", "config B\n\tbool \"b\"\n"),
                        new Link("Kconfig.inside", "Kconfig.real"),
                        new Link("absolute", outside.toString()),
                        new Link("relative", "../../victim"),
                        new Link("here", "."),
                        // Inside by its text, outside through the link above.
                        new Link("through", "here/../..")));
        Path dir = materialize();
        assertThat(Files.isSymbolicLink(dir.resolve("scripts/Kconfig.inside"))).isTrue();
        assertThat(dir.resolve("scripts/Kconfig.inside")).hasContent("config B\n\tbool \"b\"");
        for (String gone : new String[] {"absolute", "relative", "through"}) {
            assertThat(Files.exists(dir.resolve("scripts").resolve(gone), LinkOption.NOFOLLOW_LINKS)).as(gone).isFalse();
        }
        assertNothingOutside();
    }

    @Test
    void impactOnAHostileRevisionIsOneLineAndWritesNothingOutside() throws IOException {
        commit(new Blob("Kconfig", KCONFIG),
                new Dir("scripts", new Link("x", outside.toString()), new Dir("x", new Blob(".bashrc", "evil\n"))));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = Cli.execute(new Cli.Context(Map.of("HOME", tmp.toString(), "KCONFIG4J_PROBE_CACHE", "off",
                "KCONFIG4J_CACHE_DIR", tmp.resolve("scratch").toString()), repo,
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                o -> null), "impact", "--before", "HEAD", "--after", "HEAD", "--shell=deny");
        assertThat(exit).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("refusing tree entry scripts/x: twice in its tree").hasLineCount(1);
        try (Stream<Path> s = Files.list(outside)) {
            assertThat(s).isEmpty();
        }
    }

    @Test
    void theParserReadsTheRevisionsKconfigFilesFromTheObjectDatabase() throws IOException {
        commit(new Blob("Kconfig", KCONFIG + "source \"sub/Kconfig\"\nsource \"sub/Kconfig.link\"\n"),
                new Dir("sub", new Blob("Kconfig", "config B\n\tbool \"b\"\n"),
                        new Link("Kconfig.link", "Kconfig.c"), new Blob("Kconfig.c", "config C\n\tbool \"c\"\n"),
                        new Link("Kconfig.out", "../../victim/Kconfig")));
        Files.writeString(outside.resolve("Kconfig"), "config EVIL\n\tbool \"evil\"\n");
        TreeSource.GitRevision rev = (TreeSource.GitRevision) TreeSource.parse("HEAD", repo, null);
        Path dir = rev.materialize(tmp.resolve("scratch"));
        // The written copy changes (a cache someone else can write, say): the parse does not.
        Files.writeString(dir.resolve("sub/Kconfig"), "config TAMPERED\n\tbool \"t\"\n");
        dev.kconfig4j.parse.SourceFiles files = rev.kconfigFiles(dir);
        dev.kconfig4j.Kconfig tree = dev.kconfig4j.Kconfig.load(dev.kconfig4j.Kconfig.Options.of(dir, "Kconfig",
                Map.of(), tmp.resolve("scratch")).readingFrom(files), System.out, System.err);
        assertThat(tree.symbols().find("B")).isNotNull();
        assertThat(tree.symbols().find("C")).as("a link inside the tree is followed").isNotNull();
        assertThat(tree.symbols().find("TAMPERED")).isNull();
        assertThat(files.isRegularFile(dir.resolve("sub/Kconfig.out"))).as("a link out of the tree").isFalse();
        assertThat(files.isRegularFile(dir.resolve("scripts/none"))).isFalse();
    }

    @Test
    void readingTheObjectDatabaseRefusesHostileNamesAsWritingDoes() throws IOException {
        commit(new Blob("Kconfig", KCONFIG), new Dir("..", new Blob("Kconfig.evil", "x\n")));
        TreeSource.GitRevision rev = (TreeSource.GitRevision) TreeSource.parse("HEAD", repo, null);
        assertThatThrownBy(() -> rev.kconfigFiles(tmp.resolve("scratch"))).isInstanceOf(KconfigException.class)
                .hasMessageContaining("refusing tree entry ..: not a file name");
        assertNothingOutside();
    }

    private void deleteScratch() throws IOException {
        Path s = tmp.resolve("scratch");
        if (Files.exists(s)) {
            try (Stream<Path> w = Files.walk(s)) {
                for (Path p : w.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }
}
