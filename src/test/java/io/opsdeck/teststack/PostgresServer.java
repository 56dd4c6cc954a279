package io.opsdeck.teststack;

import io.opsdeck.simulate.stack.FreePorts;
import io.opsdeck.simulate.stack.ManagedProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real PostgreSQL server (Debian package {@code postgresql}) on a free loopback port with its data in a temporary
 * folder, for the agent's PostgreSQL store. PostgreSQL refuses to run as root, so when the tests run as root the
 * folder belongs to the {@code postgres} user and the server runs as that user ({@code setpriv}, which execs, so
 * stopping this process stops the server). Password authentication (SCRAM) for the superuser {@link #USER}.
 */
public final class PostgresServer extends ManagedProcess {

    public static final String USER = "opsdeck";
    private static final Path INSTALL = Path.of("/usr/lib/postgresql");

    private final Path dir;
    private final int port;
    private final String password;

    private PostgresServer(List<String> command, Path dir, int port, String password) {
        super("postgres-" + port, command, dir);
        this.dir = dir;
        this.port = port;
        this.password = password;
    }

    /** Starts a fresh cluster; fails naming the Debian package when PostgreSQL is not installed. */
    public static PostgresServer start() {
        Path bin = binDir();
        try {
            Path dir = Files.createTempDirectory("opsdeck-pg-");
            boolean root = "root".equals(System.getProperty("user.name"));
            String password = UUID.randomUUID().toString();
            Path pwfile = Files.writeString(dir.resolve("pw"), password + "\n");
            if (root) {
                chownToPostgres(dir);
                chownToPostgres(pwfile);
            }
            run(asPostgres(root, List.of(bin.resolve("initdb").toString(), "-D", dir.resolve("data").toString(), "-U", USER,
                    "--auth=scram-sha-256", "--pwfile=" + pwfile, "-E", "UTF8", "--no-locale", "--no-sync")), dir);
            int port = FreePorts.next();
            // fsync off: these tests check SQL behaviour on a shared 2-core machine, not crash durability of PostgreSQL
            List<String> command = asPostgres(root, List.of(bin.resolve("postgres").toString(), "-D", dir.resolve("data").toString(),
                    "-h", "127.0.0.1", "-p", String.valueOf(port), "-k", dir.toString(), "-c", "fsync=off",
                    "-c", "shared_buffers=16MB", "-c", "max_connections=60"));
            PostgresServer server = new PostgresServer(command, dir, port, password);
            server.awaitAccepting();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start PostgreSQL: " + e.getMessage(), e);
        }
    }

    /** The newest installed major version's bin folder. */
    static Path binDir() {
        List<Path> versions = new ArrayList<>();
        if (Files.isDirectory(INSTALL)) {
            try (Stream<Path> s = Files.list(INSTALL)) {
                s.filter(p -> Files.isExecutable(p.resolve("bin/postgres")) && Files.isExecutable(p.resolve("bin/initdb")))
                        .forEach(versions::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return versions.stream().max(Comparator.comparing(p -> Integer.parseInt(p.getFileName().toString().replaceAll("\\D", "0"))))
                .map(p -> p.resolve("bin"))
                .orElseThrow(() -> new IllegalStateException("PostgreSQL is not installed: install the Debian package 'postgresql'"
                        + " (apt-get install postgresql); looked for " + INSTALL + "/<version>/bin/postgres and initdb"));
    }

    private static List<String> asPostgres(boolean root, List<String> command) {
        if (!root) {
            return command;
        }
        List<String> out = new ArrayList<>(List.of("setpriv", "--reuid=postgres", "--regid=postgres", "--init-groups", "--"));
        out.addAll(command);
        return out;
    }

    private static void chownToPostgres(Path p) throws IOException {
        UserPrincipalLookupService lookup = p.getFileSystem().getUserPrincipalLookupService();
        UserPrincipal user = lookup.lookupPrincipalByName("postgres");
        GroupPrincipal group = lookup.lookupPrincipalByGroupName("postgres");
        Files.setOwner(p, user);
        Files.getFileAttributeView(p, java.nio.file.attribute.PosixFileAttributeView.class).setGroup(group);
    }

    private static void run(List<String> command, Path dir) throws IOException {
        Path log = Files.createTempFile("opsdeck-initdb-", ".log");
        try {
            Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("initdb did not finish in 120 s: " + Files.readString(log));
            }
            if (p.exitValue() != 0) {
                throw new IllegalStateException("initdb failed with exit code " + p.exitValue() + ": " + Files.readString(log));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running initdb", e);
        } finally {
            Files.deleteIfExists(log);
        }
    }

    private void awaitAccepting() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        String last = "no answer";
        while (System.nanoTime() < deadline) {
            if (!isAlive()) {
                throw new IllegalStateException("PostgreSQL exited before it was ready; its log ends with:\n" + logTail());
            }
            try (Connection c = connect("postgres")) {
                return;
            } catch (SQLException e) {
                last = e.getMessage();
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for PostgreSQL", e);
            }
        }
        close();
        throw new IllegalStateException("PostgreSQL was not ready on port " + port + " within 60 s (last: " + last + ")");
    }

    public int port() {
        return port;
    }

    /** The superuser's password (also in the file {@link #passwordFile()}). */
    public String password() {
        return password;
    }

    public Path passwordFile() {
        return dir.resolve("pw");
    }

    public String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    public Connection connect(String database) throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", USER);
        p.setProperty("password", password);
        return DriverManager.getConnection(url(database), p);
    }

    /** Creates an empty database with a fresh name and returns its name. */
    public String createDatabase() {
        String name = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        try (Connection c = connect("postgres"); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
            return name;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + name + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        super.close();
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary folder left behind is harmless
        }
    }
}
