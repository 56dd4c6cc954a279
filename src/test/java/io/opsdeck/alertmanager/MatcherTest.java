package io.opsdeck.alertmanager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MatcherTest {

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "severity=\"critical\"        ; severity ; critical   ; false ; true",
        "severity=critical            ; severity ; critical   ; false ; true",
        "severity!=\"info\"           ; severity ; info       ; false ; false",
        "severity=~\"crit|warn\"      ; severity ; crit|warn  ; true  ; true",
        "severity!~warn.*             ; severity ; warn.*     ; true  ; false",
        "'  job = \"node\"  '         ; job      ; node       ; false ; true",
        "instance=                    ; instance ; ''         ; false ; true",
        "__name__=~\"up\"             ; __name__ ; up         ; true  ; true",
    })
    void parsesEveryOperatorQuotedAndBare(String text, String name, String value, boolean regex, boolean equal) {
        assertThat(Matcher.parse(text)).isEqualTo(new Matcher(name, value, regex, equal));
    }

    @Test
    void quotedValuesUnescapeLikeAlertmanager() {
        assertThat(Matcher.parse("msg=\"say \\\"hi\\\"\\n\"").value()).isEqualTo("say \"hi\"\n");
        // A spurious escape stays literal, as Alertmanager 0.25 keeps it.
        assertThat(Matcher.parse("path=\"C:\\dir\"").value()).isEqualTo("C:\\dir");
    }

    @Test
    void toStringRendersTheSameSyntaxAndParsesBack() {
        Matcher original = Matcher.notRegex("msg", "a\"b\\c\nd");
        assertThat(original.toString()).isEqualTo("msg!~\"a\\\"b\\\\c\\nd\"");
        assertThat(Matcher.parse(original.toString())).isEqualTo(original);
        assertThat(Matcher.equal("a", "b")).hasToString("a=\"b\"");
        assertThat(Matcher.notEqual("a", "b")).hasToString("a!=\"b\"");
        assertThat(Matcher.regex("a", "b")).hasToString("a=~\"b\"");
    }

    @Test
    void regexIsFullyAnchored() {
        Matcher m = Matcher.parse("instance=~\"web\"");
        assertThat(m.matches(Map.of("instance", "web"))).isTrue();
        assertThat(m.matches(Map.of("instance", "web-1"))).isFalse();
        assertThat(Matcher.parse("instance=~\"web-.*\"").matches(Map.of("instance", "web-1"))).isTrue();
        assertThat(Matcher.parse("severity=~\"crit|warn\"").matches(Map.of("severity", "warn"))).isTrue();
        assertThat(Matcher.parse("severity=~\"crit|warn\"").matches(Map.of("severity", "critical"))).isFalse();
    }

    @Test
    void aMissingLabelIsTheEmptyString() {
        assertThat(Matcher.parse("team=\"\"").matches(Map.of())).isTrue();
        assertThat(Matcher.parse("team!=\"ops\"").matches(Map.of())).isTrue();
        assertThat(Matcher.parse("team=~\".*\"").matches(Map.of())).isTrue();
        assertThat(Matcher.parse("team=~\".+\"").matches(Map.of())).isFalse();
        assertThat(Matcher.parse("team!~\"ops\"").matches(Map.of("team", "ops"))).isFalse();
    }

    @Test
    void aRegexThatDoesNotCompileIsRejectedNamingTheMatcher() {
        assertThatThrownBy(() -> Matcher.parse("severity=~\"crit(\""))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("severity=~\"crit(\"")
                .hasMessageContaining("invalid regular expression");
    }

    @Test
    void badSyntaxIsRejectedNamingTheText() {
        assertThatThrownBy(() -> Matcher.parse("1abc=x")).hasMessageContaining("'1abc=x'");
        assertThatThrownBy(() -> Matcher.parse("severity")).hasMessageContaining("expected name=value");
        assertThatThrownBy(() -> Matcher.parse("a=\"b")).hasMessageContaining("closing double quote");
        assertThatThrownBy(() -> Matcher.parse("a=b\"c")).hasMessageContaining("unescaped double quote");
    }
}
