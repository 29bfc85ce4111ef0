package com.zhaoshang.ledger.command.supervision;

import com.zhaoshang.ledger.api.supervision.OpenSupervisionCaseCommand;
import com.zhaoshang.ledger.api.value.UnitId;
import com.zhaoshang.ledger.command.web.request.IsoDate;
import com.zhaoshang.ledger.command.web.request.LeaderRequest;
import com.zhaoshang.ledger.command.web.request.PlainText;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.util.List;

/** {@code POST /api/supervision-cases}: an inspector opens a supervision case (督查事项). */
public record OpenCaseRequest(
        @NotBlank @Size(max = 500) @PlainText String subject,
        @Size(max = 64) @PlainText String projectId,
        @NotNull @Pattern(regexp = UnitId.PATTERN, message = "must be a GB/T 2260 division code or a lower-case slug")
        String leadUnitId,
        @Size(max = 20) List<@Pattern(regexp = UnitId.PATTERN,
                message = "must be a GB/T 2260 division code or a lower-case slug") String> assistingUnitIds,
        @Valid LeaderRequest responsibleLeader,
        @NotNull @IsoDate LocalDate deadlineOn,
        @NotNull @Min(1) @Max(365) Integer reportingFrequencyDays,
        @NotNull @IsoDate LocalDate occurredOn) {

    public OpenSupervisionCaseCommand toCommand(String caseId) {
        return new OpenSupervisionCaseCommand(caseId, subject.strip(), projectId, null, new UnitId(leadUnitId),
                assistingUnitIds == null ? List.of() : assistingUnitIds.stream().map(UnitId::new).toList(),
                responsibleLeader == null ? null : responsibleLeader.toLeader(), deadlineOn, reportingFrequencyDays,
                occurredOn);
    }
}
