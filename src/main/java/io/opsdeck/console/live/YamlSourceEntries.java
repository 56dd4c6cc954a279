package io.opsdeck.console.live;

import io.opsdeck.console.SecretRef;
import io.opsdeck.console.SourceKind;
import io.opsdeck.console.SourceSettings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import io.opsdeck.util.SecretServiceKeyring;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/** Reads the sources of a composed opsdeck.yaml as the Settings view shows them: names, URLs, secret references. */
final class YamlSourceEntries {

    private static final Pattern ENV_REF = Pattern.compile("\\$\\{(\\w+)}");

    private YamlSourceEntries() {
    }

    /** Prometheus sources, then Alertmanagers, then the agent when it has a url. */
    static List<SourceSettings> list(MappingNode root, Path file) {
        List<SourceSettings> out = new ArrayList<>();
        for (SourceKind kind : List.of(SourceKind.PROMETHEUS, SourceKind.ALERTMANAGER)) {
            YamlNodes.value(root, section(kind)).filter(SequenceNode.class::isInstance).map(SequenceNode.class::cast)
                    .ifPresent(seq -> seq.getValue().forEach(item -> source(kind, item, file).ifPresent(out::add)));
        }
        YamlNodes.value(root, "agent").flatMap(agent -> source(SourceKind.AGENT, agent, file)).ifPresent(out::add);
        return out;
    }

    private static Optional<SourceSettings> source(SourceKind kind, Node node, Path file) {
        if (!(node instanceof MappingNode m)) {
            return Optional.empty();
        }
        Optional<String> url = YamlNodes.scalar(m, "url");
        if (url.isEmpty()) {
            return Optional.empty();
        }
        String name = kind == SourceKind.AGENT ? "agent" : YamlNodes.scalar(m, "name").orElse(null);
        if (name == null) {
            return Optional.empty();
        }
        SecretRef ref = kind == SourceKind.AGENT ? ref(m, "token", "token_file", file)
                : YamlNodes.value(m, "basic_auth").filter(MappingNode.class::isInstance)
                        .map(b -> ref((MappingNode) b, "password", "password_file", file))
                        .orElseGet(() -> ref(m, "bearer_token", "bearer_token_file", file));
        return Optional.of(new SourceSettings(name, kind, url.get(), ref));
    }

    /** Only references are reported; a secret written literally in the file is not shown. */
    private static SecretRef ref(MappingNode m, String literalKey, String fileKey, Path file) {
        Optional<String> path = YamlNodes.scalar(m, fileKey);
        if (path.isPresent()) {
            Path p = file.toAbsolutePath().getParent().resolve(path.get()).normalize();
            return new SecretRef(SecretRef.Kind.FILE, p.toString());
        }
        Optional<String> literal = YamlNodes.scalar(m, literalKey);
        if (literal.filter(v -> v.startsWith(SecretServiceKeyring.PREFIX)).isPresent()) {
            return new SecretRef(SecretRef.Kind.KEYRING, literal.get().substring(SecretServiceKeyring.PREFIX.length()));
        }
        return literal.map(ENV_REF::matcher).filter(Matcher::matches)
                .map(x -> new SecretRef(SecretRef.Kind.ENV, x.group(1))).orElse(null);
    }

    static Optional<Node> item(MappingNode root, SourceKind kind, String name) {
        return YamlNodes.value(root, section(kind)).filter(SequenceNode.class::isInstance).map(SequenceNode.class::cast)
                .flatMap(seq -> seq.getValue().stream().filter(MappingNode.class::isInstance)
                        .filter(i -> YamlNodes.scalar((MappingNode) i, "name").filter(name::equals).isPresent()).findFirst());
    }

    static String section(SourceKind kind) {
        return kind == SourceKind.PROMETHEUS ? "prometheus" : "alertmanager";
    }
}
