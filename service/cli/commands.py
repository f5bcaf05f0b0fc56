"""The ``sourcecheck`` command: check drafts like code is linted, record a
baseline of accepted findings, print one draft's report, show the
configuration, audit JSONL archives, serve editors (``lsp``).

Exit codes (the one place they are decided, in ``main``):
0 clean; 1 findings at or above ``--fail-on``; 2 usage, configuration or
input error (a missing file included); 3 internal error.
"""
from __future__ import annotations

import json
import os
import re
import sys
import traceback

import click

from service import __version__
from service.engine import FORMATS, InputError, PolicyError

from . import checking, config as config_mod, drafts
from .errors import FileError
from .output import RunInfo
from .output.formats import renderer

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR, EXIT_INTERNAL = 0, 1, 2, 3
_AT_PLACE = re.compile(r"\d+:\d+: ")

_config_options = [
    click.option("--config", "config_path", type=click.Path(dir_okay=False),
                 help="Config file (.sourcecheck.toml or pyproject.toml); default: the nearest one."),
    click.option("--isolated", is_flag=True, help="Ignore configuration files."),
    click.option("--policy", "policy_file", type=click.Path(dir_okay=False),
                 help="A policy file in the service's format (replaces the configured policy)."),
]


def config_options(f):
    for option in reversed(_config_options):
        f = option(f)
    return f


def _load_config(config_path, isolated, policy_file, **overrides) -> config_mod.Config:
    overrides["policy-file"] = policy_file
    return config_mod.load(path=config_path, use_file=not isolated, overrides=overrides)


def _open_output(path: str):
    try:
        return open(path, "w", encoding="utf-8", newline="\n")
    except OSError as e:
        raise FileError(f"cannot write {path}: {e.strerror or e}") from None


def _write(text: str, output: str | None) -> None:
    if output:
        with _open_output(output) as f:
            f.write(text)
    else:
        sys.stdout.write(text)
        sys.stdout.flush()


def _report_errors(results, debug: bool) -> None:
    for r in results:
        if r.error_kind == "internal":
            click.echo(f"sourcecheck: {r.path}: internal error: {r.error}", err=True)
            if debug and r.traceback:
                click.echo(r.traceback, err=True)
        elif r.error is not None:
            for line in r.error.splitlines():  # "LINE:COL: ..." lines are places in the draft
                sep = ":" if _AT_PLACE.match(line) else ": "
                click.echo(f"sourcecheck: {r.path}{sep}{line}", err=True)


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, prog_name="sourcecheck")
def cli():
    """Sourcing checks for news drafts: quotes, speakers, anonymous sources."""


_draft_options = [
    click.option("--input-format", type=click.Choice(FORMATS),
                 help="Read every draft as this format (default: by extension)."),
    click.option("--exclude", multiple=True, metavar="GLOB", help="Skip walked or globbed files matching this glob."),
    click.option("-j", "--jobs", type=click.IntRange(min=0), default=1, show_default=True,
                 help="Check drafts on this many processes (0: one per core)."),
]


def draft_options(f):
    for option in reversed(_draft_options):
        f = option(f)
    return f


