package io.barlake.analytics.portfolio;

/**
 * What each fill costs: a commission of {@code perOrder + perShare × shares + bps × value},
 * at least {@code minimum}; and slippage against the trader of {@code slippageBps} of the price
 * plus {@code rangeFraction} of the bar's high − low.
 */
public record Costs(double perOrder, double perShare, double bps, double minimum, double slippageBps, double rangeFraction) {
    public Costs {
        for (double value : new double[] {perOrder, perShare, bps, minimum, slippageBps, rangeFraction}) {
            if (!(value >= 0 && Double.isFinite(value))) {
                throw new IllegalArgumentException("costs must be finite and >= 0, was " + value);
            }
        }
        if (bps >= 1_000 || slippageBps >= 1_000 || rangeFraction > 1) {
            throw new IllegalArgumentException("commission and slippage must be under 1,000 bps, the range fraction at most 1");
        }
    }

    /** No costs at all. */
    public static Costs none() {
        return new Costs(0, 0, 0, 0, 0, 0);
    }

    /** In words, the parts that are set: "per share 0.005, minimum 1, slippage 5 bps"; "none" when nothing is. */
    public String describe() {
        java.util.List<String> parts = new java.util.ArrayList<>();
        String[] names = {"per order ", "per share ", "", "minimum ", "slippage ", ""};
        String[] units = {"", "", " bps of the value", "", " bps", " of the bar's range"};
        double[] values = {perOrder, perShare, bps, minimum, slippageBps, rangeFraction};
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

    /** The price a buy ({@code side} +1) or sell (−1) fills at, from the bar's price and range. */
    public double fill(double price, double high, double low, int side) {
        return price * (1 + side * slippageBps / 10_000) + side * rangeFraction * (high - low);
    }

    /** What {@link #parse} takes, for error messages. */
    public static final String SYNTAX = "a list of order:D (per order), share:D (per share), bps:N (of the value), min:D (least per order),"
            + " slippage-bps:N, range:F (of the bar's high - low), e.g. share:0.005,min:1,slippage-bps:5";

    /**
     * {@code order:D,share:D,bps:N,min:D,slippage-bps:N,range:F}, any of them, 0 when left out.
     *
     * @throws IllegalArgumentException naming what is allowed
     */
    public static Costs parse(String value) {
        double[] fields = new double[6];
        java.util.List<String> names = java.util.List.of("order", "share", "bps", "min", "slippage-bps", "range");
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
            return new Costs(fields[0], fields[1], fields[2], fields[3], fields[4], fields[5]);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage() + "; " + SYNTAX, e);
        }
    }
}
