"""The pip path and the conda path install the same pinned packages."""

import re
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def pins(lines, separator):
    found = {}
    for line in lines:
        line = line.split("#")[0].strip().lstrip("- ").strip()
        match = re.fullmatch(rf"([A-Za-z0-9_.\-]+){separator}([^=\s]+)", line)
        if match:
            found[match.group(1).lower().replace("_", "-")] = match.group(2)
    return found


def test_environment_yml_names_the_same_packages_and_versions_as_requirements():
    requirements = pins((REPO / "requirements.txt").read_text().splitlines(), "==")
    conda = pins((REPO / "environment.yml").read_text().splitlines(), "=")
    conda.pop("python")
    assert requirements and conda == requirements


def test_constraints_pin_every_requirement_at_the_same_version():
    requirements = pins((REPO / "requirements.txt").read_text().splitlines(), "==")
    constraints = pins((REPO / "constraints.txt").read_text().splitlines(), "==")
    assert {name: constraints.get(name) for name in requirements} == requirements
