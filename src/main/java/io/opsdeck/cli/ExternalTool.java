package io.opsdeck.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A command-line tool such as promtool or amtool, found on the PATH and run with an argument list (never a shell).
 *
 * @param executable the binary
 */
record ExternalTool(Path executable) {

    /** What one run printed (stdout and stderr together) and its exit code. */
    record Run(int exit, String output) {
    }

    /** The first executable {@code name} on {@code $PATH}. */
    static Optional<ExternalTool> find(String name) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(dir, name);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(new ExternalTool(candidate));
            }
        }
        return Optional.empty();
    }

    /** Runs the tool; a run longer than {@code timeout} is killed and reported as an IOException. */
    Run run(List<String> args, Duration timeout) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(executable.toString());
        command.addAll(args);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getOutputStream().close();
        var output = new java.io.ByteArrayOutputStream();
        Thread reader = Thread.ofVirtual().start(() -> {
            try (var in = process.getInputStream()) {
                in.transferTo(output);
            } catch (IOException ignored) {
                // the process was killed; what was read so far is kept
            }
        });
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new IOException(executable.getFileName() + " did not finish within " + timeout.toSeconds() + " s");
        }
        reader.join();
        return new Run(process.exitValue(), output.toString(StandardCharsets.UTF_8));
    }
}
