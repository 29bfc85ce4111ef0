package com.zhaoshang.ledger.command.supervision;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.exceptions.TaskInstanceCurrentlyExecutingException;
import com.github.kagkarlsson.scheduler.exceptions.TaskInstanceException;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.deadline.DeadlineManagerSpanFactory;
import org.axonframework.deadline.DeadlineMessage;
import org.axonframework.deadline.dbscheduler.DbSchedulerBinaryDeadlineDetails;
import org.axonframework.deadline.dbscheduler.DbSchedulerDeadlineManager;
import org.axonframework.deadline.dbscheduler.DbSchedulerDeadlineToken;
import org.axonframework.messaging.ScopeAwareProvider;
import org.axonframework.messaging.ScopeDescriptor;
import org.axonframework.modelling.command.AggregateScopeDescriptor;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.Set;

import static org.axonframework.deadline.GenericDeadlineMessage.asDeadlineMessage;

/**
 * Axon's db-scheduler deadline manager, with the project rules' deadlines ({@link RuleDeadlines}) under a schedule id
 * derived from the deadline's name and the project: {@code <deadline name>/Project/<project id>}.
 * <p>
 * Why: Axon's {@link DbSchedulerDeadlineManager#cancelAllWithinScope} reads <em>every</em> scheduled deadline of the
 * application and deserialises each to compare its name and scope — a cost growing with every signed project of the
 * province, paid by each registration, land assignment, construction start, capital arrival and termination; it also
 * failed a command with db-scheduler's "Expected one execution to be removed, but removed 0" when one of those
 * <em>other</em> deadlines was picked meanwhile (docs/PERFORMANCE.md). A project schedules each rule deadline at most
 * once in its life (one signing, one land assignment: {@code ProjectLifecycle}), so the name and the project identify
 * it, and cancelling it is one look-up and one delete by primary key, touching nothing of other projects.
 * <p>
 * Semantics kept: the deadline message, its payload, scope and trigger time are those Axon's manager stores (same
 * task, same binary details, executed by Axon's own task); scheduling and cancelling still happen at prepare-commit of
 * the command's unit of work, in its transaction. A cancellation that finds the deadline gone (it fired already) or
 * firing right now does not fail the command: every rule's {@code @DeadlineHandler} checks the project's state and
 * records nothing once the condition resolved. Deadlines scheduled before this manager existed (random ids) are not
 * found by the targeted cancellation; they fire and record nothing, for the same reason. Every other deadline (complaints,
 * cases, approvals) goes through Axon's manager unchanged.
 */
public class ProjectRuleDeadlineManager extends DbSchedulerDeadlineManager {

    private static final Logger LOG = LoggerFactory.getLogger(ProjectRuleDeadlineManager.class);
    static final String PROJECT_TYPE = "Project";
    private static final Set<String> RULE_DEADLINES = Set.of(RuleDeadlines.CONSTRUCTION_WARNING,
            RuleDeadlines.CONSTRUCTION_OVERDUE, RuleDeadlines.STALLED_AFTER_SIGNING, RuleDeadlines.IDLE_LAND_FINDING,
            RuleDeadlines.IDLE_LAND_RECLAIM);

    private final Scheduler scheduler;
    private final Serializer serializer;

    public ProjectRuleDeadlineManager(Scheduler scheduler, ScopeAwareProvider scopeAwareProvider,
                                      Serializer serializer, TransactionManager transactionManager,
                                      DeadlineManagerSpanFactory spanFactory) {
        super(DbSchedulerDeadlineManager.builder()
                .scheduler(scheduler)
                .scopeAwareProvider(scopeAwareProvider)
                .serializer(serializer)
                .transactionManager(transactionManager)
                .spanFactory(spanFactory)
                // as Axon's auto-configuration: db-scheduler's own auto-configuration starts and stops the scheduler
                .startScheduler(false)
                .stopScheduler(false));
        this.scheduler = scheduler;
        this.serializer = serializer;
    }

    /**
     * The schedule id of a project rule's deadline, or null for any other deadline.
     */
    static String ruleScheduleId(String deadlineName, ScopeDescriptor scope) {
        if (RULE_DEADLINES.contains(deadlineName) && scope instanceof AggregateScopeDescriptor aggregate
                && PROJECT_TYPE.equals(aggregate.getType()) && aggregate.getIdentifier() != null) {
            return deadlineName + "/" + PROJECT_TYPE + "/" + aggregate.getIdentifier();
        }
        return null;
    }

    @Override
    public String schedule(Instant triggerDateTime, String deadlineName, Object messageOrPayload,
                           ScopeDescriptor deadlineScope) {
        String scheduleId = ruleScheduleId(deadlineName, deadlineScope);
        if (scheduleId == null) {
            return super.schedule(triggerDateTime, deadlineName, messageOrPayload, deadlineScope);
        }
        DeadlineMessage<Object> deadlineMessage = asDeadlineMessage(deadlineName, messageOrPayload, triggerDateTime);
        runOnPrepareCommitOrNow(() -> {
            DeadlineMessage<Object> message = processDispatchInterceptors(deadlineMessage);
            DbSchedulerDeadlineToken token = new DbSchedulerDeadlineToken(scheduleId);
            scheduler.schedule(new TaskInstance<>(token.getTaskName(), token.getId(),
                    details(deadlineName, deadlineScope, message)), triggerDateTime);
        });
        return scheduleId;
    }

    /** As Axon's manager stores them (DbSchedulerBinaryDeadlineDetails.serialized, which is not public). */
    private DbSchedulerBinaryDeadlineDetails details(String deadlineName, ScopeDescriptor scope,
                                                     DeadlineMessage<Object> message) {
        SerializedObject<byte[]> descriptor = serializer.serialize(scope, byte[].class);
        SerializedObject<byte[]> payload = serializer.serialize(message.getPayload(), byte[].class);
        SerializedObject<byte[]> metaData = serializer.serialize(message.getMetaData(), byte[].class);
        return new DbSchedulerBinaryDeadlineDetails(deadlineName, descriptor.getData(),
                descriptor.getType().getName(), payload.getData(), payload.getType().getName(),
                payload.getType().getRevision(), metaData.getData());
    }

    @Override
    public void cancelAllWithinScope(String deadlineName, ScopeDescriptor scope) {
        String scheduleId = ruleScheduleId(deadlineName, scope);
        if (scheduleId == null) {
            super.cancelAllWithinScope(deadlineName, scope);
            return;
        }
        runOnPrepareCommitOrNow(() -> cancelRuleDeadline(scheduleId));
    }

    private void cancelRuleDeadline(String scheduleId) {
        try {
            scheduler.cancel(new DbSchedulerDeadlineToken(scheduleId));
        } catch (TaskInstanceCurrentlyExecutingException e) {
            LOG.debug("deadline {} is firing now; its handler sees the resolved condition and records nothing",
                    scheduleId);
        } catch (com.github.kagkarlsson.scheduler.exceptions.ExecutionException e) {
            // "Expected one execution to be removed, but removed 0": picked between the look-up and the delete
            LOG.debug("deadline {} was picked while being cancelled: {}", scheduleId, e.getMessage());
        } catch (TaskInstanceException e) {
            // not found (fired already, or scheduled before schedule ids were derived)
            LOG.debug("deadline {} is not scheduled: {}", scheduleId, e.getMessage());
        }
    }
}
