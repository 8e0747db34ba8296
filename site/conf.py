"""Sphinx configuration of the course website (myst-nb + sphinx-book-theme).

Built by scripts/build_site.py from a staging copy of the lessons and docs: stored outputs are
shown as they are (nothing is executed) and every script and font is served from the site.
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent / "_ext"))

project = "From poverty alleviation to rural revitalization"
author = "The rural revitalization course authors"
copyright = "2026, " + author + " (text CC BY 4.0, code MIT)"

# githubpages writes .nojekyll, so that GitHub Pages serves the _static/ folder
extensions = ["myst_nb", "sphinx.ext.githubpages", "lesson_cells", "repo_links"]
root_doc = "index"
exclude_patterns = ["_build", "**.ipynb_checkpoints"]

# Notebooks: stored outputs only; solutions hidden (lesson_cells maps the `solution` tag).
nb_execution_mode = "off"
nb_merge_streams = False
nb_code_prompt_show = "Show solution"
nb_code_prompt_hide = "Hide solution"
myst_enable_extensions = ["dollarmath", "colon_fence"]
myst_heading_anchors = 3

# Widgets: the html-manager's self-contained embed.js (standard controls bundled, no require.js,
# no CDN) instead of myst-nb's default CDN scripts.
nb_ipywidgets_js = {"vendor/html-manager/embed.js": {}}
# Formulas: a local MathJax (Sphinx would load it from a CDN), with the MathJax 2 call that the
# widget renderer uses (mathjax-widgets.js: after the MathJax config, before the deferred MathJax).
mathjax_path = "vendor/mathjax/tex-svg-full.js"
html_js_files = [("mathjax-widgets.js", {"priority": 600})]

html_theme = "sphinx_book_theme"
html_title = "Poverty alleviation to rural revitalization"
html_static_path = ["_static"]
html_css_files = ["course.css"]
html_last_updated_fmt = None
html_show_sourcelink = False
html_copy_source = False
html_theme_options = {
    "repository_url": "https://github.com/ruralrev-course/rural-revitalization-course",
    "use_repository_button": True,
    "use_download_button": False,
    "use_fullscreen_button": False,
    "show_toc_level": 2,
    "navigation_with_keys": False,
}
# Without a default mode the theme logs a console error on a first visit.
html_context = {"default_mode": "light"}
