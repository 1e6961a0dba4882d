package io.barlake.lake.store;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

/**
 * A lake in a local folder: a key is a relative path below the root.
 *
 * <p>Writes go to a temporary file in the root's {@value ObjectKeys#RESERVED_PREFIX} folder (same
 * file system), are flushed to disk, then renamed over the target atomically, so a crash or a
 * failing writer never leaves a partial file under a lake key. {@link #putIfAbsent} publishes
 * with a hard link, which fails atomically when the target exists.
 *
 * <p>A writer killed mid-write (SIGKILL, power loss) leaves its temporary file behind, outside
 * every lake key. The first write through a store deletes such files once they are more than
 * {@link #ABANDONED_AFTER} old, the local counterpart of the S3 bucket's rule that aborts
 * incomplete multipart uploads; a younger one may still belong to a writer in another process.
 */
public final class LocalObjectStore implements ObjectStore {
    /** How old a temporary file must be before it is taken for abandoned and deleted. */
    public static final Duration ABANDONED_AFTER = Duration.ofDays(1);

    private final Path root;
    private final Path scratch;
    private final AtomicBoolean scratchSwept = new AtomicBoolean();

    /**
     * Opens the folder as a lake. Nothing is created until the first write, so reading a lake that
     * does not exist yet (an empty lake) leaves no trace.
     */
    public LocalObjectStore(Path root) {
        requireNonNull(root, "root is null");
        this.root = root.toAbsolutePath().normalize();
        this.scratch = this.root.resolve(ObjectKeys.RESERVED_PREFIX);
        if (Files.exists(this.root) && !Files.isDirectory(this.root)) {
            throw new ObjectStoreException("Cannot open lake folder " + this.root + ": it is a file, not a folder");
        }
    }

    /** The lake's root folder. */
    public Path root() {
        return root;
    }

    @Override
    public String location() {
        return root.toString();
    }

    @Override
    public void put(String key, byte[] content) {
        requireNonNull(content, "content is null");
        write(key, out -> out.write(content));
    }

    @Override
    public void write(String key, ContentWriter writer) {
        requireNonNull(writer, "writer is null");
        Path target = resolve(key);
        if (Files.isDirectory(target)) {
            // Replacing a folder would delete whatever is in it; that is the owner's call, not ours.
            throw new ObjectStoreException("Cannot write " + key + " in " + root + ": a folder is in its place; "
                    + "move it out of the lake and run again");
        }
        Path temp = null;
        try {
            temp = writeTemp(writer);
            Files.createDirectories(target.getParent());
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            temp = null;
        } catch (IOException | UncheckedIOException e) {
            throw new ObjectStoreException("Cannot write " + key + " in " + root + ": " + describe(e), e);
        } finally {
            deleteQuietly(temp);
        }
    }

    @Override
    public boolean putIfAbsent(String key, byte[] content) {
        requireNonNull(content, "content is null");
        Path target = resolve(key);
        Path temp = null;
        try {
            temp = writeTemp(out -> out.write(content));
            Files.createDirectories(target.getParent());
            Files.createLink(target, temp);
            return true;
        } catch (FileAlreadyExistsException e) {
            return false;
        } catch (IOException e) {
            throw new ObjectStoreException("Cannot write " + key + " in " + root + ": " + describe(e), e);
        } finally {
            deleteQuietly(temp);
        }
    }

    @Override
    public Optional<byte[]> get(String key) {
        Path path = resolve(key);
        try {
            return Optional.of(Files.readAllBytes(path));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new ObjectStoreException("Cannot read " + key + " in " + root + ": " + describe(e), e);
        }
    }

