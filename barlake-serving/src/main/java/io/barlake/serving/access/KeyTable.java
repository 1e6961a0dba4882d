package io.barlake.serving.access;

import java.util.Optional;

/**
 * Keys issued and revoked at run time (a table, when deployed): the name of the key whose SHA-256
 * is {@code sha256Hex}, when it is issued and not revoked. Only hashes are kept.
 */
public interface KeyTable {
    Optional<String> nameOf(String sha256Hex);
}
