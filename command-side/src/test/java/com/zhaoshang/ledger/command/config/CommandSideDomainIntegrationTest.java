package com.zhaoshang.ledger.command.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.zhaoshang.ledger.api.ErrorCode;
import com.zhaoshang.ledger.api.activity.RecordActivityCommand;
import com.zhaoshang.ledger.api.project.*;
import com.zhaoshang.ledger.api.unit.RegisterUnitCommand;
import com.zhaoshang.ledger.api.value.*;
import com.zhaoshang.ledger.command.CommandSideApplication;
import com.zhaoshang.ledger.command.unit.UnitDirectory;
import com.zhaoshang.ledger.testsupport.TestPostgres;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.SubscribingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The command side's domain on real PostgreSQL, through the {@link CommandGateway} with actor metadata: the unit
 * directory and lead claims commit with their events, refusals store nothing, events carry who did it, nothing is a
 * large object, and optimistic concurrency holds under two racing commands.
 */
@SpringBootTest(classes = CommandSideApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE)
class CommandSideDomainIntegrationTest {

    private static final TestPostgres.Database DB = TestPostgres.newDatabase("command-domain");

    private static final UnitId CITY = new UnitId("360800");
    private static final UnitId DISTRICT = new UnitId("360802");
    private static final UnitId COUNTY = new UnitId("360821");
    private static final UnitId TOWN = new UnitId("360802001");
    private static final Actor ADMIN = new Actor("admin-li", Role.ADMIN, CITY);
    private static final Actor DISTRICT_CLERK = new Actor("zhang-wei", Role.FRONT_OFFICE, DISTRICT);
    private static final Actor COUNTY_CLERK = new Actor("liu-yang", Role.FRONT_OFFICE, COUNTY);
    private static final IndustryCode INDUSTRY = IndustryCode.of("C3011");
    private static final LocalDate LEAD_ON = LocalDate.of(2024, 3, 1);
    private static final ResponsibleLeader LEADER = new ResponsibleLeader("王明", "副区长", null);

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        DB.registerDataSource(registry::add);
    }

    @Autowired
    private CommandGateway gateway;
    @Autowired
    private JdbcClient jdbc;
    @Autowired
    private UnitDirectory directory;
    @Autowired
    private EventStore eventStore;
    @Autowired
    private ObjectMapper objectMapper;
    @Autowired
    private EventProcessingConfiguration processing;
    @Autowired
    @Qualifier("eventSerializer")
    private Serializer eventSerializer;

    @BeforeEach
    void unitTree() {
        registerUnitOnce(new RegisterUnitCommand(CITY, "吉安市", UnitKind.CITY, null, "city"));
        registerUnitOnce(new RegisterUnitCommand(DISTRICT, "吉州区", UnitKind.DISTRICT, CITY, "county-district"));
        registerUnitOnce(new RegisterUnitCommand(COUNTY, "吉安县", UnitKind.COUNTY, CITY, "county-district"));
        registerUnitOnce(new RegisterUnitCommand(TOWN, "兴桥镇", UnitKind.TOWN, DISTRICT, "town"));
    }

    @Test
    void theUnitDirectoryCommitsWithEachRegisteredUnit() {
        assertThat(directory.exists(TOWN)).isTrue();
        assertThat(directory.exists(new UnitId("360899"))).isFalse();
        assertThat(directory.isWithinSubtree(TOWN, CITY)).isTrue();
        assertThat(directory.isWithinSubtree(TOWN, DISTRICT)).isTrue();
        assertThat(directory.isWithinSubtree(DISTRICT, DISTRICT)).isTrue();
        assertThat(directory.isWithinSubtree(TOWN, COUNTY)).isFalse();
        assertThat(directory.isWithinSubtree(CITY, TOWN)).isFalse();
        assertThat(directory.parentOf(TOWN)).contains(DISTRICT);
        assertThat(directory.parentOf(CITY)).isEmpty();
        assertThat(jdbc.sql("SELECT path FROM unit_directory WHERE unit_id = ?").param(TOWN.value())
                .query(String.class).single()).isEqualTo("/360800/360802/360802001/");
    }

    @Test
    void setBasedTablesAreKeptInTheTransactionOfTheCommandAndFailItWhenTheyFail() {
        for (String group : List.of("unit-directory", "lead-claims")) {
            assertThat(processing.eventProcessor(group, SubscribingEventProcessor.class)).as(group).isPresent();
            assertThat(processing.listenerInvocationErrorHandler(group)).as(group)
                    .isInstanceOf(PropagatingErrorHandler.class);
        }
    }

    @Test
    void twoUnitsRegisteringTheSameLeadAtOnceNeverBothOwnIt() throws Exception {
        CreditCode investor = newCreditCode();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Object> results = new ArrayList<>();
        try {
            List<Future<Object>> outcomes = new ArrayList<>();
            for (Actor clerk : List.of(DISTRICT_CLERK, COUNTY_CLERK)) {
                outcomes.add(pool.submit(() -> {
                    start.await();
                    try {
                        return send(clerk, leadCommand(UUID.randomUUID().toString(), clerk.unitId(), investor));
                    } catch (RuntimeException e) {
                        return e;
                    }
                }));
            }
            start.countDown();
            for (Future<Object> outcome : outcomes) {
                results.add(outcome.get(60, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdown();
            assertThat(pool.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        }
        String winner = (String) results.stream().filter(r -> r instanceof String).findFirst().orElseThrow();
        assertThat(results).filteredOn(r -> r instanceof CommandExecutionException).singleElement()
                .satisfies(e -> assertThat(((CommandExecutionException) e).getDetails()).contains(ErrorCode.ALREADY_EXISTS));
        assertThat(claimOwner(investor)).contains(winner);
        assertThat(jdbc.sql("SELECT count(*) FROM lead_claim WHERE credit_code = ?").param(investor.value())
                .query(Long.class).single()).isEqualTo(1L);
    }

    @Test
    void aRefusedCommandStoresNothing() {
        long events = eventRows();
        UnitId orphan = new UnitId("360899");

        assertRefused(() -> send(ADMIN, new RegisterUnitCommand(orphan, "无名区", UnitKind.DISTRICT,
                new UnitId("369900"), "county-district")), ErrorCode.UNKNOWN_REFERENCE);
        assertRefused(() -> send(ADMIN, new RegisterUnitCommand(DISTRICT, "吉州区", UnitKind.DISTRICT, CITY,
                "county-district")), ErrorCode.ALREADY_EXISTS);
        String project = registerLead(DISTRICT_CLERK, null);
        long afterLead = eventRows();
        assertRefused(() -> send(DISTRICT_CLERK, new StartConstructionCommand(project, LEAD_ON, null)),
                ErrorCode.ILLEGAL_TRANSITION);

        assertThat(afterLead).isEqualTo(events + 1);
        assertThat(eventRows()).isEqualTo(afterLead);
        assertThat(directory.exists(orphan)).isFalse();
    }

    @Test
    void aLeadOwnedByOneUnitIsRefusedToAnotherUntilItsProjectEnds() {
        CreditCode investor = newCreditCode();
        String districtProject = registerLead(DISTRICT_CLERK, investor);
        assertThat(claimOwner(investor)).contains(districtProject);
        long events = eventRows();

        String countyProject = UUID.randomUUID().toString();
        assertThatThrownBy(() -> send(COUNTY_CLERK, leadCommand(countyProject, COUNTY, investor)))
                .isInstanceOf(CommandExecutionException.class)
                .hasMessageContaining(districtProject)
                .hasMessageContaining(DISTRICT.value())
                .satisfies(e -> assertThat(((CommandExecutionException) e).getDetails()).contains(ErrorCode.ALREADY_EXISTS));
        assertThat(eventRows()).isEqualTo(events);
        assertThat(claimOwner(investor)).contains(districtProject);

        send(DISTRICT_CLERK, new AbandonProjectCommand(districtProject, "投资方转向外省", LEAD_ON.plusDays(10), 0L));
        assertThat(claimOwner(investor)).isEmpty();

        assertThat((String) send(COUNTY_CLERK, leadCommand(countyProject, COUNTY, investor))).isEqualTo(countyProject);
        assertThat(claimOwner(investor)).contains(countyProject);
    }

    @Test
    void eventsCarryWhoCausedThem() throws Exception {
        String project = registerLead(DISTRICT_CLERK, null);
        send(DISTRICT_CLERK, new StartNegotiationCommand(project, LEAD_ON.plusDays(3), 0L));

        List<? extends DomainEventMessage<?>> events = eventStore.readEvents(project).asStream().toList();
        assertThat(events).hasSize(2);
        for (DomainEventMessage<?> event : events) {
            assertThat(Actor.fromMetaData(event.getMetaData())).isEqualTo(DISTRICT_CLERK);
            assertThat(event.getMetaData()).containsKeys("correlationId", "traceId");
        }
        byte[] stored = jdbc.sql("SELECT metadata FROM domainevententry WHERE aggregateidentifier = ? AND sequencenumber = 1")
                .param(project).query(byte[].class).single();
        JsonNode metadata = objectMapper.readTree(stored);
        assertThat(metadata.path("userId").asText()).isEqualTo("zhang-wei");
        assertThat(metadata.path("role").asText()).isEqualTo("FRONT_OFFICE");
        assertThat(metadata.path("unitId").asText()).isEqualTo("360802");
    }

    @Test
    void nothingIsStoredAsALargeObject() {
        send(DISTRICT_CLERK, new RecordActivityCommand(UUID.randomUUID().toString(), DISTRICT,
                ActivityKind.COMPANY_VISIT, "走访比亚迪", LEAD_ON));
        registerLead(DISTRICT_CLERK, newCreditCode());

        assertThat(jdbc.sql("SELECT count(*) FROM pg_largeobject_metadata").query(Long.class).single()).isZero();
        assertThat(jdbc.sql("""
                        SELECT count(*) FROM information_schema.columns
                        WHERE table_schema = current_schema() AND udt_name = 'oid'""")
                .query(Long.class).single()).isZero();
        assertThat(jdbc.sql("""
                        SELECT data_type FROM information_schema.columns
                        WHERE table_schema = current_schema() AND table_name = 'domainevententry'
                          AND column_name = 'payload'""")
                .query(String.class).single()).isEqualTo("bytea");
    }

    @Test
    void twoCommandsWithTheSameExpectedVersionNeverBothSucceed() throws Exception {
        String project = registerLead(DISTRICT_CLERK, null);
        Long signedVersion = send(DISTRICT_CLERK, new SignProjectCommand(project, Money.cny("92900000"), null, LEADER,
                LEAD_ON.plusDays(30), 0L));
        assertThat(signedVersion).isEqualTo(1L);

        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Object>> outcomes = new ArrayList<>();
            for (String arrival : List.of("arrival-a", "arrival-b")) {
                outcomes.add(pool.submit(() -> {
                    start.await();
                    try {
                        return send(DISTRICT_CLERK, new RecordCapitalArrivalCommand(project, arrival,
                                Money.cny("1000000"), false, LEAD_ON.plusDays(40), signedVersion));
                    } catch (RuntimeException e) {
                        return e;
                    }
                }));
            }
            start.countDown();
            List<Object> results = new ArrayList<>();
            for (Future<Object> outcome : outcomes) {
                results.add(outcome.get(60, TimeUnit.SECONDS));
            }
            assertThat(results).filteredOn(r -> r instanceof Long).containsExactly(2L);
            assertThat(results).filteredOn(r -> r instanceof Exception).singleElement()
                    .satisfies(e -> assertThat(isStaleOrConcurrent((Exception) e)).as(e.toString()).isTrue());
        } finally {
            pool.shutdown();
            assertThat(pool.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(jdbc.sql("SELECT count(*) FROM domainevententry WHERE aggregateidentifier = ?")
                .param(project).query(Long.class).single()).isEqualTo(3L);
    }

    @Test
    void everyEventSurvivesTheStrictSerializerUnchanged() {
        Money cny = Money.cny("92900000");
        Evidence receipt = new Evidence(EvidenceKind.BANK_RECEIPT, "进账单 001");
        Investor investor = new Investor("阿尔法", newCreditCode(), null, InvestorKind.PRIVATE);
        List<Object> events = List.of(
                new LeadRegisteredEvent("p", "项目", DISTRICT, investor, INDUSTRY, Channel.FAIR, null, LEAD_ON),
                new LeadRegisteredEvent("p", "项目", DISTRICT, new Investor("Alpha", null, "SG", InvestorKind.FOREIGN),
                        INDUSTRY, Channel.FAIR, Money.usd("1.5"), LEAD_ON),
                new NegotiationStartedEvent("p", LEAD_ON),
                new IntentAgreementSignedEvent("p", cny, LEAD_ON),
                new ProjectSignedEvent("p", cny, "签约会", LEADER, LEAD_ON),
                new ProjectPresentedAtCeremonyEvent("p", "另一签约会", LEAD_ON),
                new ProjectRegisteredEvent("p", new Evidence(EvidenceKind.CONTRACT_DOCUMENTS, "入库 1"), LEAD_ON),
                new LandAssignedEvent("p", "JA-1", new BigDecimal("120.5000"), LEAD_ON),
                new ConstructionStartedEvent("p", LEAD_ON),
                new ConstructionCompletedEvent("p", LEAD_ON),
                new ProductionStartedEvent("p", LEAD_ON),
                new CapitalArrivedEvent("p", "a-1", cny, false, LEAD_ON),
                new CapitalVerifiedEvent("p", "a-1", cny, Money.cny("1"), receipt, LEAD_ON),
                new ProjectAbandonedEvent("p", "原因", LEAD_ON),
                new ContractTerminatedEvent("p", "原因", LEAD_ON),
                new ResponsibleLeaderAssignedEvent("p", LEADER, LEAD_ON),
                new com.zhaoshang.ledger.api.unit.UnitRegisteredEvent(TOWN, "兴桥镇", UnitKind.TOWN, DISTRICT, "town"),
                new com.zhaoshang.ledger.api.activity.ActivityRecordedEvent("a", DISTRICT, ActivityKind.COMPANY_VISIT,
                        "走访", LEAD_ON));
        for (Object event : events) {
            SerializedObject<byte[]> serialized = eventSerializer.serialize(event, byte[].class);
            String json = new String(serialized.getData(), StandardCharsets.UTF_8);
            assertThat(json).as(json).doesNotContain("positive");
            Object back = eventSerializer.deserialize(serialized);
            assertThat(back).as(json).isEqualTo(event);
        }
        String signed = new String(eventSerializer.serialize(events.get(4), byte[].class).getData(), StandardCharsets.UTF_8);
        assertThat(signed).contains("\"contractAmount\":{\"amount\":92900000.00,\"currency\":\"CNY\"}");
    }

    private static boolean isStaleOrConcurrent(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConcurrencyException) {
                return true;
            }
            if (t instanceof CommandExecutionException c && c.getDetails().filter(ErrorCode.STALE_VERSION::equals).isPresent()) {
                return true;
            }
        }
        return false;
    }

    private String registerLead(Actor actor, CreditCode creditCode) {
        String project = UUID.randomUUID().toString();
        String id = send(actor, leadCommand(project, actor.unitId(), creditCode));
        assertThat(id).isEqualTo(project);
        return project;
    }

    private static RegisterLeadCommand leadCommand(String project, UnitId unit, CreditCode creditCode) {
        Investor investor = new Investor("阿尔法新材料有限公司", creditCode, null, InvestorKind.PRIVATE);
        return new RegisterLeadCommand(project, "年产5万吨新材料项目", unit, investor, INDUSTRY, Channel.DOOR_TO_DOOR,
                Money.cny("500000000"), LEAD_ON);
    }

    private void registerUnitOnce(RegisterUnitCommand command) {
        if (!directory.exists(command.unitId())) {
            send(ADMIN, command);
        }
    }

    private <R> R send(Actor actor, Object command) {
        return gateway.sendAndWait(command, MetaData.from(actor.asMetaData()));
    }

    private long eventRows() {
        return jdbc.sql("SELECT count(*) FROM domainevententry").query(Long.class).single();
    }

    private Optional<String> claimOwner(CreditCode creditCode) {
        return jdbc.sql("SELECT project_id FROM lead_claim WHERE credit_code = ? AND industry_code = ?")
                .params(creditCode.value(), INDUSTRY.value())
                .query(String.class).optional();
    }

    private static void assertRefused(Runnable command, ErrorCode expected) {
        assertThatThrownBy(command::run)
                .isInstanceOf(CommandExecutionException.class)
                .satisfies(e -> assertThat(((CommandExecutionException) e).getDetails()).contains(expected));
    }

    /** A fresh valid unified social credit code, so tests never share a lead. */
    private static CreditCode newCreditCode() {
        String digits = String.format("%09d", Math.floorMod(UUID.randomUUID().getLeastSignificantBits(), 1_000_000_000L));
        String first17 = "91360800" + digits;
        return new CreditCode(first17 + CreditCode.checkCharacterFor(first17));
    }
}
