package io.opsdeck.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Keeps the shape DEVELOPERS.md describes: JavaFX only in ui, no package cycles, console output only in cli. */
class ArchitectureTest {

    private static JavaClasses main;

    @BeforeAll
    static void importMainClasses() {
        main = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.opsdeck");
    }

    @Test
    void javafxIsUsedOnlyInTheUiPackage() {
        noClasses().that().resideOutsideOfPackage("io.opsdeck.ui..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..")
                .allowEmptyShould(true)
                .check(main);
    }

    @Test
    void packagesFormNoCycles() {
        slices().matching("io.opsdeck.(*)..")
                .should().beFreeOfCycles()
                .allowEmptyShould(true)
                .check(main);
    }

    @Test
    void onlyTheCommandLineWritesToStandardStreams() {
        noClasses().that().resideOutsideOfPackage("io.opsdeck.cli..")
                .should().accessField(System.class, "out")
                .orShould().accessField(System.class, "err")
                .allowEmptyShould(true)
                .check(main);
    }

    @Test
    void viewModelsAndDomainNeverTouchHttpOrJdbcFromUi() {
        noClasses().that().resideInAPackage("io.opsdeck.ui..")
                .should().dependOnClassesThat().resideInAnyPackage("okhttp3..", "java.sql..", "java.net.http..")
                .allowEmptyShould(true)
                .check(main);
    }
}
