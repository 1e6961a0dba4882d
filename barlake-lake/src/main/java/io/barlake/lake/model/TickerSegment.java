package io.barlake.lake.model;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;

/**
 * One row of the symbol map ({@code silver/symbol_map}), as Lean's map files keep them: the security
 * with composite FIGI {@code compositeFigi} traded as {@code symbol} from {@code from} through
 * {@code until}. A company renamed once has two rows (FB until 2022-06-08, META from 2022-06-09);
 * a reader that asks for continuity stitches them, and a ticker another security used before (the
 * META of an ETF until 2022) never mixes in, because only the FIGI's own rows are followed.
 *
 * @param symbol        the ticker, as the vendor writes it
 * @param compositeFigi the security's composite FIGI
 * @param from          the first session under this ticker (the vendor's event date, or the
 *                      session the prices show it began)
 * @param until         the last session under this ticker, or {@code null} while it is current
 */
public record TickerSegment(String symbol, String compositeFigi, LocalDate from, LocalDate until) {

    public TickerSegment {
        Symbols.requireValid(symbol);
        requireNonNull(compositeFigi, "compositeFigi is null");
        requireNonNull(from, "from is null");
        if (until != null && until.isBefore(from)) {
            throw new InvalidRecordException(symbol + " of " + compositeFigi + " ends " + until + ", before it starts " + from);
        }
    }

    /** True when {@code date} lies in this segment. */
    public boolean covers(LocalDate date) {
        return !date.isBefore(from) && (until == null || !date.isAfter(until));
    }
}
