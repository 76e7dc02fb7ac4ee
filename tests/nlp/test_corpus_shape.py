"""Shape of the independently annotated Italian news corpus (issue 11); it does not score the NLP."""

import json
import random
import re
from pathlib import Path

import pytest

CORPUS = Path(__file__).parent / "fixtures" / "corpus"
FIELDS = {
    "id": str,
    "category": str,
    "topic": str,
    "url": str,
    "outlet": str,
    "text": str,
    "quotes": list,
    "figures": list,
}
NULLABLE = ("date", "author", "city", "title")  # a copy with no headline and an address of no words: null
CATEGORIES = {"quotidiani", "periodici", "agenzie", "radio_tv", "portali", "social"}
# Batches 3 to 17 by annotator part: first id and the seed of the shuffle whose first half is sealed (ANNOTATION.md).
HALF_SEALED_PARTS = {
    "3a": (241, 20261130),
    "3b": (271, 20261131),
    "3c": (301, 20261132),
    "3d": (331, 20261133),
    "4e": (361, 20261134),
    "4f": (391, 20261135),
    "5g": (421, 20261136),
    "5h": (451, 20261137),
    "5i": (481, 20261138),
    "6j": (511, 20261139),
    "6k": (541, 20261140),
    "7l": (571, 20261141),
    "7m": (601, 20261142),
    "8n": (631, 20261143),
    "8o": (661, 20261144),
    "8p": (691, 20261145),
    "8q": (721, 20261146),
    "8r": (751, 20261147),
    "8s": (781, 20261148),
    "9t": (811, 20261149),
    "9u": (841, 20261150),
    "9v": (871, 20261151),
    "9w": (901, 20261152),
    "10a": (931, 20261153),
    "10b": (961, 20261154),
    "10c": (991, 20261155),
    "10d": (1021, 20261156),
    "11a": (1051, 20261157),
    "11b": (1081, 20261158),
    "11c": (1111, 20261159),
    "11d": (1141, 20261160),
    "12a": (1171, 20261161),
    "12b": (1201, 20261162),
    "12c": (1231, 20261163),
    "12d": (1261, 20261164),
    "13a": (1291, 20261165),
    "13b": (1321, 20261166),
    "13c": (1351, 20261167),
    "13d": (1381, 20261168),
    "13e": (1411, 20261169),
    "13f": (1441, 20261170),
    "14a": (1471, 20261171),
    "14b": (1501, 20261172),
    "14c": (1531, 20261173),
    "14d": (1561, 20261174),
    "14e": (1591, 20261175),
    "14f": (1621, 20261176),
    "15a": (1651, 20261177),
    "15b": (1681, 20261178),
    "15c": (1711, 20261179),
    "15d": (1741, 20261180),
    "15e": (1771, 20261181),
    "15f": (1801, 20261182),
    "15g": (1831, 20261183),
    "16a": (1861, 20261184),
    "16b": (1891, 20261185),
    "16c": (1921, 20261186),
    "16d": (1951, 20261187),
    "16e": (1981, 20261188),
    "16f": (2011, 20261189),
    "16g": (2041, 20261190),
    "17a": (2071, 20261191),
    "17b": (2101, 20261192),
    "17c": (2131, 20261193),
    "17d": (2161, 20261194),
    "17e": (2191, 20261195),
    "17f": (2221, 20261196),
    "17g": (2251, 20261197),
    "18a": (2281, 20261205),
    "18b": (2311, 20261206),
    "18c": (2341, 20261207),
    "18d": (2371, 20261208),
    "18e": (2401, 20261209),
    "18f": (2431, 20261210),
    "18g": (2461, 20261211),
    "19a": (2491, 20261212),
    "19b": (2521, 20261213),
    "19c": (2551, 20261214),
    "19d": (2581, 20261215),
    "19e": (2611, 20261216),
    "19f": (2641, 20261217),
    "19g": (2671, 20261218),
    "20a": (2701, 20261219),
    "20b": (2731, 20261220),
    "20c": (2761, 20261221),
    "20d": (2791, 20261222),
    "20e": (2821, 20261223),
    "21a": (2851, 20261224),
    "21b": (2881, 20261225),
    "21c": (2911, 20261226),
    "21d": (2941, 20261227),
    "21e": (2971, 20261228),
    "22a": (3001, 20261229),
    "22b": (3031, 20261230),
    "22c": (3061, 20261231),
    "22d": (3091, 20261232),
    "22e": (3121, 20261233),
    "23a": (3151, 20261234),
    "23b": (3181, 20261235),
    "23c": (3211, 20261236),
    "23d": (3241, 20261237),
    "23e": (3271, 20261238),
    "24a": (3301, 20261239),
    "24b": (3331, 20261240),
    "24c": (3361, 20261241),
    "24d": (3391, 20261242),
    "24e": (3421, 20261243),
    "25a": (3451, 20261244),
    "25b": (3481, 20261245),
    "25c": (3511, 20261246),
    "25d": (3541, 20261247),
    "25e": (3571, 20261248),
    "26a": (3601, 20261249),
    "26b": (3631, 20261250),
    "26c": (3661, 20261251),
    "26d": (3691, 20261252),
    "26e": (3721, 20261253),
    "27a": (3751, 20261254),
    "27b": (3781, 20261255),
    "27c": (3811, 20261256),
    "27d": (3841, 20261257),
    "27e": (3871, 20261258),
    "28a": (3901, 20261259),
    "28b": (3931, 20261260),
    "28c": (3961, 20261261),
    "28d": (3991, 20261262),
    "28e": (4021, 20261263),
    "29a": (4051, 20261264),
    "29b": (4081, 20261265),
    "29c": (4111, 20261266),
    "29d": (4141, 20261267),
    "29e": (4171, 20261268),
    "30a": (4201, 20261269),
    "30b": (4231, 20261270),
    "30c": (4261, 20261271),
    "30d": (4291, 20261272),
    "30e": (4321, 20261273),
    "31a": (4351, 20261274),
    "31b": (4381, 20261275),
    "31c": (4411, 20261276),
    "31d": (4441, 20261277),
    "31e": (4471, 20261278),
    "32a": (4501, 20261279),
    "32b": (4531, 20261280),
    "32c": (4561, 20261281),
    "32d": (4591, 20261282),
    "32e": (4621, 20261283),
    "33a": (4651, 20261284),
    "33b": (4681, 20261285),
    "33c": (4711, 20261286),
    "33d": (4741, 20261287),
    "33e": (4771, 20261288),
    "34a": (4801, 20261289),
    "34b": (4831, 20261290),
    "34c": (4861, 20261291),
    "34d": (4891, 20261292),
    "34e": (4921, 20261293),
    "35a": (4951, 20261294),
    "35b": (4981, 20261295),
    "35c": (5011, 20261296),
    "35d": (5041, 20261297),
    "35e": (5071, 20261298),
    "36a": (5101, 20261299),
    "36b": (5131, 20261300),
    "36c": (5161, 20261301),
    "36d": (5191, 20261302),
    "36e": (5221, 20261303),
    "37a": (5251, 20261304),
    "37b": (5281, 20261305),
    "37c": (5311, 20261306),
    "37d": (5341, 20261307),
    "37e": (5371, 20261308),
    "38a": (5401, 20261309),
    "38b": (5431, 20261310),
    "38c": (5461, 20261311),
    "38d": (5491, 20261312),
    "38e": (5521, 20261313),
    "39a": (5551, 20261314),
    "39b": (5581, 20261315),
    "39c": (5611, 20261316),
    "39d": (5641, 20261317),
    "39e": (5671, 20261318),
    "40a": (5701, 20261319),
    "40b": (5731, 20261320),
    "40c": (5761, 20261321),
    "40d": (5791, 20261322),
    "40e": (5821, 20261323),
    "41a": (5851, 20261324),
    "41b": (5881, 20261325),
    "41c": (5911, 20261326),
    "41d": (5941, 20261327),
    "41e": (5971, 20261328),
    "42a": (6001, 20261329),
    "42b": (6031, 20261330),
    "42c": (6061, 20261331),
    "42d": (6091, 20261332),
    "42e": (6121, 20261333),
    "43a": (6151, 20261334),
    "43b": (6181, 20261335),
    "43c": (6211, 20261336),
    "43d": (6241, 20261337),
    "43e": (6271, 20261338),
    "44a": (6301, 20261339),
    "44b": (6331, 20261340),
    "44c": (6361, 20261341),
    "44d": (6391, 20261342),
    "44e": (6421, 20261343),
    "45a": (6451, 20261344),
    "45b": (6481, 20261345),
    "45c": (6511, 20261346),
    "45d": (6541, 20261347),
    "45e": (6571, 20261348),
    "46a": (6601, 20261349),
    "46b": (6631, 20261350),
    "46c": (6661, 20261351),
    "46d": (6691, 20261352),
    "46e": (6721, 20261353),
    "47a": (6751, 20261354),
    "47b": (6781, 20261355),
    "47c": (6811, 20261356),
    "47d": (6841, 20261357),
    "47e": (6871, 20261358),
    "48a": (6901, 20261359),
    "48b": (6931, 20261360),
    "48c": (6961, 20261361),
    "48d": (6991, 20261362),
    "48e": (7021, 20261363),
    "49a": (7051, 20261364),
    "49b": (7081, 20261365),
    "49c": (7111, 20261366),
    "49d": (7141, 20261367),
    "49e": (7171, 20261368),
    "50a": (7201, 20261369),
    "50b": (7231, 20261370),
    "50c": (7261, 20261371),
    "50d": (7291, 20261372),
    "50e": (7321, 20261373),
    "51a": (7351, 20261374),
    "51b": (7381, 20261375),
    "51c": (7411, 20261376),
    "51d": (7441, 20261377),
    "51e": (7471, 20261378),
    "52a": (7501, 20261379),
    "52b": (7531, 20261380),
    "52c": (7561, 20261381),
    "52d": (7591, 20261382),
    "52e": (7621, 20261383),
    "53a": (7651, 20261384),
    "53b": (7681, 20261385),
    "53c": (7711, 20261386),
    "53d": (7741, 20261387),
    "53e": (7771, 20261388),
    "54a": (7801, 20261389),
    "54b": (7831, 20261390),
    "54c": (7861, 20261391),
    "54d": (7891, 20261392),
    "54e": (7921, 20261393),
    "55a": (7951, 20261394),
    "55b": (7981, 20261395),
    "55c": (8011, 20261396),
    "55d": (8041, 20261397),
    "55e": (8071, 20261398),
    "56a": (8101, 20261399),
    "56b": (8131, 20261400),
    "56c": (8161, 20261401),
    "56d": (8191, 20261402),
    "56e": (8221, 20261403),
    "57a": (8251, 20261404),
    "57b": (8281, 20261405),
    "57c": (8311, 20261406),
    "57d": (8341, 20261407),
    "57e": (8371, 20261408),
    "58a": (8401, 20261409),
    "58b": (8431, 20261410),
    "58c": (8461, 20261411),
    "58d": (8491, 20261412),
    "58e": (8521, 20261413),
    "59a": (8551, 20261414),
    "59b": (8581, 20261415),
    "59c": (8611, 20261416),
    "59d": (8641, 20261417),
    "59e": (8671, 20261418),
    "60a": (8701, 20261419),
    "60b": (8731, 20261420),
    "60c": (8761, 20261421),
    "60d": (8791, 20261422),
    "60e": (8821, 20261423),
    "61a": (8851, 20261424),
    "61b": (8881, 20261425),
    "61c": (8911, 20261426),
    "61d": (8941, 20261427),
    "61e": (8971, 20261428),
    "62a": (9001, 20261429),
    "62b": (9031, 20261430),
    "62c": (9061, 20261431),
    "62d": (9091, 20261432),
    "62e": (9121, 20261433),
    "63a": (9151, 20261434),
    "63b": (9181, 20261435),
    "63c": (9211, 20261436),
    "63d": (9241, 20261437),
    "63e": (9271, 20261438),
    "64a": (9301, 20261439),
    "64b": (9331, 20261440),
    "64c": (9361, 20261441),
    "64d": (9391, 20261442),
    "64e": (9421, 20261443),
    "65a": (9451, 20261444),
    "65b": (9481, 20261445),
    "65c": (9511, 20261446),
    "65d": (9541, 20261447),
    "65e": (9571, 20261448),
    "66a": (9601, 20261449),
    "66b": (9631, 20261450),
    "66c": (9661, 20261451),
    "66d": (9691, 20261452),
    "66e": (9721, 20261453),
    "67a": (9751, 20261454),
    "67b": (9781, 20261455),
    "67c": (9811, 20261456),
    "67d": (9841, 20261457),
    "67e": (9871, 20261458),
    "68a": (9901, 20261459),
    "68b": (9931, 20261460),
    "68c": (9961, 20261461),
    "68d": (9991, 20261462),
    "68e": (10021, 20261463),
    "69a": (10051, 20261464),
    "69b": (10081, 20261465),
    "69c": (10111, 20261466),
    "69d": (10141, 20261467),
    "69e": (10171, 20261468),
    "70a": (10201, 20261469),
    "70b": (10231, 20261470),
    "70c": (10261, 20261471),
    "70d": (10291, 20261472),
    "70e": (10321, 20261473),
}
# Articles taken out after annotation, with why (their ids stay out of the seeded split's count).
WITHDRAWN = {
    "c717": "the same page as c773 (sealed-8r): two batch-8 annotators picked it in parallel; the sealed copy is kept",
}
LGNET = re.compile(r"lg\s*net|local government network", re.IGNORECASE)


