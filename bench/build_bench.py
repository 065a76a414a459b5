"""How build time, page size, memory and the search index grow with the number of pages.

    /tmp/venv/bin/python bench/build_bench.py --sizes 50,500
    /tmp/venv/bin/python bench/build_bench.py --sizes 5          # quick check (the real pages only)
    /tmp/venv/bin/python bench/build_bench.py --sizes 50,500 --repeat 3 --keep
    /tmp/venv/bin/python bench/build_bench.py --sizes 500 --instructions   # repeatable overhead (valgrind)
    /tmp/venv/bin/python bench/build_bench.py --sizes 1 --per-hook         # what leaving out each hook saves

For each size (pages per language) it makes a project in a temporary folder and
builds it with `mkdocs build --strict`, in a fresh process, as CI does; the
largest size is built with and without our hooks in turn. It prints a table, and
as its last line one JSON object:

    {"sizes": {"50": {"seconds", "ms_per_page", "bytes_per_page", "largest_page_bytes",
                      "peak_rss_mb", "search_index_bytes", ...}, ...},
     "hooks_overhead": <largest size's CPU seconds with our hooks / without them>}

The project is the real one, copied: mkdocs.yml, hooks/, overrides/, tools/, and
every page of docs/ and docs_zh/ (assets included). Synthetic pages are added until
there are `size` pages per language: each "sample notice" is a copy of every real
provision page pair (front matter, official text, Reindeer View, glossary terms,
links), with new ids, titles and notice names, related ids pointing inside the
copy, links rewritten for the new folder and, where the real docs_zh/ page records
`translated_from`, the hash computed by hooks/translation_record.py. Sample notices
sit in the navigation as the site would hold more notices: a "Sample notices"
section, then groups of ten notices, then one section per notice, so
`navigation.prune` renders only the open branch. Sizes below the real page count
build the real pages alone.

Measures, per size (both editions together):
- seconds: wall-clock time of the whole `mkdocs build --strict` process
  (Python start-up and jieba's dictionary load included, about 1.5 s), which
  builds the two editions at once on two cores (hooks/parallel_editions.py);
- ms_per_page: seconds / HTML pages built (both editions, generated pages included);
- bytes_per_page, largest_page_bytes: sizes of the built HTML pages (not gzipped);
- peak_rss_mb: peak resident memory of the build: the mkdocs process and the
  second process hooks/parallel_editions.py forks for the Chinese edition,
  sampled together every RSS_SAMPLE_SECONDS, a page both share after the fork
  counted once (Linux PSS); peak_rss_sum_mb counts it in each (plain RSS summed);
- search_index_bytes: the search index one reader downloads: the larger of the
  editions' own index files when each edition has one, else the shared file.

"Hooks switched off" means the `hooks:` list reduced to hooks/zh_overlay.py, which
the Chinese edition cannot be built without (it points the zh build at docs_zh/).
That build runs without --strict, so content that links to a page our hooks
generate (the audience pages) still builds; its warnings are counted and shown.
hooks_overhead compares CPU time (user + system) of the two builds: the hooked
build's second process for the Chinese edition takes wall-clock time off, not
work; the wall-clock ratio is in the JSON too (hooks_overhead_wall). The CPU time includes
the Chinese edition's process (os.wait4 counts the children a process waited for).

Timings on a shared machine are noisy, CPU time too (a busy host slows a
process's own instructions): --repeat N keeps the fastest of N builds, and the
largest size's builds with and without our hooks alternate, so that a slow spell
falls on both and not on one side of the ratio.

--instructions also counts the instructions the largest size's two builds execute
(valgrind's cachegrind), which do not depend on the machine's load: the same build
gives the same count to within about 0.1%, where CPU time varied by up to 25%. The
counted builds run both editions in one process, in sequence (EDITIONS_IN_SEQUENCE=1:
the forked process would count the instructions it shares with its parent twice),
with a fixed PYTHONHASHSEED, and take far longer than a normal build (about five minutes
each at 500 pages per language, the two at once). The JSON then also holds
"instructions" and "hooks_overhead_instructions". Commands the hooks run (git, for
translation records) are not counted. --per-hook also counts the largest size built
without each of our hooks in turn (hooks/zh_overlay.py stays), and prints what
leaving each one out saves ("instructions_saved_without" in the JSON):
a hook's own code and the pages, lists and links MkDocs renders because of it.
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import posixpath
import re
import shutil
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from functools import partial
from pathlib import Path

import yaml
from mkdocs.utils.meta import get_data
from mkdocs.utils.yaml import yaml_load

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    args = _parse_args()
    work = Path(tempfile.mkdtemp(prefix="build-bench-"))
    results: dict[str, dict] = {}
    counted: list[int] = []
    saved: dict[str, int] = {}
    try:
        largest = max(args.sizes)
        for size in args.sizes:
            project = make_project(work / f"size-{size}", size)
            configs = [(True, "mkdocs.yml")]
            if size == largest:
                # With and without our hooks in turn: a slow spell of a shared machine falls on both.
                configs.append((False, switch_off_hooks(project)))
            results[str(size)], *hooks_off = measure_in_turn(project, args.repeat, configs)
            _progress(size, results[str(size)])
            if hooks_off:
                baseline = hooks_off[0]
                _progress(f"{largest}, hooks off", baseline)
                if args.instructions or args.per_hook:
                    counted = count_instructions(project, [config for _, config in configs])
                if args.per_hook:
                    without = leave_out_each_hook(project)
                    saved = {
                        hook: counted[0] - count
                        for hook, count in zip(without, count_instructions(project, list(without.values())))
                    }
    finally:
        if args.keep:
            print(f"projects kept in {work}", file=sys.stderr)
        else:
            shutil.rmtree(work, ignore_errors=True)
    # On CPU time: the second process for the Chinese edition takes wall time off, not work.
    overhead = results[str(largest)]["cpu_seconds"] / baseline["cpu_seconds"]
    print_table(results, baseline, largest, overhead)
    if counted:
        print(f"hooks overhead at {largest} pages/lang: x{counted[0] / counted[1]:.3f} in instructions "
              f"({counted[0] / 1e9:.2f} G with our hooks, {counted[1] / 1e9:.2f} G without)\n")
    if saved:
        print(f"instructions saved at {largest} pages/lang by leaving out one hook (share of the build without hooks):")
        for hook, count in sorted(saved.items(), key=lambda item: -item[1]):
            print(f"  {hook:<28}{count / 1e9:>7.2f} G {100 * count / counted[1]:>6.1f}%")
        print()
    summary = {
        "sizes": results,
        "hooks_overhead": round(overhead, 3),
        "hooks_overhead_wall": round(results[str(largest)]["seconds"] / baseline["seconds"], 3),
        "hooks_off": {str(largest): baseline},
        "load_average": _load(),
    }
    if counted:
        summary["instructions"] = {"with_hooks": counted[0], "hooks_off": counted[1]}
        summary["hooks_overhead_instructions"] = round(counted[0] / counted[1], 3)
    if saved:
        summary["instructions_saved_without"] = saved
    print(json.dumps(summary, ensure_ascii=False))
    return 0


# --- making a project -------------------------------------------------------


def make_project(project: Path, size: int) -> Path:
    """A copy of the real project with sample notices added up to `size` pages per language."""
    project.mkdir(parents=True)
    for name in COPIED:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, project / name, ignore=shutil.ignore_patterns("__pycache__"))
        elif source.is_file():
            shutil.copy2(source, project / name)
    shutil.move(project / "mkdocs.yml", project / REAL_CONFIG)
    provisions = real_provisions(project)
    real_pages = len(list((project / "docs").rglob("*.md")))
    notices = max(0, round((size - real_pages) / len(provisions))) if provisions else 0
    sections = [add_notice(project, provisions, number) for number in range(1, notices + 1)]
    write_config(project, sections)
    return project


def real_provisions(project: Path) -> list[str]:
    """docs/ paths of the real provision pages (front matter `kind: provision`)."""
    found = []
    for path in sorted((project / "docs").rglob("*.md")):
        _, meta = get_data(path.read_text(encoding="utf-8"))
        if meta.get("kind") == "provision":
            found.append(path.relative_to(project / "docs").as_posix())
    return found


def add_notice(project: Path, provisions: list[str], number: int) -> tuple[int, str, list[str]]:
    """Copy every real provision pair into notices/group-NN/notice-NNN/; its nav entries."""
    folder = f"{NOTICE_ROOT}/group-{(number - 1) // NOTICES_PER_GROUP + 1:02}/notice-{number:03}"
    suffix = f"-n{number:03}"
    ids = {_meta(project / "docs" / uri).get("id") for uri in provisions}
    moved = {uri: f"{folder}/{posixpath.basename(uri)}" for uri in provisions}
    for uri in provisions:
        english = project / "docs" / moved[uri]
        _write_copy(project / "docs" / uri, english, uri, moved, ids, suffix, number, "en")
        chinese_source = project / "docs_zh" / uri
        if chinese_source.is_file():
            chinese = project / "docs_zh" / moved[uri]
            _write_copy(chinese_source, chinese, uri, moved, ids, suffix, number, "zh")
            _record_translation(project, chinese, english)
    return number, folder, [moved[uri] for uri in provisions]


def _write_copy(source, target, uri, moved, ids, suffix, number, language) -> None:
    body, meta = get_data(source.read_text(encoding="utf-8"))
    meta["id"] = f"{meta['id']}{suffix}"
    meta["title"] = f"{meta['title']}{SAMPLE[language]['title'].format(number=number)}"
    meta["related"] = [f"{r}{suffix}" if r in ids else r for r in meta.get("related") or []]
    if isinstance(meta.get("notice"), dict):
        meta["notice"] = {
            lang: f"{text}{SAMPLE[lang]['title'].format(number=number)}" for lang, text in meta["notice"].items()
        }
    front = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, width=1000)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(f"---\n{front}---\n\n{_relink(body, uri, moved)}", encoding="utf-8")


def _relink(body: str, uri: str, moved: dict[str, str]) -> str:
    """Rewrite relative links of a page moved from `uri` to moved[uri]."""
    old_dir, new_dir = posixpath.dirname(uri), posixpath.dirname(moved[uri])

    def rewrite(match: re.Match) -> str:
        target = match.group("target") or match.group("ref")
        if re.match(r"^([a-z]+:|#|/)", target):
            return match.group(0)
        path, hash_, anchor = target.partition("#")
        resolved = posixpath.normpath(posixpath.join(old_dir, path))
        new_target = moved.get(resolved, resolved)
        relative = posixpath.relpath(new_target, new_dir or ".")
        return match.group(0).replace(target, relative + hash_ + anchor, 1)

    return _LINK.sub(rewrite, body)


def _record_translation(project: Path, chinese: Path, english: Path) -> None:
    """Refresh `translated_from` with the project's own hash helper, if the page records one."""
    body, meta = get_data(chinese.read_text(encoding="utf-8"))
    if "translated_from" not in meta:
        return
    record = _project_module(project, "translation_record")
    meta["translated_from"] = record.english_hash(english)
    front = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, width=1000)
    chinese.write_text(f"---\n{front}---\n\n{body}", encoding="utf-8")


