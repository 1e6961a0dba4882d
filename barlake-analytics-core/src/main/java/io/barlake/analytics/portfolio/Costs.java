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
}
