"""After the Interview: the pure-Python logic behind the site's interactive pages.

Everything here is deterministic and free of I/O: the current date, identifiers and
content are passed in by the caller. The browser reaches the package only through
:mod:`checklist.api`, a JSON-in/JSON-out façade that a Web Worker calls inside Pyodide.
"""

__all__ = ["__version__"]

__version__ = "0.1.0"
