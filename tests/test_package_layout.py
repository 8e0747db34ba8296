"""The package keeps only what docs/authoring.md lists ("the notebook teaches, the package
supports"): no plotting layer, no widget layer beyond the explorer base."""

from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "ruralrev"

#: module -> why it is in the package
ALLOWED = {
    "__init__": "debug() switch",
    "data": "checked loading (schema, hash) and cite()",
    "inputs": "validation of what a user types, one-line messages",
    "errors": "one-line course errors in a notebook",
    "text": "the one number formatter of feedback and verdicts",
    "explorer": "the small explorer base",
    "quiz": "self-check questions",
    "questions/__init__": "self-check questions (data files beside it)",
    "exercises/__init__": "the exercise checker",
    "measures/__init__": "the few real models:",
    "measures/claims": "the claim checker (lesson 03)",
    "measures/simulation": "the return-to-poverty simulation (lesson 06)",
    "measures/growth": "the growth paths (lesson 07)",
}


def test_every_module_is_one_the_design_lists():
    found = {str(p.relative_to(PACKAGE).with_suffix("")) for p in PACKAGE.rglob("*.py")}
    lessons = {m for m in found if m.startswith("exercises/lesson")}
    assert all(m[len("exercises/lesson"):].isdigit() for m in lessons), lessons  # exercise specs, one per lesson
    assert found - lessons == set(ALLOWED), f"not in the design: {sorted(found - lessons - set(ALLOWED))}; " \
                                            f"listed but missing: {sorted(set(ALLOWED) - found)}"
