package io.barlake.lake.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalObjectStoreTest extends ObjectStoreContractTest {
    @TempDir
    Path folder;

    @Override
    protected ObjectStore newStore() {
        return new LocalObjectStore(folder.resolve("lake"));
    }

    @Test
    void objectsAreFilesUnderTheRootAndNothingIsWrittenOutsideIt() throws IOException {
        store.put("bronze/bars/date=2024-01-02/_meta.json", bytes("{}"));
        assertThat(folder.resolve("lake/bronze/bars/date=2024-01-02/_meta.json")).hasContent("{}");
        try (Stream<Path> files = Files.walk(folder)) {
            assertThat(files.filter(Files::isRegularFile)).containsExactly(
                    folder.resolve("lake/bronze/bars/date=2024-01-02/_meta.json"));
        }
    }

    @Test
    void failedWritesLeaveNoScratchFilesBehind() throws IOException {
        for (int i = 0; i < 3; i++) {
            try {
                store.write("x/y.bin", out -> {
                    out.write(new byte[100]);
                    throw new IOException("fail");
                });
            } catch (ObjectStoreException expected) {
                assertThat(expected).hasMessageContaining("fail");
            }
        }
        Path scratch = folder.resolve("lake").resolve(ObjectKeys.RESERVED_PREFIX);
        try (Stream<Path> files = Files.list(scratch)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void deletingTheLastObjectOfAFolderRemovesTheEmptyFolders() {
        store.put("bronze/bars/date=2024-01-02/_meta.json", bytes("{}"));
        store.delete(List.of("bronze/bars/date=2024-01-02/_meta.json"));
        assertThat(folder.resolve("lake/bronze")).doesNotExist();
        assertThat(folder.resolve("lake")).isDirectory();
    }

    @Test
    void readingALakeThatDoesNotExistYetCreatesNothing() {
        assertThat(store.list("")).isEmpty();
        assertThat(store.get("a/b")).isEmpty();
        assertThat(store.head("a/b")).isEmpty();
        store.delete(List.of("a/b"));
        assertThat(folder.resolve("lake")).doesNotExist();
    }

    @Test
    void aFileIsNotALake() throws IOException {
        Path file = Files.writeString(folder.resolve("file.txt"), "x");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new LocalObjectStore(file))
                .isInstanceOf(ObjectStoreException.class)
                .hasMessageEndingWith("file.txt: it is a file, not a folder");
    }

    @Test
    void theLocationIsTheAbsoluteRoot() {
        assertThat(store.location()).isEqualTo(folder.resolve("lake").toAbsolutePath().toString());
    }
}
