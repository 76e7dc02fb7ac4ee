"""Crawl benchmark: a simulated web of realistic Italian news pages, crawled end to end, vs trafilatura alone.

Prints end-to-end crawl throughput (download, extraction, matching, NLP when available, storage), standalone
trafilatura throughput over the same pages (one process), their ratio, and the share of pages a second crawl
downloads again; then the same web with every outlet known only by its domain (feeds and sitemaps found from
the home page): time finding sources against the crawl itself, and the second crawl's re-download share.
``python benchmarks/crawl.py [--pages N] [--outlets K] [--workers N]``; with ``--workers`` also a distributed
crawl (PostgreSQL + Redis on 127.0.0.1) by 1..N workers: pages/s, peak memory, CPU per page.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import yaml
from sqlmodel import Session, col, create_engine, select

from rassegna.crawler.extract import extract_page
from rassegna.simweb import Resource, SimWeb, Site
from rassegna.simweb.pages import PageSpec, article_html, listing_html, rss, sitemap

WORDS = [
    "comune",
    "consiglio",
    "sindaco",
    "assessore",
    "servizi",
    "sociali",
    "quartiere",
    "progetto",
    "cittadini",
    "integrazione",
    "lavoro",
    "scuola",
    "associazioni",
    "volontari",
    "sportello",
    "mediatori",
    "famiglie",
    "giovani",
    "anziani",
    "bilancio",
    "delibera",
    "piazza",
    "mercato",
    "trasporti",
    "cantiere",
    "strada",
    "ospedale",
    "sanità",
    "cultura",
    "teatro",
    "mostra",
    "festival",
    "sport",
    "squadra",
    "partita",
    "regione",
    "provincia",
    "prefettura",
    "questura",
    "carabinieri",
    "incidente",
    "maltempo",
    "allerta",
    "fondi",
    "europei",
    "bando",
    "formazione",
]
CITIES = [
    "Torino",
    "Latina",
    "Genova",
    "Napoli",
    "Palermo",
    "Bologna",
    "Firenze",
    "Roma",
    "Milano",
    "Trieste",
]
CONTENT_TYPE = "text/html; charset=utf-8"


def _sentence(rng: random.Random) -> str:
    words = rng.choices(WORDS, k=rng.randint(14, 28))
    return f"{rng.choice(CITIES)}, " + " ".join(words).capitalize() + "."


def build_web(pages: int, outlets: int, seed: int = 7) -> tuple[list[Site], dict[str, bytes], int, dict]:
    """Sites with ``pages`` articles (50–150 KiB), a sitemap and a feed per outlet; ~7% mention LgNet2."""
    rng = random.Random(seed)
    sites = [Site(f"www.testata{k}.test") for k in range(outlets)]
    bodies: dict[str, bytes] = {}
    relevant = 0
    per_site: dict[int, list[tuple[str, date]]] = {k: [] for k in range(outlets)}
    start = date(2023, 9, 1)
    for i in range(pages):
        k = i % outlets
        day = start + timedelta(days=i % 120)
        path = f"/{day:%Y/%m/%d}/articolo-{i}.html"
        paragraphs = [" ".join(_sentence(rng) for _ in range(rng.randint(2, 4))) for _ in range(rng.randint(5, 12))]
        if rng.random() < 0.07:
            relevant += 1
            paragraphs.insert(
                rng.randint(0, len(paragraphs)), f"Il progetto LgNet2 coinvolge anche {rng.choice(CITIES)}."
            )
        related = [(f"/{day:%Y/%m/%d}/articolo-{rng.randrange(pages)}.html", _sentence(rng)[:70]) for _ in range(8)]
        if rng.random() < 0.05:
            related.append(("/lgnet2/", "LgNet2: tutte le notizie"))  # a sidebar mention only
        spec = PageSpec(
            path,
            _sentence(rng)[:90],
            paragraphs,
            day,
            author=f"Redazione {k}",
            site_name=f"Testata {k}",
            related=related,
            padding=rng.randint(45, 140) * 1024,
        )
        html = article_html(spec, seed=i).encode("utf-8")
        sites[k].add(path, Resource(html, content_type=CONTENT_TYPE))
        bodies[f"http://{sites[k].host}{path}"] = html
        per_site[k].append((f"http://{sites[k].host}{path}", day))
    outlets_cfg = []
    for k, site in enumerate(sites):
        entries = per_site[k]
        robots = f"User-agent: *\nDisallow: /area-riservata/\nSitemap: http://{site.host}/sitemap.xml\n"
        site.add("/robots.txt", Resource(robots, content_type="text/plain"))
        home = listing_html(f"Testata {k}", [(u, "articolo") for u, _ in entries[-20:]], f"Testata {k}")
        feed_link = f'<link rel="alternate" type="application/rss+xml" href="http://{site.host}/rss/">'
        site.add("/", home.replace("</head>", feed_link + "</head>", 1))
        site.add("/sitemap.xml", Resource(sitemap(entries, news=True), content_type="application/xml"))
        latest = [(u + "?utm_source=rss", "t", d) for u, d in entries[-30:]]  # same articles, tracking params
        site.add(
            "/rss/",
            Resource(rss(f"Testata {k}", f"http://{site.host}/", latest), content_type="application/rss+xml"),
        )
        outlets_cfg.append(
            {
                "name": f"Testata{k}.it",
                "category": "quotidiani",
                "domains": [site.host[4:]],
                "feeds": [f"http://{site.host}/rss/"],
                "sitemaps": [f"http://{site.host}/sitemap.xml"],
            }
        )
    config = {
        "campaigns": [{"name": "LgNet2", "keywords": ["LgNet2", "LgNetEA"], "partner_cities": CITIES}],
        "outlets": outlets_cfg,
        "crawl": {
            "user_agent": "rassegna-bench/0.1",
            "concurrency": 16,
            "per_domain_concurrency": 2,
            "download_timeout": 30,
        },
    }
    return sites, bodies, relevant, config


def standalone(bodies: dict[str, bytes]) -> float:
    """Pages per second of trafilatura extraction alone, one process, same pages."""
    started = time.perf_counter()
    for url, body in bodies.items():
        extract_page(body, CONTENT_TYPE, url)
    return len(bodies) / (time.perf_counter() - started)


def precise_vs_fast(bodies: dict[str, bytes]) -> tuple[float, float]:
    """CPU seconds per page of trafilatura's fast path and of the crawler's extraction as crawled (the fast path,
    the precise one where the fast text is doubtful or leaves out a campaign the markup names, plus the headline and
    byline signals ``extract_article`` reads): ``extract_page`` as the extraction processes run it."""
    import trafilatura

    from rassegna.crawler.extract import TRAFILATURA_OPTIONS, decode_html
    from rassegna.crawler.matcher import CampaignMatcher

    pages = [(url, body, decode_html(body, CONTENT_TYPE)) for url, body in bodies.items()]
    options: dict[str, Any] = dict(TRAFILATURA_OPTIONS)
    campaigns = CampaignMatcher([("LgNet2", ["LgNet2", "LgNetEA"], [])])  # the benchmark's configuration

    def fast_path(url: str, body: bytes, html: str) -> None:
        trafilatura.bare_extraction(html, url=url, fast=True, **options)

    def as_crawled(url: str, body: bytes, html: str) -> None:
        extract_page(body, CONTENT_TYPE, url, campaigns=campaigns)

    def cpu(step: Callable[[str, bytes, str], None], page: tuple[str, bytes, str]) -> float:
        started = time.process_time()
        step(*page)
        return time.process_time() - started

    for page in pages[:20]:  # warm-up: imports and caches
        fast_path(*page)
    # Page by page, the two in turn: whatever else the machine does weighs on both alike.
    fast = precise = 0.0
    for page in pages:
        fast += cpu(fast_path, page)
        precise += cpu(as_crawled, page)
    return fast / len(pages), precise / len(pages)


def crawl(web: SimWeb, config: Path, db_url: str) -> float:
    """Run one crawl in a child process; its wall time in seconds."""
    env = web.proxy_env(dict(os.environ))
    started = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-m", "rassegna.app.crawl", "--config", str(config), "--db", db_url],
        env=env,
        capture_output=True,
        text=True,
    )
    elapsed = time.perf_counter() - started
    if result.returncode != 0:
        sys.exit(f"crawl failed ({result.returncode}):\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}")
    return elapsed


def child_crawl(config_path: str, db_url: str) -> None:
    """In a child process: one crawl pass, printing the seconds each spider family took as JSON."""
    from rich.console import Console

    from rassegna.app.crawl import nlp_analyzer
    from rassegna.app.crawlstore import DbCrawlStore, registry_outlets
    from rassegna.config.loader import load_settings
    from rassegna.crawler.runner import run_crawl
    from rassegna.storage.db import engine_for

    settings = load_settings(Path(config_path))
    engine = engine_for(db_url)
    started = time.perf_counter()
    report = run_crawl(
        outlets=registry_outlets(engine, settings.outlets),
        campaigns=settings.campaigns,
        crawl=settings.crawl,
        store=DbCrawlStore(engine),
        analyzer=nlp_analyzer(settings.campaigns),
        console=Console(file=open(os.devnull, "w")),  # noqa: SIM115 - for the life of the child
    )
    seconds = time.perf_counter() - started
    print(json.dumps({"timings": report.timings, "seconds": seconds, "errors": len(report.errors)}))


def timed_crawl(web: SimWeb, config: Path, db_url: str) -> dict:
    """A crawl in a child process through ``child_crawl``; its timings."""
    result = subprocess.run(
        [sys.executable, __file__, "--child", str(config), db_url],
        env=web.proxy_env(dict(os.environ)),
        capture_output=True,
        text=True,
    )
    if result.returncode != 0:
        sys.exit(f"crawl failed ({result.returncode}):\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}")
    return json.loads(result.stdout.strip().splitlines()[-1])


def domain_only_run(sites: list[Site], bodies: dict[str, bytes], config: dict) -> None:
    """The same web with every outlet known only by its domain: finding sources against crawling them."""
    config = {
        **config,
        "outlets": [{k: v for k, v in o.items() if k not in ("feeds", "sitemaps")} for o in config["outlets"]],
    }
    article_paths = {u.split("://", 1)[1] for u in bodies}
    with tempfile.TemporaryDirectory() as tmp, SimWeb(sites) as web:
        config_path = Path(tmp, "bench.yaml")
        config_path.write_text(yaml.safe_dump(config), encoding="utf-8")
        db_url = f"sqlite:///{tmp}/bench.db"
        first = timed_crawl(web, config_path, db_url)
        first_hits = sum(n for key, n in web.requests.items() if key.split("?")[0] in article_paths)
        web.reset_counts()
        second = timed_crawl(web, config_path, db_url)
        again = sum(n for key, n in web.requests.items() if key.split("?")[0] in article_paths)
        with Session(create_engine(db_url)) as session:
            from rassegna.storage.models import Clipping, FoundSourceRow

            clippings = len(session.exec(select(Clipping)).all())
            found = len(session.exec(select(FoundSourceRow)).all())
    finding = first["timings"].get("sources", 0.0)
    crawling = sum(t for name, t in first["timings"].items() if name != "sources")
    print(f"\ndomain-only outlets ({len(sites)}): {found} feeds and sitemaps found; {clippings} clippings stored")
    print(
        f"crawl 1: finding sources {finding:.1f} s, crawling them {crawling:.1f} s "
        f"(finding = {100 * finding / (finding + crawling):.1f} % of the spider time; "
        f"{first['seconds']:.1f} s whole run); article requests: {first_hits}"
    )
    print(
        f"second crawl: {again} of {len(bodies)} article pages downloaded again "
        f"({100 * again / len(bodies):.2f}%), {second['seconds']:.1f} s, sources found again: "
        f"{'yes' if second['timings'].get('sources') else 'no'}"
    )


def main() -> None:
    """Build the web, crawl twice, extract standalone, print the figures; then the domain-only run."""
    if len(sys.argv) == 4 and sys.argv[1] == "--child":
        child_crawl(sys.argv[2], sys.argv[3])
        return
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--pages", type=int, default=2000)
    parser.add_argument("--outlets", type=int, default=10)
    parser.add_argument("--domain-only", action="store_true", help="only the run with domain-only outlets")
    parser.add_argument("--workers", type=int, default=0, help="also crawl distributed with 1..N workers")
    parser.add_argument(
        "--distributed-only", action="store_true", help="with --workers: the local crawl once, then 1..N workers"
    )
    parser.add_argument(
        "--national", type=int, default=0, metavar="PAGES", help="only the national-scale run: PAGES on --outlets"
    )
    parser.add_argument(
        "--worker-processes",
        type=int,
        metavar="N",
        help="with --national: each worker's extraction processes (`rassegna worker --processes N`; 0: in the worker)",
    )
    args = parser.parse_args()
    if args.national:
        national_run(args.national, args.outlets, args.workers or 3, args.worker_processes)
        return

    from rassegna.storage.models import Clipping

    sites, bodies, relevant, config = build_web(args.pages, args.outlets)
    size = sum(map(len, bodies.values())) / len(bodies) / 1024
    print(
        f"simulated web: {len(bodies)} article pages on {len(sites)} outlets, mean {size:.0f} KiB, "
        f"{relevant} mention the campaign"
    )
    if args.domain_only:
        domain_only_run(sites, bodies, config)
        return
    try:
        import rassegna.nlp as nlp

        nlp_state = "on" if hasattr(nlp, "analyze_many") else "off (rassegna.nlp has no analyze_many)"
    except Exception as exc:  # noqa: BLE001
        nlp_state = f"off ({type(exc).__name__})"
    with tempfile.TemporaryDirectory() as tmp, SimWeb(sites) as web:
        config_path = Path(tmp, "bench.yaml")
        config_path.write_text(yaml.safe_dump(config), encoding="utf-8")
        db_url = f"sqlite:///{tmp}/bench.db"
        wall = crawl(web, config_path, db_url)
        if args.distributed_only:
            with Session(create_engine(db_url)) as session:
                run = finished_run(session)
                local_rate = run.pages / run_seconds_of(run)
            print(f"local crawl: {run.pages} pages, {len(bodies) / wall:.1f} pages/s wall incl. process start")
            distributed_report(web, config_path, args.workers, local_rate)
            return
        article_paths = {u.split("://", 1)[1] for u in bodies}
        first_hits = sum(n for key, n in web.requests.items() if key.split("?")[0] in article_paths)
        web.reset_counts()
        wall2 = crawl(web, config_path, db_url)
        again = sum(n for key, n in web.requests.items() if key.split("?")[0] in article_paths)
        engine = create_engine(db_url)
        with Session(engine) as session:
            run = finished_run(session, newest=False)
            clippings = len(session.exec(select(Clipping)).all())
            run_seconds = run_seconds_of(run)
        if args.workers:
            distributed_report(web, config_path, args.workers, run.pages / run_seconds)
    alone = standalone(bodies)
    fast, precise = precise_vs_fast(bodies)
    e2e, e2e_wall = len(bodies) / run_seconds, len(bodies) / wall
    print(
        f"NLP: {nlp_state}; clippings stored: {clippings} (expected {relevant}); "
        f"article requests in crawl 1: {first_hits}"
    )
    print(
        f"end-to-end crawl:      {e2e:7.1f} pages/s  ({run_seconds:.1f} s crawl run; "
        f"{e2e_wall:.1f} pages/s over {wall:.1f} s incl. process start)"
    )
    print(f"standalone trafilatura:{alone:7.1f} pages/s  (one process, same pages)")
    print(f"ratio end-to-end / standalone: {e2e / alone:.2f}  (wall incl. start-up: {e2e_wall / alone:.2f})")
    print(
        f"extraction CPU per page: fast {1000 * fast:.1f} ms, as crawled {1000 * precise:.1f} ms; "
        f"ratio as crawled / fast: {precise / fast:.2f}  (limit 1.30)"
    )
    print(
        f"second crawl: {again} of {len(bodies)} article pages downloaded again "
        f"({100 * again / len(bodies):.2f}%), {wall2:.1f} s"
    )
    domain_only_run(sites, bodies, config)


# --- distributed (`--workers N`) ------------------------------------------------------------------------------

PG_ADMIN = os.environ.get("RASSEGNA_TEST_PG", "postgresql://postgres@127.0.0.1:5432/test")
REDIS = os.environ.get("RASSEGNA_REDIS_URL", "redis://127.0.0.1:6379/0")


def _family(pid: int) -> list[int]:
    """``pid`` and its descendants (the worker's extraction processes)."""
    pids, i = [pid], 0
    while i < len(pids):
        for path in Path(f"/proc/{pids[i]}/task").glob("*/children"):
            pids.extend(int(c) for c in path.read_text().split())
        i += 1
    return pids


def _peak_mib(pid: int) -> float:
    """Peak resident memory of one process (VmHWM), MiB."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return 0.0


def _pss_mib(pid: int) -> float:
    """Proportional set size of one process (each page shared by n processes counts 1/n), MiB: summed over a
    process family it counts shared pages (libraries, copy-on-write) once, where a sum of RSS counts them in
    every process."""
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1]) / 1024
    except OSError:  # the process ended meanwhile
        pass
    return 0.0


def _cpu_seconds(pid: int) -> float:
    """User + system CPU seconds of one process."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _fresh_database(admin: object) -> str:
    """A new PostgreSQL database for one distributed run; its URL."""
    import uuid

    name = f"rassegna_bench_{uuid.uuid4().hex[:8]}"
    admin.execute(f'CREATE DATABASE "{name}"')  # type: ignore[attr-defined]
    return PG_ADMIN.rsplit("/", 1)[0] + "/" + name


def finished_run(session: Session, *, newest: bool = True) -> Any:
    """The newest (or first) crawl run recorded, finished (exits if there is none)."""
    from rassegna.storage.models import CrawlRun

    order = col(CrawlRun.id).desc() if newest else col(CrawlRun.id)
    run = session.exec(select(CrawlRun).order_by(order)).first()
    if run is None or run.finished_at is None:
        sys.exit("no finished crawl run recorded")
    return run


def run_seconds_of(run: Any) -> float:
    """How long a finished crawl run took."""
    return float((run.finished_at - run.started_at).total_seconds())


def distributed_crawl(
    web: SimWeb, config: Path, workers: int, db_url: str, processes: int | None = None
) -> dict[str, Any]:
    """One distributed run by ``workers`` fresh worker processes on ``db_url`` (each with ``processes``
    extraction processes; None: its default); its figures."""
    env = {
        **web.proxy_env(dict(os.environ)),
        "RASSEGNA_REDIS_URL": REDIS,
        "RASSEGNA_REDIS_NAMESPACE": f"bench-{db_url.rsplit('/', 1)[1]}",
        "RASSEGNA_NO_NLP": os.environ.get("RASSEGNA_NO_NLP", ""),
    }
    base = [sys.executable, "-m", "rassegna", "--config", str(config), "--db", db_url]
    logs = [tempfile.TemporaryFile() for _ in range(workers)]  # noqa: SIM115 - closed when the run is over
    worker = [*base, "worker"] + ([] if processes is None else ["--processes", str(processes)])
    procs = [subprocess.Popen(worker, env=env, stdout=log, stderr=subprocess.STDOUT) for log in logs]
    try:
        deadline = time.monotonic() + 300
        while not all(_said(log, b"waiting for runs") for log in logs):  # every worker ready: each gets a share
            if time.monotonic() > deadline or any(w.poll() is not None for w in procs):
                sys.exit("a worker did not start: " + b"".join(_tail(log) for log in logs).decode(errors="replace"))
            time.sleep(0.2)
        cpu_before = sum(_cpu_seconds(p) for w in procs for p in _family(w.pid))
        # Its output goes to a file: a pipe read only at the end would fill up (the summary has a line per source)
        # and stall the coordinator.
        with tempfile.TemporaryFile() as out:
            coordinator = subprocess.Popen([*base, "crawl", "--distributed"], env=env, stdout=out, stderr=out)
            coordinator_peak = 0.0
            family_pss = [0.0] * workers  # each worker's family, sampled through the run (PSS has no peak field)
            while coordinator.poll() is None:
                coordinator_peak = max(coordinator_peak, _peak_mib(coordinator.pid))
                for i, w in enumerate(procs):
                    family_pss[i] = max(family_pss[i], sum(_pss_mib(p) for p in _family(w.pid)))
                time.sleep(0.5)
            if coordinator.returncode != 0:
                sys.exit(f"distributed crawl failed ({coordinator.returncode}): {_tail(out).decode(errors='replace')}")
        main_peaks = [_peak_mib(w.pid) for w in procs]
        family_peaks = [sum(_peak_mib(p) for p in _family(w.pid)) for w in procs]
        cpu = sum(_cpu_seconds(p) for w in procs for p in _family(w.pid)) - cpu_before
    finally:
        for w in procs:
            w.terminate()
        for w in procs:
            w.wait(timeout=300)
        for log in logs:
            log.close()
    engine = create_engine(db_url.replace("postgresql://", "postgresql+psycopg://"))
    with Session(engine) as session:
        run = finished_run(session)
        seconds, pages, outcome = run_seconds_of(run), run.pages, run.outcome
    engine.dispose()
    return {
        "pages": pages,
        "seconds": seconds,
        "rate": pages / seconds,
        "outcome": outcome,
        "coordinator_mib": coordinator_peak,
        "worker_mib": max(main_peaks),
        "worker_family_mib": max(family_peaks),
        "worker_family_pss_mib": max(family_pss),
        "cpu_ms_per_page": 1000 * cpu / max(pages, 1),
    }


def _said(log: object, text: bytes) -> bool:
    log.seek(0)  # type: ignore[attr-defined]
    return text in log.read()  # type: ignore[attr-defined]


def _tail(log: object) -> bytes:
    log.seek(0)  # type: ignore[attr-defined]
    return log.read()[-1500:]  # type: ignore[attr-defined]


def _article_hits(web: SimWeb, bodies: dict[str, bytes]) -> int:
    paths = {u.split("://", 1)[1] for u in bodies}
    return sum(n for key, n in web.requests.items() if key.split("?")[0] in paths)


def distributed_report(web: SimWeb, config: Path, workers: int, local_rate: float) -> None:
    """Pages/s of 1..``workers`` workers beside the local crawl, with memory and CPU per page."""
    import psycopg

    print(f"distributed crawl ({os.cpu_count()} cores here: more workers cannot be faster than the cores allow)")
    print(f"  local crawl:  {local_rate:7.1f} pages/s over the crawl run")
    admin = psycopg.connect(PG_ADMIN, autocommit=True)
    for n in range(1, workers + 1):
        web.reset_counts()
        db_url = _fresh_database(admin)
        try:
            fig = distributed_crawl(web, config, n, db_url)
        finally:
            admin.execute(f'DROP DATABASE IF EXISTS "{db_url.rsplit("/", 1)[1]}" WITH (FORCE)')
        print(
            f"  {n} worker(s): {fig['rate']:7.1f} pages/s over the crawl run ({fig['pages']:.0f} pages, "
            f"{fig['seconds']:.0f} s, {fig['outcome']}); peak memory: coordinator {fig['coordinator_mib']:.0f} MiB, "
            f"worker {fig['worker_mib']:.0f} MiB (with its extraction processes {fig['worker_family_pss_mib']:.0f}"
            f" MiB PSS, {fig['worker_family_mib']:.0f} MiB RSS summed); "
            f"CPU {fig['cpu_ms_per_page']:.1f} ms per page over all workers",
            flush=True,
        )


def national_run(pages: int, outlets: int, workers: int, processes: int | None = None) -> None:
    """The national scale: ``pages`` articles on ``outlets`` outlets crawled by ``workers`` workers (each with
    ``processes`` extraction processes), twice (the second crawl's article downloads are the re-crawl share)."""
    import psycopg

    sites, bodies, relevant, config = build_web(pages, outlets)
    size = sum(map(len, bodies.values())) / len(bodies) / 1024
    print(
        f"national scale: {len(bodies)} article pages on {len(sites)} outlets (mean {size:.0f} KiB), {workers} workers"
        + ("" if processes is None else f" with {processes} extraction processes each")
    )
    admin = psycopg.connect(PG_ADMIN, autocommit=True)
    with tempfile.TemporaryDirectory() as tmp, SimWeb(sites) as web:
        config_path = Path(tmp, "bench.yaml")
        config_path.write_text(yaml.safe_dump(config), encoding="utf-8")
        db_url = _fresh_database(admin)
        try:
            first = distributed_crawl(web, config_path, workers, db_url, processes)
            first_hits = _article_hits(web, bodies)
            web.reset_counts()
            second = distributed_crawl(web, config_path, workers, db_url, processes)
            again = _article_hits(web, bodies)
            engine = create_engine(db_url.replace("postgresql://", "postgresql+psycopg://"))
            from rassegna.storage.models import Clipping

            with Session(engine) as session:
                clippings = len(session.exec(select(Clipping)).all())
            engine.dispose()
        finally:
            admin.execute(f'DROP DATABASE IF EXISTS "{db_url.rsplit("/", 1)[1]}" WITH (FORCE)')
    print(
        f"  crawl 1: {first['pages']:.0f} pages in {first['seconds']:.0f} s ({first['rate']:.1f} pages/s, "
        f"{first['outcome']}); {first_hits} article requests; {clippings} clippings (expected {relevant})"
    )
    print(
        f"  peak memory (target 300 MiB each): coordinator {first['coordinator_mib']:.0f} MiB; worker "
        f"{first['worker_mib']:.0f} MiB alone; with its extraction processes {first['worker_family_pss_mib']:.0f} MiB "
        f"PSS (shared pages counted once), {first['worker_family_mib']:.0f} MiB summing each process's peak RSS"
    )
    print(f"  CPU per page over all workers: {first['cpu_ms_per_page']:.1f} ms")
    print(
        f"  crawl 2: {again} of {len(bodies)} article pages downloaded again ({100 * again / len(bodies):.2f}%, "
        f"target < 2%), {second['seconds']:.0f} s; peak memory coordinator {second['coordinator_mib']:.0f} MiB, "
        f"worker {second['worker_mib']:.0f} MiB"
    )


if __name__ == "__main__":
    main()
