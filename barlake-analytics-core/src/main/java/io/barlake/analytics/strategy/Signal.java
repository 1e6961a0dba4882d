package io.barlake.analytics.strategy;

/** What a strategy says at a bar's close. */
public enum Signal {
    BUY, SELL, HOLD
}
