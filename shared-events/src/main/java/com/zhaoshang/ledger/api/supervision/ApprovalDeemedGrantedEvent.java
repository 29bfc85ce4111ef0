package com.zhaoshang.ledger.api.supervision;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/**
 * 超时默认: the approval was not decided by {@code dueOn}, so it is deemed granted; {@code responsibleDepartment} is
 * the department that let it lapse and stays responsible. {@code occurredOn} is the day after {@code dueOn}.
 */
@Revision("1")
public record ApprovalDeemedGrantedEvent(String approvalId, String projectId, String responsibleDepartment,
                                         int timeLimitDays, LocalDate dueOn, LocalDate occurredOn) {
}
