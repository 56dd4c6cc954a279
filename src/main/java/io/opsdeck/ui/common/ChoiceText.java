package io.opsdeck.ui.common;

import java.util.function.Function;
import javafx.util.StringConverter;

/**
 * The text a choice box shows for each of its values; choices are picked, never typed in.
 *
 * <pre>{@code
 * theme.setConverter(ChoiceText.of(t -> messages.get("theme." + t.id())));
 * }</pre>
 */
public final class ChoiceText {

    private ChoiceText() {
    }

    /** A converter showing {@code text} of each value, and nothing for no value. */
    public static <T> StringConverter<T> of(Function<T, String> text) {
        return new StringConverter<>() {
            @Override
            public String toString(T value) {
                return value == null ? "" : text.apply(value);
            }

            @Override
            public T fromString(String s) {
                throw new UnsupportedOperationException("choices are not typed in");
            }
        };
    }
}
