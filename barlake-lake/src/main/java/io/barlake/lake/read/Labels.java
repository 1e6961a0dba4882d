package io.barlake.lake.read;

import io.barlake.lake.store.InvalidSettingException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** The lower-case labels of the read modes ({@link Adjustment}, {@link Continuity}), as settings write them. */
final class Labels {
    private Labels() {}

    static String of(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    /** The value a label names, any case and surrounding space; else one error naming the setting and every label. */
    static <E extends Enum<E>> E parse(Class<E> type, String setting, String label) {
        String wanted = label == null ? "" : label.strip().toLowerCase(Locale.ROOT);
        E[] values = type.getEnumConstants();
        for (E value : values) {
            if (of(value).equals(wanted)) {
                return value;
            }
        }
        List<String> labels = Arrays.stream(values).map(Labels::of).toList();
        throw new InvalidSettingException(setting, label, "expected " + String.join(", ", labels.subList(0, labels.size() - 1))
                + " or " + labels.get(labels.size() - 1));
    }
}
