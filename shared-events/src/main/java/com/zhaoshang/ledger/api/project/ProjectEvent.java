package com.zhaoshang.ledger.api.project;

import java.time.LocalDate;

/** Every fact of a project's life: it names the project and the business date the unit declared. */
public interface ProjectEvent {

    String projectId();

    /** The business date of the fact (the day the contract was signed), declared by the client. */
    LocalDate occurredOn();
}
