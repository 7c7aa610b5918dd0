#!/usr/bin/env bash
# Lints of deploy/ (seconds): Prometheus alert rules (promtool check + unit tests), YAML (compose,
# Kubernetes, Prometheus, Grafana provisioning), the HAProxy configuration, and the structure of the
# Grafana dashboard. That every metric the dashboard and the rules read is really exposed on /metrics
# is checked by DomainMetricsIntegrationTest against a live scrape. Called by scripts/test.sh.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT/deploy"

# Debian packages, installed when missing (as scripts/test.sh does for chromium): no-ops once done.
missing=()
command -v promtool >/dev/null 2>&1 || missing+=(prometheus)
command -v yamllint >/dev/null 2>&1 || missing+=(yamllint)
command -v haproxy >/dev/null 2>&1 || missing+=(haproxy)
if [ "${#missing[@]}" -gt 0 ]; then
  echo "== installing ${missing[*]} (deploy lints) =="
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO=sudo
  $SUDO apt-get update -qq && $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

echo "== deploy/: promtool check rules + rule unit tests =="
promtool check rules prometheus/janua-alerts.yml
(cd prometheus && promtool test rules janua-alerts.test.yml)

echo "== deploy/: yamllint =="
yamllint -c .yamllint.yml -s .

echo "== deploy/: haproxy -c =="
# the compose service names do not resolve here; HAProxy starts them disabled and says so (warnings, not errors)
haproxy -c -f haproxy/haproxy.cfg 2>&1 | grep -v "could not resolve address" || true
haproxy -c -q -f haproxy/haproxy.cfg

echo "== deploy/: Grafana dashboard structure =="
python3 - grafana/janua-dashboard.json <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
problems = []
for key in ("title", "uid", "panels", "schemaVersion", "templating"):
    if key not in d: problems.append(f"dashboard lacks {key}")
ids = set()
for p in d.get("panels", []):
    where = f"panel {p.get('id')} ({p.get('title')!r})"
    for key in ("id", "type", "title", "gridPos"):
        if key not in p: problems.append(f"{where} lacks {key}")
    if p.get("id") in ids: problems.append(f"{where}: duplicate id")
    ids.add(p.get("id"))
    g = p.get("gridPos", {})
    if not all(isinstance(g.get(k), int) for k in ("h", "w", "x", "y")) or g.get("x", 0) + g.get("w", 0) > 24:
        problems.append(f"{where}: bad gridPos {g}")
    if p.get("type") == "row": continue
    targets = p.get("targets") or []
    if not targets: problems.append(f"{where} has no query")
    for t in targets:
        e = t.get("expr", "")
        if not e.strip(): problems.append(f"{where}: empty expr")
        if e.count("(") != e.count(")") or e.count("{") != e.count("}") or e.count("[") != e.count("]"):
            problems.append(f"{where}: unbalanced brackets in {e}")
vars_ = {v["name"] for v in d.get("templating", {}).get("list", [])}
for p in d.get("panels", []):
    for t in p.get("targets") or []:
        import re
        for v in re.findall(r"\$(\w+)", t["expr"]):
            if not v.startswith("__") and v not in vars_: problems.append(f"panel {p['id']}: unknown variable ${v}")
if problems:
    print("\n".join(problems)); sys.exit(1)
print(f"{len(d['panels'])} panels, {sum(len(p.get('targets') or []) for p in d['panels'])} queries: OK")
PY
echo "== deploy/: all lints passed =="