    @Override
    public byte[] getRange(String key, long offset, int length) {
        if (offset < 0 || length < 0) {
            throw new IllegalArgumentException("Cannot read a negative range: offset " + offset + ", length " + length);
        }
        Path path = resolve(key);
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            long available = Math.max(0, channel.size() - offset);
            ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(length, available));
            while (buffer.hasRemaining()) {
                if (channel.read(buffer, offset + buffer.position()) < 0) {
                    break;
                }
            }
            return buffer.array();
        } catch (NoSuchFileException e) {
            throw new ObjectStoreException("Cannot read " + key + " in " + root + ": no such object", e);
        } catch (IOException e) {
            throw new ObjectStoreException("Cannot read " + key + " in " + root + ": " + describe(e), e);
        }
    }

    @Override
    public Optional<ObjectInfo> head(String key) {
        Path path = resolve(key);
        try {
            BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
            if (!attributes.isRegularFile()) {
                return Optional.empty();
            }
            return Optional.of(new ObjectInfo(key, attributes.size(), attributes.lastModifiedTime().toInstant()));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new ObjectStoreException("Cannot read " + key + " in " + root + ": " + describe(e), e);
        }
    }

    @Override
    public List<ObjectInfo> list(String prefix) {
        ObjectKeys.requireValidPrefix(prefix);
        // Walk only the deepest folder the prefix names, not the whole lake.
        int slash = prefix.lastIndexOf('/');
        Path start = slash < 0 ? root : root.resolve(prefix.substring(0, slash));
        if (!Files.isDirectory(start)) {
            return List.of();
        }
        List<ObjectInfo> found = new ArrayList<>();
        try (Stream<Path> paths = Files.walk(start)) {
            paths.filter(path -> !path.startsWith(scratch)).forEach(path -> {
                String key = keyOf(path);
                if (key.startsWith(prefix)) {
                    try {
                        BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
                        if (attributes.isRegularFile()) {
                            found.add(new ObjectInfo(key, attributes.size(), attributes.lastModifiedTime().toInstant()));
                        }
                    } catch (NoSuchFileException deletedMeanwhile) {
                        // Listing is not a snapshot on S3 either: a concurrently deleted key is just absent.
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            });
        } catch (IOException | UncheckedIOException e) {
            throw new ObjectStoreException("Cannot list '" + prefix + "' in " + root + ": " + describe(e), e);
        }
        found.sort(Comparator.comparing(ObjectInfo::key));
        return found;
    }

    @Override
    public void delete(Collection<String> keys) {
        requireNonNull(keys, "keys is null");
        // Validate every key before deleting any, so one bad key cannot leave a half-done delete.
        List<String> checked = List.copyOf(keys);
        List<Path> paths = checked.stream().map(this::resolve).toList();
        for (int i = 0; i < paths.size(); i++) {
            Path path = paths.get(i);
            String key = checked.get(i);
            try {
                if (Files.deleteIfExists(path)) {
                    pruneEmptyFolders(path.getParent());
                }
            } catch (IOException e) {
                throw new ObjectStoreException("Cannot delete " + key + " in " + root + ": " + describe(e), e);
            }
        }
    }

    @Override
    public void close() {
        // Nothing to release: every operation opens and closes its own file.
    }

    @Override
    public String toString() {
        return "LocalObjectStore[" + root + "]";
    }

    private Path writeTemp(ContentWriter writer) throws IOException {
        Files.createDirectories(scratch);
        if (scratchSwept.compareAndSet(false, true)) {
            deleteAbandonedTemps();
        }
        Path temp = Files.createTempFile(scratch, "put-", ".tmp");
        boolean written = false;
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
            OutputStream out = Channels.newOutputStream(channel);
            writer.writeTo(out);
            out.flush();
            channel.force(true);
            written = true;
        } finally {
            if (!written) {
                deleteQuietly(temp);
            }
        }
        return temp;
    }

    /** Best effort: a temporary file that cannot be read or deleted now is left for the next store. */
    private void deleteAbandonedTemps() {
        FileTime cutoff = FileTime.from(Instant.now().minus(ABANDONED_AFTER));
        try (DirectoryStream<Path> temps = Files.newDirectoryStream(scratch, "put-*.tmp")) {
            for (Path temp : temps) {
                try {
                    if (Files.getLastModifiedTime(temp).compareTo(cutoff) < 0) {
                        Files.deleteIfExists(temp);
                    }
                } catch (IOException e) {
                    // gone already, or not ours to delete: either way no write depends on it
                }
            }
        } catch (IOException e) {
            // the write itself goes on; the sweep is tried again by the next store opened on this lake
        }
    }

    private Path resolve(String key) {
        ObjectKeys.requireValid(key);
        Path path = root.resolve(key).normalize();
        if (!path.startsWith(root) || path.equals(root)) {
            throw new InvalidKeyException("Invalid lake key '" + key + "': it resolves outside the lake");
        }
        return path;
    }

    private String keyOf(Path path) {
        return root.relativize(path).toString().replace('\\', '/');
    }

    private void pruneEmptyFolders(Path folder) {
        Path current = folder;
        while (current != null && current.startsWith(root) && !current.equals(root)) {
            try {
                Files.delete(current);
            } catch (DirectoryNotEmptyException | NoSuchFileException e) {
                return;
            } catch (IOException e) {
                return; // an empty folder left behind is harmless; the delete itself succeeded
            }
            current = current.getParent();
        }
    }

    private static void deleteQuietly(Path temp) {
        if (temp == null) {
            return;
        }
        try {
            Files.deleteIfExists(temp);
        } catch (IOException e) {
            // A stray scratch file is invisible to readers and listed nowhere; not worth failing for.
        }
    }

    private static String describe(Exception e) {
        Throwable cause = e instanceof UncheckedIOException unchecked ? unchecked.getCause() : e;
        String message = cause.getMessage();
        return cause.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
