"""The configuration is read by the same guarded YAML loader as imports: bombs, tags and odd keys are one line."""

from __future__ import annotations

from pathlib import Path

import pytest

from rassegna.config import ConfigError, load_settings

BOMB = "".join(
    f"x{name}: &{name} [{', '.join([f'*{prev}'] * 9) if prev else ', '.join(['lol'] * 9)}]\n"
    for prev, name in zip([None, *"abcdefgh"], "abcdefghi", strict=True)
)


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        (BOMB, 3, "too many aliases"),
        ("campaigns: &a\n  - *a\n", 1, "recursive alias"),
        ("campaigns: !!python/name:os.system\n", 1, "tag 'tag:yaml.org,2002:python/name:os.system' is not allowed"),
        ("campaigns:\n  ? [a, b]\n  : x\n", 2, "a key must be a plain name"),
    ],
)
def test_hostile_configuration_is_one_error_naming_file_and_line(
    tmp_path: Path, text: str, line: int, message: str
) -> None:
    path = tmp_path / "config.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load_settings(path)
    assert f"{path}, line {line}" in str(caught.value) and message in str(caught.value)
