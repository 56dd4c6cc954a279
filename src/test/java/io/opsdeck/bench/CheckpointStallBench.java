package io.opsdeck.bench;

import io.opsdeck.store.SqliteDialect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Arrays;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Does a background WAL checkpoint stall the writer's commits, and does checkpointing more often (less per
 * checkpoint) shorten the stalls? A writer commits, with the agent's SQLite settings ({@code synchronous=FULL},
 * {@code wal_autocheckpoint=0}), 10 rows of 2 KiB every 5 ms (about the agent's write rate at 2,000 alerts/s), while
 * a second connection runs {@code PRAGMA wal_checkpoint(PASSIVE)} every N ms, as {@code Checkpointer} does.
 * Intervals alternate; reports each run's commit time (statements + commit with its sync) percentiles. Mostly disk
 * bound, so it says something even when the CPU is shared.
 *
 * Arguments: seconds per run (15), intervals in ms (500,100; 0 = no checkpoint, the log only grows), rounds (2).
 */
public final class CheckpointStallBench {

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 15;
        int[] intervals = Arrays.stream((args.length > 1 ? args[1] : "500,100").split(",")).mapToInt(Integer::parseInt).toArray();
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        Path dir = Files.createTempDirectory("opsdeck-ckpt-");
        for (int round = 1; round <= rounds; round++) {
            for (int interval : intervals) {
                run(dir.resolve("r" + round + "-" + interval + ".db"), seconds, interval, round);
            }
        }
        System.out.println("load average: " + Files.readString(Path.of("/proc/loadavg")).strip());
    }

    private static void run(Path file, int seconds, int interval, int round) throws Exception {
        SqliteDialect dialect = new SqliteDialect(file);
        try (Connection writer = DriverManager.getConnection(dialect.jdbcUrl());
                Connection checkpoints = DriverManager.getConnection(dialect.jdbcUrl())) {
            dialect.configure(writer, true);
            dialect.configure(checkpoints, true);
            try (Statement s = writer.createStatement()) {
                s.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, k TEXT UNIQUE, payload BLOB)");
            }
            writer.setAutoCommit(false);
            long end = System.nanoTime() + seconds * 1_000_000_000L;
            long[] checkpointNanos = new long[2];
            Thread checkpointer = Thread.ofPlatform().start(() -> {
                try (Statement s = checkpoints.createStatement()) {
                    while (interval > 0 && System.nanoTime() < end) {
                        Thread.sleep(interval);
                        long t = System.nanoTime();
                        try (ResultSet rs = s.executeQuery("PRAGMA wal_checkpoint(PASSIVE)")) {
                            rs.next();
                        }
                        checkpointNanos[0] += System.nanoTime() - t;
                        checkpointNanos[1]++;
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            long[] commits = new long[seconds * 250];
            int n = 0;
            byte[] payload = new byte[2048];
            try (PreparedStatement insert = writer.prepareStatement("INSERT INTO t (k, payload) VALUES (?, ?)")) {
                long next = System.nanoTime();
                while (System.nanoTime() < end && n < commits.length) {
                    long t = System.nanoTime();
                    for (int i = 0; i < 10; i++) {
                        ThreadLocalRandom.current().nextBytes(payload);
                        insert.setString(1, n + "-" + i);
                        insert.setBytes(2, payload);
                        insert.executeUpdate();
                    }
                    writer.commit();
                    commits[n++] = System.nanoTime() - t;
                    next += 5_000_000L;
                    long wait = next - System.nanoTime();
                    if (wait > 0) {
                        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                    }
                }
            }
            checkpointer.join();
            long[] c = Arrays.copyOf(commits, n);
            Arrays.sort(c);
            long over5 = Arrays.stream(c).filter(x -> x > 5_000_000L).count();
            System.out.printf("round %d, checkpoint every %3d ms: %d commits, commit p50 %.2f ms, p99 %.2f ms, p99.9 %.2f ms, "
                    + "max %.1f ms, over 5 ms %.2f %%; %d checkpoints, mean %.1f ms%n", round, interval, n, c[n / 2] / 1e6,
                    c[(int) (n * 0.99)] / 1e6, c[(int) (n * 0.999)] / 1e6, c[n - 1] / 1e6, 100.0 * over5 / n,
                    checkpointNanos[1], checkpointNanos[1] == 0 ? 0 : checkpointNanos[0] / 1e6 / checkpointNanos[1]);
        }
    }
}
