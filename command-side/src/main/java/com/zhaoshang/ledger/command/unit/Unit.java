package com.zhaoshang.ledger.command.unit;

import com.zhaoshang.ledger.api.ErrorCode;
import com.zhaoshang.ledger.api.unit.RegisterUnitCommand;
import com.zhaoshang.ledger.api.unit.UnitRegisteredEvent;
import com.zhaoshang.ledger.api.value.UnitKind;
import com.zhaoshang.ledger.command.common.Refusal;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.regex.Pattern;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A unit (单位) of the tree: city → counties/districts → towns/streets, plus departments, zones and teams.
 * <p>
 * Rules of registration (one method each):
 * <ul>
 *   <li>{@link #requireNewUnit}: an id already in the directory → {@link ErrorCode#ALREADY_EXISTS} (checked before the
 *   store would refuse the stream, so the client gets a clear 409);</li>
 *   <li>{@link #requireName}: name non-blank, at most {@value #MAX_NAME_LENGTH} characters → RULE_VIOLATED;</li>
 *   <li>{@link #requirePeerGroup}: peer group required, at most {@value #MAX_PEER_GROUP_LENGTH} characters of
 *   {@code [a-z0-9-]} → RULE_VIOLATED;</li>
 *   <li>{@link #requirePlaceInTree}: kind required; only a CITY may be a root (no parent) → RULE_VIOLATED; a parent
 *   must be registered → {@link ErrorCode#UNKNOWN_REFERENCE}.</li>
 * </ul>
 */
@Aggregate
public class Unit {

    public static final int MAX_NAME_LENGTH = 100;
    public static final int MAX_PEER_GROUP_LENGTH = 64;
    private static final Pattern PEER_GROUP = Pattern.compile("[a-z0-9-]+");

    @AggregateIdentifier
    private String unitId;

    /** Axon rebuilds a unit from its events through this constructor; it is there on purpose. */
    protected Unit() {
    }

    @CommandHandler
    public Unit(RegisterUnitCommand command, UnitDirectory directory) {
        requireNewUnit(command, directory);
        requireName(command.name());
        requirePeerGroup(command.peerGroup());
        requirePlaceInTree(command, directory);
        apply(new UnitRegisteredEvent(command.unitId(), command.name().strip(), command.kind(), command.parentId(),
                command.peerGroup()));
    }

    private static void requireNewUnit(RegisterUnitCommand command, UnitDirectory directory) {
        if (directory.exists(command.unitId())) {
            throw Refusal.of(ErrorCode.ALREADY_EXISTS, "unit " + command.unitId() + " is registered already");
        }
    }

    private static void requireName(String name) {
        if (name == null || name.isBlank()) {
            throw Refusal.of(ErrorCode.RULE_VIOLATED, "unit name is required and must not be blank");
        }
        if (name.length() > MAX_NAME_LENGTH) {
            throw Refusal.of(ErrorCode.RULE_VIOLATED, "unit name has " + name.length() + " characters; at most "
                    + MAX_NAME_LENGTH + " are allowed");
        }
    }

    private static void requirePeerGroup(String peerGroup) {
        if (peerGroup == null || peerGroup.isEmpty()) {
            throw Refusal.of(ErrorCode.RULE_VIOLATED, "peerGroup is required: it names the units this one is ranked against");
        }
        if (peerGroup.length() > MAX_PEER_GROUP_LENGTH || !PEER_GROUP.matcher(peerGroup).matches()) {
            throw Refusal.of(ErrorCode.RULE_VIOLATED, "peerGroup must be 1 to " + MAX_PEER_GROUP_LENGTH
                    + " characters of a-z, 0-9 and '-'");
        }
    }

    private static void requirePlaceInTree(RegisterUnitCommand command, UnitDirectory directory) {
        if (command.kind() == null) {
            throw Refusal.of(ErrorCode.RULE_VIOLATED, "kind is required");
        }
        if (command.parentId() == null) {
            if (command.kind() != UnitKind.CITY) {
                throw Refusal.of(ErrorCode.RULE_VIOLATED, "a unit of kind " + command.kind()
                        + " needs a parent; only a CITY is a root of the tree");
            }
            return;
        }
        if (command.parentId().equals(command.unitId())) {
            throw Refusal.of(ErrorCode.RULE_VIOLATED, "unit " + command.unitId() + " cannot be its own parent");
        }
        if (!directory.exists(command.parentId())) {
            throw Refusal.of(ErrorCode.UNKNOWN_REFERENCE, "parent unit " + command.parentId() + " is not registered");
        }
    }

    @EventSourcingHandler
    void on(UnitRegisteredEvent event) {
        unitId = event.unitId().value();
    }
}
