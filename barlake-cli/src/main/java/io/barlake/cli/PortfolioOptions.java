package io.barlake.cli;

import io.barlake.analytics.portfolio.Costs;
import io.barlake.analytics.portfolio.Sizing;
import io.barlake.lake.store.InvalidSettingException;
import java.util.Locale;

/**
 * The portfolio options' small languages, each refused with one line naming what is allowed:
 * {@code --sizing equal | fraction:F | atr:RISK[:PERIOD[:MULTIPLE]] | vol:TARGET[:LOOKBACK]} and
 * {@code --costs order:D,share:D,bps:N,min:D,slippage-bps:N,range:F} (any of them, 0 when left out).
 */
final class PortfolioOptions {
    private PortfolioOptions() {}

    static Sizing sizing(String value) {
        String[] parts = value.toLowerCase(Locale.ROOT).split(":");
        try {
            return switch (parts[0]) {
                case "equal" -> new Sizing.EqualWeight();
                case "fraction" -> new Sizing.FixedFraction(Double.parseDouble(parts[1]));
                case "atr" -> new Sizing.AtrRisk(Double.parseDouble(parts[1]), parts.length > 2 ? Integer.parseInt(parts[2]) : 14,
                        parts.length > 3 ? Double.parseDouble(parts[3]) : 2);
                case "vol" -> new Sizing.VolatilityTarget(Double.parseDouble(parts[1]), parts.length > 2 ? Integer.parseInt(parts[2]) : 20);
                default -> throw new IllegalArgumentException("unknown sizing");
            };
        } catch (RuntimeException e) {
            throw new InvalidSettingException("--sizing", value, (e instanceof NumberFormatException
                    || e instanceof ArrayIndexOutOfBoundsException ? "" : e.getMessage() + "; ")
                    + "one of equal, fraction:F (0 < F <= 1), atr:RISK[:PERIOD[:MULTIPLE]], vol:TARGET[:LOOKBACK]");
        }
    }

    static Costs costs(String value) {
        double[] fields = new double[6];
        String[] names = {"order", "share", "bps", "min", "slippage-bps", "range"};
        try {
            for (String part : value.toLowerCase(Locale.ROOT).split(",")) {
                String[] pair = part.trim().split(":");
                int at = java.util.Arrays.asList(names).indexOf(pair[0]);
                if (at < 0 || pair.length != 2) {
                    throw new IllegalArgumentException("unknown cost '" + part.trim() + "'");
                }
                fields[at] = Double.parseDouble(pair[1]);
            }
            return new Costs(fields[0], fields[1], fields[2], fields[3], fields[4], fields[5]);
        } catch (RuntimeException e) {
            throw new InvalidSettingException("--costs", value, (e instanceof NumberFormatException ? "" : e.getMessage() + "; ")
                    + "a list of order:D (per order), share:D (per share), bps:N (of the value), min:D (least per order),"
                    + " slippage-bps:N, range:F (of the bar's high - low), e.g. share:0.005,min:1,slippage-bps:5");
        }
    }
}
