package io.barlake.lake.parquet;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteOrder;
import org.apache.parquet.bytes.ByteBufferInputStream;
import org.apache.parquet.bytes.BytesUtils;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.Dictionary;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.column.ValuesType;
import org.apache.parquet.column.page.DataPage;
import org.apache.parquet.column.page.DataPageV1;
import org.apache.parquet.column.page.DataPageV2;
import org.apache.parquet.column.page.DictionaryPage;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.column.page.PageReader;
import org.apache.parquet.column.values.ValuesReader;
import org.apache.parquet.column.values.rle.RunLengthBitPackingHybridDecoder;
import org.apache.parquet.io.api.Binary;

/**
 * Decodes one flat (non-repeated) column of a row group, page by page, into a primitive array.
 * Plain-encoded required numbers are copied in bulk from the page buffer; everything else goes
 * through Parquet's own value readers. This skips the per-value bookkeeping of Parquet's record
 * and column readers, which costs more than the values when every row of a file is wanted.
 */
final class ColumnPages {
    private ColumnPages() {}

    /** Fills {@code into[offset..]} with the column's values; a null becomes {@code NaN}. */
    static void doubles(PageReadStore rowGroup, ColumnDescriptor column, double[] into, int offset) {
        forEachPage(rowGroup, column, (page, at) -> {
            if (page.bulk(Encoding.PLAIN)) {
                page.values.slice(page.count * Double.BYTES).order(ByteOrder.LITTLE_ENDIAN).asDoubleBuffer()
                        .get(into, at, page.count);
                return;
            }
            ValuesReader values = page.reader();
            for (int i = 0; i < page.count; i++) {
                into[at + i] = page.defined() ? values.readDouble() : Double.NaN;
            }
        }, offset);
    }

    /** Fills {@code into[offset..]} with the column's values; the column must be required. */
    static void ints(PageReadStore rowGroup, ColumnDescriptor column, int[] into, int offset) {
        requireRequired(column);
        forEachPage(rowGroup, column, (page, at) -> {
            if (page.bulk(Encoding.PLAIN)) {
                page.values.slice(page.count * Integer.BYTES).order(ByteOrder.LITTLE_ENDIAN).asIntBuffer()
                        .get(into, at, page.count);
                return;
            }
            ValuesReader values = page.reader();
            for (int i = 0; i < page.count; i++) {
                into[at + i] = values.readInteger();
            }
        }, offset);
    }

    /** Fills {@code into[offset..]} with the column's values; the column must be required. */
    static void booleans(PageReadStore rowGroup, ColumnDescriptor column, boolean[] into, int offset) {
        requireRequired(column);
        forEachPage(rowGroup, column, (page, at) -> {
            ValuesReader values = page.reader();
            for (int i = 0; i < page.count; i++) {
                into[at + i] = values.readBoolean();
            }
        }, offset);
    }

    /**
     * Fills {@code into[offset..]} with the column's UTF-8 strings; the column must be required.
     * Each dictionary entry becomes one {@code String}, and without a dictionary a value equal to
     * the one before reuses its instance, so a sorted column costs one string per distinct run.
     */
    static void strings(PageReadStore rowGroup, ColumnDescriptor column, String[] into, int offset) {
        requireRequired(column);
        forEachPage(rowGroup, column, new PageDecoder() {
            private String[] decoded;
            private Binary previous;
            private String previousString;

            @Override
            public void decode(Page page, int at) throws IOException {
                ValuesReader values = page.reader();
                if (page.encoding.usesDictionary()) {
                    if (decoded == null) {
                        decoded = new String[page.dictionary.getMaxId() + 1];
                    }
                    for (int i = 0; i < page.count; i++) {
                        int id = values.readValueDictionaryId();
                        String value = decoded[id];
                        if (value == null) {
                            value = page.dictionary.decodeToBinary(id).toStringUsingUTF8();
                            decoded[id] = value;
                        }
                        into[at + i] = value;
                    }
                    return;
                }
                for (int i = 0; i < page.count; i++) {
                    Binary value = values.readBytes();
                    if (previous == null || !previous.equals(value)) {
                        previous = value.copy();
                        previousString = value.toStringUsingUTF8();
                    }
                    into[at + i] = previousString;
                }
            }
        }, offset);
    }

