package dev.kconfig4j.confdata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFileTest {
    @TempDir
    Path dir;

    @Test
    void writesTheContentWithTheModeAPlainCreateGets() throws IOException {
        Path target = dir.resolve("sub/.config");
        AtomicFile.write(target, "CONFIG_A=y\n");
        assertThat(target).hasContent("CONFIG_A=y");
        // 0666 minus the umask, like the kernel's conf (and every plain create), not createTempFile's 0600.
        Set<PosixFilePermission> expected = Files.getPosixFilePermissions(Files.createFile(dir.resolve("plain")));
        assertThat(Files.getPosixFilePermissions(target)).isEqualTo(expected);
        try (Stream<Path> files = Files.list(target.getParent())) {
            assertThat(files).containsExactly(target); // no temporary file left
        }
    }

    @Test
    void replacesAnExistingFileWhole() throws IOException {
        Path target = dir.resolve("auto.conf");
        Files.writeString(target, "a much longer old content that must not survive in part\n");
        AtomicFile.write(target, new byte[] {'x', '\n'});
        assertThat(Files.readAllBytes(target)).containsExactly('x', '\n');
    }

    @Test
    void aFailedWriteLeavesTheTargetAndNoTemporaryFile() throws IOException {
        Path target = dir.resolve("out");
        Files.createDirectory(target); // a directory cannot be replaced by a file
        assertThatThrownBy(() -> AtomicFile.write(target, "x\n")).isInstanceOf(IOException.class);
        assertThat(target).isDirectory();
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactly(target);
        }
    }
}
