package io.opsdeck.agent;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/** Stable hashes: alert fingerprints when a sender leaves them out, dedup and idempotency keys. */
final class Fingerprints {

    private Fingerprints() {
    }

    static String of(Map<String, String> labels) {
        StringBuilder sb = new StringBuilder();
        new TreeMap<>(labels == null ? Map.of() : labels).forEach((k, v) -> sb.append(k).append('\u0000').append(v).append('\u0001'));
        return sha256(sb.toString()).substring(0, 16);
    }

    static String sha256(String... parts) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (String p : parts) {
                md.update(String.valueOf(p).getBytes(StandardCharsets.UTF_8));
                md.update((byte) 0);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
