package io.opsdeck.store;

import java.io.Closeable;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The agent's durable state. One platform thread owns the write connection and commits queued writes in
 * groups (one fsync for many callers); a future completes once its group is on disk. Reads use their own
 * connection and thread; JDBC never runs on callers' virtual threads (no pinning in the driver).
 *
 * <pre>{@code
 * try (Store store = Store.open(Path.of("agent.db"))) {
 *     store.write(c -> store.outbox().insert(c, notification)).join();
 * }
 * }</pre>
 */
public final class Store implements Closeable {

    private static final Logger LOG = LoggerFactory.getLogger(Store.class);
    /** Upper bound on writes committed together; keeps one group's latency small. */
    private static final int MAX_GROUP = 512;
    /**
     * Often, so each checkpoint copies little: at 2,000 alerts/s half a second of log is megabytes of database pages,
     * and while they are written out a commit's own sync of the log waits (ext4 orders the database's new blocks
     * before the journal commit the growing log needs), which is how a 2 ms commit became a 15 to 25 ms one.
     */
    private static final long CHECKPOINT_INTERVAL_MILLIS = 100;

    private final Dialect dialect;
    private final Connection writer;
    private final Connection reader;
    /** SQLite: copies the write-ahead log back into the database so the writer never does it mid-commit. */
    private final Checkpointer checkpointer;
    private final BlockingQueue<Task<?>> queue = new LinkedBlockingQueue<>();
    private final Thread writerThread;
    private final ExecutorService readerThread = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("opsdeck-store-reader").daemon(true).factory());
    private final AtomicLong sequence = new AtomicLong();
    private final OutboxDao outbox = new OutboxDao(this);
    private final HistoryDao history = new HistoryDao(this);
    private final EscalationDao escalations = new EscalationDao();
    private final UserDao users = new UserDao();
    private final RemediationDao remediation = new RemediationDao(this);
    private final AuditDao audit = new AuditDao(this);
    private volatile boolean closed;
    private volatile java.util.function.LongConsumer groupObserver = nanos -> { };

    private record Task<T>(SqlWork<T> work, CompletableFuture<T> result) {
    }

    private Store(Dialect dialect) throws SQLException {
        this.dialect = dialect;
        this.writer = DriverManager.getConnection(dialect.jdbcUrl(), dialect.connectionProperties());
        try {
            dialect.configure(writer, true);
            dialect.beforeMigrations(writer);
            Migrations.migrate(writer);
            dialect.afterMigrations(writer);
            writer.setAutoCommit(false);
        } catch (SQLException | RuntimeException e) {
            // closing ends a PostgreSQL session, and with it the migration lock other agents wait for
            writer.close();
            throw e;
        }
        this.reader = DriverManager.getConnection(dialect.jdbcUrl(), dialect.connectionProperties());
        dialect.configure(reader, false);
        if (!dialect.shared()) {
            sequence.set(Math.max(maxOf("SELECT MAX(seq) FROM outbox"), maxOf("SELECT MAX(seq) FROM alert_history")));
        }
        this.writerThread = Thread.ofPlatform().name("opsdeck-store-writer").daemon(true).start(this::writeLoop);
        this.checkpointer = dialect.checkpoints() ? new Checkpointer(dialect, CHECKPOINT_INTERVAL_MILLIS) : null;
    }

    /** Opens (creating and migrating) the SQLite database at {@code file}. */
    public static Store open(Path file) {
        return open(new SqliteDialect(file));
    }

    public static Store open(Dialect dialect) {
        try {
            return new Store(dialect);
        } catch (SQLException e) {
            throw new StoreException("cannot open " + dialect + ": " + e.getMessage(), e);
        }
    }

    public OutboxDao outbox() {
        return outbox;
    }

    public HistoryDao history() {
        return history;
    }

    public EscalationDao escalations() {
        return escalations;
    }

    public UserDao users() {
        return users;
    }

    public RemediationDao remediation() {
        return remediation;
    }

    public AuditDao audit() {
        return audit;
    }

    /** The next value of the store-wide sequence (outbox and history ordering); call inside a write. */
    long nextSeq(Connection c) throws SQLException {
        return dialect.shared() ? dialect.nextSeq(c) : sequence.incrementAndGet();
    }

    Dialect dialect() {
        return dialect;
    }

    /** How often the writer had to checkpoint itself (tests). */
    long writerCheckpoints() {
        return checkpointer == null ? 0 : checkpointer.writerCheckpoints();
    }

    /** True when several agents may share this database (see {@link Dialect#shared()}). */
    public boolean shared() {
        return dialect.shared();
    }

    /** Called on the writer thread with the nanoseconds each committed group took (its writes plus the commit). */
    public void observeGroups(java.util.function.LongConsumer nanos) {
        this.groupObserver = nanos;
    }

    /** Queues {@code work}; the future completes once its transaction is committed durably. */
    public <T> CompletableFuture<T> write(SqlWork<T> work) {
        CompletableFuture<T> result = new CompletableFuture<>();
        if (closed) {
            result.completeExceptionally(new StoreException("store is closed", null));
            return result;
        }
        queue.add(new Task<>(work, result));
        return result;
    }

    /** Runs {@code work} in a write transaction and waits for the durable commit. */
    public <T> T writeAndWait(SqlWork<T> work) {
        try {
            return write(work).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("interrupted while writing", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            throw new StoreException("write failed: " + cause.getMessage(), cause);
        }
    }

    /** Runs a read on the read connection's own platform thread (a JDBC connection is not thread-safe). */
    public <T> T read(SqlWork<T> work) {
        try {
            return readerThread.submit(() -> work.run(reader)).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("interrupted while reading", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            throw new StoreException("read failed on " + dialect + ": " + cause.getMessage(), cause);
        }
    }

    private void writeLoop() {
        List<Task<?>> group = new ArrayList<>();
        while (!closed || !queue.isEmpty()) {
            try {
                Task<?> first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                group.add(first);
                queue.drainTo(group, MAX_GROUP - 1);
                commitGroup(group);
                if (checkpointer != null && checkpointer.writerShouldCheckpoint()) {
                    checkpointer.runOnWriter(writer);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } finally {
                group.clear();
            }
        }
    }

    /**
     * Runs the group in one transaction. Savepoints cost two statements per task, so the group first runs without
     * them; only if a task fails is everything rolled back and re-run with a savepoint around each task, so that
     * one failing task does not sink the others.
     */
    private void commitGroup(List<Task<?>> group) {
        List<Object> results = new ArrayList<>(group.size());
        List<Throwable> failures = new ArrayList<>(group.size());
        long start = System.nanoTime();
        try {
            if (!runAll(group, results, failures, false)) {
                writer.rollback();
                results.clear();
                failures.clear();
                runAll(group, results, failures, true);
            }
            writer.commit();
            groupObserver.accept(System.nanoTime() - start);
        } catch (SQLException e) {
            LOG.error("Commit failed on {}: {}", dialect, e.getMessage());
            try {
                writer.rollback();
            } catch (SQLException ignored) {
                // the connection is broken; every task below fails
            }
            StoreException failure = new StoreException("commit failed on " + dialect + ": " + e.getMessage(), e);
            group.forEach(t -> t.result().completeExceptionally(failure));
            return;
        }
        for (int i = 0; i < group.size(); i++) {
            complete(group.get(i), results.get(i), failures.get(i));
        }
    }

    /** Returns false at the first failure when running without savepoints. */
    private boolean runAll(List<Task<?>> group, List<Object> results, List<Throwable> failures, boolean savepoints)
            throws SQLException {
        for (Task<?> task : group) {
            Savepoint sp = savepoints ? writer.setSavepoint() : null;
            try {
                results.add(task.work().run(writer));
                failures.add(null);
                if (sp != null) {
                    writer.releaseSavepoint(sp);
                }
            } catch (SQLException | RuntimeException e) {
                if (sp == null) {
                    return false;
                }
                writer.rollback(sp);
                results.add(null);
                failures.add(e);
            }
        }
        return true;
    }

    @SuppressWarnings("unchecked")
    private static <T> void complete(Task<T> task, Object value, Throwable failure) {
        if (failure == null) {
            task.result().complete((T) value);
        } else if (failure instanceof SQLException e) {
            task.result().completeExceptionally(new StoreException("write failed: " + e.getMessage(), e));
        } else {
            task.result().completeExceptionally(failure);
        }
    }

    private long maxOf(String sql) throws SQLException {
        try (Statement s = writer.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    /** Deletes intake events, history and finished notifications older than {@code cutoffMillis}. */
    public int purgeOlderThan(long cutoffMillis) {
        return writeAndWait(c -> Retention.purge(c, cutoffMillis));
    }

    /** Stops accepting writes, commits what is queued, closes the connections. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            writerThread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        readerThread.shutdown();
        if (checkpointer != null) {
            checkpointer.close();
        }
        try {
            readerThread.awaitTermination(10, TimeUnit.SECONDS);
            Sql.forget(reader);
            Sql.forget(writer);
            reader.close();
            writer.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (SQLException e) {
            LOG.warn("Closing {}: {}", dialect, e.getMessage());
        }
    }
}
