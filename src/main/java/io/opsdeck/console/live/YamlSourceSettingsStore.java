package io.opsdeck.console.live;

import io.opsdeck.console.SecretRef;
import io.opsdeck.console.SourceKind;
import io.opsdeck.console.SourceSettings;
import io.opsdeck.console.SourceSettingsStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.common.FlowStyle;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * The sources of an opsdeck.yaml as the Settings view edits them. Edits touch only the lines of the edited source
 * (a {@code prometheus:}/{@code alertmanager:} list item, or the {@code agent:} mapping): every other line, comments
 * included, stays byte for byte. The edited entry is rewritten in block style, keeping its other keys (timeouts,
 * TLS, headers...) but not comments inside it. Secrets are written only as references: {@code ${VAR}} or a
 * {@code *_file} path; a keyring reference is refused. Writes go to a temporary file moved into place.
 *
 * <pre>{@code
 * SourceSettingsStore store = new YamlSourceSettingsStore(Path.of("opsdeck.yaml"));
 * store.save(new SourceSettings("main", SourceKind.PROMETHEUS, "http://127.0.0.1:9090", null));
 * }</pre>
 */
public final class YamlSourceSettingsStore implements SourceSettingsStore {

    private final Path file;

    public YamlSourceSettingsStore(Path file) {
        this.file = file;
    }

    @Override
    public synchronized List<SourceSettings> list() throws IOException {
        return root(read()).map(r -> YamlSourceEntries.list(r, file)).orElseGet(List::of);
    }

    @Override
    public synchronized void save(SourceSettings source) throws IOException {
        String text = read();
        YamlLines lines = new YamlLines(text);
        MappingNode root = root(text).orElse(null);
        if (source.kind() == SourceKind.AGENT) {
            saveAgent(lines, root, source);
        } else {
            saveListed(lines, root, source);
        }
        write(lines.text());
    }

    @Override
    public synchronized void remove(String name) throws IOException {
        String text = read();
        MappingNode root = root(text).orElse(null);
        if (root == null) {
            return;
        }
        YamlLines lines = new YamlLines(text);
        for (SourceKind kind : List.of(SourceKind.PROMETHEUS, SourceKind.ALERTMANAGER)) {
            Optional<Node> item = YamlSourceEntries.item(root, kind, name);
            if (item.isPresent()) {
                lines.replace(YamlLines.startLine(item.get()), YamlLines.lastLine(item.get()), List.of());
                write(lines.text());
                return;
            }
        }
    }

    private void saveListed(YamlLines lines, MappingNode root, SourceSettings source) throws IOException {
        Optional<Node> existing = root == null ? Optional.empty() : YamlSourceEntries.item(root, source.kind(), source.name());
        Map<String, Object> entry = existing.map(YamlNodes::construct).orElseGet(LinkedHashMap::new);
        entry.put("name", source.name());
        entry.put("url", source.url());
        applySecret(entry, source.secret());
        if (existing.isPresent()) {
            Node item = existing.get();
            int line = YamlLines.startLine(item);
            String dash = lines.line(line).substring(0, lines.line(line).offsetByCodePoints(0, YamlLines.startColumn(item)));
            String indent = " ".repeat(dash.length());
            lines.replace(line, YamlLines.lastLine(item), YamlLines.indent(YamlNodes.dump(entry), dash, indent));
            return;
        }
        String key = YamlSourceEntries.section(source.kind());
        Optional<Node> list = root == null ? Optional.empty() : YamlNodes.value(root, key);
        if (list.isEmpty() || isEmptyValue(list.get())) {
            int keyLine = root == null ? -1 : YamlNodes.keyLine(root, key);
            if (keyLine < 0) {
                lines.insert(lines.size(), List.of(key + ":\n"));
                keyLine = lines.size() - 1;
            } else if (list.isPresent() && list.get() instanceof SequenceNode seq) {
                lines.cut(keyLine, YamlLines.startColumn(seq), seq.getEndMark().orElseThrow().getColumn());
            }
            lines.insert(keyLine + 1, YamlLines.indent(YamlNodes.dump(entry), "  - ", "    "));
            return;
        }
        if (!(list.get() instanceof SequenceNode seq) || seq.getFlowStyle() == FlowStyle.FLOW) {
            throw new IOException(file + ":" + (YamlLines.startLine(list.get()) + 1) + ": " + key
                    + " is not a block list; write it with lines starting with '- ' to edit it from the console");
        }
        Node last = seq.getValue().getLast();
        String first = lines.line(YamlLines.startLine(seq.getValue().getFirst()));
        int dashCol = first.offsetByCodePoints(0, YamlLines.startColumn(seq.getValue().getFirst()));
        String dash = first.substring(0, dashCol);
        lines.insert(YamlLines.lastLine(last) + 1, YamlLines.indent(YamlNodes.dump(entry), dash, " ".repeat(dash.length())));
    }

