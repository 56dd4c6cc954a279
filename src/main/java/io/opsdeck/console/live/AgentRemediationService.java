package io.opsdeck.console.live;

import com.fasterxml.jackson.databind.JsonNode;
import io.opsdeck.console.RemediationException;
import io.opsdeck.console.RemediationException.Kind;
import io.opsdeck.console.RemediationFilter;
import io.opsdeck.console.RemediationItem;
import io.opsdeck.console.RemediationOutcome;
import io.opsdeck.console.RemediationPlanChoice;
import io.opsdeck.console.RemediationService;
import io.opsdeck.http.ConnectionSettings;
import io.opsdeck.http.HttpClients;
import io.opsdeck.http.TransportErrors;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * {@link RemediationService} over the agent's {@code /api/v1/remediation} API with the console's agent token.
 * Errors are one sentence naming the agent: unreachable, token refused (401/403 from the access check), the
 * agent's own refusal (e.g. approving your own request), a conflict (409), or an unreadable answer.
 *
 * <pre>{@code
 * RemediationService remediation = new AgentRemediationService(endpoint.connection(),
 *         HttpClients.forSource(endpoint.connection()), Clock.systemUTC());
 * }</pre>
 */
public final class AgentRemediationService implements RemediationService {

    private static final MediaType JSON_TYPE = MediaType.get("application/json");

    private final ConnectionSettings connection;
    private final OkHttpClient http;
    private final Clock clock;
    private final String name;

    /** @param http made with {@link HttpClients#forSource} for {@code connection} (it adds the token); the caller closes it */
    public AgentRemediationService(ConnectionSettings connection, OkHttpClient http, Clock clock) {
        this.connection = connection;
        this.http = http;
        this.clock = clock;
        this.name = "agent (" + TransportErrors.safeUrl(connection.url()) + ")";
    }

    @Override
    public String agentName() {
        return name;
    }

    @Override
    public List<RemediationItem> pending() throws RemediationException {
        return items(get(url("api/v1/remediation/pending")));
    }

    @Override
    public List<RemediationItem> running() throws RemediationException {
        return items(get(url("api/v1/remediation/running")));
    }

    @Override
    public List<RemediationItem> history(RemediationFilter filter) throws RemediationException {
        HttpUrl.Builder u = url("api/v1/remediation/history").newBuilder().addQueryParameter("limit", String.valueOf(filter.limit()));
        if (!filter.plan().isEmpty()) {
            u.addQueryParameter("plan", filter.plan());
        }
        if (!filter.result().isEmpty()) {
            u.addQueryParameter("result", filter.result());
        }
        return items(get(u.build())).stream().filter(filter::matchesText).toList();
    }

    @Override
    public Optional<RemediationItem> request(String id) throws RemediationException {
        try {
            JsonNode n = get(url("api/v1/remediation/requests").newBuilder().addPathSegment(id).build());
            return Optional.of(read(() -> AgentRemediationJson.item(n, clock.instant())));
        } catch (RemediationException e) {
            if (e.kind() == Kind.NOT_FOUND) {
                return Optional.empty();
            }
            throw e;
        }
    }

    @Override
    public List<RemediationPlanChoice> plansFor(String fingerprint) throws RemediationException {
        JsonNode n = get(url("api/v1/remediation/plans").newBuilder().addQueryParameter("alert", fingerprint).build());
        return read(() -> AgentRemediationJson.plans(n));
    }

    @Override
    public RemediationOutcome approve(String id, String comment) throws RemediationException {
        return decide(id, "approve", comment);
    }

    @Override
    public RemediationOutcome reject(String id, String comment) throws RemediationException {
        return decide(id, "reject", comment);
    }

    @Override
    public RemediationOutcome cancel(String id) throws RemediationException {
        return decide(id, "cancel", null);
    }

    @Override
    public RemediationOutcome trigger(String plan, String fingerprint, String comment) throws RemediationException {
        var body = AgentJson.MAPPER.createObjectNode().put("plan", plan).put("alert", fingerprint);
        if (comment != null && !comment.isBlank()) {
            body.put("comment", comment);
        }
        JsonNode n = send("POST", url("api/v1/remediation/trigger"), body);
        return read(() -> AgentRemediationJson.outcome(n));
    }

