package com.zhaoshang.ledger.single;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.axonframework.spring.stereotype.Aggregate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The boundaries of ARCHITECTURE.md, kept by tests rather than by good intentions. */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importProductionCode() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(location -> !location.contains("-tests.jar"))
                .importPackages("com.zhaoshang.ledger");
    }

    @Test
    void theRulesSeeAllThreeModules() {
        // Guards the rules below against passing vacuously on an empty import.
        org.assertj.core.api.Assertions.assertThat(classes.containPackage("com.zhaoshang.ledger.api.project")).isTrue();
        org.assertj.core.api.Assertions.assertThat(classes.containPackage("com.zhaoshang.ledger.command")).isTrue();
        org.assertj.core.api.Assertions.assertThat(classes.containPackage("com.zhaoshang.ledger.query")).isTrue();
    }

    @Test
    void theQuerySideNeverImportsTheCommandSide() {
        noClasses().that().resideInAPackage("com.zhaoshang.ledger.query..")
                .should().dependOnClassesThat().resideInAPackage("com.zhaoshang.ledger.command..")
                .check(classes);
    }

    @Test
    void theCommandSideNeverImportsTheQuerySide() {
        noClasses().that().resideInAPackage("com.zhaoshang.ledger.command..")
                .should().dependOnClassesThat().resideInAPackage("com.zhaoshang.ledger.query..")
                .check(classes);
    }

    @Test
    void theVocabularyHasNoSpringNoJpaNoJackson() {
        noClasses().that().resideInAPackage("com.zhaoshang.ledger.api..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.springframework..", "jakarta.persistence..", "javax.persistence..",
                        "org.hibernate..", "com.fasterxml..", "java.sql..")
                .check(classes);
    }

    @Test
    void aggregatesHaveNoSpring() {
        noClasses().that().areAnnotatedWith(Aggregate.class)
                .should().dependOnClassesThat().resideInAPackage("org.springframework..")
                .check(classes);
    }

    @Test
    void noProductionCodeReadsTheWallClockWithoutAClock() {
        noClasses().should().callMethod(Instant.class, "now")
                .orShould().callMethod(LocalDate.class, "now")
                .orShould().callMethod(LocalDateTime.class, "now")
                .orShould().callMethod(ZonedDateTime.class, "now")
                .orShould().callMethod(System.class, "currentTimeMillis")
                .because("decisions read an injected Clock, so tests and demos can move time")
                .check(classes);
    }
}