def _project_module(project: Path, name: str):
    hooks = str(project / "hooks")
    if hooks not in sys.path:
        sys.path.insert(0, hooks)
    return importlib.import_module(name)


def write_config(project: Path, notices: list[tuple[int, str, list[str]]]) -> None:
    """mkdocs.yml: INHERIT the real config, with the real nav plus the sample notices."""
    real = yaml_load((project / REAL_CONFIG).read_text(encoding="utf-8"))
    nav = list(real.get("nav") or [])
    if notices:
        groups: dict[str, list] = {}
        for number, _, pages in notices:
            group = f"Group {(number - 1) // NOTICES_PER_GROUP + 1}"
            groups.setdefault(group, []).append({f"Notice {number}": pages})
        nav.append({"Sample notices": [{name: items} for name, items in groups.items()]})
    config = {"INHERIT": REAL_CONFIG}
    if nav:
        config["nav"] = nav
    text = "# Generated by bench/build_bench.py\n" + yaml.safe_dump(config, allow_unicode=True, sort_keys=False)
    (project / "mkdocs.yml").write_text(text, encoding="utf-8")


def switch_off_hooks(project: Path) -> str:
    """A second config beside mkdocs.yml, with only the hooks the Chinese edition cannot do without."""
    required = [hook for hook in _real_hooks(project) if Path(hook).name in REQUIRED_HOOKS]
    return _config_with_hooks(project, HOOKS_OFF_CONFIG, required, "our hooks switched off")


