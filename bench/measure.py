#!/usr/bin/env python3
"""Timing and memory helpers for bench/run. Each subcommand writes one JSON
file of facts; bench/report.py turns them into the table and results.md.

    measure.py time  --name N --runs R [--warmup W] --out F -- CMD...
        Wall time of CMD, R runs after W warm-up runs, and each run's peak
        resident memory (the kernel's ru_maxrss from wait4, the figure
        /usr/bin/time -v prints as "Maximum resident set size").
    measure.py hyperfine --name N --from HF.json --rss-of RUN.json --out F
        The same facts from hyperfine's --export-json (peak memory from a
        separate `time` run, since hyperfine 1.15 does not record it).
    measure.py batch --name N --out F --progress P -- CMD...
        One run of a batch: wall time, peak memory, and resident memory
        sampled from /proc/<pid>/status every 20 ms against the number of
        progress lines (`[k/n] ...`) the batch has printed to stderr so far,
        to show memory at case 50 and at the last case. Its stderr is kept
        in P.
    measure.py page --name N --runs R --edit E --out F -- CMD...
        `casepack edit`'s check as the page asks for it: CMD starts
        `casepack edit --no-open CASE` (on a copy: nothing is saved), and
        the time from sending the case to /check to having the answer is
        taken R times, each after a one-character change, so that each
        check is of a changed case, as when typing. E says where: `worry`
        types a sentence onto the first worry, a character at a time (what
        most of a case's writing is like); `reference` changes the last
        character of the case's reference, which every page of every
        document prints (the most a one-character change can touch).
"""

import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import time
from pathlib import Path


def run_once(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL):
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=stdout, stderr=stderr)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    return wall, usage.ru_maxrss, proc.returncode


def summary(name, times, rss_kb, tool, cmd):
    return {
        "name": name,
        "tool": tool,
        "runs": len(times),
        "median_s": statistics.median(times),
        "mean_s": statistics.fmean(times),
        "min_s": min(times),
        "max_s": max(times),
        "stdev_s": statistics.stdev(times) if len(times) > 1 else 0.0,
        "peak_rss_mb": max(rss_kb) / 1024 if rss_kb else None,
        "command": " ".join(cmd),
    }


def cmd_time(args):
    cmd = args.cmd
    for _ in range(args.warmup):
        _, _, code = run_once(cmd)
        if code != 0:
            sys.exit(f"measure.py: `{' '.join(cmd)}` failed (exit {code}) in the warm-up run")
    times, rss = [], []
    for _ in range(args.runs):
        wall, maxrss, code = run_once(cmd)
        if code != 0:
            sys.exit(f"measure.py: `{' '.join(cmd)}` failed (exit {code})")
        times.append(wall)
        rss.append(maxrss)
    result = summary(args.name, times, rss, "own loop (wait4)", cmd)
    Path(args.out).write_text(json.dumps(result, indent=2) + "\n")


def cmd_hyperfine(args):
    hf = json.loads(Path(args.source).read_text())["results"][0]
    own = json.loads(Path(args.rss_of).read_text()) if args.rss_of else {}
    result = summary(args.name, hf["times"], [], "hyperfine", [hf["command"]])
    result["peak_rss_mb"] = own.get("peak_rss_mb")
    Path(args.out).write_text(json.dumps(result, indent=2) + "\n")


# A progress line: `[17/500] cases/c017.yaml: ...`. The fallback runner of
# bench/run, one process per case, cannot number its lines and writes `[-/500]`.
PROGRESS = re.compile(rb"^\[(?:\d+|-)/\d+\]", re.M)


def read_status(pid):
    """VmRSS and VmHWM in kB, or None once the process has gone."""
    try:
        text = Path(f"/proc/{pid}/status").read_text()
    except (FileNotFoundError, ProcessLookupError):
        return None
    fields = dict(line.split(":", 1) for line in text.splitlines() if ":" in line)
    try:
        return int(fields["VmRSS"].split()[0]), int(fields["VmHWM"].split()[0])
    except (KeyError, ValueError):
        return None


