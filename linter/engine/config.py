"""Finding and reading the configuration: ``[tool.reslint]`` in ``pyproject.toml``, or
``reslint.toml`` / ``.reslint.toml`` (top-level keys).

The search starts at the folder holding the checked paths (their common folder) and goes
up to the file-system root; in each folder ``.reslint.toml``, then ``reslint.toml``, then a
``pyproject.toml`` that has a ``[tool.reslint]`` table is taken. The first found wins;
nothing is merged across folders, so what applies is always one file you can point at.

This module imports neither pydantic nor the rules: a pre-commit run in a repository with
no configuration pays only for a few ``stat`` calls. Validation lives in
:mod:`linter.engine.config_model` and is imported only when a file is found.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from linter.engine.errors import ConfigError
from linter.source.frozen import record

if TYPE_CHECKING:
    from linter.engine.config_model import ReslintConfig
    from linter.engine.registry import RuleSpec

DEDICATED = (".reslint.toml", "reslint.toml")
PYPROJECT = "pyproject.toml"


@record(slots=False)
class LoadedConfig:
    """A validated configuration and where it came from."""

    path: Path
    table: str  # "[tool.reslint]" or "" for a dedicated file
    config: ReslintConfig

    @property
    def base(self) -> Path:
        """The folder relative paths and patterns in the file are resolved against."""
        return self.path.parent


def start_folder(paths: Sequence[str | Path]) -> Path:
    """The folder the search starts from: the common folder of ``paths`` (or the cwd)."""
    if not paths:
        return Path.cwd()
    absolute = [os.path.abspath(p) for p in paths]
    common = Path(os.path.commonpath(absolute))
    return common if common.is_dir() else common.parent


#: A configuration file is small; a larger one (or a FIFO, a device) is refused.
MAX_CONFIG_BYTES = 1024 * 1024


def _read_text(path: Path) -> str:
    """The text of a configuration file: a regular file, bounded, UTF-8 (ConfigError)."""
    from linter.engine.reading import read_limited

    try:
        data = read_limited(path, MAX_CONFIG_BYTES)
    except FileNotFoundError:
        raise ConfigError(f"configuration file not found: {path}") from None
    except OSError as error:
        raise ConfigError(f"cannot read configuration {path}: {error.strerror or error}") from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise ConfigError(f"{path}: not UTF-8 (byte {error.start}); TOML files are UTF-8") from None


def _has_reslint_table(path: Path) -> bool:
    """Whether ``path`` (a pyproject.toml) has a ``[tool.reslint]`` table. A file that
    mentions reslint but cannot be read or decoded is reported, not passed over."""
    try:
        with path.open("rb") as stream:  # is_file() said regular: no FIFO here
            if b"reslint" not in stream.read(MAX_CONFIG_BYTES + 1):
                return False  # cheap: most pyproject.toml files are not ours
    except OSError:
        return False  # unreadable and not known to be ours: not our configuration
    text = _read_text(path)
    try:
        data = _parse_toml(path, text)
    except ConfigError:
        return True  # ours, but broken: let loading report it
    tool = data.get("tool")
    return isinstance(tool, dict) and "reslint" in tool


def find(start: Path) -> Path | None:
    """The configuration file that applies to files under ``start``, if any."""
    folder = start.resolve()
    for candidate in (folder, *folder.parents):
        for name in DEDICATED:
            path = candidate / name
            if path.is_file():
                return path
        path = candidate / PYPROJECT
        if path.is_file() and _has_reslint_table(path):
            return path
    return None


def _parse_toml(path: Path, text: str) -> dict[str, Any]:
    import tomllib

    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"{path}: invalid TOML: {error}") from None
    except RecursionError:
        raise ConfigError(f"{path}: invalid TOML: nested too deeply") from None


def read_table(path: Path) -> tuple[dict[str, Any], str]:
    """The raw reslint table of ``path`` and how to name it in messages."""
    data = _parse_toml(path, _read_text(path))
    if path.name != PYPROJECT:
        return data, ""
    tool = data.get("tool", {})
    table = tool.get("reslint") if isinstance(tool, dict) else None
    if not isinstance(table, dict):
        raise ConfigError(f"{path}: no [tool.reslint] table")
    return table, "[tool.reslint]"


def load(path: Path, rules: Sequence[RuleSpec]) -> LoadedConfig:
    """Read and validate ``path`` against the model and the rule catalogue."""
    from linter.engine.config_model import validate

    table, name = read_table(path)
    return LoadedConfig(path=path, table=name, config=validate(table, path, name, rules))
