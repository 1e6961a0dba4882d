-- The market datasets' per-symbol figures (docs/market.md) recomputed with SQL from silver daily and
-- silver splits: the statements DuckDB runs in MarketDuckDbParityIT and in LakeBenchmark's
-- market-vs-duckdb. Before them, create:
--   d        (symbol, date, open, high, low, close, volume)  silver/daily/*/bars.parquet
--   s        (symbol, execution_date, ratio)                 silver/splits/splits.parquet, ratio = split_to / split_from
--   calendar (session, idx)                                  the NYSE session index
-- Each statement ends with ";" at the end of a line.

-- m(t): the product of the ratios of the symbol's splits on or before t; prices times m, volumes over m.
CREATE VIEW w AS
SELECT *, ln(nc / prev_nc) AS lr FROM (
  SELECT n.*, close * m AS nc, high * m AS nh, low * m AS nl, volume / m AS nv,
         row_number() OVER win AS rn, lag(close * m) OVER win AS prev_nc, lag(idx) OVER win AS prev_idx
  FROM (SELECT d.*, c.idx, coalesce((SELECT product(ratio) FROM s WHERE s.symbol = d.symbol
                                      AND s.execution_date <= d.date), 1) AS m
        FROM d JOIN calendar c ON c.session = d.date) n
  WINDOW win AS (PARTITION BY symbol ORDER BY date));

-- TA-Lib's RSI(14): the first average is the mean of the first 14 changes, then Wilder's smoothing.
CREATE VIEW rsi AS
WITH RECURSIVE base AS (SELECT symbol, rn, nc - prev_nc AS ch FROM w),
r(symbol, rn, g, l) AS (
  SELECT symbol, 15, sum(CASE WHEN ch > 0 THEN ch ELSE 0 END) / 14, sum(CASE WHEN ch < 0 THEN -ch ELSE 0 END) / 14
  FROM base WHERE rn BETWEEN 2 AND 15 GROUP BY symbol HAVING count(*) = 14
  UNION ALL
  SELECT r.symbol, r.rn + 1, (r.g * 13 + CASE WHEN b.ch > 0 THEN b.ch ELSE 0 END) / 14,
         (r.l * 13 + CASE WHEN b.ch < 0 THEN -b.ch ELSE 0 END) / 14
  FROM r JOIN base b ON b.symbol = r.symbol AND b.rn = r.rn + 1)
SELECT symbol, rn, CASE WHEN abs(g + l) < 1e-8 THEN 0 ELSE 100 * g / (g + l) END AS rsi_14 FROM r;

CREATE VIEW figures AS
SELECT symbol, date, close, change_pct, volume, avg_volume_20, volume / avg_volume_20 AS volume_ratio, gap_pct,
       return_5d, return_21d, volatility_21d, rsi_14, sma_50, sma_200, high_52w, low_52w,
       coalesce(volume / avg_volume_20 > 1.5, false) AS volume_spike, coalesce(abs(change_pct) > 5, false) AS big_move,
       rn >= 252 AND nh >= max_nh AS new_high, rn >= 252 AND nl <= min_nl AS new_low,
       CASE WHEN close > sma_50 AND sma_50 > sma_200 THEN 'up'
            WHEN close < sma_50 AND sma_50 < sma_200 THEN 'down' ELSE 'sideways' END AS trend
FROM (
  SELECT w.*, r.rsi_14,
         CASE WHEN prev_idx IS NOT NULL AND idx - prev_idx <= 5 THEN (nc / prev_nc - 1) * 100 END AS change_pct,
         CASE WHEN prev_idx IS NOT NULL AND idx - prev_idx <= 5 THEN (open * m / prev_nc - 1) * 100 END AS gap_pct,
         CASE WHEN rn > 20 THEN avg(nv) OVER (win ROWS BETWEEN 20 PRECEDING AND 1 PRECEDING) * m END AS avg_volume_20,
         CASE WHEN rn > 5 THEN (nc / lag(nc, 5) OVER win - 1) * 100 END AS return_5d,
         CASE WHEN rn > 21 THEN (nc / lag(nc, 21) OVER win - 1) * 100 END AS return_21d,
         CASE WHEN rn > 21 THEN stddev_samp(lr) OVER (win ROWS BETWEEN 20 PRECEDING AND CURRENT ROW) * sqrt(252) * 100
              END AS volatility_21d,
         CASE WHEN rn >= 50 THEN avg(nc) OVER (win ROWS BETWEEN 49 PRECEDING AND CURRENT ROW) / m END AS sma_50,
         CASE WHEN rn >= 200 THEN avg(nc) OVER (win ROWS BETWEEN 199 PRECEDING AND CURRENT ROW) / m END AS sma_200,
         max(nh) OVER (win ROWS BETWEEN 251 PRECEDING AND CURRENT ROW) AS max_nh,
         min(nl) OVER (win ROWS BETWEEN 251 PRECEDING AND CURRENT ROW) AS min_nl,
         max(nh) OVER (win ROWS BETWEEN 251 PRECEDING AND CURRENT ROW) / m AS high_52w,
         min(nl) OVER (win ROWS BETWEEN 251 PRECEDING AND CURRENT ROW) / m AS low_52w
  FROM w LEFT JOIN rsi r USING (symbol, rn)
  WINDOW win AS (PARTITION BY symbol ORDER BY date));
