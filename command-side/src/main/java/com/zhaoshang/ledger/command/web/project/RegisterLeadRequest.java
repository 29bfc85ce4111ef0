package com.zhaoshang.ledger.command.web.project;

import com.zhaoshang.ledger.api.project.RegisterLeadCommand;
import com.zhaoshang.ledger.api.value.Channel;
import com.zhaoshang.ledger.api.value.IndustryCode;
import com.zhaoshang.ledger.api.value.UnitId;
import com.zhaoshang.ledger.command.web.request.IndustryCodeText;
import com.zhaoshang.ledger.command.web.request.MoneyRequest;
import com.zhaoshang.ledger.command.web.request.PlainText;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import com.zhaoshang.ledger.command.web.request.IsoDate;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;

/** {@code POST /api/projects}: a lead (招商信息) of a unit. */
public record RegisterLeadRequest(
        @NotBlank @Size(max = 200) @PlainText String name,
        @NotNull @Pattern(regexp = UnitId.PATTERN, message = "must be a GB/T 2260 division code or a lower-case slug") String unitId,
        @NotNull @Valid InvestorRequest investor,
        @NotNull @IndustryCodeText String industryCode,
        @NotNull Channel channel,
        @Valid MoneyRequest intendedAmount,
        @NotNull @IsoDate LocalDate occurredOn) {

    RegisterLeadCommand toCommand(String projectId) {
        return new RegisterLeadCommand(projectId, name.strip(), new UnitId(unitId), investor.toInvestor(),
                IndustryCode.of(industryCode), channel, MoneyRequest.toMoneyOrNull(intendedAmount), occurredOn);
    }
}
