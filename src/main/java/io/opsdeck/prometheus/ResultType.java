package io.opsdeck.prometheus;

/** The {@code resultType} of a query answer. */
public enum ResultType {
    MATRIX, VECTOR, SCALAR, STRING;

    static ResultType parse(String text) {
        return switch (text) {
            case "matrix" -> MATRIX;
            case "vector" -> VECTOR;
            case "scalar" -> SCALAR;
            case "string" -> STRING;
            default -> null;
        };
    }

    /** The name Prometheus uses. */
    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
