package io.barlake.serving.http;

/**
 * Text from a request repeated in an answer or a log line: printable ASCII only and at most 100
 * characters, so a 7 KB parameter name or a control character never comes back whole.
 */
public final class Echo {
    static final int MAX = 100;

    private Echo() {}

    public static String of(String text) {
        return of(text, MAX);
    }

    /** The same, up to {@code max} characters (a message of our own that quotes a little of the request). */
    public static String of(String text, int max) {
        if (text == null) {
            return "";
        }
        String printable = text.replaceAll("[^\\x20-\\x7E]", "?");
        return printable.length() > max ? printable.substring(0, max) + "…" : printable;
    }
}
