package io.barlake.lake.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every session and every early close from 1990-01-02 to 2023-01-13 against an independently
 * published list: the exchange_calendars project's XNYS sessions ({@code tests/resources/xnys.csv}
 * at commit 5308ce20, 8,324 sessions, 69 early closes). That file is third-party data and is not
 * committed here; each row is a year of it as its session count, early-close count and the first
 * 16 hex digits of the SHA-256 of its lines {@code "YYYY-MM-DD HH:MM\n"} (the close in New York).
 * One session added, dropped or closing at another time changes the year's digest. 2023 stops at
 * 2023-01-13, where the list ends.
 */
class NyseSessionListTest {
    private static final LocalDate LIST_END = LocalDate.of(2023, 1, 13);
    private final TradingCalendar calendar = TradingCalendar.nyse();

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "1990, 253, 1, 022379ef1cacf208",
            "1991, 253, 1, 38df426d70a0f80c",
            "1992, 254, 2, 40d4480529aeaf69",
            "1993, 253, 1, 84be29688e5cc245",
            "1994, 252, 1, a035130045327468",
            "1995, 252, 2, 95d87fd0b0285929",
            "1996, 254, 3, b77bbb6786b5dbe9",
            "1997, 253, 4, 46ccd90a184c2a1f",
            "1998, 252, 2, d7fd2275f8b6789e",
            "1999, 252, 2, 2b41c5a551b9de02",
            "2000, 252, 2, 63c253955ff6f6bf",
            "2001, 248, 3, 37a126a0d1571cc4",
            "2002, 252, 3, dbca000121a405e6",
            "2003, 252, 4, 41828c848adcf584",
            "2004, 252, 1, 1eb733f0b08a2975",
            "2005, 252, 1, c9ace930cc1abcef",
            "2006, 251, 2, 8f2ebc3adea1c452",
            "2007, 251, 3, 88205c4692d0325f",
            "2008, 253, 3, 38598db190d7bfb2",
            "2009, 252, 2, 9a4e10f07cbe5cc1",
            "2010, 252, 1, 0a5fa3a74657ebe9",
            "2011, 252, 1, 43ed45a1eb207130",
            "2012, 250, 3, d0a41dd4e91d37e0",
            "2013, 252, 3, 99fb24ab25f089a2",
            "2014, 252, 3, a0e720964df3b80a",
            "2015, 252, 2, bd6a01be4ced8d70",
            "2016, 252, 1, 649f7ec6afe5050e",
            "2017, 251, 2, c25c6cb39c90cb90",
            "2018, 251, 3, 59a83ad2c78c2d95",
            "2019, 252, 3, fbd1bec4a4cbb800",
            "2020, 253, 2, 941400f8f489ff3b",
            "2021, 252, 1, c885ba79f969ea39",
            "2022, 251, 1, 3e07280ef55d5961",
            "2023, 9, 0, 70585ed81ee9998f"
    })
    void everyYearMatchesThePublishedSessionList(int year, int sessions, int earlyCloses, String digest) {
        LocalDate to = year == LIST_END.getYear() ? LIST_END : LocalDate.of(year, 12, 31);
        List<LocalDate> ours = calendar.sessionsBetween(LocalDate.of(year, 1, 1), to);
        StringBuilder lines = new StringBuilder();
        for (LocalDate session : ours) {
            lines.append(session).append(' ').append(calendar.closingTime(session)).append('\n');
        }
        assertThat(ours).as("sessions of %d", year).hasSize(sessions);
        assertThat(ours.stream().filter(calendar::isEarlyClose).count()).as("early closes of %d", year).isEqualTo(earlyCloses);
        assertThat(sha256(lines.toString()).substring(0, 16))
                .as("digest of %d; our weekday closures were %s", year, weekdayClosures(year, to))
                .isEqualTo(digest);
    }

    private List<LocalDate> weekdayClosures(int year, LocalDate to) {
        List<LocalDate> closed = new ArrayList<>();
        for (LocalDate day = LocalDate.of(year, 1, 1); !day.isAfter(to); day = day.plusDays(1)) {
            if (day.getDayOfWeek().getValue() < DayOfWeek.SATURDAY.getValue() && !calendar.isSession(day)) {
                closed.add(day);
            }
        }
        return closed;
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
