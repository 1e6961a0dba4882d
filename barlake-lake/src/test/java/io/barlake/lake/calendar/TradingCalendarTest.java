package io.barlake.lake.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TradingCalendarTest {
    private final TradingCalendar calendar = TradingCalendar.nyse();

    @ParameterizedTest
    @CsvSource({"2019, 252", "2020, 253", "2021, 252", "2022, 251", "2023, 250", "2024, 252", "2025, 250"})
    void yearsHaveTheirPublishedSessionCounts(int year, int sessions) {
        assertThat(calendar.countSessions(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31))).isEqualTo(sessions);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "2024-03-29", // Good Friday
            "2025-04-18", // Good Friday
            "2022-06-20", // Juneteenth observed (the 19th was a Sunday)
            "2024-06-19", // Juneteenth
            "2025-01-09", // national day of mourning, President Carter
            "2018-12-05", // national day of mourning, President Bush
            "2012-10-29", "2012-10-30", // Hurricane Sandy
            "2001-09-11", "2001-09-14",
            "2026-07-03", // Independence Day observed (the 4th is a Saturday)
            "2024-11-28", "2024-12-25", "2025-01-01", "2024-01-15", "2024-02-19", "2024-05-27", "2024-09-02",
            "2024-01-06", "2024-01-07" // a weekend
    })
    void closedDaysAreNotSessions(String date) {
        assertThat(calendar.isSession(LocalDate.parse(date))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "2021-06-18", // Juneteenth was not a market holiday before 2022
            "2021-12-31", // New Year 2022 fell on a Saturday: NYSE does not close the Friday before
            "2024-11-29", // day after Thanksgiving: an early close is still a session
            "2024-12-24", "2000-01-03", "2024-01-02"
    })
    void openDaysAreSessions(String date) {
        assertThat(calendar.isSession(LocalDate.parse(date))).isTrue();
    }

    @ParameterizedTest
    @CsvSource({
            "1997-01-20, true, Martin Luther King Jr. Day was a session until 1997",
            "1998-01-19, false, and a holiday from 1998",
            "1994-04-27, false, funeral of President Nixon",
            "2004-06-11, false, funeral of President Reagan",
            "2007-01-02, false, national day of mourning for President Ford",
            "1999-12-31, true, New Year 2000 fell on a Saturday",
            "2027-06-18, false, Juneteenth 2027 falls on a Saturday: observed on Friday 18 June",
            "2027-12-24, false, Christmas 2027 falls on a Saturday: observed on Friday 24 December"
    })
    void holidayRulesApplyOnlyInTheirYears(String date, boolean session, String why) {
        LocalDate day = LocalDate.parse(date);
        assertThat(calendar.isSession(day)).as(why).isEqualTo(session);
    }

    @ParameterizedTest
    @CsvSource({
            "2024-11-29, 13:00", // day after Thanksgiving
            "2024-12-24, 13:00", "2024-07-03, 13:00", // Wednesday 3 July, early from 2013
            "2002-07-03, 16:00", // a Wednesday 3 July before 2013 closed at 16:00
            "2002-07-05, 13:00", // Friday 5 July, 1996 to 2012
            "2013-07-05, 16:00",
            "1991-12-24, 14:00", "1992-11-27, 14:00", "1991-11-29, 16:00",
            "1999-12-31, 13:00", "2024-12-23, 16:00"
    })
    void earlyClosesAreMarkedWithTheirTime(String date, String close) {
        assertThat(calendar.closingTime(LocalDate.parse(date))).hasToString(close);
        assertThat(calendar.isEarlyClose(LocalDate.parse(date))).isEqualTo(!close.equals("16:00"));
    }

    @Test
    void theCloseOfADayWithoutASessionIsRefused() {
        assertThatThrownBy(() -> calendar.closingTime(LocalDate.of(2025, 12, 25)))
                .hasMessage("Cannot give the close of 2025-12-25: not an NYSE session");
    }

    @Test
    void theSessionIndexStartsAtZeroOnTheThirdOfJanuary2000() {
        assertThat(calendar.sessionIndex(LocalDate.of(2000, 1, 3))).isZero();
        assertThat(calendar.sessionIndex(LocalDate.of(2000, 1, 4))).isEqualTo(1);
        assertThat(calendar.sessionIndex(LocalDate.of(2000, 1, 10))).isEqualTo(5);
        assertThat(calendar.sessionIndex(LocalDate.of(1999, 12, 31))).isEqualTo(-1);
        assertThat(calendar.session(0)).isEqualTo(LocalDate.of(2000, 1, 3));
    }

    @Test
    void theIndexCountsSessionsAndRoundTrips() {
        LocalDate from = LocalDate.of(2024, 1, 2);
        LocalDate to = LocalDate.of(2024, 12, 31);
        assertThat(calendar.sessionIndex(to) - calendar.sessionIndex(from) + 1).isEqualTo(252);
        for (int index = -2000; index < 8000; index += 7) {
            assertThat(calendar.sessionIndex(calendar.session(index))).isEqualTo(index);
        }
    }

    @Test
    void indexingADayWithoutASessionSaysSo() {
        assertThatThrownBy(() -> calendar.sessionIndex(LocalDate.of(2025, 1, 9)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Cannot index 2025-01-09: not an NYSE session");
    }

    @Test
    void nextAndPreviousSessionsSkipClosedDays() {
        assertThat(calendar.nextSession(LocalDate.of(2025, 1, 8))).isEqualTo(LocalDate.of(2025, 1, 10));
        assertThat(calendar.previousSession(LocalDate.of(2025, 1, 10))).isEqualTo(LocalDate.of(2025, 1, 8));
        assertThat(calendar.nextSession(LocalDate.of(2024, 3, 28))).isEqualTo(LocalDate.of(2024, 4, 1));
        assertThat(calendar.previousSession(LocalDate.of(2024, 1, 6))).isEqualTo(LocalDate.of(2024, 1, 5));
        assertThat(calendar.sessionOnOrBefore(LocalDate.of(2024, 1, 7))).isEqualTo(LocalDate.of(2024, 1, 5));
        assertThat(calendar.sessionOnOrAfter(LocalDate.of(2024, 1, 7))).isEqualTo(LocalDate.of(2024, 1, 8));
        assertThat(calendar.sessionOnOrAfter(LocalDate.of(2024, 1, 8))).isEqualTo(LocalDate.of(2024, 1, 8));
    }

    @Test
    void sessionsBetweenIncludesBothEnds() {
        assertThat(calendar.sessionsBetween(LocalDate.of(2025, 1, 6), LocalDate.of(2025, 1, 13))).containsExactly(
                LocalDate.of(2025, 1, 6), LocalDate.of(2025, 1, 7), LocalDate.of(2025, 1, 8),
                LocalDate.of(2025, 1, 10), LocalDate.of(2025, 1, 13));
        assertThat(calendar.sessionsBetween(LocalDate.of(2025, 1, 11), LocalDate.of(2025, 1, 12))).isEmpty();
        assertThat(calendar.sessionsBetween(LocalDate.of(2025, 2, 1), LocalDate.of(2025, 1, 1))).isEmpty();
    }

    @Test
    void theLatestClosedSessionWaitsForFourPmInNewYork() {
        // 2025-06-02 is a Monday; 20:00Z is 16:00 EDT.
        assertThat(calendar.latestClosedSession(Instant.parse("2025-06-02T19:59:59Z"))).isEqualTo(LocalDate.of(2025, 5, 30));
        assertThat(calendar.latestClosedSession(Instant.parse("2025-06-02T20:00:00Z"))).isEqualTo(LocalDate.of(2025, 6, 2));
        assertThat(calendar.latestClosedSession(Instant.parse("2025-06-08T12:00:00Z"))).isEqualTo(LocalDate.of(2025, 6, 6));
        // Winter: 16:00 EST is 21:00Z.
        assertThat(calendar.latestClosedSession(Instant.parse("2025-01-10T20:30:00Z"))).isEqualTo(LocalDate.of(2025, 1, 8));
        assertThat(calendar.closeOf(LocalDate.of(2025, 1, 10))).isEqualTo(Instant.parse("2025-01-10T21:00:00Z"));
    }

    @Test
    void datesOutsideTheCoveredRangeAreRefusedClearly() {
        assertThatThrownBy(() -> calendar.isSession(LocalDate.of(1980, 1, 2)))
                .hasMessage("Cannot use 1980-01-02: the NYSE calendar covers 1990-01-01 .. 2099-12-31");
        assertThatThrownBy(() -> calendar.nextSession(LocalDate.of(2099, 12, 31)))
                .hasMessageContaining("outside 1990-01-01 .. 2099-12-31");
    }

    @Test
    void everySessionIsAWeekday() {
        List<LocalDate> sessions = calendar.sessionsBetween(LocalDate.of(2000, 1, 1), LocalDate.of(2030, 12, 31));
        assertThat(sessions).allSatisfy(day -> assertThat(day.getDayOfWeek().getValue()).isLessThanOrEqualTo(5));
        assertThat(sessions).isSorted().doesNotHaveDuplicates();
    }
}
