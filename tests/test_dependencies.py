"""Installs are pinned to files (#28): requirements.txt, generated from requirements.in by
./site.sh lock, gives every package one version and the hashes of its files, and Dependabot
proposes updates to it and to the actions, weekly and grouped."""

from __future__ import annotations

import re

import yaml

from conftest import ROOT

LOCK = (ROOT / "requirements.txt").read_text(encoding="utf-8")
INTENT = (ROOT / "requirements.in").read_text(encoding="utf-8")


def requirements(text: str) -> dict[str, str]:
    """name -> version of each 'name==version' line (names normalised as pip does)."""
    pins = re.findall(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==([^\s\\;]+)", text, re.M)
    return {re.sub(r"[-_.]+", "-", name).lower(): version for name, version in pins}


def test_every_locked_package_has_a_version_and_hashes():
    entries = re.split(r"\n(?=[A-Za-z0-9])", LOCK)
    unhashed = [entry.split()[0] for entry in entries if re.match(r"[A-Za-z0-9]", entry) and "--hash=sha256:" not in entry]
    assert not unhashed, f"requirements.txt lists packages without a hash: {unhashed}"
    assert len(requirements(LOCK)) > len(requirements(INTENT)), "requirements.txt does not list the dependencies' dependencies"


def test_lock_has_the_versions_requirements_in_asks_for():
    """An edit of requirements.in without ./site.sh lock would install something else than it says."""
    locked = requirements(LOCK)
    stale = {name: (version, locked.get(name)) for name, version in requirements(INTENT).items() if locked.get(name) != version}
    assert not stale, f"requirements.in and requirements.txt disagree (wanted, locked); run ./site.sh lock: {stale}"


def test_lock_says_how_it_was_made():
    """Dependabot regenerates requirements.txt with the pip-compile command in its header."""
    assert "pip-compile --allow-unsafe --generate-hashes --output-file=requirements.txt --strip-extras requirements.in" in LOCK


def test_dependabot_proposes_grouped_weekly_updates_of_the_lock_and_the_actions():
    updates = yaml.safe_load((ROOT / ".github" / "dependabot.yml").read_text(encoding="utf-8"))["updates"]
    ecosystems = {update["package-ecosystem"]: update for update in updates}
    assert set(ecosystems) == {"pip", "github-actions"}
    for name, update in ecosystems.items():
        assert update["schedule"]["interval"] == "weekly", f"{name} updates are not weekly"
        assert [group["patterns"] for group in update["groups"].values()] == [["*"]], f"{name} updates are not grouped"
