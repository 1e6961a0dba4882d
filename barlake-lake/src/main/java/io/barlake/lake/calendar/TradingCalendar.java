package io.barlake.lake.calendar;

import static java.util.Objects.requireNonNull;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * The NYSE trading calendar and its session index.
 *
 * <p>Sessions are weekdays that are not NYSE holidays or special closures, each holiday rule with
 * the years it applied (Martin Luther King Jr. Day from 1998, Juneteenth from 2022) and every
 * special closure since 1990 (1994-04-27, the 2001-09-11 week, 2004-06-11, 2007-01-02, Hurricane
 * Sandy, 2018-12-05, 2025-01-09); sessions that closed early are marked ({@link #closingTime}).
 * Dates after today are the rules' forecast: a closure announced later needs a new release. The
 * <em>session index</em> counts
 * sessions from {@link #INDEX_ORIGIN} (index 0, 2000-01-03), +1 per session; earlier sessions have
 * negative indexes. Resampled buckets are defined on this index, so it must never change for a
 * past date.
 *
 * <p>All sessions from {@link #FIRST_DATE} to {@link #LAST_DATE} are computed once when the
 * calendar is built (about 28,000 sessions); lookups are binary searches. Instances are immutable
 * and thread-safe; {@link #nyse()} returns the shared one.
 */
public final class TradingCalendar {
    /** The session with index 0. */
    public static final LocalDate INDEX_ORIGIN = LocalDate.of(2000, 1, 3);
    /** First date the calendar covers. */
    public static final LocalDate FIRST_DATE = LocalDate.of(1990, 1, 1);
    /** Last date the calendar covers. */
    public static final LocalDate LAST_DATE = LocalDate.of(2099, 12, 31);
    /** The exchange's time zone. */
    public static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    /**
     * Regular close. Freshness and the nightly fetch wait for it even on an early close, which only
     * delays, never hurries: the vendor's daily bars settle after 16:00 either way.
     */
    public static final LocalTime CLOSE = LocalTime.of(16, 0);

    private static final TradingCalendar NYSE = new TradingCalendar();

    private final long[] sessionDays;
    /** The same sessions as dates: a bar's session is looked up, not built, millions of times a run. */
    private final LocalDate[] sessionDates;
    private final int originPosition;

    private TradingCalendar() {
        List<Long> days = new ArrayList<>();
        for (int year = FIRST_DATE.getYear(); year <= LAST_DATE.getYear(); year++) {
            Set<LocalDate> closed = NyseRules.closures(year);
            for (LocalDate day = LocalDate.of(year, 1, 1); day.getYear() == year; day = day.plusDays(1)) {
                DayOfWeek weekday = day.getDayOfWeek();
                if (weekday != DayOfWeek.SATURDAY && weekday != DayOfWeek.SUNDAY && !closed.contains(day)) {
                    days.add(day.toEpochDay());
                }
            }
        }
        this.sessionDays = days.stream().mapToLong(Long::longValue).toArray();
        this.sessionDates = days.stream().map(LocalDate::ofEpochDay).toArray(LocalDate[]::new);
        this.originPosition = Arrays.binarySearch(sessionDays, INDEX_ORIGIN.toEpochDay());
        if (originPosition < 0) {
            throw new IllegalStateException("Cannot build the NYSE calendar: " + INDEX_ORIGIN + " is not a session");
        }
    }

    /** The NYSE calendar. */
    public static TradingCalendar nyse() {
        return NYSE;
    }

    /** True when the exchange holds a regular session on that date. */
    public boolean isSession(LocalDate date) {
        return Arrays.binarySearch(sessionDays, covered(date).toEpochDay()) >= 0;
    }

    /** The session index of a session date; throws when the date is not a session. */
    public int sessionIndex(LocalDate date) {
        int position = Arrays.binarySearch(sessionDays, covered(date).toEpochDay());
        if (position < 0) {
            throw new IllegalArgumentException("Cannot index " + date + ": not an NYSE session");
        }
        return position - originPosition;
    }

    /** The session with the given index. */
    public LocalDate session(int index) {
        long position = (long) index + originPosition;
        if (position < 0 || position >= sessionDays.length) {
            throw new IllegalArgumentException("Cannot find session " + index + ": outside " + FIRST_DATE
                    + " .. " + LAST_DATE);
        }
        return sessionDates[(int) position];
    }

    /** The first session strictly after the date. */
    public LocalDate nextSession(LocalDate date) {
        int position = Arrays.binarySearch(sessionDays, covered(date).toEpochDay());
        int next = position >= 0 ? position + 1 : -position - 1;
        return at(next, date);
    }

    /** The last session strictly before the date. */
    public LocalDate previousSession(LocalDate date) {
        int position = Arrays.binarySearch(sessionDays, covered(date).toEpochDay());
        int previous = position >= 0 ? position - 1 : -position - 2;
        return at(previous, date);
    }

    /** The date itself when it is a session, otherwise the last session before it. */
    public LocalDate sessionOnOrBefore(LocalDate date) {
        return isSession(date) ? date : previousSession(date);
    }

    /** The date itself when it is a session, otherwise the first session after it. */
    public LocalDate sessionOnOrAfter(LocalDate date) {
        return isSession(date) ? date : nextSession(date);
    }

    /** All sessions from {@code from} to {@code to}, both inclusive, in order; empty when from &gt; to. */
    public List<LocalDate> sessionsBetween(LocalDate from, LocalDate to) {
        requireNonNull(from, "from is null");
        requireNonNull(to, "to is null");
        List<LocalDate> sessions = new ArrayList<>();
        if (from.isAfter(to)) {
            return sessions;
        }
        int position = Arrays.binarySearch(sessionDays, covered(from).toEpochDay());
        int first = position >= 0 ? position : -position - 1;
        long last = covered(to).toEpochDay();
        for (int i = first; i < sessionDays.length && sessionDays[i] <= last; i++) {
            sessions.add(sessionDates[i]);
        }
        return sessions;
    }

    /** Number of sessions from {@code from} to {@code to}, both inclusive. */
    public int countSessions(LocalDate from, LocalDate to) {
        return sessionsBetween(from, to).size();
    }

    /**
     * The latest session whose regular close (16:00 New York) is at or before {@code now}: the
     * session a nightly run should fetch.
     */
    public LocalDate latestClosedSession(Instant now) {
        ZonedDateTime local = now.atZone(NEW_YORK);
        LocalDate today = local.toLocalDate();
        if (isSession(today) && !local.toLocalTime().isBefore(CLOSE)) {
            return today;
        }
        return previousSession(today);
    }

    /**
     * When the session's trading ended in New York: 16:00, or 13:00 (14:00 before 1993) on the
     * exchange's early closes, such as the day after Thanksgiving and most Christmas Eves.
     */
    public LocalTime closingTime(LocalDate session) {
        if (!isSession(session)) {
            throw new IllegalArgumentException("Cannot give the close of " + session + ": not an NYSE session");
        }
        return NyseRules.earlyClose(session).orElse(CLOSE);
    }

    /** True when the session closed before 16:00 ({@link #closingTime}). */
    public boolean isEarlyClose(LocalDate session) {
        return isSession(session) && NyseRules.earlyClose(session).isPresent();
    }

    /**
     * The instant of the session's regular 16:00 close, the time the vendor stamps on its daily
     * bars, early closes included.
     */
    public Instant closeOf(LocalDate session) {
        return session.atTime(CLOSE).atZone(NEW_YORK).toInstant();
    }

    private LocalDate at(int position, LocalDate asked) {
        if (position < 0 || position >= sessionDays.length) {
            throw new IllegalArgumentException("Cannot find a session next to " + asked + ": outside "
                    + FIRST_DATE + " .. " + LAST_DATE);
        }
        return sessionDates[position];
    }

    private static LocalDate covered(LocalDate date) {
        requireNonNull(date, "date is null");
        if (date.isBefore(FIRST_DATE) || date.isAfter(LAST_DATE)) {
            throw new IllegalArgumentException("Cannot use " + date + ": the NYSE calendar covers " + FIRST_DATE
                    + " .. " + LAST_DATE);
        }
        return date;
    }
}
