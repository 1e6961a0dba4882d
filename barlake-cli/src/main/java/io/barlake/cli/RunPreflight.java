package io.barlake.cli;

import io.barlake.consolidator.Consolidator;
import io.barlake.consolidator.batch.ConsolidatorMain;
import io.barlake.fetchers.bronze.ReferenceFetcher;
import io.barlake.lake.calendar.TradingCalendar;
import io.barlake.lake.store.InvalidSettingException;
import io.barlake.signals.alerts.WebhookPolicy;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.Map;

/**
 * What {@code run} and {@code backfill} check before any work starts, so a bad setting or date is
 * one line and exit 2 up front rather than a failure (and a retry) halfway through the pipeline:
 * the settings the stages read, and the dates against the NYSE calendar and the clock.
 */
final class RunPreflight {
    private RunPreflight() {}

    /** Every setting a stage of the pipeline reads, parsed as the stage will parse it. */
    static void settings(Map<String, String> environment) {
        ConsolidatorMain.vacuumDays(environment);
        Consolidator.maxDrop(environment);
        ReferenceFetcher.followedTickers(environment);
        WebhookPolicy.fromEnvironment(environment, WebhookPolicy.SYSTEM);
    }

    /**
     * The session {@code run --date} runs as of: the date itself when it is a session, else the
     * session before it (said on {@code out}); a date whose session has not closed is refused.
     */
    static LocalDate nightly(LocalDate date, TradingCalendar calendar, Instant now, PrintWriter out) {
        inCalendar("--date", date);
        LocalDate latestClosed = calendar.latestClosedSession(now);
        LocalDate session = calendar.sessionOnOrBefore(date);
        if (session.isAfter(latestClosed)) {
            throw new InvalidSettingException("--date", date.toString(), (date.equals(session) ? "that session" : "its session " + session)
                    + " has not closed yet; the latest closed NYSE session is " + latestClosed);
        }
        if (!session.equals(date)) {
            out.printf("%s is not an NYSE session (%s); running as of %s, the session before it.%n", date, why(date, calendar), session);
        }
        return session;
    }

    /** A backfill range that holds at least one closed session, inside the calendar Barlake knows. */
    static void backfill(LocalDate from, LocalDate to, TradingCalendar calendar, Instant now) {
        if (from.isAfter(to)) {
            throw new InvalidSettingException("--from", from.toString(), "is after --to " + to);
        }
        inCalendar("--from", from);
        inCalendar("--to", to);
        LocalDate latestClosed = calendar.latestClosedSession(now);
        if (from.isAfter(latestClosed)) {
            throw new InvalidSettingException("--from", from.toString(), "no session from then has closed yet; the latest closed NYSE "
                    + "session is " + latestClosed);
        }
        if (calendar.sessionsBetween(from, to).isEmpty()) {
            throw new InvalidSettingException("--from", from.toString(), "there is no NYSE session from " + from + " to " + to
                    + " (" + why(from, calendar) + ")");
        }
    }

    private static void inCalendar(String option, LocalDate date) {
        if (date.isBefore(TradingCalendar.FIRST_DATE) || date.isAfter(TradingCalendar.LAST_DATE)) {
            throw new InvalidSettingException(option, date.toString(), "Barlake's NYSE calendar covers " + TradingCalendar.FIRST_DATE
                    + " to " + TradingCalendar.LAST_DATE);
        }
    }

    private static String why(LocalDate date, TradingCalendar calendar) {
        String day = date.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH);
        return switch (date.getDayOfWeek()) {
            case SATURDAY, SUNDAY -> "a " + day;
            default -> calendar.isSession(date) ? "a session" : "a " + day + " the exchange is closed";
        };
    }
}
