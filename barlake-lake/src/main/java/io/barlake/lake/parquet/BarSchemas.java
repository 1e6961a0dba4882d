package io.barlake.lake.parquet;

import org.apache.avro.Schema;

/** The Avro schemas behind the Parquet bar files; the column names are DESIGN.md's. */
final class BarSchemas {
    static final Schema DAILY = new Schema.Parser().parse("""
            {"type": "record", "name": "DailyBar", "namespace": "io.barlake.lake", "fields": [
              {"name": "symbol", "type": "string"},
              {"name": "date", "type": {"type": "int", "logicalType": "date"}},
              {"name": "open", "type": "double"},
              {"name": "high", "type": "double"},
              {"name": "low", "type": "double"},
              {"name": "close", "type": "double"},
              {"name": "volume", "type": "double"},
              {"name": "vwap", "type": ["null", "double"], "default": null},
              {"name": "transactions", "type": ["null", "long"], "default": null},
              {"name": "source", "type": "string"},
              {"name": "ingested_at", "type": {"type": "long", "logicalType": "timestamp-micros"}}
            ]}""");

    static final Schema RESAMPLED = new Schema.Parser().parse("""
            {"type": "record", "name": "ResampledBar", "namespace": "io.barlake.lake", "fields": [
              {"name": "symbol", "type": "string"},
              {"name": "start", "type": {"type": "int", "logicalType": "date"}},
              {"name": "end", "type": {"type": "int", "logicalType": "date"}},
              {"name": "sessions", "type": "int"},
              {"name": "complete", "type": "boolean"},
              {"name": "open", "type": "double"},
              {"name": "high", "type": "double"},
              {"name": "low", "type": "double"},
              {"name": "close", "type": "double"},
              {"name": "volume", "type": "double"},
              {"name": "vwap", "type": ["null", "double"], "default": null}
            ]}""");

    static final Schema TICKERS = new Schema.Parser().parse("""
            {"type": "record", "name": "TickerInfo", "namespace": "io.barlake.lake", "fields": [
              {"name": "symbol", "type": "string"},
              {"name": "name", "type": "string"},
              {"name": "primary_exchange", "type": ["null", "string"], "default": null},
              {"name": "type", "type": ["null", "string"], "default": null},
              {"name": "active", "type": "boolean"},
              {"name": "currency", "type": ["null", "string"], "default": null},
              {"name": "cik", "type": ["null", "string"], "default": null},
              {"name": "composite_figi", "type": ["null", "string"], "default": null},
              {"name": "delisted", "type": ["null", {"type": "int", "logicalType": "date"}], "default": null}
            ]}""");

    static final Schema SPLITS = new Schema.Parser().parse("""
            {"type": "record", "name": "Split", "namespace": "io.barlake.lake", "fields": [
              {"name": "symbol", "type": "string"},
              {"name": "execution_date", "type": {"type": "int", "logicalType": "date"}},
              {"name": "split_from", "type": "double"},
              {"name": "split_to", "type": "double"}
            ]}""");

    static final Schema DIVIDENDS = new Schema.Parser().parse("""
            {"type": "record", "name": "Dividend", "namespace": "io.barlake.lake", "fields": [
              {"name": "symbol", "type": "string"},
              {"name": "ex_date", "type": {"type": "int", "logicalType": "date"}},
              {"name": "cash_amount", "type": "double"},
              {"name": "dividend_type", "type": "string"}
            ]}""");

    static final Schema SYMBOL_MAP = new Schema.Parser().parse("""
            {"type": "record", "name": "TickerSegment", "namespace": "io.barlake.lake", "fields": [
              {"name": "symbol", "type": "string"},
              {"name": "composite_figi", "type": "string"},
              {"name": "from", "type": {"type": "int", "logicalType": "date"}},
              {"name": "until", "type": ["null", {"type": "int", "logicalType": "date"}], "default": null}
            ]}""");

    static final Schema SIGNALS = new Schema.Parser().parse("""
            {"type": "record", "name": "SignalPick", "namespace": "io.barlake.lake", "fields": [
              {"name": "session", "type": {"type": "int", "logicalType": "date"}},
              {"name": "rank", "type": "int"},
              {"name": "symbol", "type": "string"},
              {"name": "strategy", "type": "string"},
              {"name": "signal", "type": "string"},
              {"name": "score", "type": "double"},
              {"name": "timeframes", "type": "string"},
              {"name": "explanation", "type": "string"},
              {"name": "values", "type": "string", "default": "{}"}
            ]}""");

    /** One session's market figures per symbol ({@code gold/market/date=D/symbols.parquet}), prices on that session's basis. */
    static final Schema MARKET = new Schema.Parser().parse("""
            {"type": "record", "name": "MarketSymbol", "namespace": "io.barlake.lake", "fields": [
              {"name": "symbol", "type": "string"},
              {"name": "date", "type": {"type": "int", "logicalType": "date"}},
              {"name": "close", "type": "double"},
              {"name": "change_pct", "type": ["null", "double"], "default": null},
              {"name": "volume", "type": "double"},
              {"name": "avg_volume_20", "type": ["null", "double"], "default": null},
              {"name": "volume_ratio", "type": ["null", "double"], "default": null},
              {"name": "volume_spike", "type": "boolean"},
              {"name": "big_move", "type": "boolean"},
              {"name": "gap_pct", "type": ["null", "double"], "default": null},
              {"name": "return_5d", "type": ["null", "double"], "default": null},
              {"name": "return_21d", "type": ["null", "double"], "default": null},
              {"name": "volatility_21d", "type": ["null", "double"], "default": null},
              {"name": "rsi_14", "type": ["null", "double"], "default": null},
              {"name": "sma_50", "type": ["null", "double"], "default": null},
              {"name": "sma_200", "type": ["null", "double"], "default": null},
              {"name": "trend", "type": "string"},
              {"name": "high_52w", "type": "double"},
              {"name": "low_52w", "type": "double"},
              {"name": "new_high", "type": "boolean"},
              {"name": "new_low", "type": "boolean"}
            ]}""");

    /** Only the symbol and time columns, to take inventory without reading prices. */
    static Schema inventory(Schema full, String timeColumn) {
        if (timeColumn == null) {
            return new Schema.Parser().parse("{\"type\": \"record\", \"name\": \"" + full.getName()
                    + "\", \"namespace\": \"" + full.getNamespace()
                    + "\", \"fields\": [{\"name\": \"symbol\", \"type\": \"string\"}]}");
        }
        return new Schema.Parser().parse("{\"type\": \"record\", \"name\": \"" + full.getName()
                + "\", \"namespace\": \"" + full.getNamespace()
                + "\", \"fields\": [{\"name\": \"symbol\", \"type\": \"string\"}, {\"name\": \""
                + timeColumn + "\", \"type\": {\"type\": \"int\", \"logicalType\": \"date\"}}]}");
    }

    private BarSchemas() {}
}
