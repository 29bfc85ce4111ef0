package com.zhaoshang.ledger.command.campaign;

import com.zhaoshang.ledger.api.campaign.CampaignTarget;
import com.zhaoshang.ledger.api.campaign.DefineCampaignCommand;
import com.zhaoshang.ledger.api.campaign.Indicator;
import com.zhaoshang.ledger.api.campaign.TargetFilter;
import com.zhaoshang.ledger.api.value.Currency;
import com.zhaoshang.ledger.api.value.Money;
import com.zhaoshang.ledger.command.unit.UnitDirectory;
import org.axonframework.commandhandling.CommandExecutionException;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import static com.zhaoshang.ledger.api.ErrorCode.RULE_VIOLATED;
import static com.zhaoshang.ledger.api.ErrorCode.UNKNOWN_REFERENCE;
import static com.zhaoshang.ledger.command.common.Refusal.of;

/** The rules a campaign definition must satisfy, one named method each; each refuses with RULE_VIOLATED (an unknown unit: UNKNOWN_REFERENCE). */
final class CampaignRules {

    static final int MAX_NAME_LENGTH = 200;

    private CampaignRules() {
    }

    /** A campaign has a name (not blank, at most 200 characters). */
    static void nameIsGiven(String name) {
        if (name == null || name.isBlank()) {
            throw of(RULE_VIOLATED, "a campaign needs a name");
        }
        if (name.strip().length() > MAX_NAME_LENGTH) {
            throw of(RULE_VIOLATED, "a campaign's name has at most " + MAX_NAME_LENGTH + " characters");
        }
    }

    /** The window has both ends and does not end before it starts (one day, from = to, is allowed). */
    static void windowIsOrdered(DefineCampaignCommand command) {
        if (command.from() == null || command.to() == null) {
            throw of(RULE_VIOLATED, "a campaign needs a window: from and to");
        }
        if (command.to().isBefore(command.from())) {
            throw of(RULE_VIOLATED, "the campaign ends (" + command.to() + ") before it starts (" + command.from() + ")");
        }
    }

    /** A campaign without targets counts nothing. */
    static void hasTargets(List<CampaignTarget> targets) {
        if (targets == null || targets.isEmpty()) {
            throw of(RULE_VIOLATED, "a campaign needs at least one target");
        }
    }

    /** Every target names a unit and an indicator, and is positive: a whole number for counts, at most two decimals for amounts. */
    static void targetIsPositive(CampaignTarget target) {
        if (target == null || target.unitId() == null || target.indicator() == null || target.target() == null) {
            throw of(RULE_VIOLATED, "every target names a unitId, an indicator and a target");
        }
        BigDecimal value = target.target();
        if (value.signum() <= 0) {
            throw of(RULE_VIOLATED, "the target of " + target.unitId() + " for " + target.indicator() + " must be positive");
        }
        if (!target.indicator().isAmount() && value.stripTrailingZeros().scale() > 0) {
            throw of(RULE_VIOLATED, target.indicator() + " counts facts: its target must be a whole number, not " + value.toPlainString());
        }
        if (target.indicator().isAmount() && value.stripTrailingZeros().scale() > Money.MAX_FRACTION_DIGITS) {
            throw of(RULE_VIOLATED, target.indicator() + " is an amount: at most two decimals, not " + value.toPlainString());
        }
    }

    /**
     * Currencies are consistent and never converted: a count names no currency; verified capital is CNY or USD by
     * its indicator; a filter's minimum amount on an amount indicator is in the target's currency.
     */
    static Currency currencyIsConsistent(CampaignTarget target) {
        Indicator indicator = target.indicator();
        Currency named = target.currency();
        if (!indicator.isAmount() && named != null) {
            throw of(RULE_VIOLATED, indicator + " counts facts: it has no currency");
        }
        Currency resolved = indicator.currencyOf(named);
        if (named != null && named != resolved) {
            throw of(RULE_VIOLATED, indicator + " is counted in " + resolved + ", not in " + named + ": currencies are never converted");
        }
        TargetFilter filter = target.filter();
        if (resolved != null && filter != null && filter.minAmount() != null && filter.minAmount().currency() != resolved) {
            throw of(RULE_VIOLATED, "the filter's minimum amount is in " + filter.minAmount().currency()
                    + " but the target of " + indicator + " is in " + resolved + ": currencies are never converted");
        }
        return resolved;
    }

    /** Filters narrow projects: activities have none, and a minimum amount is positive. */
    static void filterApplies(CampaignTarget target) {
        TargetFilter filter = target.filter();
        if (filter == null || filter.filtersNothing()) {
            return;
        }
        if (target.indicator().isActivity()) {
            throw of(RULE_VIOLATED, target.indicator() + " counts activities, which have no project to filter");
        }
        if (filter.minAmount() != null && !filter.minAmount().greaterThanZero()) {
            throw of(RULE_VIOLATED, "the filter's minimum amount must be positive");
        }
    }

    /** One target per unit, indicator, filter and currency: two would make completion ambiguous. */
    static void noDuplicateTarget(List<CampaignTarget> resolvedTargets) {
        Set<List<Object>> seen = new HashSet<>();
        for (CampaignTarget t : resolvedTargets) {
            List<Object> key = new ArrayList<>();
            key.add(t.unitId());
            key.add(t.indicator());
            key.add(TargetFilter.normalise(t.filter()));
            key.add(Objects.requireNonNullElse(t.currency(), ""));
            if (!seen.add(key)) {
                throw of(RULE_VIOLATED, "two targets for " + t.unitId() + " and " + t.indicator()
                        + " with the same filter: give one");
            }
        }
    }

    /** A target names a unit of the tree: a campaign cannot set targets for units nobody registered. */
    static void targetedUnitExists(CampaignTarget target, UnitDirectory units) {
        if (!units.exists(target.unitId())) {
            throw of(UNKNOWN_REFERENCE, "there is no unit " + target.unitId() + " to set a target for");
        }
    }

    /** Checks every rule and gives the targets as they will be recorded: currency resolved, empty filter as null. */
    static List<CampaignTarget> check(DefineCampaignCommand command, UnitDirectory units) throws CommandExecutionException {
        nameIsGiven(command.name());
        windowIsOrdered(command);
        hasTargets(command.targets());
        List<CampaignTarget> resolved = new ArrayList<>();
        for (CampaignTarget target : command.targets()) {
            targetIsPositive(target);
            targetedUnitExists(target, units);
            filterApplies(target);
            Currency currency = currencyIsConsistent(target);
            TargetFilter filter = target.filter() == null || target.filter().filtersNothing() ? null : target.filter();
            resolved.add(new CampaignTarget(target.unitId(), target.indicator(), filter, target.target(), currency));
        }
        noDuplicateTarget(resolved);
        return List.copyOf(resolved);
    }
}
