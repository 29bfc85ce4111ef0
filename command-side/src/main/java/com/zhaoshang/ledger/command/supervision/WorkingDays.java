package com.zhaoshang.ledger.command.supervision;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Working days (工作日) for response limits: Monday to Friday, except public holidays (法定节假日及调休放假), plus the
 * weekend days declared working days (调休上班). The dates come from {@code ledger.rules.calendar.holidays} and
 * {@code ledger.rules.calendar.working-weekends}; the defaults are the State Council's 2026 calendar (国办发明电,
 * 2025-11-04). A year with no dates configured counts Monday to Friday only. Immutable; a Spring bean of the
 * command side, passed to the aggregates as a handler resource.
 */
public final class WorkingDays {

    private final Set<LocalDate> holidays;
    private final Set<LocalDate> workingWeekends;

    public WorkingDays(Collection<LocalDate> holidays, Collection<LocalDate> workingWeekends) {
        this.holidays = Set.copyOf(holidays);
        this.workingWeekends = Set.copyOf(workingWeekends);
        for (LocalDate day : this.workingWeekends) {
            if (!isWeekend(day)) {
                throw new IllegalArgumentException("ledger.rules.calendar.working-weekends: " + day + " is a "
                        + day.getDayOfWeek() + ", not a weekend day");
            }
            if (this.holidays.contains(day)) {
                throw new IllegalArgumentException("ledger.rules.calendar: " + day
                        + " is both a holiday and a working weekend day");
            }
        }
    }

    /** Monday to Friday, no holidays. */
    public static WorkingDays weekdaysOnly() {
        return new WorkingDays(List.of(), List.of());
    }

    /** From comma-separated ISO dates (blank: none), as in the properties. */
    public static WorkingDays parse(String holidays, String workingWeekends) {
        return new WorkingDays(dates(holidays), dates(workingWeekends));
    }

    private static List<LocalDate> dates(String csv) {
        if (csv == null || csv.isBlank()) {
            return List.of();
        }
        return Arrays.stream(csv.split(",")).map(String::strip).filter(s -> !s.isEmpty()).map(LocalDate::parse)
                .toList();
    }

    /**
     * The date {@code days} working days after {@code from}: a limit of 5 from a Friday ends the next Friday; from
     * 2026-09-30 it ends on 2026-10-13, 国庆 (1–7 Oct) skipped and the 调休 Saturday 10 Oct counted.
     */
    public LocalDate plus(LocalDate from, int days) {
        LocalDate date = from;
        int left = days;
        while (left > 0) {
            date = date.plusDays(1);
            if (isWorkingDay(date)) {
                left--;
            }
        }
        return date;
    }

    public boolean isWorkingDay(LocalDate date) {
        if (holidays.contains(date)) {
            return false;
        }
        return !isWeekend(date) || workingWeekends.contains(date);
    }

    /** The configured holidays, in order (for the documentation and tests). */
    public List<LocalDate> holidays() {
        return List.copyOf(new TreeSet<>(holidays));
    }

    public List<LocalDate> workingWeekends() {
        return List.copyOf(new TreeSet<>(workingWeekends));
    }

    private static boolean isWeekend(LocalDate date) {
        return date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
    }
}
