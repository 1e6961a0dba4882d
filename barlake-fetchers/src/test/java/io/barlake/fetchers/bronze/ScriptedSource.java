package io.barlake.fetchers.bronze;

import io.barlake.fetchers.source.MarketDataSource;
import io.barlake.fetchers.source.ReferenceSnapshot;
import io.barlake.fetchers.source.SessionResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/** Wraps a source to count calls, fail on the n-th one, or change what some sessions return. */
final class ScriptedSource implements MarketDataSource {
    private final MarketDataSource delegate;
    private final List<LocalDate> calls = new ArrayList<>();
    private final Map<LocalDate, UnaryOperator<byte[]>> edits = new HashMap<>();
    private int failOnCall = -1;

    ScriptedSource(MarketDataSource delegate) {
        this.delegate = delegate;
    }

    List<LocalDate> calls() {
        return calls;
    }

    ScriptedSource failOnCall(int call) {
        this.failOnCall = call;
        return this;
    }

    ScriptedSource edit(LocalDate session, UnaryOperator<byte[]> edit) {
        edits.put(session, edit);
        return this;
    }

    @Override
    public String name() {
        return delegate.name();
    }

    @Override
    public String description() {
        return delegate.description();
    }

    @Override
    public SessionResponse groupedDaily(LocalDate session) {
        calls.add(session);
        if (calls.size() == failOnCall) {
            throw new IllegalStateException("simulated crash while fetching " + session);
        }
        SessionResponse response = delegate.groupedDaily(session);
        UnaryOperator<byte[]> edit = edits.get(session);
        return edit == null ? response : new SessionResponse(session, edit.apply(response.body()), response.request());
    }

    @Override
    public ReferenceSnapshot tickers(LocalDate asOf) {
        return delegate.tickers(asOf);
    }

    @Override
    public ReferenceSnapshot splits(LocalDate asOf) {
        return delegate.splits(asOf);
    }

    @Override
    public ReferenceSnapshot dividends(LocalDate asOf, LocalDate from, LocalDate to) {
        return delegate.dividends(asOf, from, to);
    }
}
