package io.opsdeck.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.nodes.Node;

/** What every reader of one file shares: its name for messages, its folder, the environment and the problems. */
final class ConfigContext {

    final String file;
    final Path baseDir;
    final Map<String, String> env;
    final List<ConfigProblem> problems;

    ConfigContext(String file, Path baseDir, Map<String, String> env, List<ConfigProblem> problems) {
        this.file = file;
        this.baseDir = baseDir;
        this.env = env;
        this.problems = problems;
    }

    ConfigContext withProblems(List<ConfigProblem> sink) {
        return new ConfigContext(file, baseDir, env, sink);
    }

    void problem(Node node, String key, String message) {
        problems.add(new ConfigProblem(file, lineOf(node), key, message));
    }

    static int lineOf(Node node) {
        return node == null ? 0 : node.getStartMark().map(m -> m.getLine() + 1).orElse(0);
    }

    static List<ConfigProblem> newSink() {
        return new ArrayList<>();
    }
}