def leave_out_each_hook(project: Path) -> dict[str, str]:
    """Hook file name -> a config beside mkdocs.yml with every hook but that one (required ones stay)."""
    hooks = _real_hooks(project)
    return {
        Path(hook).name: _config_with_hooks(
            project, f"mkdocs.without-{Path(hook).stem}.yml", [other for other in hooks if other != hook], f"without {hook}"
        )
        for hook in hooks
        if Path(hook).name not in REQUIRED_HOOKS
    }


def _real_hooks(project: Path) -> list[str]:
    return yaml_load((project / REAL_CONFIG).read_text(encoding="utf-8")).get("hooks", [])


def _config_with_hooks(project: Path, name: str, hooks: list[str], why: str) -> str:
    config = yaml.safe_load((project / "mkdocs.yml").read_text(encoding="utf-8"))
    config["hooks"] = hooks
    text = f"# Generated by bench/build_bench.py: {why}\n"
    (project / name).write_text(text + yaml.safe_dump(config, allow_unicode=True, sort_keys=False))
    return name


# --- measuring --------------------------------------------------------------


def measure_in_turn(project: Path, repeat: int, configs: list[tuple[bool, str]]) -> list[dict]:
    """Build `project` with each (strict, config) in turn, `repeat` rounds; the figures of each config."""
    runs: list[list[dict]] = [[] for _ in configs]
    for _ in range(max(1, repeat)):
        for found, (strict, config) in zip(runs, configs):
            found.append(_build(project, strict, config))
    return [summarize(_site(project, config), found) for (_, config), found in zip(configs, runs)]


