package io.opsdeck.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SavedFiltersTest {

    @TempDir
    Path dir;

    @Test
    void filtersAreSavedPerRoleReplacedByNameAndSurviveReopening() throws Exception {
        SavedFilters saved = SavedFilters.in(dir.resolve("conf"));
        saved.save("oncall", "critical", "severity=critical");
        saved.save("oncall", "acked", "@acked");
        saved.save("dba", "db", "instance=~\"db-.*\"");
        saved.save("oncall", "critical", "severity=critical @state=firing");

        SavedFilters reopened = SavedFilters.in(dir.resolve("conf"));
        assertThat(reopened.list("oncall")).containsExactly(new SavedFilter("critical", "severity=critical @state=firing"),
                new SavedFilter("acked", "@acked"));
        assertThat(reopened.roles()).containsExactly("dba", "oncall");
        assertThat(reopened.delete("oncall", "acked")).isTrue();
        assertThat(reopened.delete("oncall", "acked")).isFalse();
        assertThat(saved.list("oncall")).hasSize(1);
        assertThat(saved.list("nobody")).isEmpty();
        try (var files = Files.list(dir.resolve("conf"))) {
            assertThat(files).as("no temporary files left").containsExactly(dir.resolve("conf/saved-filters.json"));
        }
    }

    @Test
    void aFilterThatDoesNotParseIsNotSaved() {
        SavedFilters saved = SavedFilters.in(dir);
        assertThatThrownBy(() -> saved.save("oncall", "bad", "a=~(")).isInstanceOf(FilterException.class);
        assertThat(Files.exists(saved.file())).isFalse();
    }

    @Test
    void aCorruptFileIsNamedAndLeftUntouched() throws Exception {
        Path file = dir.resolve(SavedFilters.FILE_NAME);
        Files.writeString(file, "{\"version\":1,\"roles\":{\"oncall\":[{\"name\":");
        SavedFilters saved = SavedFilters.in(dir);
        assertThatThrownBy(() -> saved.save("oncall", "x", "a=b")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(file.toString()).hasMessageContaining("is not valid");
        assertThat(Files.readString(file)).isEqualTo("{\"version\":1,\"roles\":{\"oncall\":[{\"name\":");
    }
}
