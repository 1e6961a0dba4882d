package io.barlake.signals.brief;

/** Sends one e-mail: a subject, a plain-text body, and an HTML body where the channel can carry one. */
public interface Mailer extends AutoCloseable {
    void send(String subject, String text, String html);

    /** What it sends through, for the log: never a secret. */
    String channel();

    @Override
    default void close() {}
}
