#!/usr/bin/env python3
"""Turns bench/run's measurements into the table it prints, with PASS or MISS
against each of issue 18's targets, and into bench/results.md with the
machine they were taken on.

    python3 bench/report.py --results bench/.work/results --root . --bin BIN \\
        --typst TYPST --cases 500 --seed 18 --write bench/results.md
"""

import argparse
import datetime as dt
import json
import os
import platform
import statistics
import subprocess
from pathlib import Path

# How much resident memory may grow from case 50 to the last case and still
# count as flat.
FLAT_GROWTH = 0.10


def load(results, name):
    path = results / f"{name}.json"
    return json.loads(path.read_text()) if path.exists() else None


def text(results, name):
    path = results / name
    return path.read_text().strip() if path.exists() else None


def run(cmd):
    try:
        return subprocess.run(cmd, capture_output=True, text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return None


def machine(root, bin_path, typst, results):
    cpu = "unknown"
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            cpu = line.split(":", 1)[1].strip()
            break
    mem_kb = 0
    for line in Path("/proc/meminfo").read_text().splitlines():
        if line.startswith("MemTotal:"):
            mem_kb = int(line.split()[1])
    commit = run(["git", "-C", str(root), "rev-parse", "--short=10", "HEAD"]) or "unknown"
    # Only what goes into the binary makes it differ from the commit.
    dirty = run(["git", "-C", str(root), "status", "--porcelain", "--", "src", "templates", "fonts", "data", "Cargo.toml", "Cargo.lock"])
    return {
        "date": dt.datetime.now().astimezone().strftime("%Y-%m-%d %H:%M %Z"),
        "cpus": os.cpu_count(),
        "cpu": cpu,
        "ram_gb": round(mem_kb / 1024 / 1024, 1),
        "os": f"{platform.system()} {platform.release()}",
        "casepack": (run([bin_path, "--version"]) or "?") + f", commit {commit}" + (" (with uncommitted changes)" if dirty else ""),
        "rustc": run(["rustc", "--version"]) or "?",
        "typst": (run([typst, "--version"]) if typst else None) or "not installed (raw Typst skipped)",
        "libreoffice": text(results, "libreoffice.version") or "not installed",
        "hyperfine": run(["hyperfine", "--version"]) or "not installed (own timing loop)",
        "python": platform.python_version(),
        "load_start": text(results, "load-start.txt"),
        "load_end": text(results, "load-end.txt"),
    }


def ms(seconds):
    return f"{seconds * 1000:.0f} ms" if seconds >= 0.1 else f"{seconds * 1000:.1f} ms"


def secs(seconds):
    return f"{seconds:.2f} s"


def verdict(ok):
    if ok is None:
        return "SKIP"
    return "PASS" if ok else "MISS"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--results", type=Path, required=True)
    ap.add_argument("--root", type=Path, required=True)
    ap.add_argument("--bin", required=True)
    ap.add_argument("--typst", default="")
    ap.add_argument("--cases", type=int, required=True)
    ap.add_argument("--seed", type=int, required=True)
    ap.add_argument("--write", type=Path, required=True)
    args = ap.parse_args()
    r = args.results
    m = machine(args.root, args.bin, args.typst, r)

    # rows: (target, measured, verdict)
    rows = []
    figures = []  # (what, figure) for the table of every measurement

    def fig(what, res, extra=""):
        if res:
            figures.append((what, f"{ms(res['median_s'])} median of {res['runs']} "
                                  f"(min {ms(res['min_s'])}, max {ms(res['max_s'])}), "
                                  f"peak {res['peak_rss_mb']:.0f} MB{extra}"))

    shapes = json.loads((r / "shapes.json").read_text())
    gen = shapes[0]
    gen_desc = (f"{gen['case']}: {gen['children']} children, {gen['letters']} letters of issue, "
                f"{gen['chronology']} chronology entries, {gen['worries']} worries")

    lo = load(r, "libreoffice")
    for name, label in (("sample", "samples/brennan-issue.yaml"), ("generated", f"generated {gen_desc}")):
        pack, raw = load(r, f"pack-{name}"), load(r, f"raw-{name}")
        docs = text(r, f"pack-{name}.documents")
        fig(f"casepack: LPM pack of {label} ({docs} documents incl. cover)", pack)
        fig(f"raw Typst: the same {docs} documents, one `typst compile` each", raw)
        if pack and raw:
            ratio = pack["median_s"] / raw["median_s"]
            rows.append((f"LPM pack ≤ 1.0× raw Typst ({name})",
                         f"{ratio:.2f}× ({ms(pack['median_s'])} vs {ms(raw['median_s'])})", verdict(ratio <= 1.0)))
        else:
            rows.append((f"LPM pack ≤ 1.0× raw Typst ({name})", "typst CLI not installed", "SKIP"))
        if name == "sample":
            if pack and lo:
                ratio = pack["median_s"] / lo["median_s"]
                lo_row = ("LPM pack ≤ 0.05× LibreOffice, one letter",
                          f"{ratio:.3f}× ({ms(pack['median_s'])} vs {ms(lo['median_s'])})", verdict(ratio <= 0.05))
            else:
                lo_row = ("LPM pack ≤ 0.05× LibreOffice, one letter", "LibreOffice not installed", "SKIP")
    rows.append(lo_row)
    fig("LibreOffice: one two-page letter, DOCX to PDF", lo)

    pre = load(r, "check-pre-proceedings")
    fig("check: pre-proceedings sample (hartley-nowak.yaml)", pre)
    rows.append(("check, pre-proceedings sample ≤ 50 ms", ms(pre["median_s"]), verdict(pre["median_s"] <= 0.050)))
    for name, label in (("sample", "brennan-issue.yaml --meeting lpm"), ("generated", gen["case"])):
        res = load(r, f"check-lpm-{name}")
        fig(f"check: LPM case ({label})", res)
        rows.append((f"check, LPM case ≤ 30 ms ({name})", ms(res["median_s"]), verdict(res["median_s"] <= 0.030)))
    fig(f"check: {args.cases} cases in one process", load(r, "check-batch"))
    for name, label in (("pre-proceedings", "hartley-nowak.yaml"), ("lpm-sample", "brennan-issue.yaml --meeting lpm")):
        for edit, what in (("worry", "typing a worry"), ("reference", "changing the reference")):
            res = load(r, f"page-check-{name}-{edit}")
            if res:
                fig(f"casepack edit: the page's check of {label}, {what}, after each character", res)
                rows.append((f"the page's check < 50 ms ({name}, {what})",
                             f"{ms(res['median_s'])} (slowest {ms(res['max_s'])})", verdict(res["median_s"] < 0.050)))

    batch = load(r, "batch")
    mode = text(r, "batch.mode")
    packs = int(text(r, "batch.packs") or 0)
    how = "one process" if mode == "one-process" else "one process per case, 2 at a time (casepack cannot build a folder yet)"
    rate = packs / batch["wall_s"] if batch["wall_s"] else 0
    ok_count = packs == args.cases and batch["exit"] == 0
    rows.append((f"{args.cases} cases ≥ 25 packs/s",
                 f"{rate:.1f} packs/s ({packs} packs in {secs(batch['wall_s'])}, {how})"
                 + ("" if ok_count else f"; exit {batch['exit']}, {packs} of {args.cases} packs"
                    + (f": {batch['last_words']}" if batch.get("last_words") else "")),
                 verdict(rate >= 25 and ok_count)))
    if mode == "one-process":
        rows.append(("peak memory < 150 MB", f"{batch['peak_rss_mb']:.0f} MB", verdict(batch["peak_rss_mb"] < 150)))
        at = batch["rss_at_mb"]
        first, last = at.get("50"), batch.get("rss_last_mb")
        last_key = max((k for k in at if at[k] is not None), key=int, default=None)
        if last_key:
            last = at[last_key]
        if first and last:
            growth = last / first - 1
            rows.append((f"memory flat, case 50 to case {last_key} (≤ {FLAT_GROWTH:.0%} growth)",
                         f"{first:.0f} MB → {last:.0f} MB ({growth:+.0%})", verdict(growth <= FLAT_GROWTH)))
        else:
            rows.append(("memory flat, case 50 to the last", "too few progress lines to tell", "MISS"))
        figures.append(("batch: resident memory at case k",
                        ", ".join(f"{k}: {v:.0f} MB" for k, v in at.items() if v is not None)))
    else:
        rows.append(("peak memory < 150 MB", f"{batch['peak_rss_mb']:.0f} MB per process (not one run)", "SKIP"))
        rows.append(("memory flat, case 50 to the last", "no single process to watch", "SKIP"))

    cl = load(r, "caseload")
    cl_mode = text(r, "caseload.mode")
    cl_how = "" if cl_mode == "one-process" else f" ({args.cases} processes: `timeline` takes one case yet)"
    fig(f"caseload report, {args.cases} cases{cl_how}", cl)
    fig(f"caseload report as JSON, {args.cases} cases", load(r, "caseload-json"))
    rows.append((f"caseload report, {args.cases} cases < 2 s", f"{secs(cl['median_s'])}{cl_how}", verdict(cl["median_s"] < 2.0)))

    width = max(len(t) for t, _, _ in rows)
    lines = [f"{'target':<{width}}  verdict  measured", "-" * (width + 40)]
    for target, measured, v in rows:
        lines.append(f"{target:<{width}}  {v:<7}  {measured}")
    table = "\n".join(lines)
    print(table)
    busy = ""
    try:
        load1 = float((m["load_start"] or "0").split()[0])
        if load1 > 0.5:
            busy = (f"\n**The machine was busy** (load average {m['load_start']} at the start, {m['load_end']} at "
                    f"the end, on {m['cpus']} CPUs): other work competed for the CPUs, so every time here is "
                    "longer and noisier than on a quiet machine.\n")
    except ValueError:
        pass

    sizes = {k: [s[k] for s in shapes] for k in ("children", "parents_and_carers", "letters", "worries", "chronology", "support", "plan", "kinship")}
    spread = ", ".join(f"{k.replace('_', ' ')} {min(v)}–{max(v)} (median {statistics.median(v):g})" for k, v in sizes.items())
    md = [
        "# Benchmark results",
        "",
        f"Written by `bench/run` on {m['date']}; see `bench/README.md` for what each figure means.",
        busy,
        "## Targets (issue 18)",
        "",
        "| target | verdict | measured |",
        "|---|---|---|",
    ]
    md += [f"| {t} | {v} | {meas} |" for t, meas, v in rows]
    md += ["", "## Every figure", "", "| what | figure |", "|---|---|"]
    md += [f"| {w} | {f} |" for w, f in figures]
    md += [
        "",
        f"The {args.cases} generated cases (seed {args.seed}): {spread}; "
        f"{sum(s['issued'] for s in shapes)} with proceedings issued.",
        "",
        "## Machine",
        "",
        f"- CPUs: {m['cpus']} × {m['cpu']}",
        f"- RAM: {m['ram_gb']} GB",
        f"- OS: {m['os']}",
        f"- {m['casepack']} ({m['rustc']}, release)",
        f"- typst CLI: {m['typst']}",
        f"- LibreOffice: {m['libreoffice']}",
        f"- timing: {m['hyperfine']}; Python {m['python']}",
        f"- load average: {m['load_start']} at the start, {m['load_end']} at the end",
        "",
    ]
    args.write.write_text("\n".join(md))
    print(f"\nwrote {args.write}")


if __name__ == "__main__":
    main()
