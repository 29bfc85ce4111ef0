package com.zhaoshang.ledger.command.campaign;

import com.zhaoshang.ledger.api.campaign.CampaignTarget;
import com.zhaoshang.ledger.api.campaign.DefineCampaignCommand;
import com.zhaoshang.ledger.api.campaign.Indicator;
import com.zhaoshang.ledger.api.campaign.TargetFilter;
import com.zhaoshang.ledger.api.value.Currency;
import com.zhaoshang.ledger.api.value.Money;
import com.zhaoshang.ledger.api.value.UnitId;
import com.zhaoshang.ledger.command.web.request.IsoDate;
import com.zhaoshang.ledger.command.web.request.MoneyRequest;
import com.zhaoshang.ledger.command.web.request.PlainText;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * {@code POST /api/campaigns} (ADMIN): {@code name}, {@code from}, {@code to} and the per-unit {@code targets}
 * ({@code unitId}, {@code indicator}, optional {@code filter {industrial, minAmount}}, {@code target}, optional
 * {@code currency}), and optionally {@code annual} (the year's targets: rule 7's one-vote veto). Shapes are checked here; the business rules (order of the window, duplicates, currencies, whole
 * counts, known units) in the Campaign aggregate.
 */
public record DefineCampaignRequest(
        @NotBlank @Size(max = 200) @PlainText String name,
        @NotNull @IsoDate LocalDate from,
        @NotNull @IsoDate LocalDate to,
        @NotNull @Size(min = 1, max = 5000) List<@NotNull @Valid TargetRequest> targets,
        Boolean annual) {

    public record TargetRequest(
            @NotNull @Pattern(regexp = UnitId.PATTERN, message = "must be a GB/T 2260 division code or a lower-case slug") String unitId,
            @NotNull Indicator indicator,
            @Valid FilterRequest filter,
            @NotNull @Positive @Digits(integer = Money.MAX_INTEGER_DIGITS, fraction = Money.MAX_FRACTION_DIGITS,
                    message = "must have at most 16 integer digits and 2 decimals") BigDecimal target,
            Currency currency) {

        CampaignTarget toTarget() {
            TargetFilter f = filter == null ? null : new TargetFilter(filter.industrial(), MoneyRequest.toMoneyOrNull(filter.minAmount()));
            return new CampaignTarget(new UnitId(unitId), indicator, f, target, currency);
        }
    }

    public record FilterRequest(Boolean industrial, @Valid MoneyRequest minAmount) {
    }

    DefineCampaignCommand toCommand(String campaignId) {
        return new DefineCampaignCommand(campaignId, name.strip(), from, to, targets.stream().map(TargetRequest::toTarget).toList(),
                annual);
    }
}
