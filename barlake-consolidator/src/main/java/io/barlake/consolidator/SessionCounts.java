package io.barlake.consolidator;

/**
 * How one session's records went: {@code received == accepted + refused}.
 *
 * @param received records in the bronze response
 * @param accepted records that became daily bars
 * @param refused  records written to rejects
 */
public record SessionCounts(int received, int accepted, int refused) {
    public SessionCounts {
        if (received != accepted + refused) {
            throw new IllegalArgumentException("counts do not reconcile: received " + received + " != accepted "
                    + accepted + " + refused " + refused);
        }
    }
}
