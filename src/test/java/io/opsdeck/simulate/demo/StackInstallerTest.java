package io.opsdeck.simulate.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.opsdeck.simulate.demo.StackInstaller.Machine;
import io.opsdeck.simulate.demo.StackInstaller.Plan;
import java.util.List;
import org.junit.jupiter.api.Test;

class StackInstallerTest {

    private static final List<String> ALL = List.of("prometheus", "prometheus-alertmanager", "prometheus-node-exporter");

    @Test
    void nothingMissingMeansNothingToDo() {
        assertThat(StackInstaller.plan(List.of(), new Machine(false, false, false)).nothingToDo()).isTrue();
    }

    @Test
    void rootOnDebianInstallsWithAptGetWithoutRecommends() {
        Plan plan = StackInstaller.plan(ALL, new Machine(true, true, false));
        assertThat(plan.refusal()).isNull();
        assertThat(plan.command()).containsExactly("env", "DEBIAN_FRONTEND=noninteractive", "apt-get", "install", "-y",
                "--no-install-recommends", "prometheus", "prometheus-alertmanager", "prometheus-node-exporter");
    }

    @Test
    void passwordlessSudoInstallsThroughSudoWithoutPrompting() {
        Plan plan = StackInstaller.plan(List.of("prometheus-alertmanager"), new Machine(true, false, true));
        assertThat(plan.command()).startsWith("sudo", "-n").endsWith("prometheus-alertmanager");
    }

    @Test
    void withoutRootOrSudoItSaysExactlyWhatToInstall() {
        Plan plan = StackInstaller.plan(ALL, new Machine(true, false, false));
        assertThat(plan.command()).isEmpty();
        assertThat(plan.refusal()).contains("Not root and no passwordless sudo")
                .endsWith("sudo apt-get install prometheus prometheus-alertmanager prometheus-node-exporter");
    }

    @Test
    void offDebianItNamesWhatIsMissingAndTheDebianCommand() {
        Plan plan = StackInstaller.plan(List.of("prometheus-node-exporter"), new Machine(false, true, false));
        assertThat(plan.command()).isEmpty();
        assertThat(plan.refusal()).contains("not installed: prometheus-node-exporter", "not a Debian system",
                "sudo apt-get install prometheus-node-exporter");
    }

    @Test
    void onThisMachineTheStackIsInstalled() {
        assertThat(StackInstaller.missingPackages()).as("scripts/test installs these").isEmpty();
    }
}