def _check_drafts(paths, cfg, policy, *, input_format, exclude, jobs, changed_since=None):
    """Collect the drafts PATHS name (only those changed since a git ref,
    with ``changed_since``) and check them: one FileResult each, path
    errors included."""
    exclude = tuple(cfg["exclude"]) + tuple(exclude)
    if changed_since is not None:
        from .changes import changed_files

        changed = changed_files(changed_since)
        exts = {e.lower().lstrip(".") for e in cfg["extensions"]}
        if paths:  # the drafts PATHS name, if the change touched them
            named, path_errors = drafts.collect(list(paths), extensions=tuple(exts), exclude=exclude,
                                                root=cfg.root, input_format=input_format)
            touched = {os.path.realpath(p) for p in changed}
            found = [d for d in named if d.path != "-" and os.path.realpath(d.path) in touched]
        else:
            wanted = [p for p in changed if os.path.splitext(p)[1].lower().lstrip(".") in exts
                      and not drafts.excluded(p, exclude, cfg.root)]
            found, path_errors = drafts.collect(wanted, extensions=tuple(exts), root=cfg.root,
                                                input_format=input_format)
        if not found and not path_errors:
            click.echo(f"sourcecheck: no drafts changed since {changed_since}", err=True)
    else:
        found, path_errors = drafts.collect(list(paths), extensions=tuple(cfg["extensions"]), exclude=exclude,
                                            root=cfg.root, input_format=input_format)
    jobs = jobs or os.cpu_count() or 1
    if jobs > 1 and len(found) > 1 and all(d.path != "-" for d in found):
        from concurrent.futures import ProcessPoolExecutor
        from itertools import repeat

        from . import batch as batch_mod

        spec = batch_mod.policy_spec(None if cfg.policy_file else cfg.policy, cfg.policy_file)
        with ProcessPoolExecutor(max_workers=min(jobs, len(found))) as pool:
            results = list(pool.map(_check_in_worker, found, repeat(spec), chunksize=8))
    else:
        results = [checking.check(d, policy, stdin=sys.stdin) for d in found]
    return results + [checking.FileResult(e.path, "text", error=e.reason, error_kind="input")
                      for e in path_errors]


@cli.command()
@click.argument("paths", nargs=-1)
@click.option("-f", "--format", "output_format", type=click.Choice(config_mod.OUTPUT_FORMATS),
              help="Output format (default: text, or the config's).")
@click.option("--fail-on", type=click.Choice(config_mod.FAIL_ON),
              help="Exit 1 when a finding has at least this severity (default: error).")
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write the output to a file.")
@draft_options
@click.option("--changed-since", metavar="REF",
              help="Check only drafts added or modified since this git ref (of those PATHS name, if given).")
@click.option("--baseline", "baseline_file", type=click.Path(dir_okay=False),
              help="Report and fail only on findings not in this baseline (default: the config's baseline).")
@click.option("--no-baseline", is_flag=True, help="Ignore the configured baseline: report every finding.")
@click.option("--update-baseline", is_flag=True,
              help="Rewrite the baseline with today's findings of the drafts checked (the others' are kept).")
@click.option("--decisions", "decisions_path", type=click.Path(dir_okay=False), metavar="REPORT.json",
              help="A stored report (as the service exports it): findings the desk dismissed there are suppressed.")
