package io.opsdeck.simulate;

import static io.opsdeck.simulate.NodeFamilies.*;

import io.prometheus.metrics.model.snapshots.Labels;

/** node_exporter 1.5: CPU, memory, filesystems, disks, network, load and kernel counters of one host. */
final class NodeModel implements ModuleModel {

    private static final String[] MODES = {"idle", "user", "system", "iowait", "irq", "softirq", "steal", "nice"};
    /** Share of busy time per mode (after idle), summing to 1. */
    private static final double[] BUSY_SHARE = {0, 0.64, 0.20, 0.05, 0.01, 0.04, 0.02, 0.04};
    private static final String[] DISKS = {"sda", "sdb"};
    private static final String[] NICS = {"eth0", "lo"};
    private static final double GIB = 1024.0 * 1024 * 1024;

    private final Host h;
    private final double[][] cpu;
    private final double[][] disk = new double[2][5];
    private final double[][] net = new double[2][8];
    private double ctxt;
    private double intr;
    private double oom;
    private double pgmaj;
    private final Labels[][] cpuLabels;
    private final Labels[] fsLabels = {
        Labels.of("device", "/dev/sda1", "fstype", "ext4", "mountpoint", "/"),
        Labels.of("device", "/dev/sdb1", "fstype", "xfs", "mountpoint", "/var"),
        Labels.of("device", "tmpfs", "fstype", "tmpfs", "mountpoint", "/run")};
    private final Labels[] diskLabels = {Labels.of("device", DISKS[0]), Labels.of("device", DISKS[1])};
    private final Labels[] nicLabels = {Labels.of("device", NICS[0]), Labels.of("device", NICS[1])};
    private final Labels uname;
    private final double[] fsSize;
    private final double[] fsUsed0;

    NodeModel(Host h) {
        this.h = h;
        cpu = new double[h.cpus][MODES.length];
        cpuLabels = new Labels[h.cpus][MODES.length];
        for (int c = 0; c < h.cpus; c++) {
            for (int m = 0; m < MODES.length; m++) {
                cpuLabels[c][m] = Labels.of("cpu", Integer.toString(c), "mode", MODES[m]);
            }
        }
        uname = Labels.of("domainname", "(none)", "machine", "x86_64", "nodename", h.name, "release",
                "5.15.0-91-generic", "sysname", "Linux", "version", "#101-Ubuntu SMP Tue Nov 14 13:30:08 UTC 2023");
        double var = switch (h.role) {
            case WEB -> 200;
            case DB -> 1024;
            case ML -> 2048;
        };
        fsSize = new double[] {50 * GIB, var * GIB, h.memTotal / 10};
        fsUsed0 = new double[] {0.30 + 0.1 * Noise.unit(h.seed, 40, 0), 0.40 + 0.15 * Noise.unit(h.seed, 41, 0), 0.01};
        step(h.bootTime, h.t0 - h.bootTime);
    }

    /** Root reserves 5% of ext4 for root; xfs and tmpfs reserve nothing. */
    private double reserved(int fs) {
        return fs == 0 ? fsSize[0] * 0.05 : 0;
    }

    /** Avail without a disk_fill fault: grows in use by 0.2% of the size a day. */
    double baselineAvail(String mountpoint, double t) {
        int fs = mountpoint.equals("/") ? 0 : mountpoint.equals("/var") ? 1 : 2;
        double used = fsSize[fs] * (fsUsed0[fs] + 0.002 * (t - h.t0) / Noise.DAY);
        return Math.max(0, fsSize[fs] - used - reserved(fs));
    }

    private double fillRate(int fs) {
        Fault f = h.fault(FaultKind.DISK_FILL);
        if (f == null || fs == 2 || !f.params().get("mountpoint").equals(fs == 0 ? "/" : "/var")) {
            return 0;
        }
        return f.number("bytes_per_second");
    }

    @Override
    public void step(double t, double dt) {
        double load = h.load(t);
        double util = h.cpuUtil(t);
        for (int c = 0; c < h.cpus; c++) {
            double u = Noise.clamp(util * (1 + 0.15 * h.noise(100 + c, t)), 0.005, 0.995);
            cpu[c][0] += (1 - u) * dt;
            for (int m = 1; m < MODES.length; m++) {
                cpu[c][m] += u * BUSY_SHARE[m] * dt;
            }
        }
        double dbFactor = h.role == Role.DB ? 5 : 1;
        for (int d = 0; d < 2; d++) {
            double read = (d == 0 ? 0.3e6 : 2e6 * dbFactor) * load * (1 + 0.2 * h.noise(200 + d, t));
            double written = (d == 0 ? 0.2e6 : 1e6 * dbFactor) * load * (1 + 0.2 * h.noise(210 + d, t)) + fillRate(d);
            disk[d][0] += read * dt;
            disk[d][1] += written * dt;
            disk[d][2] += Math.min(1, 0.02 + 0.25 * util + written / 400e6) * dt;
            disk[d][3] += read / 16384 * dt;
            disk[d][4] += written / 8192 * dt;
        }
        double webFactor = h.role == Role.WEB ? 3 : 1;
        Fault errs = h.fault(FaultKind.NETWORK_ERRORS);
        double errRate = errs == null ? 0 : errs.number("errors_per_second");
        for (int n = 0; n < 2; n++) {
            double scale = n == 0 ? webFactor * load * (1 + 0.15 * h.noise(300 + n, t)) : 0.02;
            double rx = 4e6 * scale;
            double tx = 6e6 * scale;
            net[n][0] += rx * dt;
            net[n][1] += tx * dt;
            if (n == 0) {
                net[n][2] += errRate * dt;
                net[n][3] += errRate * 0.4 * dt;
                net[n][4] += (errRate * 0.5 + (Noise.unit(h.seed, 310, (long) (t / Host.STEP)) < 0.01 ? 1 : 0)) * dt;
                net[n][5] += errRate * 0.2 * dt;
            }
            net[n][6] += rx / 900 * dt;
            net[n][7] += tx / 1100 * dt;
        }
        ctxt += 4000 * h.cpus * (0.3 + util) * dt;
        intr += 2500 * h.cpus * (0.3 + util) * dt;
        double availFraction = h.memAvailable(t) / h.memTotal;
        if (availFraction < 0.03) {
            oom += 0.02 * dt;
        }
        pgmaj += (3 * load + (availFraction < 0.1 ? 150 : 0)) * dt;
    }

