package io.barlake.lake.status;

import io.barlake.lake.layout.LakeLayout;
import io.barlake.lake.model.Timeframe;
import io.barlake.lake.parquet.ParquetCodec;
import io.barlake.lake.state.CorruptStateException;
import io.barlake.lake.state.DailyCheckpoint;
import io.barlake.lake.state.ObjectMark;
import io.barlake.lake.state.ResamplerCheckpoint;
import io.barlake.lake.state.StateStore;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Every bar file the stages' checkpoints describe, with the mark each was written with (null for
 * a checkpoint from before marks), as {@code status} and {@code /health} check them.
 */
final class CheckpointedFiles {
    /** One described file: its key, its mark, and the codec that reads it. */
    record File(String key, ObjectMark mark, ParquetCodec<?> codec) {}

    private CheckpointedFiles() {}

    /** The described files; each checkpoint that cannot be read is told to {@code unreadable} instead. */
    static List<File> of(StateStore state, Consumer<CorruptStateException> unreadable) {
        List<File> files = new ArrayList<>();
        try {
            state.checkpoint(DailyCheckpoint.NAME, DailyCheckpoint.class).ifPresent(checkpoint -> checkpoint.years().forEach(year ->
                    files.add(new File(LakeLayout.silverDaily(year), checkpoint.files().get(year), ParquetCodec.DAILY))));
        } catch (CorruptStateException e) {
            unreadable.accept(e);
        }
        for (Timeframe timeframe : Timeframe.resampled()) {
            try {
                state.checkpoint(ResamplerCheckpoint.name(timeframe.sessions()), ResamplerCheckpoint.class)
                        .ifPresent(checkpoint -> checkpoint.files().forEach((year, mark) ->
                                files.add(new File(LakeLayout.bars(timeframe, year), mark, ParquetCodec.RESAMPLED))));
            } catch (CorruptStateException e) {
                unreadable.accept(e);
            }
        }
        return files;
    }
}
