package io.barlake.lake.calendar;

import static java.time.DayOfWeek.FRIDAY;
import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.SATURDAY;
import static java.time.DayOfWeek.SUNDAY;
import static java.time.DayOfWeek.THURSDAY;
import static java.time.DayOfWeek.TUESDAY;
import static java.time.DayOfWeek.WEDNESDAY;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Month;
import java.time.temporal.TemporalAdjusters;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntFunction;

/**
 * The NYSE's closures and early closes from 1990, each rule with the years it applied (NYSE Rule 7.2
 * and the exchange's notices, checked session by session against the exchange_calendars project's
 * published XNYS list). Weekends are not listed here; {@link TradingCalendar} skips them.
 *
 * <table>
 * <caption>Full-day closures</caption>
 * <tr><th>closure</th><th>rule</th><th>years</th></tr>
 * <tr><td>New Year's Day</td><td>1 Jan; a Sunday moves to Monday, a Saturday is not made up</td><td>all</td></tr>
 * <tr><td>Martin Luther King Jr. Day</td><td>third Monday of January</td><td>from 1998</td></tr>
 * <tr><td>Washington's Birthday</td><td>third Monday of February</td><td>all</td></tr>
 * <tr><td>Good Friday</td><td>two days before Easter Sunday</td><td>all</td></tr>
 * <tr><td>Memorial Day</td><td>last Monday of May</td><td>all</td></tr>
 * <tr><td>Juneteenth</td><td>19 June; Saturday to Friday, Sunday to Monday</td><td>from 2022</td></tr>
 * <tr><td>Independence Day</td><td>4 July; Saturday to Friday, Sunday to Monday</td><td>all</td></tr>
 * <tr><td>Labor Day</td><td>first Monday of September</td><td>all</td></tr>
 * <tr><td>Thanksgiving</td><td>fourth Thursday of November</td><td>all</td></tr>
 * <tr><td>Christmas</td><td>25 December; Saturday to Friday, Sunday to Monday</td><td>all</td></tr>
 * <tr><td>special closures</td><td>{@link #SPECIAL_CLOSURES}</td><td>one day each</td></tr>
 * </table>
 *
 * <table>
 * <caption>Early closes</caption>
 * <tr><th>day</th><th>close</th><th>years</th></tr>
 * <tr><td>24 December, Monday to Thursday</td><td>14:00 until 1992, 13:00 from 1993</td><td>all</td></tr>
 * <tr><td>the day after Thanksgiving</td><td>14:00 in 1992, 13:00 from 1993</td><td>from 1992</td></tr>
 * <tr><td>3 July, Monday, Tuesday or Thursday</td><td>13:00</td><td>from 1995</td></tr>
 * <tr><td>3 July, Wednesday</td><td>13:00</td><td>from 2013</td></tr>
 * <tr><td>5 July, Friday</td><td>13:00</td><td>1996 to 2012</td></tr>
 * <tr><td>special early closes</td><td>{@link #SPECIAL_EARLY_CLOSES}</td><td>one day each</td></tr>
 * </table>
 */
final class NyseRules {
    /** Closures decided for one occasion: funerals, national mourning, attacks and storms. */
    static final Map<LocalDate, String> SPECIAL_CLOSURES = specialClosures();
    /** Early closes decided for one occasion (13:00). */
    static final Map<LocalDate, String> SPECIAL_EARLY_CLOSES = Map.of(
            LocalDate.of(1997, 12, 26), "Friday after Christmas",
            LocalDate.of(1999, 12, 31), "eve of the year 2000",
            LocalDate.of(2003, 12, 26), "Friday after Christmas");

    private static final LocalTime ONE_PM = LocalTime.of(13, 0);
    private static final LocalTime TWO_PM = LocalTime.of(14, 0);
    private static final Set<DayOfWeek> MONDAY_TO_THURSDAY = EnumSet.of(MONDAY, TUESDAY, WEDNESDAY, THURSDAY);

    /** The yearly closures, each computing its date in a year, or none when it did not apply. */
    private static final List<IntFunction<Optional<LocalDate>>> HOLIDAYS = List.of(
            year -> newYearsDay(year),
            year -> year >= 1998 ? Optional.of(nth(year, Month.JANUARY, 3, MONDAY)) : Optional.empty(),
            year -> Optional.of(nth(year, Month.FEBRUARY, 3, MONDAY)),
            year -> Optional.of(easterSunday(year).minusDays(2)),
            year -> Optional.of(LocalDate.of(year, Month.MAY, 31).with(TemporalAdjusters.previousOrSame(MONDAY))),
            year -> year >= 2022 ? observed(LocalDate.of(year, Month.JUNE, 19)) : Optional.empty(),
            year -> observed(LocalDate.of(year, Month.JULY, 4)),
            year -> Optional.of(nth(year, Month.SEPTEMBER, 1, MONDAY)),
            year -> Optional.of(thanksgiving(year)),
            year -> observed(LocalDate.of(year, Month.DECEMBER, 25)));