def cmd_batch(args):
    cmd = args.cmd
    progress_path = Path(args.progress)
    samples = []
    with open(progress_path, "wb") as err:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=err)
        with open(progress_path, "rb") as watch:
            seen = b""
            done = 0
            while True:
                finished, status, usage = os.wait4(proc.pid, os.WNOHANG)
                if finished:
                    break
                seen += watch.read()
                # Count whole lines only; the last may still be arriving.
                cut = seen.rfind(b"\n") + 1
                done += len(PROGRESS.findall(seen[:cut]))
                seen = seen[cut:]
                st = read_status(proc.pid)
                if st:
                    samples.append({"t": round(time.perf_counter() - start, 3), "done": done,
                                    "rss_kb": st[0], "hwm_kb": st[1]})
                time.sleep(0.02)
        wall = time.perf_counter() - start
    code = os.waitstatus_to_exitcode(status)
    text = progress_path.read_bytes()
    total = len(PROGRESS.findall(text))

    def rss_at(k):
        """Resident memory in the first sample taken once k cases were done."""
        for s in samples:
            if s["done"] >= k:
                return s["rss_kb"] / 1024
        return None

    # When it failed, the last thing it said that was not progress.
    said = [l for l in text.decode("utf-8", "replace").splitlines() if l.strip() and not PROGRESS.match(l.encode())]
    marks = [m for m in (1, 10, 50, 100, 200, 300, 400, 500, 1000) if m <= total]
    result = {
        "name": args.name,
        "command": " ".join(cmd),
        "exit": code,
        "wall_s": wall,
        "progress_lines": total,
        "last_words": said[-1] if code != 0 and said else None,
        "peak_rss_mb": usage.ru_maxrss / 1024,
        "rss_at_mb": {str(m): rss_at(m) for m in marks},
        "rss_last_mb": samples[-1]["rss_kb"] / 1024 if samples else None,
        "samples": len(samples),
    }
    Path(args.out).write_text(json.dumps(result, indent=2) + "\n")
    Path(args.out).with_suffix(".samples.json").write_text(json.dumps(samples) + "\n")


def cmd_page(args):
    import http.client
    import urllib.parse

    proc = subprocess.Popen(args.cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        line = proc.stdout.readline().strip()
        if not line.startswith("casepack edit: "):
            sys.exit(f"measure.py: `{' '.join(args.cmd)}` printed no address ({line!r})")
        url = urllib.parse.urlparse(line.removeprefix("casepack edit: "))
        base = url.path
        conn = http.client.HTTPConnection(url.hostname, url.port)
        origin = f"http://{url.netloc}"

        def request(method, path, body=None):
            headers = {"Origin": origin, "Content-Type": "application/json"}
            conn.request(method, base + path, body=body, headers=headers)
            r = conn.getresponse()
            data = r.read()
            if r.status != 200:
                sys.exit(f"measure.py: {method} {path} answered {r.status}: {data[:200]!r}")
            return json.loads(data)

        case = request("GET", "case")["case"]
        reference = case.get("reference", "")
        worry = case["worries"][0]["worry"] if args.edit == "worry" else ""
        typed = " They have been found alone at night three times since October."
        times = []
        for i in range(args.runs + 1):
            if args.edit == "worry":
                case["worries"][0]["worry"] = worry + typed[: i % len(typed) + 1]
            else:
                case["reference"] = reference + "ABCDEFGHIJKLMNOPQRSTUVWXYZ"[i % 26]
            body = json.dumps({"case": case})
            start = time.perf_counter()
            answer = request("POST", "check", body)
            if i > 0:  # the first check also loads the profile and fonts
                times.append(time.perf_counter() - start)
        if answer.get("errors"):
            sys.exit(f"measure.py: the case has {answer['errors']} errors in the page")
        status = read_status(proc.pid)
        rss = status[1] if status else None
    finally:
        proc.terminate()
        proc.wait()
    result = summary(args.name, times, [rss] if rss else [], "http", args.cmd)
    Path(args.out).write_text(json.dumps(result, indent=2) + "\n")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = ap.add_subparsers(dest="what", required=True)
    t = sub.add_parser("time")
    t.add_argument("--name", required=True)
    t.add_argument("--runs", type=int, default=7)
    t.add_argument("--warmup", type=int, default=1)
    t.add_argument("--out", required=True)
    t.add_argument("cmd", nargs=argparse.REMAINDER)
    h = sub.add_parser("hyperfine")
    h.add_argument("--name", required=True)
    h.add_argument("--from", dest="source", required=True)
    h.add_argument("--rss-of")
    h.add_argument("--out", required=True)
    b = sub.add_parser("batch")
    b.add_argument("--name", required=True)
    b.add_argument("--out", required=True)
    b.add_argument("--progress", required=True)
    b.add_argument("cmd", nargs=argparse.REMAINDER)
    g = sub.add_parser("page")
    g.add_argument("--name", required=True)
    g.add_argument("--runs", type=int, default=21)
    g.add_argument("--edit", choices=["worry", "reference"], default="worry")
    g.add_argument("--out", required=True)
    g.add_argument("cmd", nargs=argparse.REMAINDER)
    args = ap.parse_args()
    if hasattr(args, "cmd"):
        if args.cmd and args.cmd[0] == "--":
            args.cmd = args.cmd[1:]
        if not args.cmd:
            ap.error("no command given after --")
    {"time": cmd_time, "hyperfine": cmd_hyperfine, "batch": cmd_batch, "page": cmd_page}[args.what](args)


if __name__ == "__main__":
    main()
