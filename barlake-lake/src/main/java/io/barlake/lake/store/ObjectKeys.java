package io.barlake.lake.store;

/**
 * Rules for lake keys, shared by every store so that a key means the same thing on disk and on
 * S3: relative, {@code /}-separated, no empty, {@code .} or {@code ..} segment, no backslash or
 * control character, at most 1,024 characters, and not inside the local store's
 * {@value #RESERVED_PREFIX} scratch folder.
 */
public final class ObjectKeys {
    /** Scratch space of the local store for atomic writes; never a lake key. */
    public static final String RESERVED_PREFIX = ".barlake-tmp";
    private static final int MAX_LENGTH = 1024;

    private ObjectKeys() {}

    /** Returns the key, or throws {@link InvalidKeyException} naming it and what is wrong. */
    public static String requireValid(String key) {
        String problem = problem(key, false);
        if (problem != null) {
            throw new InvalidKeyException("Invalid lake key '" + printable(key) + "': " + problem);
        }
        return key;
    }

    /**
     * Returns the prefix, or throws: a prefix follows the key rules but may be empty or end with
     * {@code /} or a partial segment.
     */
    public static String requireValidPrefix(String prefix) {
        if (prefix == null) {
            throw new InvalidKeyException("Invalid lake prefix: null");
        }
        if (prefix.isEmpty()) {
            return prefix;
        }
        String body = prefix.endsWith("/") ? prefix.substring(0, prefix.length() - 1) : prefix;
        String problem = problem(body, true);
        if (problem != null) {
            throw new InvalidKeyException("Invalid lake prefix '" + printable(prefix) + "': " + problem);
        }
        return prefix;
    }

    private static String problem(String key, boolean prefix) {
        if (key == null || key.isEmpty()) {
            return "it is empty";
        }
        if (key.length() > MAX_LENGTH) {
            return "longer than " + MAX_LENGTH + " characters";
        }
        if (key.startsWith("/")) {
            return "absolute keys are not allowed (leading '/')";
        }
        if (!prefix && key.endsWith("/")) {
            return "a key cannot end with '/'";
        }
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (c == '\\') {
                return "backslashes are not allowed";
            }
            if (Character.isISOControl(c)) {
                return "control characters are not allowed";
            }
        }
        String[] segments = key.split("/", -1);
        for (String segment : segments) {
            if (segment.isEmpty()) {
                return "empty path segments ('//') are not allowed";
            }
            if (segment.equals(".") || segment.equals("..")) {
                return "'" + segment + "' segments are not allowed: a key cannot leave the lake";
            }
        }
        if (segments[0].equals(RESERVED_PREFIX)) {
            return "'" + RESERVED_PREFIX + "' is reserved for the store's scratch space";
        }
        return null;
    }

    private static String printable(String key) {
        if (key == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder();
        key.codePoints().limit(200).forEach(c -> {
            if (Character.isISOControl(c)) {
                out.append(String.format("\\u%04x", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }
}
