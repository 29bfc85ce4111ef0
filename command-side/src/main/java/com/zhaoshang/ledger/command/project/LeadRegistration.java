package com.zhaoshang.ledger.command.project;

import com.zhaoshang.ledger.api.ErrorCode;
import com.zhaoshang.ledger.api.project.RegisterLeadCommand;
import com.zhaoshang.ledger.api.value.CreditCode;
import com.zhaoshang.ledger.api.value.IndustryCode;
import com.zhaoshang.ledger.command.common.Refusal;
import com.zhaoshang.ledger.command.supervision.SupervisionRules;
import com.zhaoshang.ledger.command.unit.UnitDirectory;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

import java.time.Clock;

/**
 * Registers leads, with the set-based checks a single project cannot make:
 * <ul>
 *   <li>the owning unit exists ({@link ErrorCode#UNKNOWN_REFERENCE});</li>
 *   <li>no live project owns the same investor (credit code) in the same industry — one lead, one owner, never counted
 *   twice ({@link ErrorCode#ALREADY_EXISTS}, naming the owning project and unit).</li>
 * </ul>
 * The claim is written in the command's transaction, with the lead's event; the lead's own fields are checked by the
 * {@link Project} constructor.
 */
@Component
public class LeadRegistration {

    private final Repository<Project> projects;
    private final UnitDirectory units;
    private final LeadClaims claims;

    public LeadRegistration(Repository<Project> projects, UnitDirectory units, LeadClaims claims) {
        this.projects = projects;
        this.units = units;
        this.claims = claims;
    }

    /** Answers the new project's id. */
    @CommandHandler
    public String handle(RegisterLeadCommand command, Clock clock, SupervisionRules rules) throws Exception {
        requireKnownUnit(command);
        CreditCode creditCode = command.investor() == null ? null : command.investor().creditCode();
        IndustryCode industry = command.industryCode();
        boolean claimed = creditCode != null && industry != null;
        if (claimed) {
            requireLeadNotOwned(creditCode, industry);
        }
        projects.newInstance(() -> new Project(command, clock, rules));
        if (claimed && !claims.claim(creditCode, industry, command.projectId(), command.unitId())) {
            // Another registration of the same lead committed while this one was being decided.
            requireLeadNotOwned(creditCode, industry);
            throw Refusal.of(ErrorCode.ALREADY_EXISTS, "the lead of investor " + creditCode + " in industry "
                    + industry + " is being registered by another project at this moment");
        }
        return command.projectId();
    }

    /** The lead's unit is a registered unit. */
    private void requireKnownUnit(RegisterLeadCommand command) {
        if (command.unitId() == null) {
            throw Refusal.of(ErrorCode.RULE_VIOLATED, "unitId is required: every lead is owned by a unit");
        }
        if (!units.exists(command.unitId())) {
            throw Refusal.of(ErrorCode.UNKNOWN_REFERENCE, "unit " + command.unitId() + " is not registered");
        }
    }

    /** 不重复计数: one investor in one industry is one lead of one live project. */
    private void requireLeadNotOwned(CreditCode creditCode, IndustryCode industry) {
        claims.ownerOf(creditCode, industry).ifPresent(owner -> {
            throw Refusal.of(ErrorCode.ALREADY_EXISTS, "the investor " + creditCode + " in industry " + industry
                    + " is already a lead of project " + owner.projectId() + " owned by unit " + owner.unitId());
        });
    }
}
