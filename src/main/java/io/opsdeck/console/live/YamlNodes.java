package io.opsdeck.console.live;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.common.FlowStyle;
import org.snakeyaml.engine.v2.constructor.StandardConstructor;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

/** Lookups in a composed YAML mapping, and a mapping written back as block YAML. */
final class YamlNodes {

    private YamlNodes() {
    }

    static int keyLine(MappingNode m, String key) {
        for (NodeTuple t : m.getValue()) {
            if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key)) {
                return YamlLines.startLine(k);
            }
        }
        return -1;
    }

    static Optional<Node> value(MappingNode m, String key) {
        for (NodeTuple t : m.getValue()) {
            if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key)) {
                return Optional.of(t.getValueNode());
            }
        }
        return Optional.empty();
    }

    static Optional<String> scalar(MappingNode m, String key) {
        return value(m, key).filter(ScalarNode.class::isInstance).map(n -> ((ScalarNode) n).getValue());
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> construct(Node node) {
        Object value = new StandardConstructor(LoadSettings.builder().build()).constructSingleDocument(Optional.of(node));
        return new LinkedHashMap<>((Map<String, Object>) value);
    }

    static String dump(Map<String, Object> entry) {
        return new Dump(DumpSettings.builder().setDefaultFlowStyle(FlowStyle.BLOCK).setIndent(2).build()).dumpToString(entry);
    }
}
