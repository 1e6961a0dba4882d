package io.barlake.serving.access;

import io.barlake.lake.store.InvalidSettingException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The API keys the server accepts, stored as SHA-256 hashes only: {@value #SETTING} holds
 * {@code name=hex,name=hex,…}, made with {@code printf %s "$KEY" | sha256sum}. A presented key is
 * hashed and compared with every stored hash in constant time, so neither a match nor its position
 * shows in the time taken.
 */
public final class ApiKeys {
    public static final String SETTING = "BARLAKE_API_KEYS";
    private static final Pattern ENTRY = Pattern.compile("([A-Za-z0-9_.-]{1,64})=([0-9a-f]{64})");

    private record Entry(String name, byte[] hash) {}

    private final List<Entry> entries;
    private final KeyTable table;

    private ApiKeys(List<Entry> entries, KeyTable table) {
        this.entries = List.copyOf(entries);
        this.table = table;
    }

    /** The same keys, and those of {@code issued} (keys issued at run time, looked up by hash). */
    public ApiKeys withTable(KeyTable issued) {
        return new ApiKeys(entries, java.util.Objects.requireNonNull(issued, "issued is null"));
    }

    /** The keys of the setting's value; a malformed entry is a bad setting (named, its hash never shown). */
    public static ApiKeys parse(String value) {
        List<Entry> entries = new ArrayList<>();
        if (value != null) {
            for (String part : value.split(",")) {
                String entry = part.strip();
                if (entry.isEmpty()) {
                    continue;
                }
                var matcher = ENTRY.matcher(entry);
                if (!matcher.matches()) {
                    throw new InvalidSettingException(SETTING, null, "entry " + (entries.size() + 1)
                            + " is not name=<64 hex digits of the key's SHA-256>");
                }
                entries.add(new Entry(matcher.group(1), HexFormat.of().parseHex(matcher.group(2))));
            }
        }
        return new ApiKeys(entries, null);
    }

    public static ApiKeys none() {
        return new ApiKeys(List.of(), null);
    }

    /** No key configured and no table of issued keys. */
    public boolean isEmpty() {
        return entries.isEmpty() && table == null;
    }

    /** The name of the key presented, if it is one of ours. */
    public Optional<String> identify(String presented) {
        if (presented == null || presented.isEmpty() || presented.length() > 256) {
            return Optional.empty();
        }
        byte[] hash = sha256(presented);
        String found = null;
        for (Entry entry : entries) {
            // No early exit: every entry is compared, whatever matched.
            if (MessageDigest.isEqual(hash, entry.hash()) && found == null) {
                found = entry.name();
            }
        }
        if (found == null && table != null) {
            return table.nameOf(HexFormat.of().formatHex(hash));
        }
        return Optional.ofNullable(found);
    }

    /** The hex SHA-256 of a key, as the setting stores it. */
    public static String hash(String key) {
        return HexFormat.of().formatHex(sha256(key));
    }

    private static byte[] sha256(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
