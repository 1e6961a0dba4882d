package io.barlake.lake.model;

/** Shared checks of OHLCV invariants, used by {@link DailyBar} and {@link ResampledBar}. */
final class Prices {
    private Prices() {}

    static void requirePositive(String field, double value) {
        if (!Double.isFinite(value) || value <= 0) {
            throw new InvalidRecordException(field + " must be a finite number > 0, was " + value);
        }
    }

    static void requireOhlcv(double open, double high, double low, double close, double volume, Double vwap) {
        requirePositive("open", open);
        requirePositive("high", high);
        requirePositive("low", low);
        requirePositive("close", close);
        if (high < Math.max(open, close)) {
            throw new InvalidRecordException("high " + high + " < max(open, close) " + Math.max(open, close));
        }
        if (low > Math.min(open, close)) {
            throw new InvalidRecordException("low " + low + " > min(open, close) " + Math.min(open, close));
        }
        if (!Double.isFinite(volume) || volume < 0) {
            throw new InvalidRecordException("volume must be a finite number >= 0, was " + volume);
        }
        if (vwap != null) {
            requirePositive("vwap", vwap);
        }
    }
}
