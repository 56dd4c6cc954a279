package io.opsdeck.simulate;

/** Deterministic pseudo-random numbers and the daily traffic curve: pure functions, no state. */
final class Noise {

    static final double DAY = 86_400.0;

    private Noise() {
    }

    /** SplitMix64 finaliser: a good 64-bit mix, cheap enough to call per sample. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    /** A value in [-1, 1) fixed by its inputs. */
    static double signed(long seed, long channel, long step) {
        long h = mix(seed ^ mix(channel * 0x9e3779b97f4a7c15L ^ mix(step)));
        return ((h >>> 11) * 0x1.0p-53) * 2.0 - 1.0;
    }

    /** A value in [0, 1) fixed by its inputs. */
    static double unit(long seed, long channel, long step) {
        return (signed(seed, channel, step) + 1.0) / 2.0;
    }

    /** Traffic factor in roughly [0.2, 0.9]: lowest around 03:00 UTC, highest around 15:00 UTC. */
    static double daily(double t, double phaseSeconds) {
        double x = ((t + phaseSeconds) % DAY) / DAY;
        return 0.55 + 0.35 * Math.sin(2 * Math.PI * (x - 0.375));
    }

    static double clamp(double v, double lo, double hi) {
        return v < lo ? lo : Math.min(v, hi);
    }
}
