"""Façade operations of the debrief feature (JSON-shaped values in and out)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

__all__ = ["OPS"]

OPS: dict[str, Callable[[Mapping[str, Any]], Any]] = {}