    @Override
    public Map<String, Boolean> toggles() throws RemediationException {
        JsonNode n = get(url("api/v1/remediation/toggles"));
        return read(() -> AgentRemediationJson.toggles(n));
    }

    @Override
    public Map<String, Boolean> setToggle(String toggle, boolean value) throws RemediationException {
        JsonNode n = send("PUT", url("api/v1/remediation/toggles"), AgentJson.MAPPER.createObjectNode().put(toggle, value));
        return read(() -> AgentRemediationJson.toggles(n));
    }

    private RemediationOutcome decide(String id, String verb, String comment) throws RemediationException {
        var body = AgentJson.MAPPER.createObjectNode();
        if (comment != null) {
            body.put("comment", comment);
        }
        HttpUrl u = url("api/v1/remediation").newBuilder().addPathSegment(id).addPathSegment(verb).build();
        JsonNode n = send("POST", u, body);
        return read(() -> AgentRemediationJson.outcome(n));
    }

    private List<RemediationItem> items(JsonNode n) throws RemediationException {
        return read(() -> AgentRemediationJson.items(n, clock.instant()));
    }

    private HttpUrl url(String path) {
        return HttpClients.resolve(connection, path);
    }

    private JsonNode get(HttpUrl u) throws RemediationException {
        return call(new Request.Builder().url(u).get().build());
    }

    private JsonNode send(String method, HttpUrl u, JsonNode body) throws RemediationException {
        return call(new Request.Builder().url(u).method(method, RequestBody.create(body.toString(), JSON_TYPE)).build());
    }

    private JsonNode call(Request request) throws RemediationException {
        HttpUrl u = request.url();
        String where = name + " " + request.method() + " " + u.encodedPath();
        try (Response response = http.newCall(request).execute()) {
            ResponseBody body = response.body();
            byte[] raw = body == null ? new byte[0] : body.bytes();
            JsonNode json = parse(raw);
            int code = response.code();
            if (code >= 200 && code < 300) {
                if (json == null) {
                    throw new RemediationException(Kind.BAD_RESPONSE, where + ": the answer is not JSON (HTTP " + code + ")");
                }
                return json;
            }
            String said = json == null ? null : json.hasNonNull("message") ? json.get("message").asText()
                    : json.hasNonNull("error") ? json.get("error").asText() : null;
            boolean outcome = json != null && json.has("code") && json.has("requestId");
            String detail = said == null ? "HTTP " + code : said + " (HTTP " + code + ")";
            throw switch (code) {
                case 401 -> new RemediationException(Kind.TOKEN_REFUSED, name + ": token refused (HTTP 401); check agent.token");
                case 403 -> outcome ? new RemediationException(Kind.REFUSED, name + " refused: " + detail)
                        : new RemediationException(Kind.TOKEN_REFUSED, name + ": token refused: " + detail);
                case 404 -> new RemediationException(Kind.NOT_FOUND, name + ": " + detail);
                case 409 -> new RemediationException(Kind.CONFLICT, name + " refused: " + detail);
                default -> new RemediationException(code >= 500 ? Kind.UNREACHABLE : Kind.BAD_RESPONSE, where + ": " + detail);
            };
        } catch (IOException e) {
            throw new RemediationException(Kind.UNREACHABLE, TransportErrors.describe("agent", u, e), e);
        }
    }

    private static JsonNode parse(byte[] raw) {
        if (raw.length == 0) {
            return null;
        }
        try {
            return AgentJson.MAPPER.readTree(raw);
        } catch (IOException e) {
            return null;
        }
    }

    private interface Reader<T> {
        T read();
    }

    private <T> T read(Reader<T> r) throws RemediationException {
        try {
            return r.read();
        } catch (RuntimeException e) {
            throw new RemediationException(Kind.BAD_RESPONSE, name + ": malformed answer: " + e.getMessage(), e);
        }
    }
}
