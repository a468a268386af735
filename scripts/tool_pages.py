"""The site's tool pages, named once for the benchmarks and the browser tests.

Every page in ``docs/tools/`` except the index holds one tool that runs Python; its
address is ``/tools/<page name>/``. Reading the folder (rather than keeping a list)
means a new tool is measured and tested the day its page is added.
"""

from __future__ import annotations

from pathlib import Path

__all__ = ["tool_paths"]

DOCS_TOOLS = Path(__file__).resolve().parent.parent / "docs" / "tools"


def tool_paths(folder: Path = DOCS_TOOLS) -> list[str]:
    """List the address of every tool page, sorted (the tools index is not a tool)."""
    return sorted(f"/tools/{page.stem}/" for page in folder.glob("*.md") if page.stem != "index")
