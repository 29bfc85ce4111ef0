package com.zhaoshang.ledger.query.supervision;

import com.fasterxml.jackson.databind.JsonNode;
import com.zhaoshang.ledger.api.project.ProjectSignedEvent;
import com.zhaoshang.ledger.api.supervision.ApprovalDecidedEvent;
import com.zhaoshang.ledger.api.supervision.ApprovalDeemedGrantedEvent;
import com.zhaoshang.ledger.api.supervision.ApprovalRequestedEvent;
import com.zhaoshang.ledger.api.supervision.ConstructionOverdueEvent;
import com.zhaoshang.ledger.api.supervision.LateEntryFlaggedEvent;
import com.zhaoshang.ledger.api.supervision.ReportedVerifiedGapFlaggedEvent;
import com.zhaoshang.ledger.api.supervision.SupervisionCaseOpenedEvent;
import com.zhaoshang.ledger.api.supervision.SupervisionRule;
import com.zhaoshang.ledger.api.value.Money;
import com.zhaoshang.ledger.api.value.ResponsibleLeader;
import com.zhaoshang.ledger.api.value.UnitId;
import com.zhaoshang.ledger.api.value.UnitKind;
import com.zhaoshang.ledger.query.testing.Facts;
import com.zhaoshang.ledger.query.testing.Facts.ProjectStream;
import com.zhaoshang.ledger.query.testing.QuerySideIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code GET /api/supervision/*} through the real "supervision" processor and HTTP. */
class SupervisionApiTest extends QuerySideIntegrationTest {

    private static final LocalDate SIGNED_ON = LocalDate.of(2024, 3, 1);

    @Autowired
    private Clock clock;

    @Test
    void overdueProjectsOfAUnitSubtreeWithDaysOverdueAndTheProjectsOpenFindings() {
        String root = Facts.freshUnitId("city");
        String district = Facts.freshUnitId("district");
        String other = Facts.freshUnitId("city");
        Instant at = Instant.parse("2024-01-01T00:00:00Z");
        publish(Facts.unit(root, "市", UnitKind.CITY, null, "city", at),
                Facts.unit(district, "区", UnitKind.DISTRICT, root, "districts", at),
                Facts.unit(other, "另一市", UnitKind.CITY, null, "city", at));
        ProjectStream project = ProjectStream.fresh();
        ResponsibleLeader leader = new ResponsibleLeader("王五", "副区长", null);
        publish(project.next(Facts.lead(project.projectId(), "年产10万吨锂电新材料项目", district, SIGNED_ON), at),
                project.next(new ProjectSignedEvent(project.projectId(), Money.cny("92900000"), null, leader,
                        SIGNED_ON), at),
                project.next(new ConstructionOverdueEvent(project.projectId(), new UnitId(district), leader,
                        SupervisionRule.CONSTRUCTION_DEADLINE, SIGNED_ON, SIGNED_ON.plusDays(180), 180,
                        SIGNED_ON.plusDays(181), SIGNED_ON.plusDays(181)), at));

        // three processors (units, projects, supervision) catch up independently: wait for the joined answer
        JsonNode answer = awaitJson(() -> get("/api/supervision/overdue-projects?unitId=" + root),
                json -> json.path("findings").size() == 1 && json.path("findings").get(0).has("projectName"));
        JsonNode finding = answer.path("findings").get(0);
        LocalDate today = LocalDate.parse(answer.path("asOf").asText());
        assertThat(today).isEqualTo(LocalDate.ofInstant(clock.instant(), ZoneId.of("Asia/Shanghai")));
        assertThat(finding.path("projectId").asText()).isEqualTo(project.projectId());
        assertThat(finding.path("projectName").asText()).isEqualTo("年产10万吨锂电新材料项目");
        assertThat(finding.path("unitId").asText()).isEqualTo(district);
        assertThat(finding.path("kind").asText()).isEqualTo("CONSTRUCTION_OVERDUE");
        assertThat(finding.path("deadlineOn").asText()).isEqualTo("2024-08-28");
        assertThat(finding.path("daysOverdue").asLong())
                .isEqualTo(ChronoUnit.DAYS.between(LocalDate.of(2024, 8, 28), today));
        assertThat(finding.path("leaderName").asText()).isEqualTo("王五");

        assertThat(json(get("/api/supervision/overdue-projects?unitId=" + other)).path("findings")).isEmpty();
        assertThat(json(get("/api/supervision/stalled-projects?unitId=" + root)).path("findings")).isEmpty();
        assertThat(json(get("/api/supervision/projects/" + project.projectId() + "/findings")).path("findings"))
                .hasSize(1);
        awaitJson(() -> get("/api/projects/" + project.projectId()), json -> json.path("version").asLong() == 2);
    }

