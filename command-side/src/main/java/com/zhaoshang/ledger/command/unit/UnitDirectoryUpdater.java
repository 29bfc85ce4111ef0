package com.zhaoshang.ledger.command.unit;

import com.zhaoshang.ledger.api.unit.UnitRegisteredEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/**
 * Keeps the unit directory. Its processing group {@value #PROCESSING_GROUP} runs in a subscribing processor, so the
 * directory row commits in the transaction of the unit's event and a failure here rolls the registration back.
 */
@Component
@ProcessingGroup(UnitDirectoryUpdater.PROCESSING_GROUP)
public class UnitDirectoryUpdater {

    public static final String PROCESSING_GROUP = "unit-directory";

    private final JdbcUnitDirectory directory;

    public UnitDirectoryUpdater(JdbcUnitDirectory directory) {
        this.directory = directory;
    }

    @EventHandler
    public void on(UnitRegisteredEvent event) {
        directory.add(event.unitId(), event.parentId(), event.kind(), event.peerGroup());
    }
}
