"""Self-check questions: feedback by letter, index or text; widget gives the same feedback."""

import pytest

from ruralrev import quiz


def test_every_question_is_well_formed():
    for qid, q in quiz.questions().items():
        assert len(qid.split(".")) == 2 and q["prompt"] and q["explanation"]
        assert 0 <= q["answer"] < len(q["options"]) >= 2


def _right_is_longest(q) -> bool:
    lengths = [len(option) for option in q["options"]]
    return lengths[q["answer"]] == max(lengths) and lengths.count(max(lengths)) == 1


def test_the_longest_option_is_not_a_giveaway():
    """A student who always picks the longest option must not pass: the right option is the longest
    in at most a third of the course's questions (by chance, a quarter) and half of any lesson's."""
    qs = quiz.questions()
    longest = sorted(qid for qid, q in qs.items() if _right_is_longest(q))
    assert len(longest) <= len(qs) / 3, f"{len(longest)} of {len(qs)} questions: {longest}"
    for lesson in sorted({qid.split(".")[0] for qid in qs}):
        mine = [qid for qid in qs if qid.startswith(f"{lesson}.")]
        assert sum(qid in longest for qid in mine) <= len(mine) / 2, (lesson, [q for q in longest if q in mine])


def test_check_accepts_letter_index_and_text():
    q = quiz.questions()["00.1"]
    right = q["answer"]
    assert quiz.check("00.1", "abcd"[right]).startswith("Correct.")
    assert quiz.check("00.1", right).startswith("Correct.")
    assert quiz.check("00.1", q["options"][right]).startswith("Correct.")
    wrong = (right + 1) % len(q["options"])
    assert quiz.check("00.1", wrong).startswith("Not quite.")


@pytest.mark.parametrize("answer", ["z", 99, None, "", True])
def test_check_bad_answer_gets_one_line(answer):
    assert quiz.check("00.1", answer) == "Answer with one letter from a to d."


@pytest.mark.parametrize("call", [quiz.check, lambda qid, _: quiz.show(qid)])
def test_unknown_question_is_a_one_line_course_error(call):
    with pytest.raises(quiz.QuizError, match="there is no self-check question '99.9'") as err:
        call("99.9", "a")
    assert err.value._render_traceback_() == ["QuizError: there is no self-check question '99.9'; ids look like '00.1'."]


def test_widget_feedback_matches_check():
    box = quiz.show("00.2")
    box.button.click()
    assert "Pick an answer first." in box.feedback.value
    box.choice.value = 1
    box.button.click()
    assert quiz.check("00.2", 1).split(".")[0] in box.feedback.value
    assert "a)" in box.choice.options[0][0]


def test_prompt_lists_options():
    text = quiz.prompt("00.3")
    assert text.count(")") >= 4 and "a) " in text
