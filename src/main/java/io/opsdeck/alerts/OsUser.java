package io.opsdeck.alerts;

/** The OS user's name, the fallback author of silences. */
final class OsUser {

    private OsUser() {
    }

    static String name() {
        String user = System.getProperty("user.name");
        return user == null || user.isBlank() ? "opsdeck" : user;
    }
}
