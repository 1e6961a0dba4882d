package io.barlake.fetchers.bronze;

import java.time.LocalDate;

/**
 * What a reference fetch did.
 *
 * @param asOf           the session the snapshots describe
 * @param tickers        ticker records received
 * @param tickersWritten false when bronze already held identical tickers for that session
 * @param splits         split records received
 * @param splitsWritten  false when bronze already held identical splits for that session
 * @param dividends      dividend records received (a window of ex-dates)
 * @param dividendsWritten false when bronze already held the same dividends for that session
 * @param tickerEvents   ticker histories received (renamed securities and followed tickers)
 * @param tickerEventsWritten false when none was asked for or bronze already held the same
 */
public record ReferenceResult(LocalDate asOf, int tickers, boolean tickersWritten, int splits, boolean splitsWritten,
        int dividends, boolean dividendsWritten, int tickerEvents, boolean tickerEventsWritten) {}
