"""MkDocs hook: two accessibility fixes to Material's output, checked by the axe test.

Why a hook: both are in markup Material or its extensions generate, and a hook keeps
the fix in one small place without copying theme partials (so a later move to Zensical
stays cheap).

- The checklists on the guide's pages are lists to read, not a form: their disabled
  checkboxes have no label and nothing to announce, so they are hidden from assistive
  technology and the list reads as a plain list.
- The instant-navigation progress bar gets a name, as every progressbar must.
"""

from __future__ import annotations

import re
from typing import Any

_TASK_CONTROL = re.compile(r'<label class="task-list-control">')
_PROGRESS = re.compile(
    r'(<div class="md-progress" data-md-component="progress" role="progressbar")>'
)


def on_page_content(html: str, **_: Any) -> str:
    """Hide the decorative checkboxes of task lists from screen readers."""
    return _TASK_CONTROL.sub('<label class="task-list-control" aria-hidden="true">', html)


def on_post_page(output: str, **_: Any) -> str:
    """Name the page-loading progress bar."""
    return _PROGRESS.sub(r'\1 aria-label="Loading the page">', output, count=1)
