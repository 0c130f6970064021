package dev.kconfig4j.parse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the parser reads a tree's Kconfig files from: the file system, or anything that can tell
 * whether a path names a file and give its bytes (a git revision's object database, read without
 * writing the files anywhere). Paths are those the parser resolves: {@code source} names relative
 * to the working directory, then to srctree.
 */
public interface SourceFiles {

    /** Whether {@code path} names a regular file. */
    boolean isRegularFile(Path path);

    /** The size of the file at {@code path}, in bytes. */
    long size(Path path) throws IOException;

    /** The bytes of the file at {@code path}. */
    byte[] read(Path path) throws IOException;

    /** The file system. */
    SourceFiles DISK = new SourceFiles() {
        @Override
        public boolean isRegularFile(Path path) {
            // java.io.File answers "no such file" with a value; Files.isRegularFile builds an
            // exception, for each of the ~1,700 files of a tree first looked up in the object
            // directory. The same stat, following links, either way.
            return path.getFileSystem() == java.nio.file.FileSystems.getDefault() ? path.toFile().isFile()
                    : Files.isRegularFile(path);
        }

        @Override
        public long size(Path path) throws IOException {
            return Files.size(path);
        }

        @Override
        public byte[] read(Path path) throws IOException {
            return Files.readAllBytes(path);
        }
    };
}
