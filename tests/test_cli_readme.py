"""The README's command-line examples run as written: ``make test`` (like
``make serve``) leaves the ``sourcecheck`` command in the virtual
environment, and every line of the README's example block works on a copy
of ``examples/``."""
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.cli_run import ROOT, env

BIN = Path(sys.executable).parent
SCRIPT = BIN / "sourcecheck"


def readme_examples() -> list[str]:
    """The command lines of the first ``sh`` block of the README's section
    on the command."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## The `sourcecheck` command"):]
    block = re.search(r"```sh\n(.*?)```", section, re.DOTALL).group(1)
    return [line for line in block.splitlines() if line.startswith("sourcecheck ")]


def test_the_virtual_environment_has_the_sourcecheck_command():
    assert SCRIPT.is_file(), f"{SCRIPT} is missing: make install-dev runs pip install -e ."
    proc = subprocess.run([str(SCRIPT), "--version"], capture_output=True, text=True, env=env(), timeout=60)
    assert proc.returncode == 0 and proc.stdout.startswith("sourcecheck, version ")


def test_the_readme_shows_examples_of_every_command():
    commands = {line.split()[1] for line in readme_examples()}
    assert {"check", "report", "config", "baseline", "batch"} <= commands


@pytest.fixture(scope="module")
def examples(tmp_path_factory):
    folder = tmp_path_factory.mktemp("clone")
    shutil.copytree(ROOT / "examples", folder / "examples")
    return folder


def test_readme_examples_run_as_written_one_after_the_other(examples):
    """In order, as a reader would type them (the baseline line comes before
    the check that uses it)."""
    if not SCRIPT.is_file():
        pytest.fail(f"{SCRIPT} is missing: make install-dev runs pip install -e .")
    run_env = env(PATH=f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}")
    for line in readme_examples():
        proc = subprocess.run(["bash", "-c", f"set -o pipefail; {line}"], cwd=examples, env=run_env,
                              capture_output=True, text=True, timeout=300)
        assert proc.returncode in (0, 1), f"{line}\n{proc.stderr}"  # 1: the example drafts have findings
        assert "Traceback" not in proc.stderr and "internal error" not in proc.stderr, line
    assert (examples / "sourcecheck.sarif").is_file() and (examples / "reports.jsonl").is_file()


def test_report_prints_the_file_path_once(examples):
    proc = subprocess.run([str(SCRIPT), "report", "examples/drafts/budget.md"], cwd=examples, env=env(),
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0
    assert proc.stdout.count("examples/drafts/budget.md") == 1
    assert proc.stdout.startswith("examples/drafts/budget.md (markdown): 76 words")