@config_options
@click.option("--debug", is_flag=True, help="Show tracebacks of internal errors.")
def check(paths, output_format, fail_on, output, input_format, exclude, jobs, changed_since, baseline_file,
          no_baseline, update_baseline, decisions_path, config_path, isolated, policy_file, debug):
    """Audit drafts (files, folders, globs; - for stdin) and list findings as
    file:line:col: severity rule message."""
    if not paths and changed_since is None:
        raise click.UsageError("give the drafts to check (files, folders, globs; - for stdin), "
                               "or --changed-since REF")
    if no_baseline and (baseline_file or update_baseline):
        raise click.UsageError("--no-baseline cannot go with --baseline or --update-baseline")
    cfg = _load_config(config_path, isolated, policy_file, format=output_format, **{"fail-on": fail_on})
    policy = config_mod.build_policy(cfg)
    baseline = None
    if not no_baseline and (baseline_file or cfg.baseline or update_baseline):
        from . import baseline as baseline_mod

        where = baseline_file or cfg.baseline or baseline_mod.DEFAULT_FILE
        if update_baseline and not os.path.exists(where):
            baseline = baseline_mod.Baseline(where)
        else:
            baseline = baseline_mod.load(where)
    results = _check_drafts(paths, cfg, policy, input_format=input_format, exclude=exclude, jobs=jobs,
                            changed_since=changed_since)
    if decisions_path:
        from . import decisions

        dismissed = decisions.dismissed(decisions_path)
        results = [decisions.apply(r, dismissed) for r in results]
    baselined = fixed = 0
    if baseline is not None:
        if update_baseline:
            if any(r.error is not None for r in results):
                _report_errors(results, debug)
                raise InputError(f"baseline {baseline.file} not updated: some drafts could not be checked")
            baseline = baseline_mod.updated(results, baseline)
            baseline_mod.write(baseline)
            click.echo(f"sourcecheck: wrote {_count(len(baseline.entries), 'finding')} to {baseline.file}",
                       err=True)
        applied = baseline_mod.apply(results, baseline)
        results, baselined, fixed = applied.results, applied.baselined, applied.fixed
    run = RunInfo(fail_on=cfg["fail-on"], policy=policy, baselined=baselined,
                  baseline=baseline.file if baseline is not None else None)
    _write(renderer(cfg["format"])(results, run), output)
    _report_errors(results, debug)
    if fixed:
        click.echo(f"sourcecheck: {_count(fixed, 'baselined finding')} no longer found; "
                   "drop them with: sourcecheck check --update-baseline ...", err=True)
    if cfg["format"] == "github" and os.environ.get("GITHUB_STEP_SUMMARY"):
        from .output.github import step_summary

        with open(os.environ["GITHUB_STEP_SUMMARY"], "a", encoding="utf-8") as f:
            f.write(step_summary(results, run))
    if any(r.error_kind == "internal" for r in results):
        return EXIT_INTERNAL
    if any(r.error is not None for r in results):
        return EXIT_ERROR
    if any(checking.at_or_above(f, run.fail_on) for r in results for f in r.active):
        return EXIT_FINDINGS
    return EXIT_CLEAN


@cli.command("baseline")
@click.argument("paths", nargs=-1, required=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False),
              help="The baseline file (default: the config's baseline, else .sourcecheck-baseline.json).")
@draft_options
@config_options
@click.option("--debug", is_flag=True, help="Show tracebacks of internal errors.")
def record_baseline(paths, output, input_format, exclude, jobs, config_path, isolated, policy_file, debug):
    """Record today's findings in PATHS as accepted, so that check
    --baseline FILE (or baseline = "FILE" in the config) reports only new
    ones."""
    from . import baseline as baseline_mod

    cfg = _load_config(config_path, isolated, policy_file)
    policy = config_mod.build_policy(cfg)
    results = _check_drafts(paths, cfg, policy, input_format=input_format, exclude=exclude, jobs=jobs)
    if any(r.error is not None for r in results):
        _report_errors(results, debug)
        click.echo("sourcecheck: no baseline written: some drafts could not be checked", err=True)
        return EXIT_INTERNAL if any(r.error_kind == "internal" for r in results) else EXIT_ERROR
    target = baseline_mod.Baseline(output or cfg.baseline or baseline_mod.DEFAULT_FILE)
    recorded = baseline_mod.Baseline(target.file, tuple(sorted(set(baseline_mod.entries(results, target)))))
    baseline_mod.write(recorded)
    with_findings = len({e.path for e in recorded.entries})
    click.echo(f"Recorded {_count(len(recorded.entries), 'finding')} in {with_findings} of "
               f"{_count(len(results), 'draft')} to {recorded.file}.")
    return EXIT_CLEAN


@cli.command("lsp")
@click.option("--docs-url", metavar="URL",
              help="Where the rules' documentation is (docs/report.md; default: this installation's copy).")
def lsp(docs_url):
    """A Language Server Protocol server on stdin/stdout: the findings of
    Markdown, HTML and text drafts as diagnostics as you type, with quick
    fixes. Point your editor's LSP client at the command: sourcecheck lsp."""
    from .lsp import serve

    serve(docs_url)
    return EXIT_CLEAN


