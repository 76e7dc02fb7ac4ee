"""Load the YAML configuration; every error names the file, the line and the key."""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from pydantic import TypeAdapter, ValidationError

from rassegna.config.models import Outlet, Settings

DEFAULT_CONFIG = Path(__file__).with_name("default.yaml")
DEFAULT_DATABASE_URL = "sqlite:///rassegna.db"

Loc = tuple[str | int, ...]


class ConfigError(Exception):
    """A configuration file that cannot be used, with where and why."""

    def __init__(self, file: str | Path, line: int | None, key: str | None, message: str):
        self.file, self.line, self.key, self.message = str(file), line, key, message
        super().__init__(str(self))

    def __str__(self) -> str:
        where = self.file if self.line is None else f"{self.file}, line {self.line}"
        return f"{where}: {self.key}: {self.message}" if self.key else f"{where}: {self.message}"


@dataclass(frozen=True, slots=True)
class YamlDocument:
    """Parsed YAML plus the line of every key and list item in it (keys are paths like ("outlets", 3))."""

    data: Any
    lines: dict[Loc, int]


# Aliases are refused past a small budget: each one can double what the file expands to (a 500-byte
# "billion laughs" file grows to gigabytes). Tags could name Python objects; only YAML's plain types are read.
ALIAS_BUDGET = 100  # nodes reached through aliases, over the whole document
SAFE_TAGS = frozenset(
    "tag:yaml.org,2002:" + name for name in ("str", "int", "float", "bool", "null", "timestamp", "map", "seq")
)
# libyaml's parser when PyYAML has it: composing the bundled registry is ~15x faster (every command reads it).
_COMPOSER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _compose(text: str, file: Path) -> YamlDocument:
    try:
        node = yaml.compose(text, Loader=_COMPOSER)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        problem = str(exc.problem or exc)
        if "nesting depth" in problem:  # libyaml's own limit; the pure-Python parser recurses instead
            raise ConfigError(file, line, None, "invalid YAML: nested too deeply") from exc
        raise ConfigError(file, line, None, f"invalid YAML: {problem}") from exc
    except yaml.YAMLError as exc:
        raise ConfigError(file, None, None, f"invalid YAML: {exc}") from exc
    except RecursionError:
        raise ConfigError(file, None, None, "invalid YAML: nested too deeply") from None
    lines: dict[Loc, int] = {}
    if node is None:
        return YamlDocument({}, lines)
    builder = _Builder(file, lines)
    try:
        return YamlDocument(builder.build(node, ()), lines)
    except RecursionError:
        raise ConfigError(file, None, None, "invalid YAML: nested too deeply") from None


