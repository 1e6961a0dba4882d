package io.barlake.signals.scan;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * One session's picks while the universe is scored symbol by symbol, kept as numbers until every
 * symbol is in: the symbol and strategy by number, the score, what each timeframe said and the
 * indicator values read. A year of sessions over 12,000 symbols holds millions of picks; as
 * numbers they take about 40 bytes each, and their texts are written once, when the session's
 * file is (see {@link PickRenderer}).
 */
final class SessionPicks {
    /** Blocks from 4 KiB up to 256 KiB: no copying as a session grows, little slack at its end, little for a small lake. */
    private static final int FIRST_BLOCK_BYTES = 1 << 12;
    private static final int BLOCK_BYTES = 1 << 18;

    /** What each timeframe said, two bits per timeframe (by position): none, BUY, SELL or HOLD. */
    static final int NONE = 0;
    static final int BUY = 1;
    static final int SELL = 2;
    static final int HOLD = 3;
    static final int MAX_TIMEFRAMES = 15;

    /** The picks read back, in the order added. */
    record Decoded(int[] symbols, int[] strategies, double[] scores, int[] said, int[] valuesFrom, double[] values) {
        int size() {
            return symbols.length;
        }
    }

    private final List<ByteBuffer> blocks = new ArrayList<>();
    private int count;
    private int valueCount;

    /**
     * Adds one pick.
     *
     * @param said   what each timeframe said ({@link #NONE} … {@link #HOLD}, two bits each)
     * @param values the values of each timeframe that voted, in timeframe order: {@code values[0 … valuesLength)}
     */
    synchronized void add(int symbol, int strategy, double score, int said, double[] values, int valuesLength) {
        ByteBuffer block = room(4 + 2 + 8 + 4 + 2 + valuesLength * Double.BYTES);
        block.putInt(symbol).putShort((short) strategy).putDouble(score).putInt(said).putShort((short) valuesLength);
        for (int i = 0; i < valuesLength; i++) {
            block.putDouble(values[i]);
        }
        count++;
        valueCount += valuesLength;
    }

    /** Every pick added, in the order added; the blocks are released. */
    synchronized Decoded decode() {
        Decoded picks = new Decoded(new int[count], new int[count], new double[count], new int[count], new int[count + 1],
                new double[valueCount]);
        int pick = 0;
        int value = 0;
        for (ByteBuffer block : blocks) {
            block.flip();
            while (block.hasRemaining()) {
                picks.symbols[pick] = block.getInt();
                picks.strategies[pick] = block.getShort();
                picks.scores[pick] = block.getDouble();
                picks.said[pick] = block.getInt();
                picks.valuesFrom[pick] = value;
                for (int n = block.getShort(); n > 0; n--) {
                    picks.values[value++] = block.getDouble();
                }
                pick++;
            }
        }
        picks.valuesFrom[pick] = value;
        blocks.clear();
        return picks;
    }

    private ByteBuffer room(int bytes) {
        ByteBuffer last = blocks.isEmpty() ? null : blocks.get(blocks.size() - 1);
        if (last == null || last.remaining() < bytes) {
            last = ByteBuffer.allocate(Math.max(Math.min(BLOCK_BYTES, FIRST_BLOCK_BYTES << Math.min(blocks.size(), 6)), bytes));
            blocks.add(last);
        }
        return last;
    }
}
