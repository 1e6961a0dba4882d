package io.barlake.signals.alerts;

import io.barlake.analytics.alerts.AlertCondition;
import io.barlake.analytics.series.BarSeries;
import io.barlake.lake.calendar.TradingCalendar;
import io.barlake.lake.model.Timeframe;
import io.barlake.lake.read.NoBarsException;
import io.barlake.lake.store.ObjectStore;
import io.barlake.signals.series.LakeSeries;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The users' alert rules checked on a session, after the scan: each rule's symbol's daily bars
 * (two years, for the indicators' warm-up) must end on that session, its condition must hold
 * there, and at least {@code max(1, cooldown)} sessions must have passed since it last fired.
 * Each firing is handed to the notifier and recorded, so a rule does not fire every night.
 */
public final class AlertCheck {
    private static final Logger LOG = LoggerFactory.getLogger(AlertCheck.class);

    /** One rule that fired on a session, at that session's close. */
    public record Firing(AlertRule rule, LocalDate session, double close, String message) {}

    /** Where a firing goes: the log, the rule's webhook, SNS. A notifier that fails must not stop the others. */
    @FunctionalInterface
    public interface Notifier {
        void notify(Firing firing);
    }

    private AlertCheck() {}

    public static List<Firing> run(ObjectStore store, Clock clock, LocalDate session, Notifier notifier) {
        AlertRuleStore rules = new AlertRuleStore(store);
        List<AlertRule> all = rules.all();
        if (all.isEmpty()) {
            return List.of();
        }
        TradingCalendar calendar = TradingCalendar.nyse();
        Map<String, BarSeries> series = new HashMap<>();
        List<Firing> firings = new ArrayList<>();
        for (AlertRule rule : all) {
            if (rule.lastFired() != null && calendar.countSessions(calendar.nextSession(rule.lastFired()), session)
                    < Math.max(1, rule.cooldownSessions())) {
                continue;
            }
            BarSeries bars = series.computeIfAbsent(rule.symbol(), symbol -> load(store, symbol, session, clock));
            if (bars == null || !bars.dates()[bars.size() - 1].equals(session)) {
                continue; // no bar for this symbol on the session: nothing to check
            }
            AlertCondition condition = rule.trigger().condition();
            if (condition.firesAtLatest(bars)) {
                double close = bars.close()[bars.size() - 1];
                firings.add(new Firing(rule, session, close, String.format(Locale.ROOT, "%s on %s: %s (close %.2f), alert %s",
                        rule.symbol(), session, condition.describe(), close, rule.id())));
            }
        }
        for (Firing firing : firings) {
            try {
                notifier.notify(firing);
            } catch (RuntimeException e) {
                LOG.warn("Alert {}: a notifier failed: {}", firing.rule().id(), e.toString());
            }
        }
        if (!firings.isEmpty()) {
            List<String> fired = firings.stream().map(f -> f.rule().id()).toList();
            rules.update(current -> {
                current.replaceAll(rule -> fired.contains(rule.id()) ? rule.firedOn(session) : rule);
                return current;
            });
        }
        return firings;
    }

    private static BarSeries load(ObjectStore store, String symbol, LocalDate session, Clock clock) {
        try {
            return LakeSeries.load(store, symbol, Timeframe.D1, session.minusYears(2), session, clock);
        } catch (NoBarsException e) {
            return null;
        }
    }
}
