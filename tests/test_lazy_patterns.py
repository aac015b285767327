"""text.regexes.lazy: a pattern compiled at its first use answers as the compiled pattern does (issue 16)."""

from __future__ import annotations

import re
from typing import Any

import pytest
import regex

from unref.text.regexes import lazy


@pytest.mark.parametrize(("method", "args"), [
    ("search", ("see A/79/796 and S/2025/1",)),
    ("match", ("A/79/796",)),
    ("fullmatch", ("A/79",)),
    ("findall", ("A/79 and S/2025",)),
    ("sub", (r"<\g<0>>", "A/79 and S/2025")),
    ("subn", ("#", "A/79 and S/2025")),
    ("split", ("x A/1 y S/2 z",)),
])
def test_a_lazy_pattern_answers_as_the_compiled_one(method: str, args: tuple[Any, ...]) -> None:
    source = r"(?P<organ>[AS])/(?P<number>\d+)"
    got = getattr(lazy(source), method)(*args)
    expected = getattr(re.compile(source), method)(*args)
    if isinstance(expected, re.Match):
        assert got.span() == expected.span() and got.groupdict() == expected.groupdict()
    else:
        assert got == expected


def test_finditer_groups_and_flags() -> None:
    pattern = lazy(r"resolution (\d+)", re.I)
    assert [m.group(1) for m in pattern.finditer("Resolution 1 and RESOLUTION 2")] == ["1", "2"]
    assert pattern.groups == 1
    assert (pattern.pattern, pattern.flags) == (r"resolution (\d+)", re.I)


def test_it_compiles_once_at_first_use() -> None:
    pattern = lazy(r"\d+")
    assert "search" not in vars(pattern)  # reading .pattern or .flags compiles nothing
    assert pattern.pattern == r"\d+"
    assert "search" not in vars(pattern)
    pattern.search("12")
    bound = vars(pattern)["search"]
    pattern.match("3")
    assert vars(pattern)["search"] is bound


def test_the_regex_package() -> None:
    assert lazy(r"\p{Lu}+", 0, regex).findall("aBC dE") == ["BC", "E"]


def test_a_bad_pattern_fails_at_first_use() -> None:
    pattern = lazy(r"(unclosed")
    with pytest.raises(re.error):
        pattern.search("x")


@pytest.mark.parametrize("name", ["no_such_method", "__len__"])
def test_unknown_attributes_are_errors(name: str) -> None:
    with pytest.raises(AttributeError):
        getattr(lazy("x"), name)


@pytest.mark.parametrize("used", [False, True])
def test_it_pickles(used: bool) -> None:
    import pickle

    pattern = lazy(r"\p{Lu}", re.I, regex)
    if used:
        pattern.search("A")
    copy = pickle.loads(pickle.dumps(pattern))
    assert copy.findall("aB") == ["a", "B"]
