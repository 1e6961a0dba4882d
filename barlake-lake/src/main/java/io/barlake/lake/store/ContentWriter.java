package io.barlake.lake.store;

import java.io.IOException;
import java.io.OutputStream;

/** Writes an object's content to a stream; see {@link ObjectStore#write}. */
@FunctionalInterface
public interface ContentWriter {
    /** Writes the content; the stream is closed by the store, not by the writer. */
    void writeTo(OutputStream out) throws IOException;
}
