package io.barlake.lake.parquet;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.bytes.BytesUtils;
import org.apache.parquet.bytes.HeapByteBufferAllocator;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.column.page.DictionaryPage;
import org.apache.parquet.column.statistics.Statistics;
import org.apache.parquet.column.values.rle.RunLengthBitPackingHybridEncoder;
import org.apache.parquet.compression.CompressionCodecFactory.BytesInputCompressor;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.CodecFactory;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.MessageType;

/**
 * Writes resampled bars to Parquet page by page from their columns: each row group's column is
 * encoded in one bulk step (plain little-endian numbers, bit-packed booleans, a dictionary of the
 * row group's symbols with run-length encoded ids, run-length definition levels for the optional
 * vwap), compressed with ZSTD and handed to Parquet's file writer, which lays out the file, the
 * footer, statistics and page indexes. Encoding a value costs a few nanoseconds this way instead
 * of the ~100 ns Parquet's record writer spends per value.
 *
 * <p>The output is an ordinary Parquet 1.0 file with the same schema and footer metadata as the
 * record writer's; every page carries min/max statistics, so row-group filtering on the symbol and
 * page indexes on any column stay correct.
 */
final class ResampledFileWriter {
    /** Rows per row group (one page per column chunk): about 1 MiB of encoded values. */
    static final int ROWS_PER_GROUP = 16_384;
    private static final int COLUMN_INDEX_TRUNCATE = 64;

    private final MessageType schema;
    private final Map<String, String> footer;

    ResampledFileWriter(MessageType schema, Map<String, String> footer) {
        this.schema = schema;
        this.footer = footer;
    }

    void write(ResampledColumns rows, OutputStream out) throws IOException {
        CodecFactory codecs = new CodecFactory(new PlainParquetConfiguration(), ParquetCodec.PAGE_BYTES);
        try {
            BytesInputCompressor zstd = codecs.getCompressor(CompressionCodecName.ZSTD);
            ParquetFileWriter file = new ParquetFileWriter(new StreamOutputFile(out), schema, ParquetFileWriter.Mode.CREATE,
                    ParquetCodec.ROW_GROUP_BYTES, 0, COLUMN_INDEX_TRUNCATE, Integer.MAX_VALUE, true);
            file.start();
            for (int from = 0; from < rows.size(); from += ROWS_PER_GROUP) {
                int until = Math.min(rows.size(), from + ROWS_PER_GROUP);
                new RowGroup(file, zstd, rows, from, until).write();
            }
            file.end(footer);
        } finally {
            codecs.release();
        }
    }

    private final class RowGroup {
        private final ParquetFileWriter file;
        private final BytesInputCompressor zstd;
        private final ResampledColumns rows;
        private final int from;
        private final int count;

        RowGroup(ParquetFileWriter file, BytesInputCompressor zstd, ResampledColumns rows, int from, int until) {
            this.file = file;
            this.zstd = zstd;
            this.rows = rows;
            this.from = from;
            this.count = until - from;
        }

        void write() throws IOException {
            file.startBlock(count);
            symbols();
            ints("start", rows.starts);
            ints("end", rows.ends);
            ints("sessions", rows.sessions);
            booleans("complete", rows.complete);
            doubles("open", rows.open);
            doubles("high", rows.high);
            doubles("low", rows.low);
            doubles("close", rows.close);
            doubles("volume", rows.volume);
            doubles("vwap", rows.vwap);
            file.endBlock();
        }

        private void symbols() throws IOException {
            ColumnDescriptor column = column("symbol");
            List<String> dictionary = new ArrayList<>();
            int[] ids = new int[count];
            String previous = null;
            for (int i = 0; i < count; i++) {
                String symbol = rows.symbols[from + i];
                if (!symbol.equals(previous)) { // rows are sorted by symbol: a new one is never seen again
                    dictionary.add(symbol);
                    previous = symbol;
                }
                ids[i] = dictionary.size() - 1;
            }
            Statistics<?> statistics = Statistics.createStats(column.getPrimitiveType());
            statistics.updateStats(Binary.fromString(dictionary.get(0)));
            statistics.updateStats(Binary.fromString(dictionary.get(dictionary.size() - 1)));

            byte[][] encoded = new byte[dictionary.size()][];
            int size = 0;
            for (int i = 0; i < encoded.length; i++) {
                encoded[i] = dictionary.get(i).getBytes(StandardCharsets.UTF_8);
                size += Integer.BYTES + encoded[i].length;
            }
            ByteBuffer plain = ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
            for (byte[] value : encoded) {
                plain.putInt(value.length).put(value);
            }
            int bitWidth = BytesUtils.getWidthFromMaxInt(dictionary.size() - 1);
            BytesInput idBytes;
            try (RunLengthBitPackingHybridEncoder encoder = new RunLengthBitPackingHybridEncoder(bitWidth, 64,
                    ParquetCodec.PAGE_BYTES, HeapByteBufferAllocator.getInstance())) {
                for (int id : ids) {
                    encoder.writeInt(id);
                }
                idBytes = BytesInput.copy(encoder.toBytes());
            }
            file.startColumn(column, count, CompressionCodecName.ZSTD);
            BytesInput dictionaryBytes = BytesInput.from(plain.array());
            file.writeDictionaryPage(new DictionaryPage(BytesInput.copy(zstd.compress(dictionaryBytes)),
                    (int) dictionaryBytes.size(), dictionary.size(), Encoding.PLAIN_DICTIONARY));
            page(column, BytesInput.concat(BytesInput.from(new byte[] {(byte) bitWidth}), idBytes), statistics,
                    Encoding.BIT_PACKED, Encoding.PLAIN_DICTIONARY);
        }

