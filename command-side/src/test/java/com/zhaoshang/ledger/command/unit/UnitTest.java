package com.zhaoshang.ledger.command.unit;

import com.zhaoshang.ledger.api.ErrorCode;
import com.zhaoshang.ledger.api.unit.RegisterUnitCommand;
import com.zhaoshang.ledger.api.unit.UnitRegisteredEvent;
import com.zhaoshang.ledger.api.value.UnitId;
import com.zhaoshang.ledger.api.value.UnitKind;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.hamcrest.Matchers.containsString;

/** One fixture test per rule of {@link Unit}. */
class UnitTest {

    private static final UnitId CITY = new UnitId("360800");
    private static final UnitId DISTRICT = new UnitId("360802");

    private FixtureConfiguration<Unit> fixture;
    private InMemoryUnitDirectory directory;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Unit.class);
        directory = new InMemoryUnitDirectory();
        fixture.registerInjectableResource(directory);
    }

    @Test
    void aCityIsARootOfTheTree() {
        fixture.givenNoPriorActivity()
                .when(new RegisterUnitCommand(CITY, "吉安市", UnitKind.CITY, null, "city"))
                .expectEvents(new UnitRegisteredEvent(CITY, "吉安市", UnitKind.CITY, null, "city"))
                .expectResultMessagePayload("360800");
    }

    @Test
    void aUnitIsRegisteredBelowItsParent() {
        directory.with("360800");
        fixture.givenNoPriorActivity()
                .when(new RegisterUnitCommand(DISTRICT, " 吉州区 ", UnitKind.DISTRICT, CITY, "county-district"))
                .expectEvents(new UnitRegisteredEvent(DISTRICT, "吉州区", UnitKind.DISTRICT, CITY, "county-district"));
    }

    @Test
    void anIdAlreadyRegisteredIsRefused() {
        directory.with("360800");
        fixture.givenNoPriorActivity()
                .when(new RegisterUnitCommand(CITY, "吉安市", UnitKind.CITY, null, "city"))
                .expectException(CommandExecutionException.class)
                .expectExceptionDetails(ErrorCode.ALREADY_EXISTS)
                .expectExceptionMessage(containsString("360800"))
                .expectNoEvents();
    }

    @Test
    void anUnknownParentIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new RegisterUnitCommand(DISTRICT, "吉州区", UnitKind.DISTRICT, CITY, "county-district"))
                .expectException(CommandExecutionException.class)
                .expectExceptionDetails(ErrorCode.UNKNOWN_REFERENCE)
                .expectExceptionMessage(containsString("360800"))
                .expectNoEvents();
    }

    @Test
    void onlyACityMayBeARoot() {
        fixture.givenNoPriorActivity()
                .when(new RegisterUnitCommand(DISTRICT, "吉州区", UnitKind.DISTRICT, null, "county-district"))
                .expectException(CommandExecutionException.class)
                .expectExceptionDetails(ErrorCode.RULE_VIOLATED)
                .expectExceptionMessage(containsString("only a CITY"));
    }

    @Test
    void aUnitCannotBeItsOwnParent() {
        directory.with("360800");
        fixture.givenNoPriorActivity()
                .when(new RegisterUnitCommand(DISTRICT, "吉州区", UnitKind.DISTRICT, DISTRICT, "county-district"))
                .expectException(CommandExecutionException.class)
                .expectExceptionDetails(ErrorCode.RULE_VIOLATED);
    }

    @Test
    void aKindIsRequired() {
        directory.with("360800");
        fixture.givenNoPriorActivity()
                .when(new RegisterUnitCommand(DISTRICT, "吉州区", null, CITY, "county-district"))
                .expectException(CommandExecutionException.class)
                .expectExceptionDetails(ErrorCode.RULE_VIOLATED)
                .expectExceptionMessage(containsString("kind"));
    }

    @Test
    void aNameMustNotBeBlank() {
        fixture.givenNoPriorActivity()
                .when(new RegisterUnitCommand(CITY, " ", UnitKind.CITY, null, "city"))
                .expectException(CommandExecutionException.class)
                .expectExceptionDetails(ErrorCode.RULE_VIOLATED)
                .expectExceptionMessage(containsString("name"));
    }

    @Test
    void aNameHasAtMost100Characters() {
        fixture.givenNoPriorActivity()
                .when(new RegisterUnitCommand(CITY, "市".repeat(101), UnitKind.CITY, null, "city"))
                .expectException(CommandExecutionException.class)
                .expectExceptionDetails(ErrorCode.RULE_VIOLATED)
                .expectExceptionMessage(containsString("at most 100"));
    }

    @Test
    void aPeerGroupIsRequired() {
        fixture.givenNoPriorActivity()
                .when(new RegisterUnitCommand(CITY, "吉安市", UnitKind.CITY, null, null))
                .expectException(CommandExecutionException.class)
                .expectExceptionDetails(ErrorCode.RULE_VIOLATED)
                .expectExceptionMessage(containsString("peerGroup"));
    }

    @Test
    void aPeerGroupIsALowerCaseSlug() {
        fixture.givenNoPriorActivity()
                .when(new RegisterUnitCommand(CITY, "吉安市", UnitKind.CITY, null, "Towns"))
                .expectException(CommandExecutionException.class)
                .expectExceptionDetails(ErrorCode.RULE_VIOLATED)
                .expectExceptionMessage(containsString("a-z"));
    }

    @Test
    void aPeerGroupHasAtMost64Characters() {
        fixture.givenNoPriorActivity()
                .when(new RegisterUnitCommand(CITY, "吉安市", UnitKind.CITY, null, "a".repeat(65)))
                .expectException(CommandExecutionException.class)
                .expectExceptionDetails(ErrorCode.RULE_VIOLATED);
    }
}
