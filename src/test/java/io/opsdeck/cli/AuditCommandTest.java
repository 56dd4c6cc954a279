package io.opsdeck.cli;

import static io.opsdeck.cli.CommandRun.opsdeck;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.opsdeck.store.Store;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code opsdeck audit verify|export} on a real agent database, intact and tampered with by hand in SQL. */
class AuditCommandTest {

    @TempDir
    Path dir;

    private Path db;

    @BeforeEach
    void writeAuditLog() {
        db = dir.resolve("agent.db");
        try (Store store = Store.open(db)) {
            store.writeAndWait(c -> {
                for (int i = 1; i <= 6; i++) {
                    store.audit().append(c, 1_767_225_600_000L + i, i == 3 ? "=HYPERLINK(\"x\")" : "alice", i % 2 == 0 ? "approval" : "request",
                            "req-" + i, "clean-disk", "web-" + i, "{\"comment\":\"ok, \\\"go\\\"\"}");
                }
                return null;
            });
        }
    }

    private void sql(String statement) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
            s.executeUpdate(statement);
        }
    }

    @Test
    void verifyPassesOnAnIntactLog() {
        CommandRun run = opsdeck("audit", "verify", "--database", db.toString());
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("audit log OK: 6 records, chain intact");
    }

    @Test
    void verifyNamesAChangedRecordAndExitsOne() throws Exception {
        sql("UPDATE audit_log SET actor = 'mallory' WHERE id = 4");
        CommandRun run = opsdeck("audit", "verify", "--database", db.toString());
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains("record 4 was changed").contains("the chain is broken from record 4");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void verifyNamesARemovedRecordAndExitsOne() throws Exception {
        sql("DELETE FROM audit_log WHERE id = 2");
        CommandRun run = opsdeck("audit", "verify", "--database", db.toString());
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains("record 2 removed").contains("the chain is broken from record 2");
    }

    @Test
    void verifyNamesRecordsRemovedFromTheEnd() throws Exception {
        sql("DELETE FROM audit_log WHERE id >= 5");
        CommandRun run = opsdeck("audit", "verify", "--database", db.toString());
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains("records 5..6 removed from the end of the log");
    }

    @Test
    void exportJsonHasEveryRecordWithItsHashes() throws Exception {
        CommandRun run = opsdeck("audit", "export", "--format", "json", "--database", db.toString());
        assertThat(run.exit()).as(run.err()).isZero();
        JsonNode all = new ObjectMapper().readTree(run.out());
        assertThat(all).hasSize(6);
        assertThat(all.get(0).path("id").asLong()).isEqualTo(1);
        assertThat(all.get(1).path("prevHash").asText()).isEqualTo(all.get(0).path("hash").asText()).hasSize(64);
        assertThat(all.get(5).path("target").asText()).isEqualTo("web-6");
        assertThat(all.get(5).path("details").asText()).isEqualTo("{\"comment\":\"ok, \\\"go\\\"\"}");
    }

    @Test
    void exportCsvQuotesCellsAndDefusesFormulas() {
        CommandRun run = opsdeck("audit", "export", "--format", "csv", "--database", db.toString());
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.lines()).hasSize(7);
        assertThat(run.lines().get(0)).isEqualTo("id,at,actor,kind,request_id,plan,target,details,prev_hash,hash");
        assertThat(run.lines().get(1)).startsWith("1,1767225600001,\"alice\",\"request\",\"req-1\",\"clean-disk\",\"web-1\","
                + "\"{\"\"comment\"\":\"\"ok, \\\"\"go\\\"\"\"\"}\",0000");
        assertThat(run.lines().get(3)).contains(",\"'=HYPERLINK(\"\"x\"\")\",");
    }

    @Test
    void exportRefusesAnUnknownFormatAndAMissingDatabase() {
        CommandRun bad = opsdeck("audit", "export", "--format", "xml", "--database", db.toString());
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err()).contains("--format must be csv or json, not 'xml'");
        CommandRun missing = opsdeck("audit", "verify", "--database", dir.resolve("none.db").toString());
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err()).contains("no agent database at").contains("none.db");
    }
}