    @Test
    void openCasesPerLeadUnitSubtreeAndLeader() {
        String root = Facts.freshUnitId("city");
        String district = Facts.freshUnitId("district");
        Instant at = Instant.parse("2024-01-01T00:00:00Z");
        publish(Facts.unit(root, "市", UnitKind.CITY, null, "city", at),
                Facts.unit(district, "区", UnitKind.DISTRICT, root, "districts", at));
        String caseId = java.util.UUID.randomUUID().toString();
        publish(Facts.message("SupervisionCase", caseId, 0, new SupervisionCaseOpenedEvent(caseId, "超期未开工", null,
                SupervisionRule.CONSTRUCTION_DEADLINE, new UnitId(district), java.util.List.of(),
                new ResponsibleLeader("王五", "副区长", null), SIGNED_ON.plusDays(211), 7, SIGNED_ON.plusDays(181)),
                Facts.ADMIN, at));

        JsonNode answer = awaitJson(() -> get("/api/supervision/cases?open=true&unitId=" + root),
                json -> json.path("cases").size() == 1);
        assertThat(answer.path("cases").get(0).path("caseId").asText()).isEqualTo(caseId);
        assertThat(answer.path("cases").get(0).path("status").asText()).isEqualTo("OPENED");
        assertThat(json(get("/api/supervision/cases?unitId=" + root + "&leader=%E6%9D%8E%E5%8D%8E")).path("cases"))
                .isEmpty();
    }

    @Test
    void aMalformedUnitIdIsAProblem() {
        HttpResponse<String> response = get("/api/supervision/idle-land?unitId=NOT%20A%20UNIT");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    }

    @Test
    void verificationGapsAndLateEntriesForInspectors() {
        String root = Facts.freshUnitId("city");
        String district = Facts.freshUnitId("district");
        Instant at = Instant.parse("2024-01-01T00:00:00Z");
        publish(Facts.unit(root, "市", UnitKind.CITY, null, "city", at),
                Facts.unit(district, "区", UnitKind.DISTRICT, root, "districts", at));
        ProjectStream project = ProjectStream.fresh();
        UnitId unit = new UnitId(district);
        publish(project.next(Facts.lead(project.projectId(), "年产10万吨锂电新材料项目", district, SIGNED_ON), at),
                project.next(new LateEntryFlaggedEvent(project.projectId(), unit, SupervisionRule.LATE_ENTRY,
                        "LeadRegisteredEvent", 7, SIGNED_ON, SIGNED_ON.plusDays(12), 12), at),
                project.next(new ReportedVerifiedGapFlaggedEvent(project.projectId(), unit, "a-1",
                        SupervisionRule.REPORTED_VERIFIED_GAP, new BigDecimal("0.20"), Money.cny("30000000"),
                        Money.cny("20000000"), new BigDecimal("0.3333"), SIGNED_ON.plusDays(20)), at));

        JsonNode gaps = awaitJson(() -> get("/api/supervision/verification-gaps?unitId=" + root),
                json -> json.path("gaps").size() == 1 && json.path("gaps").get(0).has("projectName"));
        JsonNode gap = gaps.path("gaps").get(0);
        assertThat(gap.path("arrivalId").asText()).isEqualTo("a-1");
        assertThat(gap.path("reported").path("amount").decimalValue()).isEqualByComparingTo("30000000");
        assertThat(gap.path("gapRatio").decimalValue()).isEqualByComparingTo("0.3333");
        JsonNode late = awaitJson(() -> get("/api/supervision/late-entries?unitId=" + district + "&from="
                + SIGNED_ON + "&to=" + SIGNED_ON.plusDays(12)), json -> json.path("entries").size() == 1);
        assertThat(late.path("entries").get(0).path("factType").asText()).isEqualTo("LeadRegisteredEvent");
        assertThat(late.path("entries").get(0).path("lagDays").asLong()).isEqualTo(12);
        assertThat(json(get("/api/supervision/late-entries?unitId=" + root + "&to=" + SIGNED_ON.plusDays(11)))
                .path("entries")).isEmpty();
        assertThat(json(get("/api/supervision/projects/" + project.projectId() + "/findings")).path("findings")
                .get(0).path("kind").asText()).isEqualTo("REPORTED_VERIFIED_GAP");

        HttpResponse<String> bad = get("/api/supervision/late-entries?from=yesterday");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
    }