def summarize(site: Path, runs: list[dict]) -> dict:
    """The figures of one config's builds: the fastest build's times, the site it wrote."""
    best = min(runs, key=lambda run: run["seconds"])
    pages = sorted(site.rglob("*.html"))
    pages = [p for p in pages if p.name != "404.html"]
    sizes = {p: p.stat().st_size for p in pages}
    largest = max(sizes, key=sizes.get)
    indexes = {
        edition: site / prefix / "search" / "search_index.json"
        for edition, prefix in (("en", ""), ("zh", "zh"))
        if (site / prefix / "search" / "search_index.json").is_file()
    }
    index_sizes = {edition: path.stat().st_size for edition, path in indexes.items()}
    cpu = min(run["cpu_seconds"] for run in runs)
    return {
        "seconds": round(best["seconds"], 2),
        "ms_per_page": round(best["seconds"] * 1000 / len(pages), 2),
        "bytes_per_page": round(sum(sizes.values()) / len(pages)),
        "largest_page_bytes": sizes[largest],
        "peak_rss_mb": round(max(run["peak_rss_mb"] for run in runs), 1),
        "peak_rss_sum_mb": round(max(run["peak_rss_sum_mb"] for run in runs), 1),
        "search_index_bytes": max(index_sizes.values()) if index_sizes else 0,
        "pages": len(pages),
        "cpu_seconds": round(cpu, 2),
        "cpu_ms_per_page": round(cpu * 1000 / len(pages), 2),
        "largest_page": largest.relative_to(site).as_posix(),
        "largest_pages": {
            p.relative_to(site).as_posix(): sizes[p] for p in sorted(sizes, key=sizes.get, reverse=True)[:6]
        },
        "search_index_files": {e: index_sizes[e] for e in index_sizes},
        "site_bytes": sum(p.stat().st_size for p in site.rglob("*") if p.is_file()),
        "warnings": best["warnings"],
        "all_seconds": [round(run["seconds"], 2) for run in runs],
    }


