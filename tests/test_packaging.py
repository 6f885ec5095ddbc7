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