    @Test
    void approvalsPerUnitAndStatusAndADeemedGrantNamesTheLapsedDepartment() {
        String root = Facts.freshUnitId("city");
        String department = Facts.freshUnitId("dept");
        String district = Facts.freshUnitId("district");
        Instant at = Instant.parse("2024-01-01T00:00:00Z");
        publish(Facts.unit(root, "市", UnitKind.CITY, null, "city", at),
                Facts.unit(department, "市自然资源局", UnitKind.DEPARTMENT, root, "departments", at),
                Facts.unit(district, "区", UnitKind.DISTRICT, root, "districts", at));
        ProjectStream project = ProjectStream.fresh();
        publish(project.next(Facts.lead(project.projectId(), "年产10万吨锂电新材料项目", district, SIGNED_ON), at));
        String lapsed = java.util.UUID.randomUUID().toString();
        String decided = java.util.UUID.randomUUID().toString();
        LocalDate dueOn = SIGNED_ON.plusDays(14);
        Facts.ProjectStream lapsedStream = new Facts.ProjectStream(lapsed);
        Facts.ProjectStream decidedStream = new Facts.ProjectStream(decided);
        publish(lapsedStream.next(new ApprovalRequestedEvent(lapsed, project.projectId(), department, "建设用地规划许可",
                        true, Money.cny("200000000"), 10, dueOn, true, SIGNED_ON), at),
                lapsedStream.next(new ApprovalDeemedGrantedEvent(lapsed, project.projectId(), department, 10, dueOn,
                        dueOn.plusDays(1)), at),
                decidedStream.next(new ApprovalRequestedEvent(decided, project.projectId(), department, "环评批复",
                        true, Money.cny("200000000"), 10, dueOn, true, SIGNED_ON), at),
                decidedStream.next(new ApprovalDecidedEvent(decided, department, false, "材料不全", SIGNED_ON), at));

        JsonNode deemed = awaitJson(() -> get("/api/approvals?unitId=" + district + "&status=DEEMED_GRANTED"),
                json -> json.path("approvals").size() == 1
                        && json.path("approvals").get(0).has("projectName"));
        JsonNode approval = deemed.path("approvals").get(0);
        assertThat(approval.path("approvalId").asText()).isEqualTo(lapsed);
        assertThat(approval.path("responsibleDepartmentUnitId").asText()).isEqualTo(department);
        assertThat(approval.path("decidedOn").asText()).isEqualTo(dueOn.plusDays(1).toString());
        awaitJson(() -> get("/api/approvals?unitId=" + department), json -> json.path("approvals").size() == 2);
        // the refusal may be projected in a later batch than the two requests
        assertThat(awaitJson(() -> get("/api/approvals?unitId=" + root + "&status=REFUSED"),
                json -> json.path("approvals").size() == 1).path("approvals").get(0)
                .path("reason").asText()).isEqualTo("材料不全");
        assertThat(json(get("/api/approvals?unitId=" + root + "&status=PENDING")).path("approvals")).isEmpty();

        HttpResponse<String> one = get("/api/approvals/" + lapsed);
        assertThat(one.statusCode()).isEqualTo(200);
        assertThat(one.headers().firstValue("ETag")).hasValue("\"1\"");
        assertThat(json(one).path("status").asText()).isEqualTo("DEEMED_GRANTED");
        HttpResponse<String> missing = get("/api/approvals/" + java.util.UUID.randomUUID());
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(get("/api/approvals?status=LOST").statusCode()).isEqualTo(400);
    }
}
