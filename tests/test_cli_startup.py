"""Start-up: a one-draft ``check`` imports only what the run needs (the time
itself is ``bench/startup.py``'s business; tests assert behaviour)."""
import json
import subprocess
import sys

import pytest

from tests.cli_run import DRAFTS, ROOT, env

# Runs the real command in-process, then says which heavy modules it imported.
PROBE = """
import json, sys
from service.cli import main
try:
    main(sys.argv[1:])
except SystemExit as e:
    code = e.code
print(json.dumps({"code": code, "modules": sorted(m for m in sys.modules
      if m.split(".")[0] in ("nltk", "marshmallow", "textstat", "pyphen"))}))
"""


def probe(*args: str) -> dict:
    done = subprocess.run([sys.executable, "-c", PROBE, *args], cwd=ROOT, env=env(),
                          capture_output=True, text=True, timeout=120)
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_check_imports_punkt_without_the_rest_of_nltk(tmp_path):
    draft = tmp_path / "draft.md"
    draft.write_text('The mayor spoke. "We will build it. It is funded," she said on Monday.\n',
                     encoding="utf-8")
    seen = probe("check", "--isolated", str(draft))
    assert seen["code"] in (0, 1)
    assert "nltk.tokenize.punkt" in seen["modules"]
    for whole_package_only in ("nltk.corpus", "nltk.tokenize.treebank", "nltk.parse", "nltk.tag"):
        assert whole_package_only not in seen["modules"]


def test_text_check_with_the_house_policy_never_imports_marshmallow():
    seen = probe("check", "--isolated", str(DRAFTS / "story.md"))
    assert not [m for m in seen["modules"] if m.startswith("marshmallow")]


def test_version_imports_no_nltk_textstat_or_pyphen():
    seen = probe("--version")
    assert seen["modules"] == []


@pytest.mark.parametrize("first_use", ["from nltk.tokenize import TreebankWordTokenizer",
                                       "import nltk; nltk.probability"])
def test_nltk_works_whole_after_the_engine_loaded_punkt_alone(first_use):
    script = f"""
import service.engine as engine
engine.audit('One sentence here. Another one follows. "A quote. Two," he said.')
{first_use}
import nltk
from nltk.tokenize import TreebankWordTokenizer
from nltk.tokenize.punkt import PunktSentenceTokenizer
print(nltk.probability.FreqDist("aab")["a"], TreebankWordTokenizer().tokenize("Hi, you."),
      nltk.tokenize.punkt.PunktSentenceTokenizer is PunktSentenceTokenizer)
"""
    done = subprocess.run([sys.executable, "-c", script], cwd=ROOT, env=env(), capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "2 ['Hi', ',', 'you', '.'] True"
