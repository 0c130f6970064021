package dev.kconfig4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kconfig4j.parse.Statement;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a loaded tree keeps: the files it read, and its syntax tree unless told not to. */
class KconfigLoadTest {
    private static final PrintStream QUIET = new PrintStream(OutputStream.nullOutputStream());

    @TempDir
    Path dir;

    private Kconfig.Options options() throws IOException {
        Files.writeString(dir.resolve("Kconfig"), """
                config A
                	bool "a"
                source "sub/Kconfig"
                if A
                source "sub/Kconfig.more"
                endif
                source "sub/Kconfig"
                """);
        Files.createDirectories(dir.resolve("sub"));
        Files.writeString(dir.resolve("sub/Kconfig"), "config B\n\tbool\n");
        Files.writeString(dir.resolve("sub/Kconfig.more"), "config C\n\tbool\n");
        return Kconfig.Options.of(dir, "Kconfig", Map.of("KERNELVERSION", "6.12"), dir);
    }

    @Test
    void theFilesReadAreListedOnceInTheOrderFirstRead() throws IOException {
        Kconfig tree = Kconfig.load(options(), QUIET, QUIET);
        assertThat(tree.filesRead()).containsExactly("Kconfig", "sub/Kconfig", "sub/Kconfig.more");
        assertThat(tree.syntax()).hasSize(4).element(1).isInstanceOf(Statement.Source.class);
    }

    @Test
    void aTreeLoadedWithoutItsSyntaxStillKnowsItsFilesAndValues() throws IOException {
        Kconfig tree = Kconfig.load(options().withoutSyntax(), QUIET, QUIET);
        assertThat(tree.options().keepsSyntax()).isFalse();
        assertThat(tree.filesRead()).containsExactly("Kconfig", "sub/Kconfig", "sub/Kconfig.more");
        assertThat(tree.symbols().find("C").isDefined()).isTrue();
        assertThatThrownBy(tree::syntax).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("without its syntax tree");
    }

    @Test
    void theSyntaxTreeCannotBeChanged() throws IOException {
        Kconfig tree = Kconfig.load(options(), QUIET, QUIET);
        Statement.Config a = (Statement.Config) tree.syntax().get(0);
        assertThatThrownBy(() -> a.attributes().clear()).isInstanceOf(UnsupportedOperationException.class);
        Statement.If block = (Statement.If) tree.syntax().get(2);
        assertThatThrownBy(() -> block.body().add(a)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> tree.root().children().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> tree.symbols().find("A").definitions().clear())
                .isInstanceOf(UnsupportedOperationException.class);
    }
}
