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
import io.opsdeck.util.SecretServiceKeyring;

/**
 * Keeps secrets in private files under a directory (by default {@code ~/.config/opsdeck/secrets}), or in the OS
 * keyring (the Secret Service) when one was given and answers; otherwise it says why the keyring cannot be used.
 */
public final class FileSecretStore implements SecretStore {

    private final Path directory;
    private final SecretServiceKeyring keyring;

    /** Files only: the keyring is reported unavailable. */
    public FileSecretStore(Path directory) {
        this(directory, null);
    }

    /** Files, and the OS keyring through {@code keyring} (null: none). */
    public FileSecretStore(Path directory, SecretServiceKeyring keyring) {
        this.directory = directory;
        this.keyring = keyring;
    }

    @Override
    public SecretRef storeInFile(String sourceName, char[] secret) throws IOException {
        String safe = safe(sourceName);
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
        if (keyring == null) {
            return Optional.of("The OS keyring is not available on this desktop; store the secret in a file or an environment variable.");
        }
        return keyring.unavailableReason().map(why -> "The OS keyring is not available: " + why
                + ". Store the secret in a file or an environment variable.");
    }

    @Override
    public SecretRef storeInKeyring(String sourceName, char[] secret) throws IOException {
        Optional<String> why = keyringUnavailableReason();
        if (why.isPresent()) {
            throw new IOException(why.get());
        }
        String entry = safe(sourceName);
        keyring.store(entry, secret);
        return new SecretRef(SecretRef.Kind.KEYRING, entry);
    }

    private static String safe(String sourceName) {
        return sourceName.replaceAll("[^A-Za-z0-9._-]", "_");
    }
}
