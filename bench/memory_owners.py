#!/usr/bin/env python3
"""Private memory of a running Janua JVM, by owner (issue 16, helper memory).

    python3 bench/memory_owners.py PID

RssAnon alone does not say why one run shows 141 MB idle and the next 181 MB. This joins the kernel's
per-mapping "Anonymous" figure (/proc/PID/smaps) with the JVM's own tag for each mapping
(`jcmd PID System.map`: Java heap, code cache, metaspace, thread stacks) and prints MB per owner.
Start the server with -XX:NativeMemoryTracking=summary (e.g. JANUA_JAVA_OPTS="$(...) -XX:NativeMemoryTracking=summary"):
without it System.map cannot tag the mappings and everything but the AOT cache and glibc's main heap
shows as untagged.

Reading the output: "AOT cache, written pages" is the part of the class cache the JVM wrote to (about
45 MB once classes are loaded and linked; much more if the cache was relocated); "malloc arenas" and
"[heap]" are glibc's C heap (compiler arenas, JVM metadata, JNA buffers), which swings by 10-25 MB while
C2 is still compiling after start-up; untagged mappings of ~19 MiB are the native Argon2id's pooled blocks.
The kernel merges neighbouring anonymous mappings, so a pooled block that lands next to metaspace is
counted as META (metaspace 10-20 MB above NMT's "Metaspace committed": that is the block).
"""
import re
import subprocess
import sys
from collections import Counter

JVM_TAGS = ["JAVAHEAP", "CDS", "CODE", "META", "CLASS", "STACK", "GC", "CARDTBL", "INTERN", "JDK", "POLL"]
ARGON2_BLOCK_KB = 19 * 1024  # janua.passwords.argon2-memory-kib's default; a pooled block maps a little more


def jvm_tags(system_map_text):
    """Start address of each mapping -> the JVM's tag for it (None where it has none)."""
    tags = {}
    for line in system_map_text.splitlines():
        m = re.match(r"\s*0x([0-9a-f]+)\s*-\s*0x[0-9a-f]+\s+\d+\s+\S+\s+\d+\s+\d+\s+\S+\s*(.*)", line)
        if m:
            rest = m.group(2)
            tags[int(m.group(1), 16)] = next((t for t in JVM_TAGS if re.search(r"\b" + t + r"\b", rest)), None)
    return tags


def owner(name, tag, anon_kb, size_kb):
    if name.endswith((".aot", ".jsa")):
        return "AOT cache, written pages"
    if tag:
        return tag
    if name == "[heap]":
        return "[heap] (glibc main arena)"
    if name.startswith("/"):
        return "file mappings, written pages"
    if name:
        return name
    if ARGON2_BLOCK_KB <= size_kb <= ARGON2_BLOCK_KB + 1024 and anon_kb > ARGON2_BLOCK_KB // 2:
        return "untagged ~19 MiB (native Argon2id block)"
    return "untagged (glibc malloc arenas, other native)"


def owners(smaps_text, tags):
    totals = Counter()
    current = None
    for line in smaps_text.splitlines():
        m = re.match(r"^([0-9a-f]+)-([0-9a-f]+) \S+ \S+ \S+ \S+\s*(.*)$", line)
        if m:
            start, end = int(m.group(1), 16), int(m.group(2), 16)
            current = (m.group(3).strip(), tags.get(start), (end - start) // 1024)
        elif line.startswith("Anonymous:") and current:
            kb = int(line.split()[1])
            if kb:
                name, tag, size_kb = current
                totals[owner(name, tag, kb, size_kb)] += kb
    return totals


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: memory_owners.py PID")
    pid = sys.argv[1]
    smaps = open(f"/proc/{pid}/smaps").read()
    system_map = subprocess.run(["jcmd", pid, "System.map"], capture_output=True, text=True).stdout
    status = open(f"/proc/{pid}/status").read()
    totals = owners(smaps, jvm_tags(system_map))
    rss_anon_kb = int(re.search(r"RssAnon:\s+(\d+)", status).group(1))
    for name, kb in [(n, kb) for n, kb in totals.most_common() if kb >= 100]:
        print(f"{kb / 1024:8.1f} MB  {name}")
    print(f"{sum(totals.values()) / 1024:8.1f} MB  all anonymous pages "
          f"(RssAnon {rss_anon_kb / 1024:.1f} MB)")


if __name__ == "__main__":
    main()
