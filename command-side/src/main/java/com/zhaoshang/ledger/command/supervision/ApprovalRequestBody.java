package com.zhaoshang.ledger.command.supervision;

import com.zhaoshang.ledger.api.supervision.RequestApprovalCommand;
import com.zhaoshang.ledger.api.value.UnitId;
import com.zhaoshang.ledger.command.web.request.IsoDate;
import com.zhaoshang.ledger.command.web.request.PlainText;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;

/**
 * {@code POST /api/approvals}: an approval requested from a department for a project, decided within
 * {@code timeLimitDays} working days.
 */
public record ApprovalRequestBody(
        @NotBlank @Size(max = 64) @PlainText String projectId,
        @NotNull @Pattern(regexp = UnitId.PATTERN, message = "must be a GB/T 2260 division code or a lower-case slug")
        String departmentUnitId,
        @NotBlank @Size(max = 2000) @PlainText(multiLine = true) String subject,
        @NotNull @Positive @Max(365) Integer timeLimitDays,
        @NotNull @IsoDate LocalDate occurredOn) {

    public RequestApprovalCommand toCommand(String approvalId) {
        return new RequestApprovalCommand(approvalId, projectId.strip(), new UnitId(departmentUnitId), subject,
                timeLimitDays, occurredOn);
    }
}
