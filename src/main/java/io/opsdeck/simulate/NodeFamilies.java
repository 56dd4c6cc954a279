package io.opsdeck.simulate;

import static io.opsdeck.simulate.Out.meta;

import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricMetadata;

/** node_exporter 1.5's metric families as {@link NodeModel} exposes them, with node_exporter's help texts. */
final class NodeFamilies {

    private NodeFamilies() {
    }

    static final MetricMetadata CPU = meta("node_cpu_seconds", "Seconds the CPUs spent in each mode.");
    static final MetricMetadata[] MEM = {
        meta("node_memory_MemTotal_bytes", "Memory information field MemTotal_bytes."),
        meta("node_memory_MemAvailable_bytes", "Memory information field MemAvailable_bytes."),
        meta("node_memory_MemFree_bytes", "Memory information field MemFree_bytes."),
        meta("node_memory_Cached_bytes", "Memory information field Cached_bytes."),
        meta("node_memory_Buffers_bytes", "Memory information field Buffers_bytes."),
        meta("node_memory_SwapTotal_bytes", "Memory information field SwapTotal_bytes."),
        meta("node_memory_SwapFree_bytes", "Memory information field SwapFree_bytes.")};
    static final MetricMetadata[] FS = {
        meta("node_filesystem_size_bytes", "Filesystem size in bytes."),
        meta("node_filesystem_avail_bytes", "Filesystem space available to non-root users in bytes."),
        meta("node_filesystem_free_bytes", "Filesystem free space in bytes."),
        meta("node_filesystem_files", "Filesystem total file nodes."),
        meta("node_filesystem_files_free", "Filesystem total free file nodes."),
        meta("node_filesystem_readonly", "Filesystem read-only status.")};
    static final MetricMetadata[] DISK = {
        meta("node_disk_read_bytes", "The total number of bytes read successfully."),
        meta("node_disk_written_bytes", "The total number of bytes written successfully."),
        meta("node_disk_io_time_seconds", "Total seconds spent doing I/Os."),
        meta("node_disk_reads_completed", "The total number of reads completed successfully."),
        meta("node_disk_writes_completed", "The total number of writes completed successfully.")};
    static final MetricMetadata[] NET = {
        meta("node_network_receive_bytes", "Network device statistic receive_bytes."),
        meta("node_network_transmit_bytes", "Network device statistic transmit_bytes."),
        meta("node_network_receive_errs", "Network device statistic receive_errs."),
        meta("node_network_transmit_errs", "Network device statistic transmit_errs."),
        meta("node_network_receive_drop", "Network device statistic receive_drop."),
        meta("node_network_transmit_drop", "Network device statistic transmit_drop."),
        meta("node_network_receive_packets", "Network device statistic receive_packets."),
        meta("node_network_transmit_packets", "Network device statistic transmit_packets.")};
    static final MetricMetadata NET_SPEED = meta("node_network_speed_bytes", "Network device property: speed_bytes");
    static final MetricMetadata NET_UP = meta("node_network_up", "Value is 1 if operstate is 'up', 0 otherwise.");
    static final MetricMetadata[] LOAD = {meta("node_load1", "1m load average."),
        meta("node_load5", "5m load average."), meta("node_load15", "15m load average.")};
    static final MetricMetadata BOOT = meta("node_boot_time_seconds", "Node boot time, in unixtime.");
    static final MetricMetadata TIME = meta("node_time_seconds", "System time in seconds since epoch (1970).");
    static final MetricMetadata OFFSET = meta("node_timex_offset_seconds", "Time offset in between local system and reference clock.");
    static final MetricMetadata SYNC = meta("node_timex_sync_status", "Is clock synchronized to a reliable server (1 = yes, 0 = no).");
    static final MetricMetadata UNAME = meta("node_uname", "Labeled system information as provided by the uname system call.");
    static final MetricMetadata FD_ALLOC = meta("node_filefd_allocated", "File descriptor statistics: allocated.");
    static final MetricMetadata FD_MAX = meta("node_filefd_maximum", "File descriptor statistics: maximum.");
    static final MetricMetadata OOM = meta("node_vmstat_oom_kill", "/proc/vmstat information field oom_kill.");
    static final MetricMetadata PGMAJ = meta("node_vmstat_pgmajfault", "/proc/vmstat information field pgmajfault.");
    static final MetricMetadata CTXT = meta("node_context_switches", "Total number of context switches.");
    static final MetricMetadata INTR = meta("node_intr", "Total number of interrupts serviced.");
    static final MetricMetadata RUNNING = meta("node_procs_running", "Number of processes in runnable state.");
    static final MetricMetadata BLOCKED = meta("node_procs_blocked", "Number of processes blocked waiting for I/O to complete.");
    static final MetricMetadata ENTROPY = meta("node_entropy_available_bits", "Bits of available entropy.");
    static final MetricMetadata BUILD = meta("node_exporter_build", "A metric with a constant '1' value labeled by version, revision, branch, goversion from which node_exporter was built, and the goos and goarch for the build.");
    static final Labels BUILD_LABELS = Labels.of("branch", "HEAD", "goarch", "amd64", "goos", "linux",
            "goversion", "go1.19.8", "revision", "1b48970ffcf5630534fb00bb0687d73c66d1c959", "tags", "netgo osusergo static_build", "version", "1.5.0");
}
