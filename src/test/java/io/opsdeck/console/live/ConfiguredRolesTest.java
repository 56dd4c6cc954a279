package io.opsdeck.console.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.opsdeck.config.ConfigException;
import io.opsdeck.config.ConfigLoader;
import io.opsdeck.config.OpsdeckConfig;
import io.opsdeck.console.AlertSound;
import io.opsdeck.console.Role;
import io.opsdeck.console.Severity;
import io.opsdeck.console.SeverityChoice;
import io.opsdeck.dashboard.DatasourceResolver;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfiguredRolesTest {

    @TempDir
    Path dir;

    private OpsdeckConfig load(String yaml) throws Exception {
        return ConfigLoader.builder().build().load(Files.writeString(dir.resolve("opsdeck.yaml"), yaml));
    }

    @Test
    void configuredRoleReplacesTheBuiltInOfTheSameNameAndNewOnesFollow() throws Exception {
        List<Role> roles = ConfiguredRoles.load(load("""
                prometheus: [{ name: main, url: "http://127.0.0.1:9090" }]
                roles:
                  - name: dba
                    dashboards: [dba, devops]
                    alert_filter: 'team=~"dba|storage"'
                    notify: { severities: [critical, warning, info], sound: [critical, warning] }
                  - name: Storage
                    dashboards: [devops]
                """));
        assertThat(roles).extracting(Role::name).containsExactly("Executive", "DevOps", "dba", "MLOps", "Storage");
        Role dba = roles.get(2);
        assertThat(dba.dashboardIds()).containsExactly("dba", "devops");
        assertThat(dba.notifications().notifyOn()).containsExactlyInAnyOrder(Severity.values());
        assertThat(dba.notifications().soundOn()).containsExactlyInAnyOrder(Severity.CRITICAL, Severity.WARNING);
    }

    @Test
    void aSoundMapNamesTheBundledSoundPerSeverityAndBecomesTheSettingsDefault() throws Exception {
        List<Role> roles = ConfiguredRoles.load(load("""
                prometheus: [{ name: main, url: "http://127.0.0.1:9090" }]
                roles:
                  - name: NOC
                    notify: { severities: [critical, warning], sound: { critical: chime, warning: single, info: none } }
                """));
        Role noc = roles.getLast();
        assertThat(noc.notifications().soundOn()).containsExactlyInAnyOrder(Severity.CRITICAL, Severity.WARNING);
        assertThat(noc.notifications().choice(Severity.CRITICAL)).isEqualTo(new SeverityChoice(true, AlertSound.CHIME));
        assertThat(noc.notifications().choice(Severity.WARNING)).isEqualTo(new SeverityChoice(true, AlertSound.SINGLE));
        assertThat(noc.notifications().choice(Severity.INFO)).isEqualTo(new SeverityChoice(false, AlertSound.NONE));
    }

    @Test
    void soundTrueOrFalseStillMeansTheNotifyingSeveritiesOrNone() throws Exception {
        List<Role> roles = ConfiguredRoles.load(load("""
                prometheus: [{ name: main, url: "http://127.0.0.1:9090" }]
                roles:
                  - name: Quiet
                    notify: { severities: [critical, warning], sound: false }
                  - name: Loud
                    notify: { severities: [critical, warning], sound: true }
                """));
        assertThat(roles.get(roles.size() - 2).notifications().soundOn()).isEmpty();
        assertThat(roles.getLast().notifications().soundOn()).containsExactlyInAnyOrder(Severity.CRITICAL, Severity.WARNING);
        assertThat(roles.getLast().notifications().choice(Severity.WARNING).sound()).isEqualTo(AlertSound.DOUBLE);
    }

    @Test
    void anUnknownSoundOrSeverityInTheSoundMapIsAProblemAtItsLine() throws Exception {
        Path file = dir.resolve("opsdeck.yaml");
        ConfigException e = catchThrowableOfType(ConfigException.class, () -> ConfiguredRoles.load(load("""
                prometheus: [{ name: main, url: "http://127.0.0.1:9090" }]
                roles:
                  - name: NOC
                    notify:
                      sound:
                        critical: foghorn
                        severe: alarm
                """)));
        assertThat(e.problems()).extracting(Object::toString).containsExactly(
                file + ":6: roles[0].notify.sound.critical: \"foghorn\" is not a bundled sound (none, alarm, double, single, chime)",
                file + ":7: roles[0].notify.sound.severe: \"severe\" is not a severity (critical, warning, info)");
    }

    @Test
    void everyProblemOfTheSectionIsNamedWithItsLine() throws Exception {
        Path file = dir.resolve("opsdeck.yaml");
        ConfigException e = catchThrowableOfType(ConfigException.class, () -> ConfiguredRoles.load(load("""
                prometheus: [{ name: main, url: "http://127.0.0.1:9090" }]
                roles:
                  - name: SRE
                    dashbaords: [noc]
                  - dashboards: [noc]
                  - name: sre
                """)));
        assertThat(e.problems()).extracting(Object::toString).containsExactly(
                file + ":4: roles[0].dashbaords: unknown key; did you mean \"dashboards\"?",
                file + ":5: roles[1].name: required key is missing",
                file + ":6: roles[2].name: duplicate role \"sre\"");
    }

    @Test
    void builtInRolesListOnlyShippedDashboards() {
        var catalogue = new FileDashboardCatalogue(List.of(Path.of("dashboards")), DatasourceResolver.single("main"));
        catalogue.loadNow();
        for (Role role : ConfiguredRoles.builtIn()) {
            assertThat(role.dashboardIds()).allSatisfy(id -> assertThat(catalogue.find(id)).as(role.name() + " -> " + id).isPresent());
        }
        assertThat(catalogue.model("noc")).isPresent();
    }
}
