package io.barlake.cli;

import io.barlake.analytics.portfolio.Costs;
import io.barlake.analytics.portfolio.PortfolioSettings;
import io.barlake.analytics.portfolio.Rank;
import io.barlake.analytics.portfolio.Sizing;
import io.barlake.lake.store.InvalidSettingException;

/** {@code --sizing}, {@code --costs}, {@code --direction} and {@code --rank}, read by the portfolio's own parsers, refused in one line naming what is allowed. */
final class PortfolioOptions {
    private PortfolioOptions() {}

    static Sizing sizing(String value) {
        try {
            return Sizing.parse(value);
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingException("--sizing", value, e.getMessage());
        }
    }

    static PortfolioSettings.Direction direction(String value) {
        try {
            return PortfolioSettings.Direction.parse(value);
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingException("--direction", value, e.getMessage());
        }
    }

    static Rank rank(String value) {
        try {
            return Rank.parse(value);
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingException("--rank", value, e.getMessage());
        }
    }

    static Costs costs(String value) {
        try {
            return Costs.parse(value);
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingException("--costs", value, e.getMessage());
        }
    }
}
