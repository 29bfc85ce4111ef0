package com.zhaoshang.ledger.query;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The query side reads; it never reaches into the command side, and it never sends commands. */
class ArchitectureTest {

    private final JavaClasses querySide = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.zhaoshang.ledger.query");

    @Test
    void theQuerySideNeverDependsOnTheCommandSide() {
        noClasses().should().dependOnClassesThat().resideInAPackage("com.zhaoshang.ledger.command..")
                .check(querySide);
    }

    @Test
    void theQuerySideNeverSendsCommands() {
        noClasses().should().dependOnClassesThat().haveFullyQualifiedName("org.axonframework.commandhandling.gateway.CommandGateway")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("org.axonframework.commandhandling.CommandBus")
                .check(querySide);
    }
}