def _site(project: Path, config: str) -> Path:
    """Each config builds into its own folder, so builds in turn keep each one's site."""
    return project / ("site" if config == "mkdocs.yml" else f"site-{Path(config).stem}")


def _build(project: Path, strict: bool, config: str) -> dict:
    site = _site(project, config)
    shutil.rmtree(site, ignore_errors=True)
    command = [sys.executable, "-m", "mkdocs", "build", "-f", config, "--site-dir", str(site)]
    if strict:
        command.insert(4, "--strict")  # never with -q: it hides the warnings strict counts
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    log = project / "build.log"
    with log.open("w", encoding="utf-8") as out:
        start = time.perf_counter()
        process = subprocess.Popen(command, cwd=project, env=env, stdout=out, stderr=subprocess.STDOUT)
        peak_pss = peak_rss = 0
        while True:  # the editions may build in two processes at once: sample their memory together
            pid, status, usage = os.wait4(process.pid, os.WNOHANG)
            if pid:
                break
            pss, rss = _tree_memory_kib(process.pid)
            peak_pss, peak_rss = max(peak_pss, pss), max(peak_rss, rss)
            time.sleep(RSS_SAMPLE_SECONDS)
        seconds = time.perf_counter() - start
    text = log.read_text(encoding="utf-8")
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"build of {project.name} failed ({' '.join(command[2:])}):\n{text[-6000:]}")
    return {
        "seconds": seconds,
        "cpu_seconds": usage.ru_utime + usage.ru_stime,
        # Resident memory of the build's processes together, a page they share counted
        # once (Linux PSS), sampled; at least the largest single process's peak (KiB).
        "peak_rss_mb": max(peak_pss, usage.ru_maxrss) / 1024,
        "peak_rss_sum_mb": max(peak_rss, usage.ru_maxrss) / 1024,  # shared pages counted in each process
        "warnings": sum(1 for line in text.splitlines() if line.startswith("WARNING")),
    }


def count_instructions(project: Path, configs: list[str]) -> list[int]:
    """Instructions each config's build of `project` executes (see the module docstring), one build per core."""
    with ThreadPoolExecutor(min(len(configs), os.cpu_count() or 1)) as pool:
        return list(pool.map(partial(_count_build, project), configs))


def _count_build(project: Path, config: str) -> int:
    measured = _site(project, config)
    site = measured.with_name(f"{measured.name}-counted")  # the measured build's site stays as it is
    command = [
        "valgrind", "--tool=cachegrind", "--cache-sim=no", "--cachegrind-out-file=/dev/null",
        sys.executable, "-m", "mkdocs", "build", "-q", "-f", config, "--site-dir", str(site),
    ]  # fmt: skip
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", EDITIONS_IN_SEQUENCE="1", PYTHONHASHSEED="0")
    try:
        result = subprocess.run(command, cwd=project, env=env, capture_output=True, text=True)
    except FileNotFoundError:
        sys.exit("--instructions needs valgrind: apt-get install valgrind")
    counts = _INSTRUCTIONS.findall(result.stderr)
    if result.returncode != 0 or not counts:
        sys.exit(f"counted build of {project.name} failed ({config}):\n{result.stderr[-6000:]}")
    return int(counts[-1].replace(",", ""))


def _tree_memory_kib(pid: int) -> tuple[int, int]:
    """(PSS, RSS) of `pid` and its descendants now, in KiB; a process that just ended counts 0."""
    pss = rss = 0
    pending = [pid]
    while pending:
        current = pending.pop()
        try:
            rollup = Path(f"/proc/{current}/smaps_rollup").read_text()
            children = Path(f"/proc/{current}/task/{current}/children").read_text().split()
        except OSError:
            continue
        fields = dict(line.split(":", 1) for line in rollup.splitlines()[1:] if ":" in line)
        pss += int(fields.get("Pss", "0 kB").split()[0])
        rss += int(fields.get("Rss", "0 kB").split()[0])
        pending += [int(child) for child in children]
    return pss, rss


# --- reporting --------------------------------------------------------------