def load(name: str) -> list[dict]:
    return json.loads((CORPUS / name).read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def dev() -> list[dict]:
    return load("dev.json")


@pytest.fixture(scope="module")
def sealed() -> list[dict]:
    return load("sealed.json")


@pytest.fixture(scope="module")
def dev2() -> list[dict]:
    return load("dev-2.json")


@pytest.fixture(scope="module")
def sealed2() -> list[dict]:
    return load("sealed-2.json")


@pytest.fixture(scope="module")
def first_batch(dev: list[dict], sealed: list[dict]) -> list[dict]:
    return dev + sealed


@pytest.fixture(scope="module")
def half_sealed_parts() -> dict[str, tuple[list[dict], list[dict]]]:
    """Batches 3 and 4 by annotator part ("3a" … "4f"): dev and sealed articles (shape only: nothing is scored)."""
    return {part: (load(f"dev-{part}.json"), load(f"sealed-{part}.json")) for part in HALF_SEALED_PARTS}


@pytest.fixture(scope="module")
def articles(
    first_batch: list[dict], dev2: list[dict], sealed2: list[dict], half_sealed_parts: dict[str, tuple[list, list]]
) -> list[dict]:
    """Every corpus file: all four batches, dev and sealed parts."""
    later = [a for dev_part, sealed_part in half_sealed_parts.values() for a in dev_part + sealed_part]
    return first_batch + dev2 + sealed2 + later


def sealed_ids(count: int) -> set[str]:
    """The split fixed before annotating: one id in each block of three, chosen by a seeded draw."""
    blocks = (count + 2) // 3
    return {f"c{3 * k + random.Random(20261129 + k).randrange(3) + 1:03d}" for k in range(blocks)}


def sealed_2_ids(ids: list[str]) -> set[str]:
    """The second batch's split, fixed before annotating: a seeded shuffle, its first third sealed."""
    shuffled = sorted(ids)
    random.Random(20261129).shuffle(shuffled)
    return set(shuffled[: len(shuffled) // 3])


def test_at_least_150_articles_in_the_first_batch(first_batch: list[dict]) -> None:
    assert len(first_batch) >= 150


def test_ids_and_addresses_are_unique_across_all_corpus_files(articles: list[dict]) -> None:
    ids = [a["id"] for a in articles]
    assert len(set(ids)) == len(ids), "an id appears twice"
    urls = [a["url"] for a in articles]
    twice = sorted({url for url in urls if urls.count(url) > 1})
    assert not twice, f"addresses in more than one article: {twice}"


def test_sealed_part_is_the_seeded_third(dev: list[dict], sealed: list[dict]) -> None:
    ids = {a["id"] for a in dev} | {a["id"] for a in sealed}
    expected = sealed_ids(len(ids)) & ids
    assert {a["id"] for a in sealed} == expected
    assert 0.30 <= len(sealed) / len(ids) <= 0.36


def test_second_batch_follows_the_first_and_its_sealed_part_is_the_seeded_third(
    first_batch: list[dict], dev2: list[dict], sealed2: list[dict]
) -> None:
    last_first = max(int(a["id"][1:]) for a in first_batch)
    ids = [a["id"] for a in dev2 + sealed2]
    assert len(ids) >= 60
    assert sorted(ids) == [f"c{n:03d}" for n in range(last_first + 1, last_first + 1 + len(ids))]
    assert {a["id"] for a in sealed2} == sealed_2_ids(ids)


def test_later_batch_parts_are_thirty_ids_each_and_their_sealed_half_is_the_seeded_one(
    half_sealed_parts: dict[str, tuple[list[dict], list[dict]]],
) -> None:
    for part, (first, seed) in HALF_SEALED_PARTS.items():
        dev_part, sealed_part = half_sealed_parts[part]
        ids = [f"c{n:03d}" for n in range(first, first + 30)]
        # sorted as strings: "c1000" sorts before "c991"
        assert sorted(a["id"] for a in dev_part + sealed_part) == sorted(i for i in ids if i not in WITHDRAWN), part
        random.Random(seed).shuffle(ids)
        assert {a["id"] for a in sealed_part} == set(ids[:15]) - WITHDRAWN.keys(), part


def test_fields_and_types(articles: list[dict]) -> None:
    for a in articles:
        for field, kind in FIELDS.items():
            assert isinstance(a.get(field), kind), f"{a.get('id')}: {field} is not {kind.__name__}"
        for field in NULLABLE:
            assert field in a and (a[field] is None or isinstance(a[field], str)), f"{a['id']}: {field}"
        assert a["category"] in CATEGORIES, a["id"]
        assert a["url"].startswith(("http://", "https://")), a["id"]
        assert a["text"].strip() and "\n\n\n" not in a["text"], a["id"]
        if a["date"] is not None:
            assert re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", a["date"]), a["id"]


def test_quote_starts_occur_in_the_text(articles: list[dict]) -> None:
    for a in articles:
        for q in a["quotes"]:
            assert set(q) >= {"start", "speaker", "speaker_canonical", "role", "marked"}, a["id"]
            start = q["start"]
            position = a["text"].find(start)
            assert position >= 0, f"{a['id']}: {start!r} not in text"
            assert len(start) == min(40, len(a["text"]) - position), f"{a['id']}: {start!r}"
            assert isinstance(q["marked"], bool)
            if q["speaker"] is None:
                assert q["speaker_canonical"] is None, a["id"]


def test_figures_are_numeric_and_found_in_the_text(articles: list[dict]) -> None:
    for a in articles:
        seen = set()
        for f in a["figures"]:
            value = f["value"]
            assert isinstance(value, (int, float)) and not isinstance(value, bool), a["id"]
            assert isinstance(f["unit"], str) and f["unit"], a["id"]
            assert f["text"] in a["text"], f"{a['id']}: {f['text']!r} not in text"
            assert f["kind"] in {"result", "network"} and isinstance(f["optional"], bool), a["id"]
            assert f["qualifier"] is None or isinstance(f["qualifier"], str), a["id"]
            assert (value, f["unit"]) not in seen, f"{a['id']}: {value} {f['unit']} twice"
            seen.add((value, f["unit"]))


def test_no_article_is_about_lgnet(articles: list[dict]) -> None:
    for a in articles:
        assert not LGNET.search((a["title"] or "") + "\n" + a["text"]), a["id"]


def test_sources_list_every_article(articles: list[dict]) -> None:
    sources = "".join(p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("SOURCES*.md")))
    for a in articles:
        assert f"| {a['id']} |" in sources and a["url"] in sources, a["id"]
