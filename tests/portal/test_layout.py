"""The layout docs/architecture.md promises: portal/ is the project shell on top, toolkit/ imports no
app, and no app imports another in a circle. Read from the source, so a new import that breaks the
rule fails here rather than in a maintainer's head."""

import ast
from pathlib import Path

from django.apps import apps

ROOT = Path(__file__).resolve().parents[2]
SHARED = "toolkit"


def _project_packages() -> set[str]:
    names = {config.name.split(".")[0] for config in apps.get_app_configs()}
    return {name for name in names if (ROOT / name).is_dir()} | {SHARED}


def _imports(package: str, known: set[str]) -> dict[str, set[str]]:
    """{other package: the modules of `package` importing it}."""
    found: dict[str, set[str]] = {}
    for path in (ROOT / package).rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
            if isinstance(node, ast.Import):
                modules = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                modules = [node.module]
            else:
                continue
            for module in modules:
                top = module.split(".")[0]
                if top in known and top != package:
                    found.setdefault(top, set()).add(str(path.relative_to(ROOT)))
    return found


def test_no_application_module_outside_portal_imports_portal():
    packages = _project_packages()
    offenders = sorted(
        module
        for package in packages - {"portal"}
        for module in _imports(package, packages).get("portal", ())
    )
    assert offenders == []


def test_the_shared_toolkit_imports_no_app():
    packages = _project_packages()
    assert _imports(SHARED, packages) == {}


def test_no_two_apps_import_each_other_in_a_circle():
    packages = _project_packages()
    graph = {package: set(_imports(package, packages)) for package in packages}

    def reaches(start: str, target: str, seen: set[str]) -> bool:
        return any(nxt == target or reaches(nxt, target, seen | {nxt}) for nxt in graph[start] - seen)

    circles = sorted(package for package in packages if reaches(package, package, set()))
    assert circles == []
