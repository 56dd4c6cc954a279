package io.opsdeck.alertmanager;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The API v2 JSON shapes, kept apart so the public records stay free of wire details. */
final class Wire {

    static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .build();

    private Wire() {
    }

    record WMatcher(String name, String value, @JsonProperty("isRegex") boolean isRegex,
                    @JsonProperty("isEqual") Boolean isEqual) {
        static WMatcher of(Matcher m) {
            return new WMatcher(m.name(), m.value(), m.isRegex(), m.isEqual());
        }

        Matcher toMatcher() {
            return new Matcher(name, value == null ? "" : value, isRegex, isEqual == null || isEqual);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record WAlertStatus(String state, List<String> silencedBy, List<String> inhibitedBy) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record WReceiver(String name) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record WAlert(String fingerprint, Map<String, String> labels, Map<String, String> annotations, Instant startsAt,
                  Instant endsAt, Instant updatedAt, String generatorURL, List<WReceiver> receivers,
                  WAlertStatus status) {
        Alert toAlert() {
            AlertStatus s = status == null ? null
                    : new AlertStatus(AlertState.fromApi(status.state()), status.silencedBy(), status.inhibitedBy());
            List<String> names = receivers == null ? List.of() : receivers.stream().map(WReceiver::name).toList();
            return new Alert(fingerprint, labels, annotations, startsAt, endsAt, updatedAt, generatorURL, names, s);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record WAlertGroup(Map<String, String> labels, WReceiver receiver, List<WAlert> alerts) {
        AlertGroup toGroup() {
            return new AlertGroup(labels, receiver == null ? "" : receiver.name(),
                    alerts == null ? List.of() : alerts.stream().map(WAlert::toAlert).toList());
        }
    }

    record WPostableAlert(Map<String, String> labels, Map<String, String> annotations, Instant startsAt,
                          Instant endsAt, String generatorURL) {
        static WPostableAlert of(PostableAlert a) {
            return new WPostableAlert(a.labels(), a.annotations(), a.startsAt(), a.endsAt(), a.generatorURL());
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record WSilenceStatus(String state) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record WSilence(String id, List<WMatcher> matchers, Instant startsAt, Instant endsAt, String createdBy,
                    String comment, WSilenceStatus status, Instant updatedAt) {
        Silence toSilence() {
            return new Silence(id, matchers.stream().map(WMatcher::toMatcher).toList(), startsAt, endsAt, createdBy,
                    comment, SilenceState.fromApi(status.state()), updatedAt);
        }
    }

    record WPostableSilence(String id, List<WMatcher> matchers, Instant startsAt, Instant endsAt, String createdBy,
                            String comment) {
        static WPostableSilence of(SilenceSpec s) {
            return new WPostableSilence(s.id(), s.matchers().stream().map(WMatcher::of).toList(), s.startsAt(),
                    s.endsAt(), s.createdBy(), s.comment());
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record WSilenceCreated(@JsonProperty("silenceID") String silenceID) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record WPeer(String name, String address) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record WCluster(String name, String status, List<WPeer> peers) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record WConfig(String original) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record WStatus(WCluster cluster, Map<String, String> versionInfo, Instant uptime, WConfig config) {
        AlertmanagerStatus toStatus() {
            WCluster c = cluster == null ? new WCluster(null, null, null) : cluster;
            List<AlertmanagerStatus.Peer> peers = c.peers() == null ? List.of()
                    : c.peers().stream().map(p -> new AlertmanagerStatus.Peer(p.name(), p.address())).toList();
            return new AlertmanagerStatus(c.name(), c.status(), peers, versionInfo, uptime,
                    config == null ? null : config.original());
        }
    }
}
