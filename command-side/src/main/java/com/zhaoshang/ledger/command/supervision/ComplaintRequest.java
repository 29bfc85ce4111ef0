package com.zhaoshang.ledger.command.supervision;

import com.zhaoshang.ledger.api.supervision.ReceiveComplaintCommand;
import com.zhaoshang.ledger.api.value.UnitId;
import com.zhaoshang.ledger.command.web.request.IsoDate;
import com.zhaoshang.ledger.command.web.request.PlainText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;

/** {@code POST /api/complaints}: a complaint received by a unit. */
public record ComplaintRequest(
        @NotNull @Pattern(regexp = UnitId.PATTERN, message = "must be a GB/T 2260 division code or a lower-case slug")
        String unitId,
        @Size(max = 64) @PlainText String projectId,
        @NotBlank @Size(max = 200) @PlainText String complainant,
        @NotBlank @Size(max = 2000) @PlainText(multiLine = true) String subject,
        @NotNull @IsoDate LocalDate occurredOn) {

    public ReceiveComplaintCommand toCommand(String complaintId) {
        return new ReceiveComplaintCommand(complaintId, new UnitId(unitId), projectId, complainant, subject, occurredOn);
    }
}