    private void saveAgent(YamlLines lines, MappingNode root, SourceSettings source) throws IOException {
        Optional<Node> agent = root == null ? Optional.empty() : YamlNodes.value(root, "agent");
        Map<String, Object> entry = agent.filter(MappingNode.class::isInstance).map(YamlNodes::construct)
                .orElseGet(LinkedHashMap::new);
        entry.put("url", source.url());
        entry.remove("token");
        entry.remove("token_file");
        if (source.secret() != null) {
            entry.put(source.secret().kind() == SecretRef.Kind.FILE ? "token_file" : "token", refText(source.secret()));
        }
        List<String> body = YamlLines.indent(YamlNodes.dump(entry), "  ", "  ");
        int keyLine = root == null ? -1 : YamlNodes.keyLine(root, "agent");
        if (keyLine < 0) {
            lines.insert(lines.size(), List.of("agent:\n"));
            lines.insert(lines.size(), body);
        } else if (agent.isPresent() && agent.get() instanceof MappingNode m && m.getFlowStyle() == FlowStyle.BLOCK) {
            lines.replace(YamlLines.startLine(m), YamlLines.lastLine(m), body);
        } else if (agent.isPresent() && YamlLines.startLine(agent.get()) == keyLine && YamlLines.lastLine(agent.get()) == keyLine) {
            lines.cut(keyLine, YamlLines.startColumn(agent.get()), agent.get().getEndMark().orElseThrow().getColumn());
            lines.insert(keyLine + 1, body);
        } else if (agent.isEmpty()) {
            lines.insert(keyLine + 1, body);
        } else {
            throw new IOException(file + ":" + (keyLine + 1) + ": agent spans several lines in flow style; "
                    + "write it as a block mapping to edit it from the console");
        }
    }

    private static void applySecret(Map<String, Object> entry, SecretRef ref) {
        if (entry.get("basic_auth") instanceof Map<?, ?> auth) {
            @SuppressWarnings("unchecked")
            Map<String, Object> basic = (Map<String, Object>) auth;
            if (ref != null) {
                basic.remove("password");
                basic.remove("password_file");
                basic.put(ref.kind() == SecretRef.Kind.FILE ? "password_file" : "password", refText(ref));
            }
            return;
        }
        entry.remove("bearer_token");
        entry.remove("bearer_token_file");
        if (ref != null) {
            entry.put(ref.kind() == SecretRef.Kind.FILE ? "bearer_token_file" : "bearer_token", refText(ref));
        }
    }

    private static String refText(SecretRef ref) {
        return ref.kind() == SecretRef.Kind.FILE ? ref.location() : ref.reference();
    }

    private static boolean isEmptyValue(Node node) {
        return node instanceof ScalarNode s && s.getValue().isEmpty()
                || node instanceof SequenceNode seq && seq.getValue().isEmpty();
    }

    private Optional<MappingNode> root(String text) throws IOException {
        try {
            Optional<Node> node = new Compose(LoadSettings.builder().setLabel(file.toString()).build()).composeString(text);
            return node.filter(MappingNode.class::isInstance).map(MappingNode.class::cast);
        } catch (YamlEngineException e) {
            throw new IOException(file + " is not valid YAML; fix it first (opsdeck check): "
                    + e.getMessage().lines().findFirst().orElse(""), e);
        }
    }

    private String read() throws IOException {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return "";
        }
    }

    private void write(String text) throws IOException {
        root(text);
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, ".opsdeck", ".yaml.tmp");
        try {
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
