"""Column constraints, declared once: each column carries a tuple of them, and every form a check takes
is generated from it: the pandera check (``pandera_checks``), the SQL that runs it over a DuckDB table
(``tests``: the condition a passing value meets), its plain words for the data dictionary and the
contributing guide (``words``), the words of a failure (``Test.failure``), and the Frictionless Table
Schema constraint of ``datapackage.json`` (``frictionless``).

A schema writes a constraint either as an object (``Range(gt=0, le=1e14)``, ``OneOf(...)``,
``Pattern(regex, words=...)``) or with pandera's keywords (``gt=0``, ``isin=[...]``,
``str_matches=SLUG``), which ``from_keywords`` turns into the same objects. ``Required`` and ``Unique``
come from a column's ``nullable=False`` and ``unique=True``.

pandera's semantics are the SQL's too (``tests/test_columns.py`` holds them equal on awkward values): a
null passes every check but ``Required`` (for a float column NaN counts as null); NaN compares as larger
than any number, in DuckDB as in polars; a pattern matches at the start of the text, with the Unicode
classes of polars' regular expressions spelled out for DuckDB's RE2.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

import pandera.polars as pa

SLUG = r"^[a-z0-9]+(-[a-z0-9]+)*$"
#: Semicolon-separated slugs (list-valued foreign keys).
SLUG_LIST = r"^[a-z0-9]+(-[a-z0-9]+)*(;[a-z0-9]+(-[a-z0-9]+)*)*$"
#: Semicolon-separated BibTeX keys, no spaces.
CITE_KEYS = r"^[A-Za-z0-9_:.\-]+(;[A-Za-z0-9_:.\-]+)*$"
URL = r"^https?://\S+$"

#: Plain words of the patterns that several columns use; a pattern of one column gives its own (``words=``).
PATTERN_WORDS = {
    SLUG: "a lowercase slug (letters, digits, single hyphens), e.g. `nvidia-h100-sxm5-80gb`",
    SLUG_LIST: "one or more slugs separated by `;`",
    CITE_KEYS: "one or more BibTeX keys of `references.bib`, separated by `;`",
    URL: "a URL starting with http:// or https://",
}

#: Rust-regex (polars) classes that mean more than their RE2 (DuckDB) namesakes: Unicode White_Space is
#: TAB to CR, NEXT LINE and the separators (Z).
REGEX_CLASSES = {r"\S": r"[^\x09-\x0D\x{85}\p{Z}]", r"\s": r"[\x09-\x0D\x{85}\p{Z}]"}
#: Classes whose Unicode meaning in polars has no spelling here yet: a pattern using one is refused.
UNTRANSLATED = re.compile(r"\\[dDwWbBpP]")


def quote(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def sql_literal(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, str):
        return quote(value)
    if isinstance(value, dt.date):
        return f"DATE '{value.isoformat()}'"
    raise TypeError(f"no SQL literal for {value!r}")


def sql_pattern(pattern: str) -> str:
    """A pandera ``str_matches`` pattern as DuckDB's ``regexp_matches`` must see it to match the same texts."""
    if UNTRANSLATED.search(pattern):
        raise ValueError(f"pattern {pattern!r}: its class means more in polars than in DuckDB; spell it out")
    if not pattern.startswith("^"):
        pattern = f"^{pattern}"  # pandera's str_matches matches at the start
    out, i, in_class = [], 0, False
    while i < len(pattern):
        piece = pattern[i:i + 2] if pattern[i] == "\\" else pattern[i]  # an escape is one piece
        i += len(piece)
        if piece in REGEX_CLASSES:
            if in_class:  # its spelled-out class cannot nest inside a bracket expression
                raise ValueError(f"pattern {pattern!r}: {piece} inside [...] has no RE2 spelling here; spell it out")
            piece = REGEX_CLASSES[piece]
        elif piece in "[]":
            in_class = piece == "["
        out.append(piece)
    return "".join(out)


