package io.barlake.lake.store;

import static java.util.Objects.requireNonNull;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * Where the lake lives, parsed from a {@code BARLAKE_LAKE} value: a local folder, or
 * {@code s3://bucket[/prefix]}. Parsing fails with one line naming the setting and what is wrong.
 *
 * @param folder the local folder, or {@code null} for S3
 * @param bucket the S3 bucket, or {@code null} for a folder
 * @param prefix the key prefix inside the bucket ({@code ""} or ending with {@code /}), or {@code null}
 */
public record LakeLocation(Path folder, String bucket, String prefix) {
    /** The setting's name, used in error messages. */
    public static final String SETTING = "BARLAKE_LAKE";
    /** The default: a {@code lake} folder in the working directory. */
    public static final String DEFAULT = "./lake";

    private static final Pattern BUCKET = Pattern.compile("^[a-z0-9][a-z0-9.\\-]{1,61}[a-z0-9]$");

    public LakeLocation {
        if ((folder == null) == (bucket == null)) {
            throw new IllegalArgumentException("exactly one of folder and bucket must be set");
        }
        if (bucket != null) {
            requireNonNull(prefix, "prefix is null");
        }
    }

    /** True for an S3 lake. */
    public boolean isS3() {
        return bucket != null;
    }

    /** Parses a setting value; {@code source} names where it came from (a variable or a flag). */
    public static LakeLocation parse(String value, String source) {
        if (value == null || value.isBlank()) {
            throw new InvalidSettingException(source, value, "it is empty; give a folder or s3://bucket/prefix");
        }
        String trimmed = value.trim();
        if (trimmed.regionMatches(true, 0, "s3:", 0, 3)) {
            return parseS3(trimmed, source);
        }
        if (trimmed.contains("://")) {
            throw new InvalidSettingException(source, value, "only local folders and s3:// locations are supported");
        }
        try {
            return new LakeLocation(Path.of(trimmed), null, null);
        } catch (InvalidPathException e) {
            throw new InvalidSettingException(source, value, "not a valid folder path (" + e.getReason() + ")");
        }
    }

    private static LakeLocation parseS3(String value, String source) {
        if (!value.startsWith("s3://")) {
            throw new InvalidSettingException(source, value, "expected s3://bucket/prefix");
        }
        String rest = value.substring("s3://".length());
        int slash = rest.indexOf('/');
        String bucket = slash < 0 ? rest : rest.substring(0, slash);
        String prefix = slash < 0 ? "" : rest.substring(slash + 1);
        if (bucket.isEmpty()) {
            throw new InvalidSettingException(source, value, "the bucket name is missing; expected s3://bucket/prefix");
        }
        if (!BUCKET.matcher(bucket).matches() || bucket.contains("..")) {
            throw new InvalidSettingException(source, value, "'" + bucket
                    + "' is not a valid S3 bucket name (3-63 lower-case letters, digits, dots and hyphens)");
        }
        while (prefix.endsWith("/")) {
            prefix = prefix.substring(0, prefix.length() - 1);
        }
        if (!prefix.isEmpty()) {
            try {
                ObjectKeys.requireValid(prefix);
            } catch (InvalidKeyException e) {
                throw new InvalidSettingException(source, value, "the prefix is not valid: " + e.getMessage());
            }
            prefix = prefix + "/";
        }
        return new LakeLocation(null, bucket, prefix);
    }

    @Override
    public String toString() {
        return isS3() ? "s3://" + bucket + "/" + prefix : folder.toString();
    }
}
