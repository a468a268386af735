"""Messages feature: draft what the guide recommends sending, check it, export it.

Modules, from the outside in: :mod:`~checklist.messages.ops` (the façade's operations
and their payload shapes), :mod:`~checklist.messages.draft` (choose a kind and wording
and fill it in), :mod:`~checklist.messages.catalogue` (the kinds, parsed from
``messages.yaml``), :mod:`~checklist.messages.fields` (form validation),
:mod:`~checklist.messages.render` (the small template language),
:mod:`~checklist.messages.pitfalls` and :mod:`~checklist.messages.timing` (the
checker, rules from ``pitfalls.yaml``), :mod:`~checklist.messages.export` (.txt, .md,
.eml and ``mailto:``), :mod:`~checklist.messages.draft` (a draft for one interview record),
:mod:`~checklist.messages.wording` (the feature's problem messages, from the YAML),
:mod:`~checklist.messages.textutil` and :mod:`~checklist.messages.model`. Payloads are
read with the one reader in :mod:`checklist.records.reader`.
"""

__all__: list[str] = []
