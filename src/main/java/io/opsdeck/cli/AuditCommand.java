package io.opsdeck.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.opsdeck.agent.AgentSettings;
import io.opsdeck.store.AuditRecord;
import io.opsdeck.store.AuditVerification;
import io.opsdeck.store.Store;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code opsdeck audit verify|export}: checks the agent's hash-chained audit log (naming a changed or removed
 * record) or writes it as CSV or JSON.
 */
@Command(name = "audit", mixinStandardHelpOptions = true, description = "Verify or export the agent's remediation audit log.",
        subcommands = {AuditCommand.Verify.class, AuditCommand.Export.class})
public final class AuditCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return 2;
    }

    /** Where the agent database is. */
    static final class DatabaseOption {
        @Mixin
        GlobalOptions global = new GlobalOptions();

        @Option(names = "--database", paramLabel = "FILE", description = "The agent database. Default: agent.database of the configuration.")
        Path database;

        Path resolve() {
            Path db = database;
            if (db == null) {
                Path config = global.config;
                db = config == null ? AgentSettings.fromYaml(null).database() : AgentSettings.loadSection(config).database();
            }
            if (!Files.isRegularFile(db)) {
                throw new IllegalArgumentException("no agent database at " + db + " (use --database FILE)");
            }
            return db;
        }
    }

    @Command(name = "verify", mixinStandardHelpOptions = true, description = "Recompute the hash chain; exit 1 naming the first bad record.")
    static final class Verify implements Callable<Integer> {
        @Mixin
        DatabaseOption db = new DatabaseOption();

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            Path file;
            try {
                file = db.resolve();
            } catch (IllegalArgumentException e) {
                err.println("opsdeck audit verify: " + e.getMessage());
                err.flush();
                return 2;
            }
            try (Store store = Store.open(file)) {
                AuditVerification v = store.audit().verify();
                if (v.ok()) {
                    out.println("audit log OK: " + v.records() + " records, chain intact");
                    out.flush();
                    return 0;
                }
                v.problems().forEach(p -> err.println("opsdeck audit verify: " + p));
                err.println("opsdeck audit verify: the chain is broken from record " + v.firstBadId());
                err.flush();
                return 1;
            }
        }
    }

    @Command(name = "export", mixinStandardHelpOptions = true, description = "Write every audit record to standard output.")
    static final class Export implements Callable<Integer> {
        @Mixin
        DatabaseOption db = new DatabaseOption();

        @Option(names = "--format", defaultValue = "json", description = "csv or json (default json)")
        String format;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            if (!format.equals("csv") && !format.equals("json")) {
                err.println("opsdeck audit export: --format must be csv or json, not '" + format + "'");
                err.flush();
                return 2;
            }
            Path file;
            try {
                file = db.resolve();
            } catch (IllegalArgumentException e) {
                err.println("opsdeck audit export: " + e.getMessage());
                err.flush();
                return 2;
            }
            try (Store store = Store.open(file)) {
                if (format.equals("csv")) {
                    out.println("id,at,actor,kind,request_id,plan,target,details,prev_hash,hash");
                    store.audit().forEach(r -> out.println(csv(r)));
                } else {
                    JsonGenerator g = new ObjectMapper().getFactory().createGenerator(out);
                    g.writeStartArray();
                    store.audit().forEach(r -> {
                        try {
                            g.writeObject(r);
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    });
                    g.writeEndArray();
                    g.flush();
                    out.println();
                }
            }
            out.flush();
            return 0;
        }

        private static String csv(AuditRecord r) {
            return String.join(",", String.valueOf(r.id()), String.valueOf(r.at()), cell(r.actor()), cell(r.kind()), cell(r.requestId()),
                    cell(r.plan()), cell(r.target()), cell(r.details()), r.prevHash(), r.hash());
        }

        /** RFC 4180 quoting; a leading =, +, - or @ is prefixed so spreadsheets do not run it as a formula. */
        private static String cell(String v) {
            if (v == null) {
                return "";
            }
            String safe = !v.isEmpty() && "=+-@".indexOf(v.charAt(0)) >= 0 ? "'" + v : v;
            return "\"" + safe.replace("\"", "\"\"") + "\"";
        }
    }
}
