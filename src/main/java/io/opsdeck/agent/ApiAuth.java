package io.opsdeck.agent;

import com.sun.net.httpserver.HttpExchange;
import io.opsdeck.util.Secret;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Who is calling. API users present {@code Authorization: Bearer <token>}; only SHA-256 hashes of tokens are
 * kept, compared in constant time. Without configured users, callers are anonymous viewers.
 * The webhook has its own credential (bearer or basic), also compared in constant time.
 */
final class ApiAuth {

    /** An authenticated caller. */
    record Caller(String name, Role role) {
    }

    private final List<io.opsdeck.store.UserDao.User> users;
    private final AgentSettings.WebhookAuth webhook;

    ApiAuth(List<io.opsdeck.store.UserDao.User> users, AgentSettings.WebhookAuth webhook) {
        this.users = List.copyOf(users);
        this.webhook = webhook;
    }

    static String hash(Secret token) {
        return Fingerprints.sha256(token.reveal());
    }

    Optional<Caller> caller(HttpExchange exchange) {
        String header = exchange.getRequestHeaders().getFirst("Authorization");
        if (users.isEmpty()) {
            return Optional.of(new Caller("anonymous", Role.VIEWER));
        }
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.empty();
        }
        byte[] presented = Fingerprints.sha256(header.substring(7).strip()).getBytes(StandardCharsets.US_ASCII);
        Caller found = null;
        for (var u : users) {
            // check every user so the time taken does not reveal which one matched
            if (MessageDigest.isEqual(presented, u.tokenHash().getBytes(StandardCharsets.US_ASCII))) {
                found = new Caller(u.name(), Role.of(u.role()));
            }
        }
        return Optional.ofNullable(found);
    }

    boolean webhookAllowed(HttpExchange exchange) {
        if (webhook == null || (webhook.bearer() == null && webhook.username() == null)) {
            return true;
        }
        String header = exchange.getRequestHeaders().getFirst("Authorization");
        if (header == null) {
            return false;
        }
        String expected = webhook.bearer() != null ? "Bearer " + webhook.bearer().reveal()
                : "Basic " + Base64.getEncoder().encodeToString((webhook.username() + ":"
                        + (webhook.password() == null ? "" : webhook.password().reveal())).getBytes(StandardCharsets.UTF_8));
        // hash both sides first: isEqual on equal-length digests does not leak the length of the secret
        return MessageDigest.isEqual(HexFormat.of().parseHex(Fingerprints.sha256(header.strip())),
                HexFormat.of().parseHex(Fingerprints.sha256(expected)));
    }
}
