package io.barlake.signals.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.barlake.analytics.strategy.PrebuiltStrategies;
import io.barlake.lake.model.Timeframe;
import io.barlake.lake.state.LakeJson;
import io.barlake.lake.store.LakeLocation;
import io.barlake.lake.store.ObjectStore;
import io.barlake.lake.store.ObjectStores;
import io.barlake.signals.alerts.AlertCheck;
import io.barlake.signals.alerts.AlertNotifiers;
import io.barlake.signals.alerts.SnsAlertPublisher;
import io.barlake.signals.alerts.WebhookPolicy;
import io.barlake.signals.brief.MorningEmail;
import io.barlake.signals.gold.DailyHistory;
import io.barlake.signals.market.MarketGold;
import io.barlake.signals.market.MarketSettings;
import io.barlake.signals.scan.SignalsGold;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * The Scan task: the market datasets ({@link MarketGold}) and the picks of every prebuilt strategy
 * in 1d and the six resampled timeframes ({@link SignalsGold}) for every session that changed and
 * the latest one, then the users' alert rules on the latest session ({@link AlertCheck}); out
 * {@code {"session":"…","symbols":N,"picks":N,"key":"gold/signals/…","alerts_fired":N,
 * "market_sessions_written":N,"signal_sessions_written":N,"morning_email":"…"}}; the morning
 * e-mail ({@link MorningEmail}) goes out once per session when configured.
 * The event (the run's request) is read for its shape only: the scan always scores what the
 * lake's latest session is after consolidation.
 */
public final class ScanHandler implements RequestStreamHandler {
    private final ObjectStore store;
    private final Clock clock;
    private final AlertCheck.Notifier alerts;
    private final MarketSettings market;
    private final Optional<MorningEmail> morning;

    /** Cold start: the lake from the process environment. */
    public ScanHandler() {
        this(System.getenv(), Clock.systemUTC());
    }

    /** On AWS: alert firings also go to the SNS topic of {@code BARLAKE_ALERT_TOPIC_ARN} when it is set. */
    public ScanHandler(Map<String, String> environment, Clock clock) {
        this(ObjectStores.open(LakeLocation.parse(environment.getOrDefault(LakeLocation.SETTING, LakeLocation.DEFAULT),
                LakeLocation.SETTING), environment), clock, AlertNotifiers.standard(
                WebhookPolicy.fromEnvironment(environment, WebhookPolicy.SYSTEM), sns(environment)),
                MarketSettings.fromEnvironment(environment), MorningEmail.fromEnvironment(environment));
    }

    /**
     * Locally: alert firings go to the log and to each rule's webhook that {@code webhooks} lets
     * through; the morning e-mail, when configured, as on AWS.
     */
    public ScanHandler(ObjectStore store, Clock clock, WebhookPolicy webhooks, MarketSettings market,
            Optional<MorningEmail> morning) {
        this(store, clock, AlertNotifiers.standard(webhooks, null), market, morning);
    }

    public ScanHandler(ObjectStore store, Clock clock, AlertCheck.Notifier alerts, MarketSettings market,
            Optional<MorningEmail> morning) {
        this.store = store;
        this.clock = clock;
        this.alerts = alerts;
        this.market = market;
        this.morning = morning;
    }

    private static BiConsumer<String, String> sns(Map<String, String> environment) {
        String topic = environment.get(SnsAlertPublisher.TOPIC_SETTING);
        if (topic == null || topic.isBlank()) {
            return null;
        }
        SnsAlertPublisher publisher = SnsAlertPublisher.forTopic(topic, environment);
        return (subject, message) -> publisher.publish(topic.strip(), subject, message);
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        io.barlake.lake.logging.LogContext.invocation(context == null ? null : context.getAwsRequestId());
        com.fasterxml.jackson.databind.JsonNode event = LakeJson.mapper().readTree(input);
        io.barlake.lake.logging.LogContext.run(event == null ? null : event.path("run_id").asText(null));
        Gold updated = gold(store, clock, market);
        MarketGold.Result gold = updated.market();
        SignalsGold.Result result = updated.signals();
        ObjectNode out = LakeJson.mapper().createObjectNode();
        out.put("session", result.latest().toString());
        out.put("symbols", result.symbols());
        out.put("picks", result.latestPicks().size());
        out.put("key", result.key());
        out.put("alerts_fired", AlertCheck.run(store, clock, result.latest(), alerts).size());
        out.put("market_sessions_written", gold.written());
        out.put("signal_sessions_written", result.written());
        out.put("morning_email", morning.map(email -> email.send(store, clock, result.latest()).why()).orElse("off"));
        LakeJson.mapper().writeValue(output, out);
    }

    /** What {@link #gold} did. */
    public record Gold(MarketGold.Result market, SignalsGold.Result signals) {}

    /**
     * Brings the gold layer in step with silver: the market datasets, then the picks of every
     * session, both from one load of the daily history when the market has only a few sessions
     * due (the nightly run). One after the other, not side by side: each already keeps both cores
     * busy, and together their data would crowd a 3 GB function's heap.
     */
    public static Gold gold(ObjectStore store, Clock clock, MarketSettings market) {
        DailyHistory.Shared history = new DailyHistory.Shared(store);
        MarketGold.Result marketGold = MarketGold.update(store, clock, market, history);
        return new Gold(marketGold, SignalsGold.update(store, clock, PrebuiltStrategies.all(), List.of(Timeframe.values()), history));
    }
}
