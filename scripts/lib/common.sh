# Shared by ./opsdeck and scripts/*: finds a JDK >= 21 and Maven, installs Debian packages.
# Sourced, not run.

opsdeck_java_major() {
  # Prints the major version of the java binary in $1, or nothing.
  "$1" -XshowSettings:properties -version 2>&1 |
    sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p' | head -n 1
}

# Sets JAVA_HOME to a JDK >= 21 (a compiler too: the checkout builds with Maven): $JAVA_HOME first, then the one on
# PATH, then /usr/lib/jvm.
opsdeck_find_jdk() {
  opsdeck_find_java_home javac "JDK" "openjdk-21-jdk, or a Temurin JDK"
}

# Sets JAVA_HOME to a Java runtime >= 21, a JRE being enough: the installed launcher only runs the jar.
opsdeck_find_runtime() {
  opsdeck_find_java_home java "Java runtime (JRE or JDK)" "openjdk-21-jre, or a Temurin JRE or JDK"
}

# opsdeck_find_java_home TOOL WHAT PACKAGES: the first home with bin/java and bin/TOOL at version 21 or newer.
opsdeck_find_java_home() {
  local tool="$1" what="$2" packages="$3" candidates=() c major
  [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME")
  if command -v "$tool" >/dev/null 2>&1; then
    candidates+=("$(dirname "$(dirname "$(readlink -f "$(command -v "$tool")")")")")
  fi
  for c in $(ls -d /usr/lib/jvm/*/ 2>/dev/null | sort -rV) /Library/Java/JavaVirtualMachines/*/Contents/Home; do
    candidates+=("${c%/}")
  done
  for c in "${candidates[@]}"; do
    [ -x "$c/bin/java" ] && [ -x "$c/bin/$tool" ] || continue
    major=$(opsdeck_java_major "$c/bin/java")
    if [ -n "$major" ] && [ "$major" -ge 21 ]; then
      export JAVA_HOME="$c"
      export PATH="$JAVA_HOME/bin:$PATH"
      return 0
    fi
  done
  echo "opsdeck: no $what 21 or newer found." >&2
  echo "  Looked at \$JAVA_HOME, the $tool on PATH and /usr/lib/jvm." >&2
  echo "  Install one (Debian: apt-get install $packages) or set JAVA_HOME to it." >&2
  return 1
}

# Installs the named Debian packages that are missing; explains what to do when it cannot.
opsdeck_apt_install() {
  local missing=() p
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  if ! command -v apt-get >/dev/null 2>&1; then
    echo "opsdeck: these are missing and this is not a Debian-like system: ${missing[*]}" >&2
    echo "  Install them with your package manager, then run this again." >&2
    return 1
  fi
  local sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
      sudo="sudo"
    else
      echo "opsdeck: these Debian packages are missing: ${missing[*]}" >&2
      echo "  Run: sudo apt-get install -y ${missing[*]}" >&2
      return 1
    fi
  fi
  echo "opsdeck: installing Debian packages: ${missing[*]}" >&2
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2 || true
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
}

opsdeck_find_maven() {
  command -v mvn >/dev/null 2>&1 || opsdeck_apt_install maven || return 1
}
