package com.zhaoshang.ledger.command.web.activity;

import com.zhaoshang.ledger.api.activity.RecordActivityCommand;
import com.zhaoshang.ledger.api.value.ActivityKind;
import com.zhaoshang.ledger.api.value.UnitId;
import com.zhaoshang.ledger.command.web.request.PlainText;
import jakarta.validation.constraints.NotBlank;
import com.zhaoshang.ledger.command.web.request.IsoDate;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;

/** {@code POST /api/activities}: a company visited, an investor inspection hosted, a promotion event, an outbound trip. */
public record RecordActivityRequest(
        @NotNull @Pattern(regexp = UnitId.PATTERN, message = "must be a GB/T 2260 division code or a lower-case slug") String unitId,
        @NotNull ActivityKind kind,
        @NotBlank @Size(max = 200) @PlainText String subject,
        @NotNull @IsoDate LocalDate occurredOn) {

    RecordActivityCommand toCommand(String activityId) {
        return new RecordActivityCommand(activityId, new UnitId(unitId), kind, subject.strip(), occurredOn);
    }
}