    private NyseRules() {}

    /** The weekday closures of a year, yearly holidays and special closures together. */
    static Set<LocalDate> closures(int year) {
        Set<LocalDate> closed = new HashSet<>();
        for (IntFunction<Optional<LocalDate>> holiday : HOLIDAYS) {
            holiday.apply(year).ifPresent(closed::add);
        }
        SPECIAL_CLOSURES.keySet().stream().filter(day -> day.getYear() == year).forEach(closed::add);
        return closed;
    }

    /** The early close of a session, if it closes before 16:00. */
    static Optional<LocalTime> earlyClose(LocalDate session) {
        int year = session.getYear();
        DayOfWeek weekday = session.getDayOfWeek();
        if (SPECIAL_EARLY_CLOSES.containsKey(session)) {
            return Optional.of(ONE_PM);
        }
        if (session.getMonth() == Month.DECEMBER && session.getDayOfMonth() == 24 && MONDAY_TO_THURSDAY.contains(weekday)) {
            return Optional.of(year <= 1992 ? TWO_PM : ONE_PM);
        }
        if (year >= 1992 && session.equals(thanksgiving(year).plusDays(1))) {
            return Optional.of(year == 1992 ? TWO_PM : ONE_PM);
        }
        if (session.getMonth() == Month.JULY) {
            int day = session.getDayOfMonth();
            boolean julyThird = day == 3 && (year >= 1995 && EnumSet.of(MONDAY, TUESDAY, THURSDAY).contains(weekday)
                    || year >= 2013 && weekday == WEDNESDAY);
            boolean julyFifth = day == 5 && weekday == FRIDAY && year >= 1996 && year <= 2012;
            if (julyThird || julyFifth) {
                return Optional.of(ONE_PM);
            }
        }
        return Optional.empty();
    }

    /** Easter Sunday in the Gregorian calendar (the anonymous algorithm of Meeus, Jones and Butcher). */
    static LocalDate easterSunday(int year) {
        int a = year % 19;
        int b = year / 100;
        int c = year % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4;
        int k = c % 4;
        int l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31;
        int day = (h + l - 7 * m + 114) % 31 + 1;
        return LocalDate.of(year, month, day);
    }

    private static Optional<LocalDate> newYearsDay(int year) {
        LocalDate day = LocalDate.of(year, Month.JANUARY, 1);
        return switch (day.getDayOfWeek()) {
            case SATURDAY -> Optional.empty(); // not made up on the Friday before, the last session of the old year
            case SUNDAY -> Optional.of(day.plusDays(1));
            default -> Optional.of(day);
        };
    }

    private static Optional<LocalDate> observed(LocalDate day) {
        if (day.getDayOfWeek() == SATURDAY) {
            return Optional.of(day.minusDays(1));
        }
        return Optional.of(day.getDayOfWeek() == SUNDAY ? day.plusDays(1) : day);
    }

    private static LocalDate thanksgiving(int year) {
        return nth(year, Month.NOVEMBER, 4, THURSDAY);
    }

    private static LocalDate nth(int year, Month month, int ordinal, DayOfWeek weekday) {
        return LocalDate.of(year, month, 1).with(TemporalAdjusters.dayOfWeekInMonth(ordinal, weekday));
    }

    private static Map<LocalDate, String> specialClosures() {
        Map<LocalDate, String> closures = new LinkedHashMap<>();
        closures.put(LocalDate.of(1994, 4, 27), "funeral of President Nixon");
        for (int day = 11; day <= 14; day++) {
            closures.put(LocalDate.of(2001, 9, day), "attacks of 11 September");
        }
        closures.put(LocalDate.of(2004, 6, 11), "funeral of President Reagan");
        closures.put(LocalDate.of(2007, 1, 2), "national day of mourning for President Ford");
        closures.put(LocalDate.of(2012, 10, 29), "Hurricane Sandy");
        closures.put(LocalDate.of(2012, 10, 30), "Hurricane Sandy");
        closures.put(LocalDate.of(2018, 12, 5), "national day of mourning for President George H. W. Bush");
        closures.put(LocalDate.of(2025, 1, 9), "national day of mourning for President Carter");
        return Map.copyOf(closures);
    }
}
