"""The course's own errors: their message is the whole story, so IPython shows one line."""


class CourseError(Exception):
    """Base of DataError and InputError: shown in a notebook as one line, not a traceback."""

    def _render_traceback_(self):  # IPython calls this instead of printing a traceback
        return [f"{self.__class__.__name__}: {self}"]
