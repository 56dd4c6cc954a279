package io.opsdeck.console;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/**
 * Keeps secrets in private files under a directory (by default {@code ~/.config/opsdeck/secrets}).
 * There is no OS keyring integration yet, and it says so.
 */
public final class FileSecretStore implements SecretStore {

    private final Path directory;

    public FileSecretStore(Path directory) {
        this.directory = directory;
    }

    @Override
    public SecretRef storeInFile(String sourceName, char[] secret) throws IOException {
        String safe = sourceName.replaceAll("[^A-Za-z0-9._-]", "_");
        Files.createDirectories(directory);
        Path file = directory.resolve(safe + ".secret");
        Files.deleteIfExists(file);
        boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
        if (posix) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } else {
            Files.createFile(file);
        }
        ByteBuffer bytes = StandardCharsets.UTF_8.encode(CharBuffer.wrap(secret));
        try (FileChannel out = FileChannel.open(file, Set.of(StandardOpenOption.WRITE))) {
            out.write(bytes);
        } finally {
            Arrays.fill(bytes.array(), (byte) 0);
        }
        return new SecretRef(SecretRef.Kind.FILE, file.toString());
    }

    @Override
    public Optional<String> keyringUnavailableReason() {
        return Optional.of("The OS keyring is not available on this desktop; store the secret in a file or an environment variable.");
    }

    @Override
    public SecretRef storeInKeyring(String sourceName, char[] secret) throws IOException {
        throw new IOException(keyringUnavailableReason().orElseThrow());
    }
}
