"""Every package folder is installed, and shipped files are found where the package is."""

import tomllib
from pathlib import Path

from ssm_studio.bundled import default_example, resource_dir

ROOT = Path(__file__).resolve().parents[1]


def test_every_package_folder_is_listed_in_pyproject():
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]
    listed = set(config["packages"])
    on_disk = {".".join(p.parent.relative_to(ROOT).parts) for p in (ROOT / "ssm_studio").rglob("__init__.py")}
    assert on_disk <= listed, f"add to pyproject's packages: {sorted(on_disk - listed)}"
    assert config["package-dir"]["ssm_studio.resources"] == "resources"
    assert config["package-dir"]["ssm_studio.examples"] == "examples"


def test_resources_and_examples_live_at_the_top_level():
    assert resource_dir("fonts").resolve() == (ROOT / "resources" / "fonts").resolve()
    assert (resource_dir("stencils") / "index.json").is_file()
    assert (resource_dir("fonts") / "DejaVuSans.ttf").is_file()
    assert default_example().resolve() == (ROOT / "examples" / "stoke-worklessness.ssm").resolve()
    assert not (ROOT / "ssm_studio" / "resources").exists()


def test_every_runtime_import_is_a_declared_dependency():
    """A module the package imports must come from the standard library, the package
    itself, or a distribution named in [project] dependencies (not only the test extras)."""
    import ast
    import re
    import sys
    from importlib.metadata import packages_distributions

    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    declared = {re.split(r"[<>=!~\[ ;]", d, maxsplit=1)[0].lower().replace("_", "-")
                for d in config["dependencies"]}
    providers = packages_distributions()
    imported: dict[str, str] = {}
    for path in (ROOT / "ssm_studio").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module]
            else:
                continue
            for name in names:
                imported.setdefault(name.split(".")[0], str(path.relative_to(ROOT)))
    missing = []
    for top, where in sorted(imported.items()):
        if top in sys.stdlib_module_names or top == "ssm_studio":
            continue
        dists = {d.lower().replace("_", "-") for d in providers.get(top, [])}
        if not dists & declared:
            missing.append(f"{top} (imported in {where}; from {sorted(dists) or 'nowhere'})")
    assert not missing, "undeclared runtime imports: " + "; ".join(missing)
