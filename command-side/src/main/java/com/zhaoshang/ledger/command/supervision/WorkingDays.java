package com.zhaoshang.ledger.command.supervision;

import java.time.DayOfWeek;
import java.time.LocalDate;

/**
 * Working days (工作日) for response limits: Monday to Friday. Public holidays and the adjusted working weekends of the
 * State Council's calendar are not known to the ledger yet; a limit counted here may end a day or two early around
 * them.
 */
public final class WorkingDays {

    private WorkingDays() {
    }

    /** The date {@code days} working days after {@code from} (a limit of 5 from a Friday ends the next Friday). */
    public static LocalDate plus(LocalDate from, int days) {
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

    public static boolean isWorkingDay(LocalDate date) {
        return date.getDayOfWeek() != DayOfWeek.SATURDAY && date.getDayOfWeek() != DayOfWeek.SUNDAY;
    }
}
