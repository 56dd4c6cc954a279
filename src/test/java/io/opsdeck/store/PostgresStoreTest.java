package io.opsdeck.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.opsdeck.teststack.PostgresServer;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The store on a real PostgreSQL 15 (Debian package {@code postgresql}, started by the test): the same migrations
 * and DAOs as on SQLite, and what several agents sharing one database need (no double claim, one audit chain,
 * one sequence). Each test gets a database of its own; several {@link Store}s on it stand for several agents.
 */
class PostgresStoreTest {

    private static PostgresServer pg;

    @BeforeAll
    static void startPostgres() {
        pg = PostgresServer.start();
    }

    @AfterAll
    static void stopPostgres() {
        if (pg != null) {
            pg.close();
        }
    }

    private static Store agent(String database) {
        return Store.open(new PostgresDialect(pg.url(database), PostgresServer.USER, pg.password()));
    }

    private static Notification row(String id, String key, long due) {
        return Notification.pending(id, key, "alert", "fp-" + id, "HighCpu", "critical", "firing", "mail", "email", "alice",
                "{}", "{}", due, due);
    }

    @Test
    void migrationsRunOnceEvenWhenAgentsStartTogether() throws Exception {
        String db = pg.createDatabase();
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Store>> starting = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                starting.add(pool.submit(() -> agent(db)));
            }
            List<Store> stores = new ArrayList<>();
            for (Future<Store> f : starting) {
                stores.add(f.get());
            }
            try (Connection c = pg.connect(db); Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT COUNT(*), MAX(version) FROM schema_version")) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(4);
                assertThat(rs.getInt(2)).isEqualTo(4);
            }
            stores.forEach(Store::close);
        }
    }

    @Test
    void severalAgentsClaimingConcurrentlyNeverClaimTheSameRow() throws Exception {
        String db = pg.createDatabase();
        List<Store> agents = List.of(agent(db), agent(db), agent(db));
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            // every agent inserts too: sequence numbers come from the database and stay unique
            List<Future<?>> inserts = new ArrayList<>();
            for (int a = 0; a < agents.size(); a++) {
                Store s = agents.get(a);
                int agentNo = a;
                inserts.add(pool.submit(() -> {
                    for (int i = 0; i < 200; i++) {
                        String id = agentNo + "-" + i;
                        s.write(c -> s.outbox().insert(c, row(id, "k" + id, 1000)));
                    }
                    return s.writeAndWait(c -> null);
                }));
            }
            for (Future<?> f : inserts) {
                f.get();
            }
            ConcurrentLinkedQueue<String> claimed = new ConcurrentLinkedQueue<>();
            List<Future<Integer>> claimers = new ArrayList<>();
            for (Store s : agents) {
                for (int t = 0; t < 2; t++) {
                    claimers.add(pool.submit(() -> {
                        int mine = 0;
                        while (true) {
                            List<Notification> got = s.writeAndWait(c -> s.outbox().claimDue(c, 2000, 7));
                            if (got.isEmpty()) {
                                return mine;
                            }
                            got.forEach(n -> claimed.add(n.id()));
                            mine += got.size();
                        }
                    }));
                }
            }
            int total = 0;
            for (Future<Integer> f : claimers) {
                total += f.get();
            }
            Set<String> distinct = new HashSet<>(claimed);
            assertThat(total).isEqualTo(600);
            assertThat(distinct).hasSize(600);
            assertThat(agents.get(0).outbox().count(Notification.DELIVERING)).isEqualTo(600);
            Set<Long> seqs = new HashSet<>();
            agents.get(1).outbox().search(new NotificationQuery(null, null, null, null, null, 10_000)).forEach(n -> seqs.add(n.seq()));
            assertThat(seqs).hasSize(600);
        } finally {
            agents.forEach(Store::close);
        }
    }

    @Test
    void onlyStaleClaimsAreTakenBackFromOtherAgents() {
        String db = pg.createDatabase();
        try (Store a = agent(db); Store b = agent(db)) {
            assertThat(a.shared()).isTrue();
            a.writeAndWait(c -> a.outbox().insert(c, row("old", "k1", 1000)));
            a.writeAndWait(c -> a.outbox().claimDue(c, 1000, 10));
            b.writeAndWait(c -> b.outbox().insert(c, row("fresh", "k2", 1000)));
            b.writeAndWait(c -> b.outbox().claimDue(c, 9000, 10));
            // claims made at 1000 and 9000; everything claimed before 5000 is stale
            assertThat(b.<Object>writeAndWait(c -> b.outbox().requeueStale(c, 5000, 10_000))).isEqualTo(1);
            assertThat(a.outbox().get("old").orElseThrow().status()).isEqualTo(Notification.PENDING);
            assertThat(a.outbox().get("fresh").orElseThrow().status()).isEqualTo(Notification.DELIVERING);
        }
    }

    @Test
    void auditChainAppendedByTwoAgentsAtOnceVerifies() throws Exception {
        String db = pg.createDatabase();
        try (Store a = agent(db); Store b = agent(db); var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> writers = new ArrayList<>();
            for (Store s : List.of(a, b)) {
                writers.add(pool.submit(() -> {
                    for (int i = 0; i < 60; i++) {
                        int n = i;
                        s.write(c -> s.audit().append(c, n, "agent-" + s.hashCode(), "test", "r" + n, "plan", "web-1", "{\"n\":" + n + "}"));
                    }
                    return s.writeAndWait(c -> null);
                }));
            }
            for (Future<?> f : writers) {
                f.get();
            }
            AuditVerification v = b.audit().verify();
            assertThat(v.problems()).isEmpty();
            assertThat(v.records()).isEqualTo(120);
            assertThat(a.audit().list(null)).extracting(AuditRecord::id).first().isEqualTo(1L);
            try (Connection c = pg.connect(db); Statement s = c.createStatement()) {
                s.executeUpdate("UPDATE audit_log SET actor = 'mallory' WHERE id = 7");
            }
            assertThat(a.audit().verify().firstBadId()).isEqualTo(7L);
        }
    }

    @Test
    void historyStateAndIntakeDeduplicationAcrossAgents() {
        String db = pg.createDatabase();
        try (Store a = agent(db); Store b = agent(db)) {
            // an Alertmanager HA pair sends the same change to both agents: only one records it
            assertThat(a.<Object>writeAndWait(c -> a.history().recordIntake(c, "d1", "webhook", 1))).isEqualTo(true);
            assertThat(b.<Object>writeAndWait(c -> b.history().recordIntake(c, "d1", "webhook", 2))).isEqualTo(false);
            a.writeAndWait(c -> {
                a.history().append(c, "fp1", "firing", 1000, "webhook", "HighCpu");
                a.history().putState(c, new AlertState("fp1", "firing", "HighCpu", "critical", "{}", 1000, null));
                return null;
            });
            b.writeAndWait(c -> {
                b.history().append(c, "fp1", "acknowledged", 2000, "otto", "ack");
                b.history().putState(c, new AlertState("fp1", "acknowledged", "HighCpu", "critical", "{}", 2000, 1500L));
                b.history().append(c, "fp1", "resolved", 3000, "webhook", null);
                return null;
            });
            assertThat(a.history().history("fp1")).extracting(HistoryEntry::state).containsExactly("firing", "acknowledged", "resolved");
            assertThat(a.history().state("fp1").orElseThrow().lastNotifiedAt()).isEqualTo(1500L);
            assertThat(a.history().resolvedSince(2500)).extracting(HistoryEntry::fingerprint).containsExactly("fp1");
            b.writeAndWait(c -> {
                b.history().putState(c, new AlertState("fp2", "resolved", "DiskFull", "warning", "{}", 3000, null,
                        "http://127.0.0.1:9093"));
                b.history().append(c, "fp2", "resolved", 3000, "webhook", null);
                return null;
            });
            assertThat(a.history().resolvedDetails(2500, 10)).as("the Alertmanager an alert came from, on PostgreSQL too")
                    .extracting(ResolvedEntry::fingerprint, ResolvedEntry::alertmanager)
                    .contains(org.assertj.core.groups.Tuple.tuple("fp2", "http://127.0.0.1:9093"));
            a.writeAndWait(c -> a.escalations().start(c, "fp1", "crit", 5000, "{}", 1000));
            assertThat(b.<Object>writeAndWait(c -> b.escalations().start(c, "fp1", "crit", 5000, "{}", 1000))).isEqualTo(false);
            assertThat(b.<List<Escalation>>writeAndWait(c -> b.escalations().due(c, 6000))).hasSize(1);
            a.writeAndWait(c -> {
                a.outbox().insert(c, row("n1", "k1", 1000));
                a.outbox().markDelivered(c, "n1", 1, 1000);
                return null;
            });
            assertThat(a.purgeOlderThan(2500)).isGreaterThanOrEqualTo(3);
            assertThat(b.outbox().get("n1")).isEmpty();
        }
    }

    @Test
    void aFailingWriteDoesNotSinkTheOthersInItsGroup() {
        String db = pg.createDatabase();
        try (Store s = agent(db)) {
            List<java.util.concurrent.CompletableFuture<Boolean>> writes = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                int n = i;
                writes.add(s.write(c -> s.outbox().insert(c, row("n" + n, "k" + n, n))));
            }
            var failing = s.write(c -> {
                Sql.update(c, "INSERT INTO no_such_table VALUES (1)");
                return null;
            });
            writes.forEach(java.util.concurrent.CompletableFuture::join);
            // queued last, so it may commit in a later group than the others: wait for it
            assertThatThrownBy(failing::join).hasMessageContaining("no_such_table");
            assertThat(s.outbox().count(Notification.PENDING)).isEqualTo(50);
        }
    }

    @Test
    void aWrongPasswordIsReportedWithoutThePassword() {
        String db = pg.createDatabase();
        assertThatThrownBy(() -> Store.open(new PostgresDialect(pg.url(db), PostgresServer.USER, "not-the-password-42")))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("PostgreSQL jdbc:postgresql://127.0.0.1:" + pg.port())
                .hasMessageContaining("password authentication failed")
                .hasMessageNotContaining("not-the-password-42");
    }
}
