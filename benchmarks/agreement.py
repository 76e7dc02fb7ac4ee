"""Agreement between the corpus annotation and a second, blind annotation of the same articles (issue 11).

``python benchmarks/agreement.py [-v]``: for batches 6 and 7 (the first study) and 63 and 64 (the second, stop 48), a
second annotator who saw only the title, the text and the first annotator's quote starts gave each article's city
and each quote's speaker (``tests/nlp/fixtures/corpus/agreement/``). It prints how often the two agree: the ceiling
an NLP can be expected to reach against one annotator. ``-v`` lists the disagreements.
"""

from __future__ import annotations

import argparse
import sys
import unicodedata
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.nlp.evaluation import batch_articles, second_annotation  # noqa: E402

STUDIES = {"first study": ("6", "7"), "second study": ("63", "64")}


def fold(value: str | None) -> str | None:
    """Lower case, no accents, single spaces: spellings that differ only so agree."""
    if value is None:
        return None
    plain = unicodedata.normalize("NFKD", value).encode("ascii", "ignore").decode()
    return " ".join(plain.lower().split())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("-v", "--verbose", action="store_true", help="list every disagreement")
    args = parser.parse_args()
    for study, batches in STUDIES.items():
        cities = speakers = articles = quotes = 0
        for batch in batches:
            first = {a["id"]: a for a in batch_articles(batch)}
            second = {a["id"]: a for a in second_annotation(batch)}
            city_same = [i for i in second if fold(first[i]["city"]) == fold(second[i]["city"])]
            pairs = [(i, a, b) for i in second for a, b in zip(first[i]["quotes"], second[i]["quotes"], strict=True)]
            speaker_same = [p for p in pairs if fold(p[1]["speaker_canonical"]) == fold(p[2]["speaker_canonical"])]
            print(
                f"batch {batch}: city {len(city_same)}/{len(second)}, "
                f"speakers {len(speaker_same)}/{len(pairs)} of the same quotes"
            )
            if args.verbose:
                for i in second:
                    if i not in city_same:
                        print(f"  {i} city: {first[i]['city']!r} / {second[i]['city']!r}")
                for i, a, b in pairs:
                    if fold(a["speaker_canonical"]) != fold(b["speaker_canonical"]):
                        print(f"  {i} speaker: {a['speaker_canonical']!r} / {b['speaker_canonical']!r}")
            cities, articles = cities + len(city_same), articles + len(second)
            speakers, quotes = speakers + len(speaker_same), quotes + len(pairs)
        print(
            f"{study} ({' and '.join(batches)}): city {100 * cities / articles:.1f} % ({cities}/{articles}), "
            f"speakers {100 * speakers / quotes:.1f} % ({speakers}/{quotes})"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
