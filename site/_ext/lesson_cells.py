"""Sphinx extension: prepare each lesson notebook for the website, in memory (files untouched).

- Cells tagged `solution` are collapsed and shown on click: code cells with myst-nb's
  `hide-cell`, markdown cells (e.g. a solution figure's caption) in a <details> element.
- After each run of cells that display widgets, a note says that the saved view's controls
  need a running kernel, with a link that opens the lesson on Binder.
"""

import json

BINDER = ("https://mybinder.org/v2/gh/ruralrev-course/rural-revitalization-course/HEAD"
          "?urlpath=lab/tree/{path}")
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
NOTE_CLASS = "saved-widget-note"


def shows_widget(cell: dict) -> bool:
    """Whether a code cell's stored outputs display a widget."""
    return any(WIDGET_VIEW in out.get("data", {}) for out in cell.get("outputs", []))


def binder_note(path: str, index: int) -> dict:
    """A markdown cell: the saved view needs a kernel to be used; open the lesson on Binder."""
    html = (f'<p class="{NOTE_CLASS}">This is the saved view (the last figure and sentence). '
            'Its controls need a running Python kernel: '
            f'<a href="{BINDER.format(path=path)}">open this lesson on Binder</a> to use them.</p>')
    return {"cell_type": "markdown", "id": f"binder-note-{index}", "metadata": {}, "source": html}


def collapsed_markdown(cell: dict) -> dict:
    """A markdown cell whose text is folded into a closed <details> element."""
    text = "".join(cell["source"]) if isinstance(cell["source"], list) else cell["source"]
    folded = (f'<details class="tag_solution solution-text">\n<summary>Show solution</summary>\n\n'
              f"{text}\n\n</details>")
    return {**cell, "source": folded}


def prepare(nb: dict, path: str) -> dict:
    """The notebook with solutions collapsed and a Binder note after widget outputs."""
    cells = []
    for i, cell in enumerate(nb["cells"]):
        tags = cell.get("metadata", {}).get("tags", [])
        if "solution" in tags and cell["cell_type"] == "markdown":
            cell = collapsed_markdown(cell)
        elif "solution" in tags and "hide-cell" not in tags:
            cell["metadata"]["tags"] = [*tags, "hide-cell"]
        cells.append(cell)
        following = nb["cells"][i + 1] if i + 1 < len(nb["cells"]) else {}
        if shows_widget(cell) and not shows_widget(following):
            cells.append(binder_note(path, i))
    nb["cells"] = cells
    return nb


def on_source_read(app, docname: str, source: list[str]) -> None:
    if not str(app.env.doc2path(docname)).endswith(".ipynb"):
        return
    nb = json.loads(source[0])
    source[0] = json.dumps(prepare(nb, f"{docname}.ipynb"))


def setup(app):
    app.connect("source-read", on_source_read)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