def print_table(results: dict, baseline: dict, largest: int, overhead: float) -> None:
    rows = [(size, r) for size, r in results.items()] + [(f"{largest} hooks off", baseline)]
    header = (
        f"{'pages/lang':<16}{'built':>7}{'seconds':>9}{'ms/page':>9}{'cpu ms':>8}{'KB/page':>9}"
        f"{'largest KB':>12}{'RSS MB':>8}{'search KB':>11}  largest page"
    )
    print(header)
    print("-" * len(header))
    for size, r in rows:
        search = "/".join(f"{b / 1024:.0f}" for b in r["search_index_files"].values())
        print(
            f"{size:<16}{r['pages']:>7}{r['seconds']:>9.2f}{r['ms_per_page']:>9.2f}{r['cpu_ms_per_page']:>8.2f}"
            f"{r['bytes_per_page'] / 1024:>9.1f}{r['largest_page_bytes'] / 1024:>12.1f}"
            f"{r['peak_rss_mb']:>8.0f}{search:>11}  {r['largest_page']}"
        )
    for size, r in rows:
        listed = ", ".join(f"{page.removesuffix('index.html') or '/'} {b / 1024:.0f}" for page, b in r["largest_pages"].items())
        print(f"largest pages at {size} (KB): {listed}")
    sizes = sorted(results, key=int)
    if len(sizes) > 1:
        growth = results[sizes[-1]]["bytes_per_page"] / results[sizes[0]]["bytes_per_page"]
        print(f"\nbytes per page, {sizes[-1]} vs {sizes[0]} pages/lang: x{growth:.2f}")
    print(f"hooks overhead at {largest} pages/lang: x{overhead:.2f} in CPU time ({results[str(largest)]['cpu_seconds']:.2f} s "
          f"with our hooks, {baseline['cpu_seconds']:.2f} s without; {baseline['warnings']} warnings without them)")
    print("ms/page: wall clock per HTML page built, both editions; cpu ms: the build's own CPU time per page")
    print(f"search KB: each edition's own index (en/zh), or the one shared file; load average {_load()}\n")


def _progress(label, result: dict) -> None:
    print(f"built {label}: {result['pages']} pages in {result['seconds']:.1f} s", file=sys.stderr)


def _load() -> str:
    return " ".join(Path("/proc/loadavg").read_text().split()[:3])


def _meta(path: Path) -> dict:
    return get_data(path.read_text(encoding="utf-8"))[1]


def _parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="50,500", type=lambda s: [int(x) for x in s.split(",")],
                        help="pages per language, comma-separated (default 50,500)")
    parser.add_argument("--repeat", type=int, default=1, help="builds per measurement; the fastest is kept")
    parser.add_argument("--keep", action="store_true", help="keep the generated projects")
    parser.add_argument("--instructions", action="store_true",
                        help="also count the largest size's instructions with and without our hooks (valgrind)")
    parser.add_argument("--per-hook", action="store_true",
                        help="--instructions, and also without each of our hooks in turn")
    return parser.parse_args()


# --- data -------------------------------------------------------------------

COPIED = ("mkdocs.yml", "hooks", "overrides", "tools", "docs", "docs_zh")
REAL_CONFIG = "mkdocs.real.yml"
HOOKS_OFF_CONFIG = "mkdocs.hooks-off.yml"
REQUIRED_HOOKS = ("zh_overlay.py",)
RSS_SAMPLE_SECONDS = 0.1
# valgrind's summary line for the process it ran: "==123== I   refs:      11,915,859,180"
_INSTRUCTIONS = re.compile(r"^==\d+== I\s+refs:\s+([\d,]+)$", re.M)
NOTICE_ROOT = "notices"
NOTICES_PER_GROUP = 10
SAMPLE = {"en": {"title": " (sample {number})"}, "zh": {"title": "（示例 {number}）"}}
# Inline Markdown links and reference definitions; group "target" is the URL.
_LINK = re.compile(r"\]\((?P<target>[^)\s]+)(?:\s+\"[^\"]*\")?\)|^\s*\[[^\]]+\]:\s*(?P<ref>\S+)", re.M)


if __name__ == "__main__":
    sys.exit(main())