@dataclass(frozen=True)
class Test:
    """One check as it runs: a constraint is one test or several (a range with two ends is two)."""

    #: the check's name as pandera's failure cases give it (``greater_than(0)``, ``not_nullable``)
    name: str
    #: SQL, with ``{c}`` for the column, that is true on a row that fails (a null fails only ``Required``)
    fails: str
    #: what a passing value is, in plain words (``greater than 0``)
    words: str
    #: what is wrong with a failing value (``must be greater than 0``)
    failure: str
    #: a test of the whole column (a window) rather than of the row
    whole_column: bool = False


class Constraint:
    """A constraint of one column."""

    def tests(self, dtype: str) -> tuple[Test, ...]:
        """The tests, in pandera's order, for a column of polars type ``dtype`` (``Float64``, ``String``)."""
        raise NotImplementedError

    def pandera_checks(self) -> list[pa.Check]:
        """The pandera checks (``Required`` and ``Unique`` are the field's ``nullable`` and ``unique``)."""
        return []

    def frictionless(self) -> dict[str, Any]:
        """The Frictionless Table Schema (v1) constraints that say the same, as far as v1 can."""
        return {}

    def words(self, dtype: str = "") -> str:
        return "; ".join(t.words for t in self.tests(dtype))


@dataclass(frozen=True)
class Required(Constraint):
    """A value is required (not empty; for a number, not NaN)."""

    def tests(self, dtype: str) -> tuple[Test, ...]:
        nan = " OR isnan({c})" if dtype.startswith("Float") else ""
        return (Test("not_nullable", "{c} IS NULL" + nan, "required", "a value is required"),)

    def frictionless(self) -> dict[str, Any]:
        return {"required": True}


@dataclass(frozen=True)
class Unique(Constraint):
    """No value repeats in the column (empty cells aside)."""

    def tests(self, dtype: str) -> tuple[Test, ...]:
        return (Test("field_uniqueness", "count(*) OVER (PARTITION BY {c}) > 1", "unique", "must be unique",
                     whole_column=True),)

    def frictionless(self) -> dict[str, Any]:
        return {"unique": True}


def _fails(ok: str) -> str:
    """SQL true where the value is not null and not ``ok`` (a null passes, pandera's ``ignore_na``)."""
    return f"{{c}} IS NOT NULL AND NOT ({ok})"


def _number(value: Any) -> str:
    return f"{value:g}" if isinstance(value, (int, float)) else str(value)


#: A range's ends, in pandera's order: keyword, pandera check, SQL operator, words.
_ENDS = (("gt", "greater_than", ">", "greater than"), ("ge", "greater_than_or_equal_to", ">=", "at least"),
         ("lt", "less_than", "<", "less than"), ("le", "less_than_or_equal_to", "<=", "at most"))


@dataclass(frozen=True)
class Range(Constraint):
    """A number within bounds. A relation may tighten a registered field's range (``ge=0`` and ``gt=0``), so
    both kinds of an end may be given; each is its own test."""

    gt: float | None = None
    ge: float | None = None
    lt: float | None = None
    le: float | None = None

    def __post_init__(self) -> None:
        if all(v is None for v in (self.gt, self.ge, self.lt, self.le)):
            raise ValueError("a Range needs an end")

    def _ends(self):
        for key, check, op, words in _ENDS:
            value = getattr(self, key)
            if value is not None:
                yield value, check, op, words

    def pandera_checks(self) -> list[pa.Check]:
        return [getattr(pa.Check, check)(value) for value, check, _, _ in self._ends()]

    def tests(self, dtype: str) -> tuple[Test, ...]:
        return tuple(Test(f"{check}({value})", _fails(f"{{c}} {op} {sql_literal(value)}"), f"{words} {_number(value)}",
                          f"must be {words} {_number(value)}") for value, check, op, words in self._ends())

    def frictionless(self) -> dict[str, Any]:
        # Table Schema v1 has inclusive bounds only (exclusiveMinimum is a v2 addition)
        out = {}
        if self.ge is not None:
            out["minimum"] = self.ge
        if self.le is not None:
            out["maximum"] = self.le
        return out


