"""The release workflow (.github/workflows/release.yml) cannot run here; what can be checked
is that it parses, uses published actions, builds and smoke-tests on both platforms, and
signs only when the secrets are there."""

from __future__ import annotations

from pathlib import Path

import yaml

ROOT = Path(__file__).parents[2]
WORKFLOW = ROOT / ".github/workflows/release.yml"
# The published releases the workflow may use (checked against each action's releases).
PUBLISHED = {
    "actions/checkout": {"v7"},
    "actions/setup-python": {"v7"},
    "astral-sh/setup-uv": {"v9.0.0"},
    "actions/upload-artifact": {"v7"},
    "actions/download-artifact": {"v7"},
}


def workflow() -> dict:
    return yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))


def steps(job: str) -> list[dict]:
    return workflow()["jobs"][job]["steps"]


def runs(job: str) -> str:
    return "\n".join(step.get("run", "") for step in steps(job))


def test_the_workflow_runs_on_a_version_tag():
    flow = workflow()
    triggers = flow.get("on", flow.get(True))  # YAML 1.1 reads a bare `on` as true
    assert triggers["push"]["tags"] == ["v*"]
    assert set(flow["jobs"]) == {"windows", "macos", "release"}


def test_every_action_is_a_published_release():
    used = [
        step["uses"]
        for job in workflow()["jobs"].values()
        for step in job.get("steps", [])
        if "uses" in step
    ]
    assert used
    for ref in used:
        name, _, version = ref.partition("@")
        assert version in PUBLISHED.get(name, set()), ref


def test_both_platforms_build_and_run_the_same_smoke_test():
    for job in ("windows", "macos"):
        assert "uv run python packaging/build.py" in runs(job)
        assert "packaging/smoke.py" in runs(job)
    assert "iscc" in runs("windows") and "packaging\\windows\\ddwizard.iss" in runs("windows")
    assert "hdiutil create" in runs("macos")


def test_signing_steps_are_skipped_without_their_secrets():
    for job in ("windows", "macos"):
        for step in steps(job):
            uses_secret = "secrets." in str(step.get("env", {}))
            if uses_secret:
                assert step.get("if", "").startswith("env.SIGN_") or step.get("if", "").startswith(
                    "env.NOTARISE_"
                ), step["name"]
        flags = workflow()["jobs"][job]["env"]
        assert all("!= ''" in str(value) for value in flags.values())


def test_the_installer_is_per_user_by_default_with_a_per_machine_option():
    script = (ROOT / "packaging/windows/ddwizard.iss").read_text(encoding="utf-8")
    assert "PrivilegesRequired=lowest" in script
    assert "PrivilegesRequiredOverridesAllowed=dialog commandline" in script
    assert "{autoprograms}\\ddwizard" in script  # the Start menu entry
    assert "not UninstallSilent" in script and "MB_DEFBUTTON2" in script  # data kept unless asked