def _count(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def _check_in_worker(draft: drafts.Draft, spec: str) -> checking.FileResult:
    from . import batch as batch_mod

    return checking.check(draft, batch_mod.policy_from_spec(spec))


@cli.command()
@click.argument("file")
@click.option("-f", "--format", "output_format", type=click.Choice(["text", "json"]), default="text",
              show_default=True, help="text: tables for reading; json: the API's report.")
@click.option("--input-format", type=click.Choice(FORMATS), help="Read the draft as this format.")
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write the report to a file.")
@config_options
@click.option("--debug", is_flag=True, help="Show tracebacks of internal errors.")
def report(file, output_format, input_format, output, config_path, isolated, policy_file, debug):
    """Print one draft's full report: score, quotes with speaker and source
    type, sources, findings."""
    cfg = _load_config(config_path, isolated, policy_file)
    policy = config_mod.build_policy(cfg)
    if file != "-" and not os.path.isfile(file):
        raise FileError(f"{file}: no such file" if not os.path.exists(file) else f"{file}: not a file")
    draft = drafts.Draft(file, input_format or (drafts.format_for(file) if file != "-" else "text"))
    result = checking.check(draft, policy, stdin=sys.stdin)
    if result.error is not None:
        _report_errors([result], debug)
        return EXIT_INTERNAL if result.error_kind == "internal" else EXIT_ERROR
    if output_format == "json":
        from schemas.report import dump_report

        text = json.dumps(dump_report(result.report), ensure_ascii=False, indent=2) + "\n"
    else:
        from .output.report_text import render

        text = render(result)
    _write(text, output)
    return EXIT_CLEAN


@cli.command("config")
@click.option("-f", "--format", "output_format", type=click.Choice(["toml", "json"]), default="toml",
              show_default=True)
@config_options
def show_config(output_format, config_path, isolated, policy_file):
    """Print the effective configuration and where each part came from
    (and check that its policy is valid)."""
    cfg = _load_config(config_path, isolated, policy_file)
    config_mod.build_policy(cfg)
    mapping = cfg.as_mapping()
    if output_format == "json":
        doc = {"file": cfg.file, "origins": {**cfg.origins, "policy": cfg.policy_origin}, "config": mapping}
        _write(json.dumps(doc, ensure_ascii=False, indent=2) + "\n", None)
        return EXIT_CLEAN
    import tomli_w

    lines = ["# sourcecheck effective configuration",
             f"# config file: {cfg.file or 'none found (defaults)'}"]
    lines += [f"#   {key}: {origin}" for key, origin in cfg.origins.items()]
    lines.append(f"#   policy: {cfg.policy_origin}" + ("" if cfg.policy or cfg.policy_file
                                                      else " (the service's house policy)"))
    _write("\n".join(lines) + "\n" + tomli_w.dumps(mapping), None)
    return EXIT_CLEAN


@cli.command("batch")
@click.argument("input", default="-", required=False)
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write JSONL here (default: stdout).")
@click.option("-j", "--jobs", type=click.IntRange(min=0), default=None,
              help="Local processes (1: serially, in this process). Default (and 0): one per core; "
                   "with --dask local, that many workers.")
@click.option("--dask", "dask_address", metavar="SCHEDULER",
              help="Run on a Dask cluster: a scheduler address, or local[:N] for a local cluster.")
@click.option("--chunk-size", type=click.IntRange(min=1), default=16, show_default=True,
              help="Articles per task.")
@click.option("--progress/--no-progress", default=None, help="Progress bar (default: on a terminal).")
@config_options
def batch(input, output, jobs, dask_address, chunk_size, progress, config_path, isolated, policy_file):
    """Audit a JSON Lines archive ({"id", "text", "format"?, "title"?} a line;
    - for stdin): one JSON report a line, in input order. A bad line gives an
    error object with its line number; the run goes on."""
    from . import batch as batch_mod

    cfg = _load_config(config_path, isolated, policy_file)
    config_mod.build_policy(cfg)  # fail fast, before any worker starts
    spec = batch_mod.policy_spec(None if cfg.policy_file else cfg.policy, cfg.policy_file)
    if input != "-" and not os.path.isfile(input):
        raise FileError(f"{input}: no such file" if not os.path.exists(input) else f"{input}: not a file")
    if not jobs:  # every core by default
        jobs = os.cpu_count() or 1
    show = progress if progress is not None else sys.stderr.isatty()
    sink = _open_output(output) if output else sys.stdout
    source = sys.stdin.buffer if input == "-" else open(input, "rb")
    bar = None
    if show:
        from tqdm import tqdm

        total = _count_lines(input) if input != "-" else None
        bar = tqdm(total=total, file=sys.stderr, unit="line", dynamic_ncols=True)
    errors = {"record": 0, "input": 0, "internal": 0}
    done = 0
    try:
        for chunk, lines in batch_mod.run(source, spec, jobs=jobs, dask=dask_address, chunk_size=chunk_size):
            for kind, line in lines:
                sink.write(line + "\n")
                if kind:
                    errors[kind] += 1
            done += len(chunk)
            if bar is not None:
                bar.update(chunk[-1][0] - bar.n)
    finally:
        if bar is not None:
            bar.close()
        if source is not sys.stdin.buffer:
            source.close()
        if sink is not sys.stdout:
            sink.close()
        else:
            sys.stdout.flush()
    bad = sum(errors.values())
    if bad:
        click.echo(f"sourcecheck: {bad} of {done} lines could not be audited "
                   f"({', '.join(f'{n} {k}' for k, n in errors.items() if n)}); "
                   "see the error objects in the output", err=True)
    if errors["internal"]:
        return EXIT_INTERNAL
    return EXIT_ERROR if bad else EXIT_CLEAN


def _count_lines(path: str) -> int:
    with open(path, "rb") as f:
        return sum(block.count(b"\n") for block in iter(lambda: f.read(1 << 20), b""))


def main(argv: list[str] | None = None) -> None:
    """Console-script entry point: run the command, map every outcome to an
    exit code."""
    argv = sys.argv[1:] if argv is None else list(argv)
    debug = "--debug" in argv
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(encoding="utf-8", errors="backslashreplace")
    try:
        code = cli.main(args=argv, prog_name="sourcecheck", standalone_mode=False)
    except click.exceptions.Abort:
        click.echo("Aborted.", err=True)
        code = 130
    except click.ClickException as e:
        e.show()
        code = e.exit_code
    except (config_mod.ConfigError, PolicyError) as e:
        for line in str(e).splitlines():
            click.echo(f"sourcecheck: {line}", err=True)
        for key, message in sorted(_flatten(e.errors).items()):
            click.echo(f"  {key}: {message}", err=True)
        code = EXIT_ERROR
    except (FileError, InputError) as e:
        click.echo(f"sourcecheck: {e}", err=True)
        code = EXIT_ERROR
    except KeyboardInterrupt:
        click.echo("Interrupted.", err=True)
        code = 130
    except BrokenPipeError:
        sys.stderr.close()
        code = EXIT_CLEAN
    except Exception as e:  # noqa: BLE001 - the exit-3 contract
        click.echo(f"sourcecheck: internal error: {type(e).__name__}: {e}", err=True)
        if debug:
            traceback.print_exc()
        else:
            click.echo("(run with --debug for the traceback)", err=True)
        code = EXIT_INTERNAL
    sys.exit(code or 0)


def _flatten(errors, prefix: str = "") -> dict:
    if not isinstance(errors, dict):
        return {prefix or "policy": errors}
    out = {}
    for key, value in errors.items():
        path = f"{prefix}.{key}" if prefix else str(key)
        out.update(_flatten(value, path) if isinstance(value, dict) else {path: value})
    return out