    private static void requireRequired(ColumnDescriptor column) {
        if (column.getMaxDefinitionLevel() != 0 || column.getMaxRepetitionLevel() != 0) {
            throw new IllegalArgumentException("Column " + String.join(".", column.getPath())
                    + " is not a required flat column");
        }
    }

    private interface PageDecoder {
        void decode(Page page, int at) throws IOException;
    }

    private static void forEachPage(PageReadStore rowGroup, ColumnDescriptor column, PageDecoder decoder, int offset) {
        PageReader pages = rowGroup.getPageReader(column);
        try {
            DictionaryPage dictionaryPage = pages.readDictionaryPage();
            Dictionary dictionary = dictionaryPage == null ? null
                    : dictionaryPage.getEncoding().initDictionary(column, dictionaryPage);
            int at = offset;
            for (DataPage data = pages.readPage(); data != null; data = pages.readPage()) {
                Page page = Page.open(data, column, dictionary);
                decoder.decode(page, at);
                at += page.count;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One data page opened for reading: its definition levels (when the column is optional) and its values. */
    private static final class Page {
        final int count;
        final Encoding encoding;
        final ByteBufferInputStream values;
        final Dictionary dictionary;
        private final ColumnDescriptor column;
        private final ValuesReader definitionsV1;
        private final RunLengthBitPackingHybridDecoder definitionsV2;

        private Page(int count, Encoding encoding, ByteBufferInputStream values, Dictionary dictionary,
                ColumnDescriptor column, ValuesReader definitionsV1, RunLengthBitPackingHybridDecoder definitionsV2) {
            this.count = count;
            this.encoding = encoding;
            this.values = values;
            this.dictionary = dictionary;
            this.column = column;
            this.definitionsV1 = definitionsV1;
            this.definitionsV2 = definitionsV2;
        }

        static Page open(DataPage data, ColumnDescriptor column, Dictionary dictionary) throws IOException {
            int maxDefinition = column.getMaxDefinitionLevel();
            if (data instanceof DataPageV1 v1) {
                ByteBufferInputStream in = v1.getBytes().toInputStream();
                // A flat column has no repetition levels; a required one writes no definition levels either.
                ValuesReader definitions = null;
                if (maxDefinition > 0) {
                    definitions = v1.getDlEncoding().getValuesReader(column, ValuesType.DEFINITION_LEVEL);
                    definitions.initFromPage(v1.getValueCount(), in);
                }
                return new Page(v1.getValueCount(), v1.getValueEncoding(), in, dictionary, column, definitions, null);
            }
            DataPageV2 v2 = (DataPageV2) data;
            RunLengthBitPackingHybridDecoder definitions = maxDefinition == 0 ? null
                    : new RunLengthBitPackingHybridDecoder(BytesUtils.getWidthFromMaxInt(maxDefinition),
                            v2.getDefinitionLevels().toInputStream());
            return new Page(v2.getValueCount(), v2.getDataEncoding(), v2.getData().toInputStream(), dictionary, column,
                    null, definitions);
        }

        /** Whether the values can be copied as they are: the given encoding and no nulls possible. */
        boolean bulk(Encoding plain) {
            return encoding == plain && column.getMaxDefinitionLevel() == 0;
        }

        /** Whether the next value is present (reads the next definition level of an optional column). */
        boolean defined() throws IOException {
            int max = column.getMaxDefinitionLevel();
            if (max == 0) {
                return true;
            }
            int level = definitionsV1 != null ? definitionsV1.readInteger() : definitionsV2.readInt();
            return level == max;
        }

        ValuesReader reader() throws IOException {
            ValuesReader reader = encoding.usesDictionary()
                    ? encoding.getDictionaryBasedValuesReader(column, ValuesType.VALUES, dictionary)
                    : encoding.getValuesReader(column, ValuesType.VALUES);
            reader.initFromPage(count, values);
            return reader;
        }
    }
}
