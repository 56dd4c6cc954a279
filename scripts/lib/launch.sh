# shellcheck shell=bash
# How OpsDeck's jar is started: the JVM defaults of the console and the agent and the start-up cache. Shared by the
# checkout's ./opsdeck and the installed bin/opsdeck (packaging/install.sh copies this file), so both start the
# program the same way. Sourced after common.sh and opsdeck_find_jdk, not run.

# The agent's default JVM options (see below); keep in step with docs/performance.md.
OPSDECK_AGENT_DEFAULT_OPTS="-Xmx64m -Xss512k -XX:+UseSerialGC -XX:TrimNativeHeapInterval=10000 -XX:+ExitOnOutOfMemoryError"
# The console's default JVM options (see below; StartupBench reads this line, so keep it on one line).
OPSDECK_CONSOLE_DEFAULT_OPTS="-XX:MaxGCPauseMillis=20 -XX:Tier4InvocationThreshold=15000 -XX:Tier4MinInvocationThreshold=1800 -XX:Tier4CompileThreshold=45000 -XX:Tier4BackEdgeThreshold=120000"

# opsdeck_launch JAR HOME CACHE_DIR [ARGS...]: replaces this shell with `java -jar JAR ARGS`, opsdeck.home=HOME
# (dashboards/, rules/), the start-up cache in CACHE_DIR (no cache when it cannot be created).
opsdeck_launch() {
  local jar="$1" home="$2" cache_dir="$3" major cache
  shift 3
  # JavaFX draws windows through GTK 3; a server install may lack it.
  if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ] && ! ldconfig -p 2>/dev/null | grep -q 'libgtk-3.so.0'; then
    opsdeck_apt_install libgtk-3-0 || echo "opsdeck: the console window needs GTK 3 (libgtk-3-0)" >&2
  fi
  # A start-up cache made by the first run (written when it exits), remade when the jar changes: a faster start from
  # the second run on. An unwritable place (a read-only home) only costs that speed.
  mkdir -p "$cache_dir" 2>/dev/null && [ -w "$cache_dir" ] || cache_dir=""
  local startup=()
  if [ "${1:-}" = "agent" ]; then
    # The headless agent's defaults keep its resident memory under 200 MB at 2,000 alerts/s (docs/performance.md,
    # "Agent intake"): a small heap with the serial collector, at most two malloc arenas (SQLite and the JIT allocate
    # from several threads), freed native memory given back, and an exit on OOM so systemd restarts a clean process
    # (the outbox is durable). OPSDECK_JAVA_OPTS replaces them. It keeps a CDS archive of its own.
    export MALLOC_ARENA_MAX="${MALLOC_ARENA_MAX:-2}"
    OPSDECK_JAVA_OPTS="${OPSDECK_JAVA_OPTS-${OPSDECK_AGENT_DEFAULT_OPTS}}"
    [ -n "$cache_dir" ] && startup=(-XX:SharedArchiveFile="$cache_dir/opsdeck-agent.jsa" -XX:+AutoCreateSharedArchive
      -Xlog:cds=off -Xlog:cds+dynamic=off)
  else
    # G1's default pause goal is 200 ms; a 100,000-alert refresh then costs young pauses of 40-70 ms, over three
    # frames (docs/performance.md, "Alerts workspace, fifth pass"). A 20 ms goal keeps them near one frame.
    # C2 compiles at three times the default thresholds: in the first seconds C2 took 1.2 to 1.5 s of CPU before the
    # first paint on two cores, half that with these (docs/performance.md, "Console start-up", fourth pass); hot
    # code still reaches C2, a little later. OPSDECK_JAVA_OPTS replaces them.
    OPSDECK_JAVA_OPTS="${OPSDECK_JAVA_OPTS-${OPSDECK_CONSOLE_DEFAULT_OPTS}}"
    # JDK 25+: an AOT cache (classes loaded and linked ahead of time; about a third less start-up CPU than the CDS
    # archive, see docs/performance.md); older JDKs: a dynamic CDS archive.
    major="$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$JAVA_HOME/release" 2>/dev/null || true)"
    if [ -z "$cache_dir" ]; then
      :
    elif [ "${major:-0}" -ge 25 ]; then
      cache="$cache_dir/opsdeck.aot"
      # a cache older than the jar belongs to an earlier build (or install): the JVM would refuse it anyway
      if [ -f "$cache" ] && [ "$jar" -nt "$cache" ]; then rm -f "$cache"; fi
      startup=(-Xlog:aot=off -Xlog:cds=off)
      if [ -f "$cache" ]; then
        startup+=(-XX:AOTCache="$cache")
      elif [ "${1:-console}" = console ]; then
        # Only a console run trains the cache: making it prints a few lines on stdout, which would spoil the output
        # of a command like `opsdeck query -o json`.
        startup+=(-XX:AOTCacheOutput="$cache")
      fi
    else
      startup=(-XX:SharedArchiveFile="$cache_dir/opsdeck.jsa" -XX:+AutoCreateSharedArchive -Xlog:cds=off
        -Xlog:cds+dynamic=off)
    fi
  fi
  # OPSDECK_JAVA_OPTS is split on spaces on purpose: it holds several options.
  # shellcheck disable=SC2086
  exec "$JAVA_HOME/bin/java" "${startup[@]}" ${OPSDECK_JAVA_OPTS:-} -Dopsdeck.home="$home" -jar "$jar" "$@"
}
