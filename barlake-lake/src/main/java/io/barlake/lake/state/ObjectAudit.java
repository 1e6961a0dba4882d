package io.barlake.lake.state;

import io.barlake.lake.store.ObjectInfo;
import io.barlake.lake.store.ObjectStore;
import io.barlake.lake.store.ObjectStoreException;
import io.barlake.lake.store.Sha256;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Checks that an object a checkpoint describes is still there and still what was written, so a
 * stage rebuilds a missing, truncated or overwritten object instead of trusting its checkpoint.
 * An object whose listing facts are the recorded ones is trusted without a read; any other is
 * read and hashed (or, with no mark recorded yet, read and checked by {@code readable}).
 */
public final class ObjectAudit {
    /** What was found, and the mark to record from now on (empty unless {@link Condition#INTACT}). */
    public record Finding(String key, Condition condition, String reason, Optional<ObjectMark> mark) {
        public boolean intact() {
            return condition == Condition.INTACT;
        }

        /** One line for the log and {@code status}: the key and what is wrong with it. */
        public String describe() {
            return key + " is " + reason;
        }
    }

    public enum Condition { INTACT, MISSING, DAMAGED }

    private ObjectAudit() {}

    /**
     * @param listing  the objects of the stage's prefix by key (one listing for all its files)
     * @param recorded the mark the checkpoint holds, or null when it predates marks
     * @param readable for an object without a mark: whether the object at the key reads as one of its kind
     */
    public static Finding check(ObjectStore store, String key, Map<String, ObjectInfo> listing, ObjectMark recorded,
            Predicate<String> readable) {
        ObjectInfo info = listing.get(key);
        if (info == null) {
            return new Finding(key, Condition.MISSING, "missing", Optional.empty());
        }
        if (recorded != null && recorded.listedAs(info)) {
            return new Finding(key, Condition.INTACT, "intact", Optional.of(recorded));
        }
        byte[] content;
        try {
            content = store.get(key).orElse(null);
        } catch (ObjectStoreException e) {
            return new Finding(key, Condition.DAMAGED, "unreadable (" + e.getMessage().lines().findFirst().orElse("") + ")",
                    Optional.empty());
        }
        if (content == null) {
            return new Finding(key, Condition.MISSING, "missing", Optional.empty());
        }
        if (recorded == null) {
            return readable.test(key)
                    ? new Finding(key, Condition.INTACT, "intact", Optional.of(new ObjectMark(info.size(),
                            info.lastModified().toEpochMilli(), Sha256.hex(content))))
                    : new Finding(key, Condition.DAMAGED, "unreadable", Optional.empty());
        }
        if (content.length != recorded.size()) {
            return new Finding(key, Condition.DAMAGED, "damaged (" + content.length + " bytes, " + recorded.size() + " written)",
                    Optional.empty());
        }
        return Sha256.hex(content).equals(recorded.sha256())
                ? new Finding(key, Condition.INTACT, "intact", Optional.of(recorded.seenAs(info)))
                : new Finding(key, Condition.DAMAGED, "damaged (its content is not what was written)", Optional.empty());
    }
}
