package io.barlake.lake.parquet;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.parquet.avro.AvroParquetWriter;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;

/**
 * Rows taken out of the lake for a notebook ({@code barlake export}): named, typed columns,
 * written as CSV (RFC 4180, a header line, empty for null, numbers as Java prints a double so
 * they read back exactly) or as one Parquet file (ZSTD, dates as DATE, nulls as nulls).
 */
public final class ExportTable {
    /** A column's type. */
    public enum Kind { STRING, DATE, DOUBLE, LONG, INT, BOOLEAN }

    /** A column: its name and type; {@code nullable} columns may hold null. */
    public record Column(String name, Kind kind, boolean nullable) {}

    private final List<Column> columns;
    private final List<Object[]> rows = new ArrayList<>();

    public ExportTable(List<Column> columns) {
        this.columns = List.copyOf(columns);
    }

    public List<Column> columns() {
        return columns;
    }

    /** Adds a row, one value per column in order: a String, LocalDate, Double (NaN for null), Long, Integer or Boolean. */
    public void add(Object... values) {
        if (values.length != columns.size()) {
            throw new IllegalArgumentException("A row of " + values.length + " values for " + columns.size() + " columns");
        }
        rows.add(values);
    }

    public int size() {
        return rows.size();
    }

    public void writeCsv(Writer out) {
        try {
            out.write(String.join(",", columns.stream().map(Column::name).toList()));
            out.write("\n");
            StringBuilder line = new StringBuilder();
            for (Object[] row : rows) {
                line.setLength(0);
                for (int c = 0; c < row.length; c++) {
                    line.append(c == 0 ? "" : ",").append(csv(value(row[c])));
                }
                out.write(line.append('\n').toString());
            }
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the CSV", e);
        }
    }

    public void writeParquet(OutputStream out) {
        SchemaBuilder.FieldAssembler<Schema> fields = SchemaBuilder.record("export").namespace("io.barlake").fields();
        for (Column column : columns) {
            Schema type = switch (column.kind()) {
                case STRING -> Schema.create(Schema.Type.STRING);
                case DATE -> LogicalTypes.date().addToSchema(Schema.create(Schema.Type.INT));
                case DOUBLE -> Schema.create(Schema.Type.DOUBLE);
                case LONG -> Schema.create(Schema.Type.LONG);
                case INT -> Schema.create(Schema.Type.INT);
                case BOOLEAN -> Schema.create(Schema.Type.BOOLEAN);
            };
            fields = column.nullable() ? fields.name(column.name()).type(Schema.createUnion(Schema.create(Schema.Type.NULL), type))
                    .withDefault(null) : fields.name(column.name()).type(type).noDefault();
        }
        Schema schema = fields.endRecord();
        try (ParquetWriter<GenericRecord> writer = AvroParquetWriter.<GenericRecord>builder(new StreamOutputFile(out))
                .withConf(new PlainParquetConfiguration()).withSchema(schema).withDataModel(GenericData.get())
                .withCompressionCodec(CompressionCodecName.ZSTD).build()) {
            for (Object[] row : rows) {
                GenericRecord record = new GenericData.Record(schema);
                for (int c = 0; c < row.length; c++) {
                    Object value = value(row[c]);
                    record.put(c, value instanceof LocalDate date ? (int) date.toEpochDay() : value);
                }
                writer.write(record);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the Parquet file", e);
        }
    }

    /** A value as written: NaN is null. */
    private static Object value(Object value) {
        return value instanceof Double number && number.isNaN() ? null : value;
    }

    private static String csv(Object value) {
        if (value == null) {
            return "";
        }
        String text = value instanceof Double number ? Double.toString(number) : value.toString();
        if (text.contains(",") || text.contains("\"") || text.contains("\n")) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return value instanceof Boolean ? text.toLowerCase(Locale.ROOT) : text;
    }
}
