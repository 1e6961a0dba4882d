package io.barlake.benchmarks;

import com.tictactec.ta.lib.MAType;
import com.tictactec.ta.lib.meta.CoreMetaData;
import com.tictactec.ta.lib.meta.annotation.FuncInfo;
import com.tictactec.ta.lib.meta.annotation.InputParameterType;
import com.tictactec.ta.lib.meta.annotation.OptInputParameterType;
import com.tictactec.ta.lib.meta.annotation.OutputParameterType;
import io.barlake.analytics.catalogue.TaFunction;
import java.lang.reflect.Field;
import java.util.Arrays;
import java.util.stream.IntStream;

/** A catalogue function's TA-Lib twin, called through TA-Lib's meta API, with the same inputs as Barlake's. */
final class TaLibMeta {
    private TaLibMeta() {}

    /**
     * TA-Lib's function of that name with the parameters set. The port's callFunc needs its
     * parameter array even when empty, and an MAType where its setter stores an Integer.
     */
    static CoreMetaData prepare(TaFunction function, double[] parameters) throws ReflectiveOperationException {
        CoreMetaData meta = CoreMetaData.getInstance(function.name());
        FuncInfo info = meta.getFuncInfo();
        Field field = CoreMetaData.class.getDeclaredField("callOptInputParams");
        field.setAccessible(true);
        Object[] optional = new Object[info.nbOptInput()];
        field.set(meta, optional);
        for (int i = 0; i < info.nbOptInput(); i++) {
            OptInputParameterType type = meta.getOptInputParameterInfo(i).type();
            if (type == OptInputParameterType.TA_OptInput_RealRange) {
                meta.setOptInputParamReal(i, parameters[i]);
            } else if (type == OptInputParameterType.TA_OptInput_IntegerList) {
                optional[i] = MAType.values()[(int) parameters[i]];
            } else {
                meta.setOptInputParamInteger(i, (int) parameters[i]);
            }
        }
        return meta;
    }

    /** Barlake's input columns for the function over these bars, in its order. */
    static double[][] columns(TaFunction function, WalkBars walk) {
        return function.inputs().stream().map(input -> switch (input) {
            case "open" -> walk.open();
            case "high" -> walk.high();
            case "low" -> walk.low();
            case "volume", "real1" -> walk.volume();
            case "periods" -> IntStream.range(0, walk.close().length).mapToDouble(i -> (i * 7) % 41).toArray();
            default -> function.group().equals("Math Transform") ? Arrays.stream(walk.close()).map(v -> v / 1_000).toArray()
                    : walk.close();
        }).toArray(double[][]::new);
    }

    /** The same inputs given to TA-Lib. */
    static void setInputs(CoreMetaData meta, WalkBars walk, double[][] columns) {
        FuncInfo info = meta.getFuncInfo();
        int column = 0;
        for (int i = 0; i < info.nbInput(); i++) {
            if (meta.getInputParameterInfo(i).type() == InputParameterType.TA_Input_Price) {
                meta.setInputParamPrice(i, walk.open(), walk.high(), walk.low(), walk.close(), walk.volume(), walk.volume());
                column += Integer.bitCount(meta.getInputParameterInfo(i).flags() & 31);
            } else {
                meta.setInputParamReal(i, columns[column++]);
            }
        }
    }

    /** New output arrays for the next call: each call is a new series' values, as Barlake's outputs are. */
    static void newOutputs(CoreMetaData meta, int bars) {
        FuncInfo info = meta.getFuncInfo();
        for (int o = 0; o < info.nbOutput(); o++) {
            if (meta.getOutputParameterInfo(o).type() == OutputParameterType.TA_Output_Integer) {
                meta.setOutputParamInteger(o, new int[bars]);
            } else {
                meta.setOutputParamReal(o, new double[bars]);
            }
        }
    }
}
