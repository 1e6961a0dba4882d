package io.barlake.analytics.portfolio;

/**
 * What each fill costs: a commission of {@code perOrder + perShare × shares + bps × value},
 * at least {@code minimum}; and slippage against the trader of {@code slippageBps} of the price
 * plus {@code rangeFraction} of the bar's high − low. A short sale also pays {@code borrowBps} a
 * year of its value, accrued at each session's close while it is held.
 */
public record Costs(double perOrder, double perShare, double bps, double minimum, double slippageBps, double rangeFraction,
        double borrowBps) {
    public Costs {
        for (double value : new double[] {perOrder, perShare, bps, minimum, slippageBps, rangeFraction, borrowBps}) {
            if (!(value >= 0 && Double.isFinite(value))) {
                throw new IllegalArgumentException("costs must be finite and >= 0, was " + value);
            }
        }
        if (bps >= 1_000 || slippageBps >= 1_000 || rangeFraction > 1) {
            throw new IllegalArgumentException("commission and slippage must be under 1,000 bps, the range fraction at most 1");
        }
        if (borrowBps > 10_000) {
            throw new IllegalArgumentException("the borrow rate must be at most 10,000 bps (100 %) a year, was " + borrowBps);
        }
    }

    /** No borrow cost on short sales. */
    public Costs(double perOrder, double perShare, double bps, double minimum, double slippageBps, double rangeFraction) {
        this(perOrder, perShare, bps, minimum, slippageBps, rangeFraction, 0);
    }

    /** No costs at all. */
    public static Costs none() {
        return new Costs(0, 0, 0, 0, 0, 0, 0);
    }

    /** In words, the parts that are set: "per share 0.005, minimum 1, slippage 5 bps"; "none" when nothing is. */
    public String describe() {
        java.util.List<String> parts = new java.util.ArrayList<>();
        String[] names = {"per order ", "per share ", "", "minimum ", "slippage ", "", "borrow "};
        String[] units = {"", "", " bps of the value", "", " bps", " of the bar's range", " bps a year"};
        double[] values = {perOrder, perShare, bps, minimum, slippageBps, rangeFraction, borrowBps};
        for (int i = 0; i < values.length; i++) {
            if (values[i] > 0) {
                double v = values[i];
                parts.add(names[i] + (v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v)) + units[i]);
            }
        }
        return parts.isEmpty() ? "none" : String.join(", ", parts);
    }

    /** The commission of one fill of {@code shares} at {@code price}. */
    public double commission(double shares, double price) {
        return Math.max(minimum, perOrder + perShare * shares + bps / 10_000 * shares * price);
    }

    /** The borrow a short sale of {@code value} pays for one session of a year of {@code barsPerYear}. */
    public double borrow(double value, double barsPerYear) {
        return value * borrowBps / 10_000 / barsPerYear;
    }

    /** The price a buy ({@code side} +1) or sell (−1) fills at, from the bar's price and range. */
    public double fill(double price, double high, double low, int side) {
        return price * (1 + side * slippageBps / 10_000) + side * rangeFraction * (high - low);
    }

    /** What {@link #parse} takes, for error messages. */
    public static final String SYNTAX = "a list of order:D (per order), share:D (per share), bps:N (of the value), min:D (least per order),"
            + " slippage-bps:N, range:F (of the bar's high - low), borrow:N (bps a year on short sales),"
            + " e.g. share:0.005,min:1,slippage-bps:5";

    /**
     * {@code order:D,share:D,bps:N,min:D,slippage-bps:N,range:F,borrow:N}, any of them, 0 when left out.
     *
     * @throws IllegalArgumentException naming what is allowed
     */
    public static Costs parse(String value) {
        double[] fields = new double[7];
        java.util.List<String> names = java.util.List.of("order", "share", "bps", "min", "slippage-bps", "range", "borrow");
        for (String part : value.toLowerCase(java.util.Locale.ROOT).split(",")) {
            String[] pair = part.trim().split(":");
            int at = names.indexOf(pair[0]);
            if (at < 0 || pair.length != 2) {
                throw new IllegalArgumentException("unknown cost '" + part.trim() + "'; " + SYNTAX);
            }
            try {
                fields[at] = Double.parseDouble(pair[1]);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + part.trim() + "' is not a number; " + SYNTAX, e);
            }
        }
        try {
            return new Costs(fields[0], fields[1], fields[2], fields[3], fields[4], fields[5], fields[6]);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage() + "; " + SYNTAX, e);
        }
    }
}