class _Builder:
    """Python values from a composed YAML node graph: plain types only, aliases budgeted, no cycles."""

    def __init__(self, file: Path, lines: dict[Loc, int]):
        self.file, self.lines = file, lines
        self.built: set[int] = set()  # nodes already built once: meeting one again means an alias
        self.through_alias = 0
        self.path: set[int] = set()  # nodes being built: meeting one again means a recursive alias

    def fail(self, node: yaml.Node, message: str, loc: Loc | None = None) -> ConfigError:
        line = node.start_mark.line + 1
        if loc is not None:  # an aliased node carries its anchor's line: name where it is used instead
            line = next((self.lines[loc[:end]] for end in range(len(loc), -1, -1) if loc[:end] in self.lines), line)
        return ConfigError(self.file, line, dotted(loc) or None if loc else None, message)

    def _parent_line(self, loc: Loc) -> int:
        # The root is recorded before anything under it: some ancestor always has a line (1 is a safe floor).
        return next((self.lines[loc[:end]] for end in range(len(loc) - 1, -1, -1) if loc[:end] in self.lines), 1)

    def build(self, node: yaml.Node, loc: Loc, aliased: bool = False) -> Any:
        if id(node) in self.path:
            raise self.fail(node, "a recursive alias (an anchor used inside itself) is not allowed", loc)
        aliased = aliased or id(node) in self.built
        if aliased:
            self.lines.setdefault(loc, self._parent_line(loc))
            self.through_alias += 1
            if self.through_alias > ALIAS_BUDGET:
                message = f"too many aliases (*name): at most {ALIAS_BUDGET} values may be reused"
                raise self.fail(node, message, loc)
        self.built.add(id(node))
        if node.tag not in SAFE_TAGS:
            raise self.fail(node, f"the tag {node.tag!r} is not allowed: write plain values")
        self.lines.setdefault(loc, self._parent_line(loc) if aliased else node.start_mark.line + 1)
        self.path.add(id(node))
        try:
            return self._value(node, loc, aliased)
        finally:
            self.path.discard(id(node))

    def _value(self, node: yaml.Node, loc: Loc, aliased: bool) -> Any:
        if isinstance(node, yaml.MappingNode):
            result: dict[str, Any] = {}
            for key_node, value_node in node.value:
                if key_node.tag == "tag:yaml.org,2002:merge":
                    raise self.fail(key_node, "merge keys (<<) are not allowed: write the keys out")
                if not isinstance(key_node, yaml.ScalarNode) or key_node.tag not in SAFE_TAGS:
                    raise self.fail(key_node, "a key must be a plain name or value, not a list, mapping or tag")
                key = key_node.value
                if key in result:
                    raise ConfigError(self.file, key_node.start_mark.line + 1, dotted(loc + (key,)), "duplicate key")
                self.lines[loc + (key,)] = key_node.start_mark.line + 1
                result[key] = self.build(value_node, loc + (key,), aliased)
            return result
        if isinstance(node, yaml.SequenceNode):
            return [self.build(item, loc + (i,), aliased) for i, item in enumerate(node.value)]
        loader = yaml.SafeLoader("")
        try:
            return loader.construct_object(node, deep=True)
        except yaml.YAMLError as exc:
            raise self.fail(node, f"invalid value: {getattr(exc, 'problem', None) or exc}") from exc
        finally:
            loader.dispose()


def dotted(loc: Iterable[str | int]) -> str:
    """("outlets", 3, "category") → "outlets[3].category"."""
    text = ""
    for part in loc:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def line_of(doc: YamlDocument, loc: Loc) -> int | None:
    """The line of ``loc`` in the document, or of its nearest parent that has one."""
    for end in range(len(loc), -1, -1):
        if loc[:end] in doc.lines:
            return doc.lines[loc[:end]]
    return None


def _first_error(exc: ValidationError, doc: YamlDocument, file: Path, prefix: Loc = ()) -> ConfigError:
    error = exc.errors(include_url=False)[0]
    # Drop pydantic's union-branch markers ("int", "none") so the key is the user's key.
    loc = prefix + tuple(p for p in error["loc"] if p in _keys_along(doc, prefix + error["loc"]))
    message = error["msg"].removeprefix("Value error, ")
    if error["type"] == "extra_forbidden":
        message = "unknown key"
    elif error["type"] == "missing":
        message = "required key is missing"
    elif "input" in error and error["type"] not in ("value_error",) and not isinstance(error["input"], dict):
        message = f"{message} (got {error['input']!r})"
    return ConfigError(file, line_of(doc, loc), dotted(loc) or None, message)


def _keys_along(doc: YamlDocument, loc: Loc) -> set[str | int]:
    """The parts of ``loc`` that are real keys or indexes of the document (or the missing key itself)."""
    keep: set[str | int] = set()
    node = doc.data
    for part in loc:
        in_mapping = isinstance(node, dict) and part in node
        in_list = isinstance(node, list) and isinstance(part, int) and part < len(node)
        if in_mapping or in_list:
            keep.add(part)
            node = node[part]
        else:
            if isinstance(part, str) and isinstance(node, dict):
                keep.add(part)  # a missing or misspelled key
            break
    return keep


