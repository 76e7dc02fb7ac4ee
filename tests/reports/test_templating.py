"""One Jinja environment for every template, one format registry for every renderer."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from rassegna.reports.formats import FORMATS, format_for_extension, format_spec
from rassegna.reports.templating import environment


def test_every_template_of_report_and_desk_is_in_the_one_environment() -> None:
    env = environment()
    for name in ("report.html.j2", "report.md.j2", "dashboard.html", "inbox.html", "base.html"):
        assert env.get_template(name).environment is env
    assert env.autoescape is True


def test_the_filters_have_one_set_of_defaults() -> None:
    env = environment()
    page = env.from_string(
        "{{ none|num }}|{{ none|num('n.d.') }}|{{ 1641811|num }}|{{ 3|uscite }}|{{ k|category_label }}"
    )
    assert page.render(none=None, k="radio_tv") == "|n.d.|1.641.811|3 uscite|Radio, TV e canali online"


def test_local_time_follows_the_page_time_zone() -> None:
    page = environment().from_string("{{ t|localtime }}")
    moment = datetime(2023, 10, 18, 7, 30, tzinfo=UTC)
    assert page.render(t=moment) == "18/10/2023 09:30"  # Europe/Rome unless the page says otherwise
    assert page.render(t=moment, timezone="America/New_York") == "18/10/2023 03:30"


def test_markup_from_crawled_text_is_escaped_by_every_filter() -> None:
    env = environment()
    hostile = "<script>x</script> **[a](javascript:x)**"
    assert "<script>" not in env.from_string("{{ t|hl }}{{ t|highlight }}{{ t }}").render(t=hostile)
    assert env.from_string("{{ t|md }}").render(t=hostile) == (
        "&lt;script&gt;x&lt;/script&gt; \\*\\*\\[a\\]\\(javascript:x\\)\\*\\*"
    )
    assert env.from_string("{{ u|mdlink }}").render(u="javascript:alert(1)") == "javascript:alert\\(1\\)"


def test_the_desk_renders_with_the_one_environment() -> None:
    from rassegna.web.app import _templates

    assert _templates("Europe/Rome").env is environment()


def test_format_registry() -> None:
    assert list(FORMATS) == ["html", "pdf", "md", "xlsx", "json"]
    assert format_spec("pdf").media_type == "application/pdf" and format_spec("md").extension == ".md"
    assert format_for_extension(".MARKDOWN") is FORMATS["md"] and format_for_extension(".htm") is FORMATS["html"]
    assert format_for_extension(".docx") is None
    with pytest.raises(ValueError, match="unknown report format 'docx'; expected one of: html, pdf, md, xlsx, json"):
        format_spec("docx")
    assert FORMATS["json"].renderer().__name__ == "render_json"


def test_the_scheduler_names_its_files_from_the_registry() -> None:
    from datetime import date

    from rassegna.app.scheduler.jobs import report_filename

    assert report_filename("LgNet2", date(2023, 10, 1), date(2023, 10, 7), "md") == "LgNet2-2023-10-01_2023-10-07.md"
