package io.barlake.analytics.portfolio;

/**
 * How much an entry buys, from the equity marked at the previous close: an equal share of it per
 * slot, a fixed fraction of it, a risk budget over the ATR, or a volatility target. Every rule is
 * then limited by the cash there is.
 */
public sealed interface Sizing {
    /** {@code equity / maxPositions}: every slot the same money. */
    record EqualWeight() implements Sizing {
        @Override
        public String describe() {
            return "equal weight";
        }
    }

    /** {@code equity × fraction} per entry. */
    record FixedFraction(double fraction) implements Sizing {
        public FixedFraction {
            if (!(fraction > 0 && fraction <= 1)) {
                throw new IllegalArgumentException("sizing fraction must be in (0, 1], was " + fraction);
            }
        }

        @Override
        public String describe() {
            return "fixed fraction " + fraction;
        }
    }

    /**
     * Risk per trade: shares such that a move of {@code atrMultiple × ATR(atrPeriod)} (read at the
     * signal bar) costs {@code riskFraction × equity}; at most an equal slot's money.
     */
    record AtrRisk(double riskFraction, int atrPeriod, double atrMultiple) implements Sizing {
        public AtrRisk {
            if (!(riskFraction > 0 && riskFraction <= 0.2) || atrPeriod < 1 || !(atrMultiple > 0)) {
                throw new IllegalArgumentException("ATR sizing needs a risk fraction in (0, 0.2], an ATR period >= 1 and a"
                        + " multiple > 0, was " + riskFraction + ", " + atrPeriod + ", " + atrMultiple);
            }
        }

        @Override
        public String describe() {
            return "risk " + riskFraction + " of equity per " + atrMultiple + " x ATR(" + atrPeriod + ")";
        }
    }

    /**
     * Volatility target: an equal slot scaled by {@code annualTarget / σ}, σ the annualised
     * standard deviation of the last {@code lookback} daily returns at the signal bar; at most twice
     * an equal slot.
     */
    record VolatilityTarget(double annualTarget, int lookback) implements Sizing {
        public VolatilityTarget {
            if (!(annualTarget > 0 && annualTarget <= 2) || lookback < 2) {
                throw new IllegalArgumentException("volatility target must be in (0, 2] with a lookback >= 2, was "
                        + annualTarget + ", " + lookback);
            }
        }

        @Override
        public String describe() {
            return "volatility target " + annualTarget + " over " + lookback + " returns";
        }
    }

    /** How the settings print it. */
    String describe();

    /** What {@link #parse} takes, for error messages. */
    String SYNTAX = "one of equal, fraction:F (0 < F <= 1), atr:RISK[:PERIOD[:MULTIPLE]], vol:TARGET[:LOOKBACK]";

    /**
     * {@code equal | fraction:F | atr:RISK[:PERIOD[:MULTIPLE]] | vol:TARGET[:LOOKBACK]} (ATR period 14
     * and multiple 2, volatility lookback 20 when left out).
     *
     * @throws IllegalArgumentException naming what is allowed
     */
    static Sizing parse(String value) {
        String[] parts = value.toLowerCase(java.util.Locale.ROOT).split(":");
        try {
            return switch (parts[0]) {
                case "equal" -> new EqualWeight();
                case "fraction" -> new FixedFraction(Double.parseDouble(parts[1]));
                case "atr" -> new AtrRisk(Double.parseDouble(parts[1]), parts.length > 2 ? Integer.parseInt(parts[2]) : 14,
                        parts.length > 3 ? Double.parseDouble(parts[3]) : 2);
                case "vol" -> new VolatilityTarget(Double.parseDouble(parts[1]), parts.length > 2 ? Integer.parseInt(parts[2]) : 20);
                default -> throw new IllegalArgumentException("unknown sizing");
            };
        } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
            throw new IllegalArgumentException(SYNTAX, e);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage() + "; " + SYNTAX, e);
        }
    }
}
