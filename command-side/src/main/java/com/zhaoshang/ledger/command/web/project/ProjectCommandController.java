package com.zhaoshang.ledger.command.web.project;

import com.zhaoshang.ledger.api.project.AbandonProjectCommand;
import com.zhaoshang.ledger.api.project.AssignLandCommand;
import com.zhaoshang.ledger.api.project.AssignResponsibleLeaderCommand;
import com.zhaoshang.ledger.api.project.CompleteConstructionCommand;
import com.zhaoshang.ledger.api.project.RecordCapitalArrivalCommand;
import com.zhaoshang.ledger.api.project.RegisterProjectCommand;
import com.zhaoshang.ledger.api.project.SignIntentAgreementCommand;
import com.zhaoshang.ledger.api.project.SignProjectCommand;
import com.zhaoshang.ledger.api.project.StartConstructionCommand;
import com.zhaoshang.ledger.api.project.StartNegotiationCommand;
import com.zhaoshang.ledger.api.project.StartProductionCommand;
import com.zhaoshang.ledger.api.project.TerminateContractCommand;
import com.zhaoshang.ledger.api.project.VerifyCapitalArrivalCommand;
import com.zhaoshang.ledger.command.common.LedgerTime;
import com.zhaoshang.ledger.command.web.CommandContext;
import com.zhaoshang.ledger.command.web.CommandSender;
import com.zhaoshang.ledger.command.web.PathIds;
import com.zhaoshang.ledger.command.web.ReplyShape;
import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;

/**
 * The project's command routes (API.md). Front offices record the lifecycle; verifiers register projects and verify
 * capital (roles in {@code CommandSecurityConfiguration}). Every route but creation takes {@code If-Match: "<version>"}
 * as the command's expected version and answers {@code 200 {"id", "version"}} with {@code ETag}.
 */
@RestController
@RequestMapping("/api/projects")
public class ProjectCommandController {

    private static final String PROJECT = "project";

    private final CommandSender sender;
    private final Clock clock;

    public ProjectCommandController(CommandSender sender, Clock clock) {
        this.sender = sender;
        this.clock = clock;
    }

    /** A lead: the project's birth. The server makes its id. */
    @PostMapping
    public ResponseEntity<String> registerLead(@Valid @RequestBody RegisterLeadRequest body, CommandContext context) {
        String projectId = PathIds.newId();
        return sender.send(context, ReplyShape.created(PROJECT, projectId, "/api/projects/" + projectId),
                body.toCommand(projectId));
    }

    @PostMapping("/{projectId}/negotiation")
    public ResponseEntity<String> startNegotiation(@PathVariable String projectId,
                                                   @Valid @RequestBody OccurrenceRequest body, CommandContext context) {
        String id = project(projectId);
        return update(context, id, new StartNegotiationCommand(id, body.occurredOn(), context.expectedVersion()));
    }

    @PostMapping("/{projectId}/intent")
    public ResponseEntity<String> signIntentAgreement(@PathVariable String projectId,
                                                      @Valid @RequestBody IntentRequest body, CommandContext context) {
        String id = project(projectId);
        return update(context, id, new SignIntentAgreementCommand(id, body.amount().toMoney(), body.occurredOn(),
                context.expectedVersion()));
    }

    @PostMapping("/{projectId}/signing")
    public ResponseEntity<String> sign(@PathVariable String projectId,
                                       @Valid @RequestBody SigningRequest body, CommandContext context) {
        String id = project(projectId);
        return update(context, id, new SignProjectCommand(id, body.contractAmount().toMoney(), body.ceremony(),
                body.responsibleLeader().toLeader(), body.occurredOn(), context.expectedVersion()));
    }

    @PostMapping("/{projectId}/registration")
    public ResponseEntity<String> register(@PathVariable String projectId,
                                           @Valid @RequestBody RegistrationRequest body, CommandContext context) {
        String id = project(projectId);
        return update(context, id, new RegisterProjectCommand(id, body.evidence().toEvidence(), body.occurredOn(),
                context.expectedVersion()));
    }

    @PostMapping("/{projectId}/land")
    public ResponseEntity<String> assignLand(@PathVariable String projectId,
                                             @Valid @RequestBody LandRequest body, CommandContext context) {
        String id = project(projectId);
        return update(context, id, new AssignLandCommand(id, body.parcelId().strip(), body.areaMu(), body.occurredOn(),
                context.expectedVersion()));
    }

