package io.barlake.lake.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
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
            assertThatThrownBy(() -> store.write("x/y.bin", out -> {
                out.write(new byte[100]);
                throw new IOException("fail");
            })).isInstanceOf(ObjectStoreException.class).hasMessageContaining("fail");
        }
        assertThat(folder.resolve("lake/x/y.bin")).doesNotExist();
        Path scratch = folder.resolve("lake").resolve(ObjectKeys.RESERVED_PREFIX);
        try (Stream<Path> files = Files.list(scratch)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void theFirstWriteDeletesTempFilesThatAKilledWriterLeftADayAgoButNotYoungerOnes() throws IOException {
        Path scratch = Files.createDirectories(folder.resolve("lake").resolve(ObjectKeys.RESERVED_PREFIX));
        Path abandoned = Files.write(scratch.resolve("put-1.tmp"), new byte[10]);
        Files.setLastModifiedTime(abandoned, FileTime.from(Instant.now().minus(Duration.ofHours(25))));
        Path inFlight = Files.write(scratch.resolve("put-2.tmp"), new byte[10]);
        Files.setLastModifiedTime(inFlight, FileTime.from(Instant.now().minus(Duration.ofHours(23))));
        Path notOurs = Files.write(scratch.resolve("notes.txt"), new byte[10]);
        Files.setLastModifiedTime(notOurs, FileTime.from(Instant.now().minus(Duration.ofDays(30))));

        store.put("a/b.json", bytes("{}"));

        assertThat(abandoned).doesNotExist();
        assertThat(inFlight).exists();
        assertThat(notOurs).exists();
        assertThat(store.list("")).extracting(ObjectInfo::key).containsExactly("a/b.json");
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