@dataclass(frozen=True)
class OneOf(Constraint):
    """A value from a fixed list (a vocabulary)."""

    values: tuple[Any, ...]

    def __post_init__(self) -> None:
        object.__setattr__(self, "values", tuple(self.values))

    def pandera_checks(self) -> list[pa.Check]:
        return [pa.Check.isin(list(self.values))]

    def tests(self, dtype: str) -> tuple[Test, ...]:
        ordered = sorted(self.values, key=str)
        listed = ", ".join(sql_literal(v) for v in ordered) or "NULL"
        words = "one of " + ", ".join(f"`{v}`" for v in ordered)
        return (Test(f"isin({list(self.values)})", _fails(f"{{c}} IN ({listed})"), words,
                     f"must be one of {list(self.values)}"),)

    def frictionless(self) -> dict[str, Any]:
        return {"enum": sorted(self.values)}


@dataclass(frozen=True)
class Pattern(Constraint):
    """Text that matches a regular expression (from its start), with the pattern's plain words."""

    regex: str
    #: what the pattern accepts, for readers; the common patterns' words are in PATTERN_WORDS
    words_text: str | None = None

    def __post_init__(self) -> None:
        sql_pattern(self.regex)  # a pattern with no DuckDB spelling fails where it is declared

    @property
    def plain(self) -> str | None:
        return self.words_text or PATTERN_WORDS.get(self.regex)

    def pandera_checks(self) -> list[pa.Check]:
        return [pa.Check.str_matches(self.regex)]

    def tests(self, dtype: str) -> tuple[Test, ...]:
        plain = self.plain
        return (Test(f"str_matches('{self.regex}')", _fails(f"regexp_matches({{c}}, {quote(sql_pattern(self.regex))})"),
                     plain or f"matches `{self.regex}`",
                     f"must be {plain}" if plain else f"must match '{self.regex}'"),)

    def frictionless(self) -> dict[str, Any]:
        return {"pattern": self.regex.removeprefix("^").removesuffix("$")}


#: pandera's keywords that ``from_keywords`` accepts, in pandera's order.
KEYWORDS = ("gt", "ge", "lt", "le", "isin", "str_matches")


def from_keywords(where: str, **checks: Any) -> tuple[Constraint, ...]:
    """Constraints written with pandera's keywords (``gt=0, le=1e14``, ``isin=[...]``, ``str_matches=...``);
    ``str_matches`` may be a ``Pattern`` (to give a pattern its words). An unknown keyword fails, naming
    ``where``."""
    unknown = set(checks) - set(KEYWORDS)
    if unknown:
        raise TypeError(f"{where}: no constraint for {sorted(unknown)}; use {', '.join(KEYWORDS)} "
                        "(compute_atlas.metadata.constraints)")
    out: list[Constraint] = []
    ends = {k: checks[k] for k in ("gt", "ge", "lt", "le") if checks.get(k) is not None}
    if ends:
        out.append(Range(**ends))
    if checks.get("isin") is not None:
        out.append(OneOf(tuple(checks["isin"])))
    pattern = checks.get("str_matches")
    if pattern is not None:
        out.append(pattern if isinstance(pattern, Pattern) else Pattern(pattern))
    return tuple(out)


def column_constraints(nullable: bool, unique: bool, checks: tuple[Constraint, ...]) -> tuple[Constraint, ...]:
    """All of a column's constraints, in pandera's order of checking: required, unique, then the checks."""
    return (*(() if nullable else (Required(),)), *((Unique(),) if unique else ()), *checks)


def describe(constraints: tuple[Constraint, ...], dtype: str = "", extra: str | None = None) -> str:
    """A column's constraints in plain words (``required; unique; greater than 0``)."""
    parts = [c.words(dtype) for c in constraints]
    if extra:
        parts.append(extra)
    return "; ".join(parts)


def frictionless(constraints: tuple[Constraint, ...]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for c in constraints:
        out.update(c.frictionless())
    return out
