// Placeholder: scripts/build_site.py overwrites this in the built site with the
// versioned runtime's file names (pyodide/<version>/, content-hashed archives).
export default {
  base: "pyodide/0/",
  stdlib: "python_stdlib.zip",
  wheel: "checklist.zip",
  lock: { info: {}, packages: {} },
  lazy: [],
};
