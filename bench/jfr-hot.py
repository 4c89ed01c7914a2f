#!/usr/bin/env python3
"""Summarises a JFR recording's CPU samples: share of samples per top frame, per thread
group and per chosen marker frame. Usage: bench/jfr-hot.py file.jfr [from HH:MM:SS] [to HH:MM:SS]"""
import collections, re, subprocess, sys

path = sys.argv[1]
start = sys.argv[2] if len(sys.argv) > 2 else None
end = sys.argv[3] if len(sys.argv) > 3 else None
out = subprocess.run(["jfr", "print", "--stack-depth", "96", "--events", "jdk.ExecutionSample", path],
                     capture_output=True, text=True, check=True).stdout
events = out.split("jdk.ExecutionSample {")[1:]
top = collections.Counter(); threads = collections.Counter(); markers = collections.Counter(); app = collections.Counter()
MARKERS = ["Argon2", "thymeleaf", "hibernate", "postgresql", "jackson", "AuditLog", "modulith", "Sha256|MessageDigest",
           "springframework.security", "catalina|coyote", "GateViews", "CanonicalAnswers", "logback", "ObservationStore", "CsvObservations", "commons.csv"]
n = 0
for e in events:
    t = re.search(r"startTime = (\S+)", e).group(1)[:8]
    if (start and t < start) or (end and t > end):
        continue
    n += 1
    th = re.search(r'sampledThread = "([^"]*)"', e).group(1)
    threads[re.sub(r"[-#]?\d+$", "", th)] += 1
    frames = re.findall(r"^\s{4}(\S.*?)(?: line: \d+)?$", e.split("stackTrace = [", 1)[1], re.M)
    frames = [f for f in frames if f not in ("]", "...", "}")]
    if frames:
        top[re.sub(r"\(.*", "", frames[0])] += 1
    joined = "\n".join(frames)
    for m in MARKERS:
        if re.search(m, joined):
            markers[m] += 1
    for f in frames:
        if f.startswith("io.dualgate"):
            app[re.sub(r"\(.*", "", f)] += 1
            break
print(f"samples: {n}")
for title, c in (("threads", threads), ("top frames", top), ("markers (any frame)", markers), ("first app frame", app)):
    print(f"--- {title}")
    for k, v in c.most_common(25):
        print(f"{100.0 * v / max(n, 1):5.1f}%  {v:6d}  {k}")