        private void ints(String name, int[] values) throws IOException {
            ColumnDescriptor column = column(name);
            ByteBuffer plain = ByteBuffer.allocate(count * Integer.BYTES).order(ByteOrder.LITTLE_ENDIAN);
            plain.asIntBuffer().put(values, from, count);
            int min = Integer.MAX_VALUE;
            int max = Integer.MIN_VALUE;
            for (int i = from; i < from + count; i++) {
                min = Math.min(min, values[i]);
                max = Math.max(max, values[i]);
            }
            Statistics<?> statistics = Statistics.createStats(column.getPrimitiveType());
            statistics.updateStats(min);
            statistics.updateStats(max);
            startColumn(column);
            page(column, BytesInput.from(plain.array()), statistics, Encoding.BIT_PACKED, Encoding.PLAIN);
        }

        private void booleans(String name, boolean[] values) throws IOException {
            ColumnDescriptor column = column(name);
            byte[] packed = new byte[(count + 7) / 8]; // PLAIN booleans: one bit each, least significant first
            Statistics<?> statistics = Statistics.createStats(column.getPrimitiveType());
            boolean anyTrue = false;
            boolean anyFalse = false;
            for (int i = 0; i < count; i++) {
                if (values[from + i]) {
                    packed[i >>> 3] |= (byte) (1 << (i & 7));
                    anyTrue = true;
                } else {
                    anyFalse = true;
                }
            }
            if (anyFalse) {
                statistics.updateStats(false);
            }
            if (anyTrue) {
                statistics.updateStats(true);
            }
            startColumn(column);
            page(column, BytesInput.from(packed), statistics, Encoding.BIT_PACKED, Encoding.PLAIN);
        }

        /** A required column is plain doubles; the optional one (vwap) has definition levels and skips NaN as null. */
        private void doubles(String name, double[] values) throws IOException {
            ColumnDescriptor column = column(name);
            boolean optional = column.getMaxDefinitionLevel() > 0;
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            int present = 0;
            for (int i = from; i < from + count; i++) {
                double value = values[i];
                if (!Double.isNaN(value)) {
                    min = Math.min(min, value);
                    max = Math.max(max, value);
                    present++;
                }
            }
            if (!optional && present != count) {
                throw new IllegalArgumentException("Column " + name + " is required but holds NaN");
            }
            ByteBuffer plain = ByteBuffer.allocate(present * Double.BYTES).order(ByteOrder.LITTLE_ENDIAN);
            BytesInput levels = BytesInput.empty();
            if (present == count) {
                plain.asDoubleBuffer().put(values, from, count);
            } else {
                for (int i = from; i < from + count; i++) {
                    if (!Double.isNaN(values[i])) {
                        plain.putDouble(values[i]);
                    }
                }
            }
            if (optional) {
                levels = definitionLevels(values);
            }
            Statistics<?> statistics = Statistics.createStats(column.getPrimitiveType());
            if (present > 0) {
                statistics.updateStats(min);
                statistics.updateStats(max);
            }
            statistics.incrementNumNulls(count - present);
            startColumn(column);
            page(column, BytesInput.concat(levels, BytesInput.from(plain.array())), statistics,
                    optional ? Encoding.RLE : Encoding.BIT_PACKED, Encoding.PLAIN);
        }

        /** Version 1 pages prefix RLE definition levels with their length. */
        private BytesInput definitionLevels(double[] values) throws IOException {
            try (RunLengthBitPackingHybridEncoder encoder = new RunLengthBitPackingHybridEncoder(1, 64,
                    ParquetCodec.PAGE_BYTES, HeapByteBufferAllocator.getInstance())) {
                for (int i = from; i < from + count; i++) {
                    encoder.writeInt(Double.isNaN(values[i]) ? 0 : 1);
                }
                BytesInput levels = BytesInput.copy(encoder.toBytes());
                return BytesInput.concat(BytesInput.fromInt((int) levels.size()), levels);
            }
        }

        private void startColumn(ColumnDescriptor column) throws IOException {
            file.startColumn(column, count, CompressionCodecName.ZSTD);
        }

        private void page(ColumnDescriptor column, BytesInput bytes, Statistics<?> statistics, Encoding definitions,
                Encoding values) throws IOException {
            long uncompressed = bytes.size();
            BytesInput compressed = zstd.compress(bytes);
            file.writeDataPage(count, Math.toIntExact(uncompressed), compressed, statistics, count, Encoding.BIT_PACKED,
                    definitions, values);
            file.endColumn();
        }

        private ColumnDescriptor column(String name) {
            return schema.getColumnDescription(new String[] {name});
        }
    }
}
