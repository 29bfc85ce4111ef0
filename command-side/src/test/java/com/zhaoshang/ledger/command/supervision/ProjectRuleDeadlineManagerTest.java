package com.zhaoshang.ledger.command.supervision;

import com.zhaoshang.ledger.api.project.AssignLandCommand;
import com.zhaoshang.ledger.api.project.RegisterLeadCommand;
import com.zhaoshang.ledger.api.project.SignProjectCommand;
import com.zhaoshang.ledger.api.project.StartConstructionCommand;
import com.zhaoshang.ledger.api.unit.RegisterUnitCommand;
import com.zhaoshang.ledger.api.value.*;
import com.zhaoshang.ledger.command.CommandSideApplication;
import com.zhaoshang.ledger.testsupport.TestPostgres;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateScopeDescriptor;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The project rules' deadlines are scheduled under ids derived from the rule and the project, and cancelled by that id:
 * a construction start removes exactly its project's deadlines, without reading any other scheduled deadline — proven
 * with an unreadable deadline row of "another project", which Axon's scanning {@code cancelAllWithinScope} would have
 * to deserialise (and fail on).
 */
class ProjectRuleDeadlineManagerTest {

    private static final TestPostgres.Database DB = TestPostgres.newDatabase("rule-deadline-ids");
    private static final UnitId CITY = new UnitId("360800");
    private static final Actor ADMIN = new Actor("admin-li", Role.ADMIN, CITY);
    private static final Actor CLERK = new Actor("zhang-wei", Role.FRONT_OFFICE, CITY);
    private static final LocalDate DAY = LocalDate.of(2030, 1, 1);

    @Test
    void aConstructionStartCancelsItsProjectsDeadlinesByIdAndReadsNoOtherDeadline() {
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(CommandSideApplication.class)
                .web(WebApplicationType.NONE)
                .properties(
                        "spring.datasource.url=" + DB.jdbcUrl(),
                        "spring.datasource.username=" + DB.username(),
                        "spring.datasource.password=" + DB.password(),
                        "ledger.demo-clock.enabled=true",
                        "ledger.demo-clock.start=2030-01-01T02:00:00Z")
                .run()) {
            assertThat(context.getBean(DeadlineManager.class)).isInstanceOf(ProjectRuleDeadlineManager.class);
            CommandGateway gateway = context.getBean(CommandGateway.class);
            JdbcClient jdbc = context.getBean(JdbcClient.class);
            send(gateway, ADMIN, new RegisterUnitCommand(CITY, "吉安市", UnitKind.CITY, null, "city"));
            String started = signedWithLand(gateway, "91350100M000100Y43");
            String other = signedWithLand(gateway, "91360802MA38K2PQ11");
            assertThat(deadlineIds(jdbc)).containsExactlyInAnyOrderElementsOf(
                    List.of(ruleIds(started), ruleIds(other)).stream().flatMap(List::stream).toList());
            jdbc.sql("INSERT INTO scheduled_tasks (task_name, task_instance, task_data, execution_time, picked, version)"
                            + " VALUES ('AxonDeadline', 'unreadable-of-another-project', '\\x00010203'::bytea,"
                            + " TIMESTAMPTZ '2100-01-01 00:00:00+00', FALSE, 1)")
                    .update();

            send(gateway, CLERK, new StartConstructionCommand(started, DAY, null));

            List<String> expected = new java.util.ArrayList<>(ruleIds(other));
            expected.add("unreadable-of-another-project");
            assertThat(deadlineIds(jdbc)).containsExactlyInAnyOrderElementsOf(expected);
        }
    }

    @Test
    void onlyTheProjectRulesGetDerivedIds() {
        AggregateScopeDescriptor project = new AggregateScopeDescriptor("Project", "p-1");
        assertThat(ProjectRuleDeadlineManager.ruleScheduleId(RuleDeadlines.IDLE_LAND_RECLAIM, project))
                .isEqualTo("idle-land-reclaim/Project/p-1");
        assertThat(ProjectRuleDeadlineManager.ruleScheduleId("answer-due", project)).isNull();
        assertThat(ProjectRuleDeadlineManager.ruleScheduleId(RuleDeadlines.IDLE_LAND_RECLAIM,
                new AggregateScopeDescriptor("Complaint", "p-1"))).isNull();
    }

    private static String signedWithLand(CommandGateway gateway, String creditCode) {
        String project = UUID.randomUUID().toString();
        send(gateway, CLERK, new RegisterLeadCommand(project, "年产5万吨新材料项目", CITY,
                new Investor("新材料有限公司" + creditCode, new CreditCode(creditCode), null, InvestorKind.PRIVATE),
                IndustryCode.of("C3011"), Channel.DOOR_TO_DOOR, Money.cny("500000000"), DAY));
        send(gateway, CLERK, new SignProjectCommand(project, Money.cny("450000000"), null,
                new ResponsibleLeader("王明", "副区长", "wangming"), DAY, null));
        send(gateway, CLERK, new AssignLandCommand(project, "JA-2030-01", new BigDecimal("120.5"), DAY, null));
        return project;
    }

    private static List<String> ruleIds(String project) {
        return List.of(RuleDeadlines.CONSTRUCTION_WARNING, RuleDeadlines.CONSTRUCTION_OVERDUE,
                        RuleDeadlines.IDLE_LAND_FINDING, RuleDeadlines.IDLE_LAND_RECLAIM)
                .stream().map(name -> name + "/Project/" + project).toList();
    }

    private static List<String> deadlineIds(JdbcClient jdbc) {
        return jdbc.sql("SELECT task_instance FROM scheduled_tasks WHERE task_name = 'AxonDeadline'")
                .query(String.class).list();
    }

    private static void send(CommandGateway gateway, Actor actor, Object command) {
        gateway.sendAndWait(command, MetaData.from(actor.asMetaData()));
    }
}
