"""MkDocs hook: a strict Content-Security-Policy on every page, and build-time form data.

Why a hook and not a template override: the policy has to list the sha256 of every
inline script Material emits, and those scripts are only final once the page is
rendered. The meta tag goes straight after ``<meta charset>``, before the first script,
because a policy delivered by meta only governs what comes after it.

The same pass fills each tool widget's JSON data island (form definitions such as the
message kinds) by calling the ``checklist`` façade with CPython at build time, so forms
render instantly and stay usable before Python has started in the browser.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
import sys
from html import escape
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from checklist import api  # noqa: E402 - the path above must be set first

#: Static parts of the policy; ``script-src`` gains the inline-script hashes per page.
POLICY = {
    "default-src": ["'self'"],
    "script-src": ["'self'", "'wasm-unsafe-eval'"],
    "worker-src": ["'self'"],
    "connect-src": ["'self'"],
    "manifest-src": ["'self'"],
    "img-src": ["'self'", "data:", "blob:"],
    "font-src": ["'self'"],
    # Material sets some style attributes from script; styles cannot run code.
    "style-src": ["'self'", "'unsafe-inline'"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
}

#: Which façade operations prefill which widget's data island at build time.
WIDGET_DATA = {
    "messages": ("messages.kinds",),
    "log": ("debrief.options",),
    "self-assessment": ("debrief.options",),
    "thoughts": ("debrief.thoughts",),
    "offer-check": ("planner.offer_signs",),
    "planner": ("records.options",),
    "pipeline": ("records.options",),
}

_SCRIPT = re.compile(r"<script(?P<attrs>[^>]*)>(?P<body>.*?)</script>", re.S | re.I)
_WIDGET = re.compile(r'<div[^>]*\bdata-widget="(?P<name>[a-z-]+)"')


def _is_inline_js(attrs: str) -> bool:
    if "src=" in attrs:
        return False
    kind = re.search(r'type="([^"]+)"', attrs)
    return kind is None or kind.group(1) in {"text/javascript", "module"}


def policy_for(html: str) -> str:
    """Return the CSP for a page, with a hash for each inline script it contains."""
    hashes = sorted(
        {
            "'sha256-"
            + base64.b64encode(hashlib.sha256(m["body"].encode()).digest()).decode()
            + "'"
            for m in _SCRIPT.finditer(html)
            if _is_inline_js(m["attrs"])
        }
    )
    parts = {**POLICY, "script-src": POLICY["script-src"] + hashes}
    return "; ".join(f"{name} {' '.join(values)}" for name, values in parts.items())


def add_policy(html: str) -> str:
    """Insert the CSP meta tag immediately after the charset declaration."""
    meta = f'<meta http-equiv="Content-Security-Policy" content="{policy_for(html)}">'
    head = re.search(r"<meta charset=[^>]*>", html, re.I)
    if head is None:
        msg = "page has no <meta charset>; cannot place the CSP before its scripts"
        raise ValueError(msg)
    return html[: head.end()] + meta + html[head.end() :]


def _data_island(widget: str) -> str:
    data: dict[str, Any] = {}
    for op in WIDGET_DATA.get(widget, ()):
        response = api.call(op, {})
        if not response["ok"]:
            msg = f"build-time call {op} failed: {response['error']['message']}"
            raise RuntimeError(msg)
        data[op] = response["result"]
    # A <template>, not a <script type="application/json">: Material's instant navigation
    # re-creates every <script> in the page content as a plain (executable) script,
    # dropping its type and data attributes, so a JSON script island was run as code
    # (blocked by this CSP) and lost its name — the first same-page link (the skip link, a
    # heading's ¶) or any instant page change left the tools without their forms. A
    # template's content is inert and Material leaves it alone. The text is HTML-escaped.
    text = escape(json.dumps(data, ensure_ascii=False), quote=False)
    return f'<template data-widget-data="{widget}">{text}</template>'


def on_page_content(html: str, **_kwargs: Any) -> str:
    """Append a data island for every widget on the page that needs build-time data."""
    widgets = sorted({m["name"] for m in _WIDGET.finditer(html)} & WIDGET_DATA.keys())
    return html + "".join(_data_island(name) for name in widgets)


def on_post_page(output: str, **_kwargs: Any) -> str:
    """Add the policy to every rendered Markdown page."""
    return add_policy(output)


def on_post_template(output_content: str, template_name: str, **_kwargs: Any) -> str:
    """Add the policy to static HTML templates too (the 404 page)."""
    if template_name.endswith(".html"):
        return add_policy(output_content)
    return output_content
