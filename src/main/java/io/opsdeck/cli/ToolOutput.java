package io.opsdeck.cli;

import io.opsdeck.config.ConfigProblem;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns promtool/amtool messages into {@code file:line} problems. They write
 * {@code FILE: 5:15: message}, {@code FILE: yaml: line 3: message}, or {@code FILE: yaml: unmarshal errors:}
 * followed by indented {@code line N: message} lines; anything else about a file is kept without a line.
 */
final class ToolOutput {

    private static final Pattern LINE_COL = Pattern.compile("(\\d+):(\\d+): (.*)");
    private static final Pattern YAML_LINE = Pattern.compile("yaml: line (\\d+): (.*)");
    private static final Pattern INDENTED_LINE = Pattern.compile("\\s+line (\\d+): (.*)");

    private ToolOutput() {
    }

    /**
     * Problems in {@code output}, for the files named in it.
     *
     * @param files what the tool printed as the file name, mapped to the name to report
     */
    static List<ConfigProblem> problems(String output, Map<String, String> files) {
        Set<ConfigProblem> out = new LinkedHashSet<>();
        String currentFile = null;
        for (String line : output.lines().toList()) {
            Matcher indented = INDENTED_LINE.matcher(line);
            if (currentFile != null && indented.matches()) {
                out.add(new ConfigProblem(currentFile, Integer.parseInt(indented.group(1)), "", indented.group(2)));
                continue;
            }
            currentFile = null;
            for (Map.Entry<String, String> f : files.entrySet()) {
                String prefix = f.getKey() + ": ";
                int at = line.indexOf(prefix);
                if (at >= 0 && line.substring(0, at).isBlank()) {
                    String rest = line.substring(at + prefix.length());
                    if (rest.startsWith("yaml: unmarshal errors:")) {
                        currentFile = f.getValue();
                    } else {
                        out.add(problem(f.getValue(), rest));
                    }
                    break;
                }
            }
        }
        return new ArrayList<>(out);
    }

    /** amtool's {@code Checking 'FILE'  FAILED: message} for one file, with indented {@code line N:} lines. */
    static List<ConfigProblem> amtool(String output, String file) {
        Set<ConfigProblem> out = new LinkedHashSet<>();
        boolean inList = false;
        for (String line : output.lines().toList()) {
            Matcher indented = INDENTED_LINE.matcher(line);
            if (inList && indented.matches()) {
                out.add(new ConfigProblem(file, Integer.parseInt(indented.group(1)), "", indented.group(2)));
                continue;
            }
            inList = false;
            int at = line.indexOf("FAILED: ");
            if (at >= 0) {
                String rest = line.substring(at + "FAILED: ".length()).strip();
                if (rest.startsWith("yaml: unmarshal errors:")) {
                    inList = true;
                } else {
                    out.add(problem(file, rest));
                }
            }
        }
        return new ArrayList<>(out);
    }

    private static ConfigProblem problem(String file, String rest) {
        Matcher m = LINE_COL.matcher(rest);
        if (m.matches()) {
            return new ConfigProblem(file, Integer.parseInt(m.group(1)), "", m.group(3));
        }
        Matcher y = YAML_LINE.matcher(rest);
        if (y.matches()) {
            return new ConfigProblem(file, Integer.parseInt(y.group(1)), "", "YAML: " + y.group(2));
        }
        return new ConfigProblem(file, 0, "", rest);
    }
}
