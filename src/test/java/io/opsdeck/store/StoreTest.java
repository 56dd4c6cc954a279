package io.opsdeck.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreTest {

    @TempDir
    Path dir;

    private static Notification row(String id, String key, long now) {
        return Notification.pending(id, key, "alert", "fp1", "HighCpu", "critical", "firing", "mail", "email", "alice",
                "{}", "{}", now, now);
    }

    @Test
    void usesWalWithFullSynchronousCommits() {
        try (Store store = Store.open(dir.resolve("a.db"))) {
            String mode = store.writeAndWait(c -> Sql.query(c, "PRAGMA journal_mode", rs -> rs.getString(1)).get(0));
            int sync = store.writeAndWait(c -> Sql.query(c, "PRAGMA synchronous", rs -> rs.getInt(1)).get(0));
            assertThat(mode).isEqualTo("wal");
            assertThat(sync).isEqualTo(2);
        }
    }

    @Test
    void writerNeverCheckpointsAndTheLogIsCopiedBackInTheBackground() throws Exception {
        Path file = dir.resolve("a.db");
        try (Store store = Store.open(file)) {
            long autoCheckpoint = store.writeAndWait(c -> Sql.query(c, "PRAGMA wal_autocheckpoint", rs -> rs.getLong(1)).get(0));
            assertThat(autoCheckpoint).isZero();
            long before = java.nio.file.Files.size(file);
            String big = "x".repeat(2000);
            for (int i = 0; i < 1000; i++) {
                int n = i;
                store.write(c -> store.outbox().insert(c, Notification.pending("n" + n, "k" + n, "alert", "fp", "A", "critical",
                        "firing", "mail", "email", "alice", big, big, n, n)));
            }
            store.writeAndWait(c -> null);
            // only the background checkpoint copies pages from the log into the database file
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20))
                    .until(() -> java.nio.file.Files.size(file) > before + 2_000_000);
            assertThat(store.outbox().count(Notification.PENDING)).isEqualTo(1000);
        }
    }

    @Test
    void aWriterThatNeverPausesCheckpointsItselfBetweenGroups() {
        Path file = dir.resolve("a.db");
        // threshold of one frame: every background checkpoint asks the writer to finish it
        try (Store store = Store.open(new SqliteDialect(file, 1))) {
            for (int i = 0; i < 200; i++) {
                int n = i;
                store.writeAndWait(c -> store.outbox().insert(c, row("n" + n, "k" + n, n)));
                if (store.writerCheckpoints() > 0 && i > 100) {
                    break;
                }
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            }
            assertThat(store.writerCheckpoints()).isPositive();
            // writes and reads go on after the writer's own checkpoint
            store.writeAndWait(c -> store.outbox().insert(c, row("last", "k-last", 1)));
            assertThat(store.outbox().get("last")).isPresent();
        }
    }

    @Test
    void migrationsRunOnceAndDataSurvivesReopen() {
        try (Store store = Store.open(dir.resolve("a.db"))) {
            store.writeAndWait(c -> store.outbox().insert(c, row("n1", "k1", 1000)));
        }
        try (Store store = Store.open(dir.resolve("a.db"))) {
            assertThat(store.outbox().get("n1")).isPresent();
            int versions = store.read(c -> Sql.query(c, "SELECT COUNT(*) FROM schema_version", rs -> rs.getInt(1)).get(0));
            // one row per migration listed (V1 initial, V2 remediation, V3 audit head, V4 alert_state.alertmanager),
            // each applied once despite the reopen
            assertThat(versions).isEqualTo(4);
            // the sequence continues after the rows already stored
            store.writeAndWait(c -> store.outbox().insert(c, row("n2", "k2", 1000)));
            assertThat(store.outbox().get("n2").orElseThrow().seq()).isGreaterThan(store.outbox().get("n1").orElseThrow().seq());
        }
    }

    @Test
    void anAlertsAlertmanagerIsKeptAndRowsFromBeforeTheColumnHaveNone() {
        Path file = dir.resolve("a.db");
        try (Store store = Store.open(file)) {
            // the database as an agent before V4 left it: no column, a resolved alert in it
            store.writeAndWait(c -> {
                Sql.update(c, "ALTER TABLE alert_state DROP COLUMN alertmanager");
                Sql.update(c, "DELETE FROM schema_version WHERE version = 4");
                Sql.update(c, "INSERT INTO alert_state (fingerprint, state, alertname, severity, labels, changed_at) "
                        + "VALUES ('old', 'resolved', 'DiskFull', 'critical', '{}', 1000)");
                store.history().append(c, "old", "resolved", 1000, "webhook", "DiskFull");
                return null;
            });
        }
        try (Store store = Store.open(file)) {
            store.writeAndWait(c -> {
                store.history().append(c, "new", "firing", 2000, "webhook", "BackupLate");
                store.history().putState(c, new AlertState("new", "resolved", "BackupLate", "warning", "{}", 3000, null,
                        "http://127.0.0.1:9093"));
                store.history().append(c, "new", "resolved", 3000, "webhook", "BackupLate");
                return null;
            });
            assertThat(store.history().state("new").orElseThrow().alertmanager()).isEqualTo("http://127.0.0.1:9093");
            assertThat(store.history().resolvedDetails(0, 10)).extracting(ResolvedEntry::fingerprint, ResolvedEntry::alertmanager)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("new", "http://127.0.0.1:9093"),
                            org.assertj.core.groups.Tuple.tuple("old", null));
        }
    }

    @Test
    void sameIdempotencyKeyIsStoredOnce() {
        try (Store store = Store.open(dir.resolve("a.db"))) {
            assertThat(store.<Object>writeAndWait(c -> store.outbox().insert(c, row("n1", "k1", 1000)))).isEqualTo(true);
            assertThat(store.<Object>writeAndWait(c -> store.outbox().insert(c, row("n2", "k1", 1000)))).isEqualTo(false);
            assertThat(store.<Object>writeAndWait(c -> store.history().recordIntake(c, "d1", "webhook", 1))).isEqualTo(true);
            assertThat(store.<Object>writeAndWait(c -> store.history().recordIntake(c, "d1", "webhook", 2))).isEqualTo(false);
        }
    }

    @Test
    void concurrentWritersAreAllCommittedAndAFailingWriteDoesNotSinkItsGroup() throws Exception {
        try (Store store = Store.open(dir.resolve("a.db")); var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<CompletableFuture<Boolean>> writes = new ArrayList<>();
            for (int i = 0; i < 2000; i++) {
                int n = i;
                writes.add(CompletableFuture.supplyAsync(() -> store.writeAndWait(c -> store.outbox().insert(c, row("n" + n, "k" + n, n))), pool));
            }
            CompletableFuture<Object> failing = store.write(c -> {
                Sql.update(c, "INSERT INTO no_such_table VALUES (1)");
                return null;
            });
            CompletableFuture.allOf(writes.toArray(CompletableFuture[]::new)).join();
            // it may have joined a later group than the others: wait for it rather than assume
            assertThat(failing).failsWithin(java.time.Duration.ofSeconds(10));
            assertThat(store.outbox().count(Notification.PENDING)).isEqualTo(2000);
        }
    }

    @Test
    void claimedRowsLeftInDeliveryGoBackToPendingOnRecovery() {
        try (Store store = Store.open(dir.resolve("a.db"))) {
            store.writeAndWait(c -> store.outbox().insert(c, row("n1", "k1", 1000)));
            store.writeAndWait(c -> store.outbox().insert(c, row("n2", "k2", 5000)));
            List<Notification> claimed = store.writeAndWait(c -> store.outbox().claimDue(c, 2000, 10));
            assertThat(claimed).extracting(Notification::id).containsExactly("n1");
            assertThat(store.outbox().get("n1").orElseThrow().status()).isEqualTo("delivering");
            assertThat(store.<Object>writeAndWait(c -> store.outbox().requeueDelivering(c, 3000))).isEqualTo(1);
            assertThat(store.outbox().get("n1").orElseThrow().status()).isEqualTo("pending");
        }
    }

    @Test
    void batchClaimAndMarkDeliveredChangeExactlyTheirRowsForEveryBatchSize() {
        try (Store store = Store.open(dir.resolve("a.db"))) {
            // 300 due rows and 5 not yet due; batches of 1, 5 (padded to 8), 33 (padded to 128) and 261 (three chunks)
            store.writeAndWait(c -> {
                for (int i = 0; i < 300; i++) {
                    store.outbox().insert(c, row("d" + i, "k" + i, 1000 + i));
                }
                for (int i = 0; i < 5; i++) {
                    store.outbox().insert(c, row("later" + i, "l" + i, 9000));
                }
                return null;
            });
            java.util.Set<String> seen = new java.util.HashSet<>();
            for (int limit : new int[] {1, 5, 33, 1000}) {
                List<Notification> claimed = store.writeAndWait(c -> store.outbox().claimDue(c, 2000, limit));
                assertThat(claimed).hasSize(Math.min(limit, 300 - seen.size()))
                        .allSatisfy(n -> assertThat(n.status()).isEqualTo("delivering"));
                List<String> ids = claimed.stream().map(Notification::id).toList();
                assertThat(java.util.Collections.disjoint(ids, seen)).as("claimed twice").isTrue();
                seen.addAll(ids);
                assertThat(store.outbox().count("delivering")).isEqualTo(ids.size());
                store.writeAndWait(c -> {
                    store.outbox().markDelivered(c, ids, 1, 3000);
                    return null;
                });
                assertThat(store.outbox().count("delivering")).isZero();
                assertThat(store.outbox().count("delivered")).isEqualTo(seen.size());
            }
            assertThat(seen).hasSize(300);
            assertThat(store.outbox().count("pending")).isEqualTo(5);
            Notification one = store.outbox().get("d299").orElseThrow();
            assertThat(one.attempts()).isEqualTo(1);
            assertThat(one.deliveredAt()).isEqualTo(3000L);
        }
    }

    @Test
    void purgeRemovesOnlyFinishedRowsOlderThanTheCutoff() {
        try (Store store = Store.open(dir.resolve("a.db"))) {
            store.writeAndWait(c -> store.outbox().insert(c, row("old", "k1", 1000)));
            store.writeAndWait(c -> store.outbox().insert(c, row("waiting", "k2", 1000)));
            store.writeAndWait(c -> {
                store.outbox().markDelivered(c, "old", 1, 1000);
                store.history().append(c, "fp1", "firing", 1000, "test", null);
                store.history().append(c, "fp1", "resolved", 9000, "test", null);
                return null;
            });
            store.purgeOlderThan(5000);
            assertThat(store.outbox().get("old")).isEmpty();
            assertThat(store.outbox().get("waiting")).isPresent();
            assertThat(store.history().history("fp1")).extracting(HistoryEntry::state).containsExactly("resolved");
        }
    }
}
