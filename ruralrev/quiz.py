"""Self-check questions with immediate feedback.

Questions live in ruralrev/questions/NN.json (one file per lesson), so answers are
not in the notebooks' source. `show("00.1")` displays a keyboard-usable widget; `check("00.1",
"b")` gives the same feedback as text where widgets are not available.
"""

from __future__ import annotations

import json
from functools import lru_cache
from html import escape
from importlib import resources

from .errors import CourseError

LETTERS = "abcdefgh"


@lru_cache(maxsize=1)
def questions() -> dict:
    """All questions, by id ('00.1' = lesson 00, question 1)."""
    found = {}
    for entry in sorted(resources.files(__package__).joinpath("questions").iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".json"):
            found.update(json.loads(entry.read_text(encoding="utf-8")))
    return found


class QuizError(CourseError, LookupError):
    """An unknown question id (shown as one line)."""


def _question(qid: str) -> dict:
    if qid not in questions():
        raise QuizError(f"there is no self-check question {qid!r}; ids look like '00.1'.")
    return questions()[qid]


def prompt(qid: str) -> str:
    """The question and its lettered options, as plain text."""
    q = _question(qid)
    opts = "\n".join(f"  {LETTERS[i]}) {o}" for i, o in enumerate(q["options"]))
    return f"{q['prompt']}\n{opts}"


def check(qid: str, answer) -> str:
    """Feedback for an answer given as a letter ('b'), a 0-based index or the option's text."""
    q = _question(qid)
    n = len(q["options"])
    if isinstance(answer, str) and answer.strip().lower() in LETTERS[:n] and len(answer.strip()) == 1:
        index = LETTERS.index(answer.strip().lower())
    elif isinstance(answer, int) and not isinstance(answer, bool) and 0 <= answer < n:
        index = answer
    elif answer in q["options"]:
        index = q["options"].index(answer)
    else:
        return f"Answer with one letter from a to {LETTERS[n - 1]}."
    if index == q["answer"]:
        return "Correct. " + q["explanation"]
    hint = q.get("hints", {}).get(str(index), "")
    return "Not quite. " + (hint + " " if hint else "") + "Try again."


def show(qid: str):
    """A widget: the question, radio buttons, a Check button and a feedback line."""
    import ipywidgets as w

    q = _question(qid)
    choice = w.RadioButtons(options=[(f"{LETTERS[i]}) {o}", i) for i, o in enumerate(q["options"])],
                            value=None, layout=w.Layout(width="auto"))
    button = w.Button(description="Check", tooltip="Check your answer")
    feedback = w.HTML(layout=w.Layout(min_height="1.5em"))

    def on_click(_):
        text = "Pick an answer first." if choice.value is None else check(qid, choice.value)
        feedback.value = f'<p role="status" class="ruralrev-feedback">{escape(text)}</p>'

    button.on_click(on_click)
    box = w.VBox([w.HTML(f"<p><b>Question {escape(qid)}.</b> {escape(q['prompt'])}</p>"), choice, button, feedback])
    box.add_class("ruralrev-quiz")
    box.choice, box.button, box.feedback = choice, button, feedback
    return box