    @PostMapping("/{projectId}/construction-start")
    public ResponseEntity<String> startConstruction(@PathVariable String projectId,
                                                    @Valid @RequestBody OccurrenceRequest body, CommandContext context) {
        String id = project(projectId);
        return update(context, id, new StartConstructionCommand(id, body.occurredOn(), context.expectedVersion()));
    }

    /** Capital reported as arrived: answers {@code 201} with the arrival's id, made by the server. */
    @PostMapping("/{projectId}/capital-arrivals")
    public ResponseEntity<String> recordCapitalArrival(@PathVariable String projectId,
                                                       @Valid @RequestBody CapitalArrivalRequest body,
                                                       CommandContext context) {
        String id = project(projectId);
        String arrivalId = PathIds.newId();
        return sender.send(context,
                ReplyShape.created(PROJECT, arrivalId, "/api/projects/" + id + "/capital-arrivals/" + arrivalId),
                new RecordCapitalArrivalCommand(id, arrivalId, body.amount().toMoney(), body.isForeignExchange(),
                        body.occurredOn(), context.expectedVersion()));
    }

    /** A verifier confirms an arrival; without {@code occurredOn} the verification is dated today (Asia/Shanghai). */
    @PostMapping("/{projectId}/capital-arrivals/{arrivalId}/verification")
    public ResponseEntity<String> verifyCapitalArrival(@PathVariable String projectId, @PathVariable String arrivalId,
                                                       @Valid @RequestBody VerificationRequest body,
                                                       CommandContext context) {
        String id = project(projectId);
        String arrival = PathIds.existing("capital arrival", arrivalId);
        return update(context, id, new VerifyCapitalArrivalCommand(id, arrival, body.verifiedAmount().toMoney(),
                body.evidence().toEvidence(),
                body.occurredOn() != null ? body.occurredOn() : LedgerTime.today(clock),
                context.expectedVersion()));
    }

    @PostMapping("/{projectId}/completion")
    public ResponseEntity<String> completeConstruction(@PathVariable String projectId,
                                                       @Valid @RequestBody OccurrenceRequest body,
                                                       CommandContext context) {
        String id = project(projectId);
        return update(context, id, new CompleteConstructionCommand(id, body.occurredOn(), context.expectedVersion()));
    }

    @PostMapping("/{projectId}/production-start")
    public ResponseEntity<String> startProduction(@PathVariable String projectId,
                                                  @Valid @RequestBody OccurrenceRequest body, CommandContext context) {
        String id = project(projectId);
        return update(context, id, new StartProductionCommand(id, body.occurredOn(), context.expectedVersion()));
    }

    /** A project that never reached a contract is abandoned (放弃). */
    @PostMapping("/{projectId}/abandonment")
    public ResponseEntity<String> abandon(@PathVariable String projectId,
                                          @Valid @RequestBody EndingRequest body, CommandContext context) {
        String id = project(projectId);
        return update(context, id, new AbandonProjectCommand(id, body.reason().strip(), body.occurredOn(),
                context.expectedVersion()));
    }

    /** A signed contract is terminated (未履约). */
    @PostMapping("/{projectId}/termination")
    public ResponseEntity<String> terminate(@PathVariable String projectId,
                                            @Valid @RequestBody EndingRequest body, CommandContext context) {
        String id = project(projectId);
        return update(context, id, new TerminateContractCommand(id, body.reason().strip(), body.occurredOn(),
                context.expectedVersion()));
    }

    /** Names or replaces the leader who answers for the project (包抓领导); an addition to API.md. */
    @PostMapping("/{projectId}/responsible-leader")
    public ResponseEntity<String> assignResponsibleLeader(@PathVariable String projectId,
                                                          @Valid @RequestBody ResponsibleLeaderRequest body,
                                                          CommandContext context) {
        String id = project(projectId);
        return update(context, id, new AssignResponsibleLeaderCommand(id, body.responsibleLeader().toLeader(),
                body.occurredOn(), context.expectedVersion()));
    }

    private ResponseEntity<String> update(CommandContext context, String projectId, Object command) {
        return sender.send(context, ReplyShape.updated(PROJECT, projectId), command);
    }

    private static String project(String projectId) {
        return PathIds.existing(PROJECT, projectId);
    }
}
