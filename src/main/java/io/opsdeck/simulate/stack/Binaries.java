package io.opsdeck.simulate.stack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Finds the executables of the real monitoring stack and names the Debian package when one is missing. */
public enum Binaries {
    PROMETHEUS("prometheus", "prometheus"),
    PROMTOOL("promtool", "prometheus"),
    ALERTMANAGER("prometheus-alertmanager", "prometheus-alertmanager", "alertmanager"),
    AMTOOL("amtool", "prometheus-alertmanager"),
    NODE_EXPORTER("prometheus-node-exporter", "prometheus-node-exporter", "node_exporter"),
    VICTORIA_METRICS("victoria-metrics", "victoria-metrics", "victoria-metrics-prod");

    private final String debianPackage;
    private final List<String> names;

    Binaries(String debianPackage, String... names) {
        this.debianPackage = debianPackage;
        this.names = List.of(names);
    }

    public String debianPackage() {
        return debianPackage;
    }

    /** The executable, or a {@link MissingBinaryException} that says what to install. */
    public Path locate() {
        List<Path> looked = new ArrayList<>();
        for (String name : names) {
            for (Path dir : searchPath()) {
                Path candidate = dir.resolve(name);
                looked.add(candidate);
                if (Files.isExecutable(candidate)) {
                    return candidate;
                }
            }
        }
        throw new MissingBinaryException(this, looked);
    }

    public boolean isInstalled() {
        try {
            locate();
            return true;
        } catch (MissingBinaryException e) {
            return false;
        }
    }

    private static List<Path> searchPath() {
        List<Path> dirs = new ArrayList<>();
        String path = System.getenv("PATH");
        if (path != null) {
            for (String entry : path.split(java.io.File.pathSeparator)) {
                if (!entry.isBlank()) {
                    dirs.add(Path.of(entry));
                }
            }
        }
        dirs.add(Path.of("/usr/bin"));
        dirs.add(Path.of("/usr/local/bin"));
        return dirs;
    }

    /** Thrown when a binary of the stack is not installed. */
    public static final class MissingBinaryException extends IllegalStateException {
        private final transient Binaries binary;

        MissingBinaryException(Binaries binary, List<Path> looked) {
            super(binary.names.get(0) + " is not installed: install the Debian package '" + binary.debianPackage
                    + "' (apt-get install " + binary.debianPackage + "); looked in " + looked.size() + " places on PATH and /usr/bin");
            this.binary = binary;
        }

        public Binaries binary() {
            return binary;
        }
    }
}
