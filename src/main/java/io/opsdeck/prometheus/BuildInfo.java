package io.opsdeck.prometheus;

/** {@code /api/v1/status/buildinfo}: which server and version answers. Missing fields are empty strings. */
public record BuildInfo(String version, String revision, String branch, String buildUser, String buildDate,
                        String goVersion) {
}
