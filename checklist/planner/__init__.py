"""planner feature of the checklist package."""

__all__: list[str] = []