    @Override
    public void render(double t, Out out) {
        out.counter(CPU);
        for (int c = 0; c < h.cpus; c++) {
            for (int m = 0; m < MODES.length; m++) {
                out.point(cpuLabels[c][m], cpu[c][m]);
            }
        }
        double avail = h.memAvailable(t);
        double swapTotal = 2 * GIB;
        double swapFree = swapTotal * Noise.clamp(0.97 - (avail < h.memTotal * 0.1 ? 0.6 : 0), 0, 1);
        double[] mem = {h.memTotal, avail, avail * 0.28, avail * 0.62, h.memTotal * 0.02, swapTotal, swapFree};
        for (int i = 0; i < MEM.length; i++) {
            out.gauge(MEM[i]).point(Labels.EMPTY, Math.floor(mem[i]));
        }
        double[][] fs = new double[3][];
        for (int i = 0; i < 3; i++) {
            String mount = i == 0 ? "/" : i == 1 ? "/var" : "/run";
            double a = i == 2 ? fsSize[2] * 0.99 : baselineAvail(mount, t);
            Fault fill = h.fault(FaultKind.DISK_FILL);
            if (fillRate(i) > 0) {
                a = Math.max(0, a - fillRate(i) * fill.age(t));
            }
            a = Math.floor(a);
            double files = Math.floor(i == 0 ? 3_276_800 : i == 1 ? fsSize[1] / 4096 / 4 : fsSize[2] / 4096);
            double filesFree = files * (1 - (1 - a / fsSize[i]) * 0.3);
            fs[i] = new double[] {fsSize[i], a, a + reserved(i), files, Math.floor(filesFree), 0};
        }
        for (int k = 0; k < FS.length; k++) {
            out.gauge(FS[k]);
            for (int i = 0; i < 3; i++) {
                out.point(fsLabels[i], fs[i][k]);
            }
        }
        for (int k = 0; k < DISK.length; k++) {
            out.counter(DISK[k]).point(diskLabels[0], disk[0][k]).point(diskLabels[1], disk[1][k]);
        }
        for (int k = 0; k < NET.length; k++) {
            out.counter(NET[k]).point(nicLabels[0], Math.floor(net[0][k])).point(nicLabels[1], Math.floor(net[1][k]));
        }
        out.gauge(NET_SPEED).point(nicLabels[0], 1.25e9);
        out.gauge(NET_UP).point(nicLabels[0], 1).point(nicLabels[1], 0);
        double util = h.cpuUtil(t);
        double blocked = Math.max(0, Math.round(0.5 + h.noise(400, t) + (h.active(FaultKind.DISK_FILL, t) ? 1 : 0)));
        out.gauge(LOAD[0]).point(Labels.EMPTY, h.cpus * util * 1.05 + blocked);
        out.gauge(LOAD[1]).point(Labels.EMPTY, h.cpus * meanUtil(t, 30) * 1.05);
        out.gauge(LOAD[2]).point(Labels.EMPTY, h.cpus * meanUtil(t, 90) * 1.05);
        out.gauge(BOOT).point(Labels.EMPTY, h.bootTime);
        out.gauge(TIME).point(Labels.EMPTY, t);
        out.gauge(OFFSET).point(Labels.EMPTY, 0.0004 * h.noise(401, t));
        out.gauge(SYNC).point(Labels.EMPTY, 1);
        out.info(UNAME, uname);
        out.gauge(FD_ALLOC).point(Labels.EMPTY, Math.round(2000 + 3000 * h.load(t)));
        out.gauge(FD_MAX).point(Labels.EMPTY, 9.223372036854776e18);
        out.untyped(OOM).point(Labels.EMPTY, Math.floor(oom));
        out.untyped(PGMAJ).point(Labels.EMPTY, Math.floor(pgmaj));
        out.counter(CTXT).point(Labels.EMPTY, Math.floor(ctxt));
        out.counter(INTR).point(Labels.EMPTY, Math.floor(intr));
        out.gauge(RUNNING).point(Labels.EMPTY, Math.max(1, Math.round(util * h.cpus + h.noise(402, t))));
        out.gauge(BLOCKED).point(Labels.EMPTY, blocked);
        out.gauge(ENTROPY).point(Labels.EMPTY, 256);
        out.info(BUILD, BUILD_LABELS);
    }

    /** Mean CPU over the last ten samples {@code every} seconds apart: the smoothing of load5/load15. */
    private double meanUtil(double t, double every) {
        double sum = 0;
        for (int k = 0; k < 10; k++) {
            sum += h.cpuUtil(t - k * every);
        }
        return sum / 10;
    }
}