def read_yaml(file: Path) -> YamlDocument:
    """Read a UTF-8 YAML file keeping line numbers; ConfigError on unreadable or invalid YAML."""
    try:
        text = file.read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise ConfigError(file, None, None, "file not found") from exc
    except UnicodeDecodeError as exc:
        raise ConfigError(file, None, None, f"not UTF-8 text ({exc.reason} at byte {exc.start})") from exc
    return _compose(text, file)


_OUTLETS = TypeAdapter(list[Outlet])


def load_outlets(file: str | Path) -> list[Outlet]:
    """Load an outlet registry file: a YAML list of outlets (or a mapping with an ``outlets`` key)."""
    file = Path(file)
    doc = read_yaml(file)
    prefix: Loc = ()
    data = doc.data
    if isinstance(data, dict) and set(data) == {"outlets"}:
        prefix, data = ("outlets",), data["outlets"]
    try:
        return _OUTLETS.validate_python(data or [])
    except ValidationError as exc:
        raise _first_error(exc, doc, file, prefix) from exc


def load_settings(file: str | Path | None = None) -> Settings:
    """Load and validate a configuration file (the bundled default when ``file`` is None)."""
    file = Path(file) if file else DEFAULT_CONFIG
    doc = read_yaml(file)
    if not isinstance(doc.data, dict):
        raise ConfigError(file, 1, None, "the configuration must be a mapping of keys to values")
    try:
        settings = Settings.model_validate(doc.data)
    except ValidationError as exc:
        raise _first_error(exc, doc, file) from exc
    if settings.outlets_file:
        outlets_path = Path(settings.outlets_file)
        if not outlets_path.is_absolute():
            outlets_path = file.parent / outlets_path
        extra = load_outlets(outlets_path)
        inline = {o.name.casefold() for o in settings.outlets}
        settings.outlets = settings.outlets + [o for o in extra if o.name.casefold() not in inline]
    if settings.report.logo:
        settings.report.logo = str(_checked_logo(file, doc, settings.report.logo))
    for index, report in enumerate(settings.schedule.reports):
        try:
            settings.campaign(report.campaign)
        except KeyError:
            loc: Loc = ("schedule", "reports", index, "campaign")
            raise ConfigError(file, line_of(doc, loc), dotted(loc), f"no campaign named {report.campaign!r}") from None
    return settings


LOGO_MAX_BYTES = 1024 * 1024
_LOGO_SIGNATURES = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff")  # PNG, JPEG


def _checked_logo(file: Path, doc: YamlDocument, value: str) -> Path:
    """The report logo's path (relative to the config file): an existing PNG or JPEG of at most 1 MiB."""
    path = Path(value).expanduser()
    path = path if path.is_absolute() else file.parent / path
    loc: Loc = ("report", "logo")
    head: bytes | None = None
    try:
        if path.is_file():
            with path.open("rb") as handle:
                head, size = handle.read(8), os.fstat(handle.fileno()).st_size
    except OSError as exc:
        raise ConfigError(file, line_of(doc, loc), dotted(loc), f"cannot read {path}: {exc.strerror}") from None
    if head is None:
        raise ConfigError(file, line_of(doc, loc), dotted(loc), f"no such file: {path}")
    if not head.startswith(_LOGO_SIGNATURES):
        raise ConfigError(file, line_of(doc, loc), dotted(loc), f"{path} is not a PNG or JPEG image")
    if size > LOGO_MAX_BYTES:
        raise ConfigError(file, line_of(doc, loc), dotted(loc), f"{path} is larger than 1 MiB ({size:,} bytes)")
    return path.resolve()


def config_path(cli_value: str | Path | None) -> Path:
    """``--config``, else ``$RASSEGNA_CONFIG``, else the bundled default."""
    chosen = cli_value or os.environ.get("RASSEGNA_CONFIG")
    return Path(chosen) if chosen else DEFAULT_CONFIG


def database_url(cli_value: str | None, settings: Settings) -> str:
    """``--db``, else ``$RASSEGNA_DATABASE_URL``, else the config's ``database_url``, else ./rassegna.db."""
    return cli_value or os.environ.get("RASSEGNA_DATABASE_URL") or settings.database_url or DEFAULT_DATABASE_URL
