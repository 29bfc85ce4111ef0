package com.zhaoshang.ledger.command.config;

import com.zhaoshang.ledger.command.project.LeadClaimRelease;
import com.zhaoshang.ledger.command.unit.UnitDirectoryUpdater;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;

/**
 * The command side's own tables for set-based checks (unit directory, lead claims) are kept by event handlers in
 * subscribing processors (mode set in {@code command-side-defaults.properties}), inside the transaction of the command
 * that caused the event. A failure there must fail the command: Axon's default for listeners only logs it, so these
 * groups propagate.
 */
@Configuration(proxyBeanMethods = false)
public class CommandProcessingConfiguration {

    @Autowired
    public void failCommandsWhenSetBasedTablesFail(EventProcessingConfigurer processing) {
        processing.registerListenerInvocationErrorHandler(UnitDirectoryUpdater.PROCESSING_GROUP,
                c -> PropagatingErrorHandler.instance());
        processing.registerListenerInvocationErrorHandler(LeadClaimRelease.PROCESSING_GROUP,
                c -> PropagatingErrorHandler.instance());
    }
}
