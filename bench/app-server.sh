# Sourced by bench scripts that run extracted servers (copies of server/target/app) side by side: the launcher's
# JVM options (`./janua jvm-options`, JANUA_HEAP applied) without the AOT or CDS cache, which maps only at the
# path it was recorded at, and without Spring AOT's flag; rate limits off (the default 10 sign-ins/min per address
# would cap any load). Not the launcher's malloc settings (MALLOC_ARENA_MAX …): set them in the environment to add them.
#   app_start APP PORT DATA_DIR LOG [extra JVM options…]   starts one in the background; prints its PID
#   app_wait_ready PORT                                    0 once /ready answers 200, 1 after ~5 minutes
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}; export PATH=$JAVA_HOME/bin:$PATH
APP_JVM_OPTS=$("$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/janua" jvm-options | sed -e 's/ -XX:AOTCache=[^ ]*//' \
  -e 's/ -XX:+AutoCreateSharedArchive -XX:SharedArchiveFile=[^ ]*//' -e 's/ -Dspring.aot.enabled=true//')
app_start() {
  local app=$1 port=$2 data=$3 log=$4; shift 4
  JANUA_RATE_LIMITS_ENABLED=false JANUA_PORT=$port JANUA_DATA_DIR=$data java $APP_JVM_OPTS "$@" -jar "$app/janua-server.jar" >>"$log" 2>&1 &
  echo $!
}
app_wait_ready() {
  local i=0
  until curl -sf --max-time 2 "http://127.0.0.1:$1/ready" >/dev/null 2>&1; do
    sleep 0.5; i=$((i+1)); [ $i -gt 600 ] && return 1
  done
  return 0
}
