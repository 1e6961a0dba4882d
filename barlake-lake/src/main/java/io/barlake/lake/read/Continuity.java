package io.barlake.lake.read;

/**
 * Whose bars a read returns.
 *
 * <ul>
 *   <li>{@link #TICKER} (the default): the bars stored under the ticker asked for, whatever
 *       security held it then.</li>
 *   <li>{@link #CONTINUOUS}: the security's bars across its renames, as the symbol map
 *       ({@link SymbolMap}) dates them: asked for META, FB's bars through 2022-06-08, then META's.
 *       Splits and dividends of each ticker apply within its own dates. Daily bars only.</li>
 * </ul>
 */
public enum Continuity {
    TICKER, CONTINUOUS;

    /** {@code ticker} or {@code continuous}. */
    public String label() {
        return Labels.of(this);
    }

    /** The continuity a label names; the setting's name goes into the error. */
    public static Continuity parse(String setting, String label) {
        return Labels.parse(Continuity.class, setting, label);
    }
}
