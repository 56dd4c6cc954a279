package io.opsdeck.dashboard.units;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Expected strings follow Grafana's valueFormats (packages/grafana-data/src/valueFormats) and its tests, e.g.
 * getValueFormat('ms')(10000086.123, 0) = "3 hour", getValueFormat('kbytes')(10000000, 3) = "9.537 GiB",
 * getValueFormat('deckbytes')(10000000, 3) = "10.000 GB".
 */
class ValueFormatsTest {

    private static String f(String unit, double v, Integer decimals) {
        return ValueFormats.format(unit, v, decimals).toString();
    }

    @ParameterizedTest(name = "{0}({1}) = \"{2}\"")
    @CsvSource(delimiter = '|', value = {
        "bytes       | 1536        | 1.50 KiB",
        "bytes       | 0           | 0 B",
        "bytes       | -1536       | -1.50 KiB",
        "bytes       | -2048       | -2 KiB",
        "bytes       | 1073741824  | 1 GiB",
        "decbytes    | 1500        | 1.50 kB",
        "decbytes    | 0.5         | 500 mB",
        "bits        | 1024        | 1 Kib",
        "decbits     | 2000000     | 2 Mb",
        "bps         | 1000000     | 1 Mb/s",
        "Bps         | 1234        | 1.23 kB/s",
        "binBps      | 1536        | 1.50 KiB/s",
        "MiBs        | 1536        | 1.50 GiB/s",
        "Kibits      | 1           | 1 Kib/s",
        "Gbits       | 1500        | 1.50 Tb/s",
        "pbytes      | 2048        | 2 EiB",
        "decpbytes   | 1           | 1 PB",
        "pps         | 2500        | 2.50 kp/s",
        "short       | 1000        | 1 K",
        "short       | 1234567     | 1.23 Mil",
        "short       | 2500000000  | 2.50 Bil",
        "short       | 0.5         | 0.500",
        "none        | 3.14159     | 3.14",
        "none        | 100.4       | 100",
        "percent     | 50          | 50%",
        "percentunit | 0.123       | 12.3%",
        "percentunit | 1           | 100%",
        "ops         | 2500        | 2.50K ops/s",
        "reqps       | 12          | 12 req/s",
        "iops        | 2500        | 2.50K io/s",
        "eps         | 3           | 3 evt/s",
        "s           | 0           | 0 s",
        "s           | 0.5         | 500 ms",
        "s           | 45          | 45 s",
        "s           | 3600        | 1 hour",
        "s           | 0.0000005   | 500 ns",
        "ms          | 1500        | 1.50 s",
        "celsius     | 72.5        | 72.5 °C",
        "watt        | 1500        | 1.50 kW",
        "hertz       | 2400000000  | 2.40 GHz",
        "rotrpm      | 1200        | 1200 rpm",
        "bool        | 1           | True",
        "bool_yes_no | 0           | No",
        "suffix:req  | 5           | 5req",
    })
    void formatsLikeGrafanaWithAutomaticDecimals(String unit, double value, String expected) {
        assertThat(f(unit.strip(), value, null)).isEqualTo(expected.strip());
    }

    @Test
    void fixedDecimalsMatchGrafanaTests() {
        assertThat(f("ms", 10000086.123, 0)).isEqualTo("3 hour");
        assertThat(f("ms", 10000086.123, 1)).isEqualTo("2.8 hour");
        assertThat(f("kbytes", 10000000, 3)).isEqualTo("9.537 GiB");
        assertThat(f("deckbytes", 10000000, 3)).isEqualTo("10.000 GB");
        assertThat(f("percentunit", 0.5, 2)).isEqualTo("50.00%");
    }

    @Test
    void durationsListUnitsAfterTheFirstAsDecimalsAllow() {
        assertThat(f("dtdurations", 3601, null)).isEqualTo("1 hour");
        assertThat(f("dtdurations", 3601, 2)).isEqualTo("1 hour, 0 minutes, 1 second");
        assertThat(f("dtdurations", 0, null)).isEqualTo("0 seconds");
        assertThat(f("dtdurations", -120, null)).isEqualTo("2 minutes ago");
    }

    @Test
    void unitIsKeptApartFromDigits() {
        FormattedValue v = ValueFormats.format("bytes", 1536, null);
        assertThat(v.text()).isEqualTo("1.50");
        assertThat(v.suffix()).isEqualTo(" KiB");
        assertThat(ValueFormats.format("currencyUSD", 1500, null).prefix()).isEqualTo("$");
    }

    @Test
    void specialNumbersAndUnknownUnits() {
        assertThat(f("bytes", Double.NaN, null)).isEqualTo("NaN");
        assertThat(f("short", Double.POSITIVE_INFINITY, null)).isEqualTo("∞");
        assertThat(f("widgets", 3, null)).isEqualTo("3 widgets");
        assertThat(ValueFormats.isKnown("widgets")).isFalse();
        assertThat(ValueFormats.isKnown("bytes")).isTrue();
        assertThat(Decimals.jsString(1e21)).isEqualTo("1e+21");
        assertThat(Decimals.jsString(1.5e-7)).isEqualTo("1.5e-7");
    }
}
