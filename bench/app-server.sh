# Sourced by bench scripts that run extracted servers (copies of server/target/app) side by side: the launcher's
# JVM options (./janua's jvm_options) without the AOT cache, which maps only at the path it was recorded at, and
# without Spring AOT's flag; rate limits off (the default 10 sign-ins/min per address would cap any load).
#   app_start APP PORT DATA_DIR LOG [extra JVM options…]   starts one in the background; prints its PID
#   app_wait_ready PORT                                    0 once /ready answers 200, 1 after ~5 minutes
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}; export PATH=$JAVA_HOME/bin:$PATH
APP_JVM_OPTS="-XX:+UseSerialGC -Xms16m -Xmx160m -Xss512k -XX:ReservedCodeCacheSize=48m --enable-native-access=ALL-UNNAMED \
-XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=30 -XX:MaxNewSize=16m -XX:NewRatio=4"
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
