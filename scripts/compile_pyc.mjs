// Byte-compile and trim the Python the site ships, with Pyodide's own Python.
//
// Why: as shipped, Pyodide's python_stdlib.zip holds only .py sources of 600 modules,
// so every page load compiles each module it imports and a first visit downloads them
// all. Bytecode must come from the exact interpreter that will run it (CPython 3.14 in
// WebAssembly: magic number and all), so this runs inside Pyodide under Node rather than
// with the build host's Python. Code is compiled with optimize=2 (no docstrings or
// asserts) and without column tables (PYTHONNODEBUGRANGES), and archives are *stored*
// (not deflated) so that the server's brotli sees the bytes and compresses them well.
//
// Usage:
//   node scripts/compile_pyc.mjs stdlib <pyodide dir> <boot.py> <out zip>
//       the whole standard library (plus our boot module as _ati_boot), compiled
//   node scripts/compile_pyc.mjs archive <pyodide dir> <in zip/whl> <out zip>
//       a wheel or other archive: .py compiled, everything else kept, stored
//   node scripts/compile_pyc.mjs trim <pyodide dir> <full stdlib zip> <out zip> <out names json>
//       <wheel zip> <tzdata zip> <golden cases json>...
//       runs every golden case and preloads every feature with the full (compiled)
//       stdlib, records which stdlib modules were imported, and writes a stdlib zip of
//       only those, plus the stdlib's top-level names (what the full zip can supply
//       on demand if a module outside the recorded set is ever imported).
import { loadPyodide } from "pyodide";
import path from "node:path";
import fs from "node:fs";

const [mode, pyodideDir, ...files] = process.argv.slice(2);
const arity = { stdlib: 2, archive: 2 };
if (
  !["stdlib", "archive", "trim"].includes(mode) ||
  !pyodideDir ||
  (arity[mode] && files.length !== arity[mode]) ||
  (mode === "trim" && files.length < 6)
) {
  console.error("usage: see the comment at the top of scripts/compile_pyc.mjs");
  process.exit(2);
}
const abs = (file) => path.resolve(file);

const COMPILE = `
import base64, hashlib, sys, zipfile
import importlib._bootstrap_external as bx

_probe = list(compile("x = (1 +\\n 2)", "probe", "exec").co_positions())
assert _probe[1][2] is None, "PYTHONNODEBUGRANGES did not reach the interpreter"

def record_line(name, data):
    digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
    return f"{name},sha256={digest},{len(data)}"

def compile_archive(src_path, out_path, prefix, extra=()):
    """Copy an archive, compiling each .py to .pyc; rewrite a wheel's RECORD if any."""
    compiled = kept = 0
    records, record_name = [], None
    entries = [(i.filename, None) for i in zipfile.ZipFile(src_path).infolist()] + list(extra)
    with zipfile.ZipFile(src_path) as src, zipfile.ZipFile(out_path, "w", zipfile.ZIP_STORED) as dst:
        for name, data in entries:
            if data is None:
                data = src.read(name)
            if name.endswith(".dist-info/RECORD"):
                record_name = name
                continue
            if name.endswith(".py"):
                try:
                    code = compile(data, f"{prefix}/{name}", "exec", dont_inherit=True, optimize=2)
                except SyntaxError:
                    pass  # ship a file that does not compile (test fixtures) as it is
                else:
                    name, data = name + "c", bytes(bx._code_to_timestamp_pyc(code, 0, len(data)))
                    compiled += 1
            else:
                kept += 1
            dst.writestr(zipfile.ZipInfo(name, (2020, 2, 2, 0, 0, 0)), data)
            records.append(record_line(name, data))
        if record_name:
            records.append(f"{record_name},,")
            dst.writestr(zipfile.ZipInfo(record_name, (2020, 2, 2, 0, 0, 0)), "\\n".join(records) + "\\n")
    return f"{compiled} modules compiled, {kept} other files kept"
`;

const pyodide = await loadPyodide({
  indexURL: abs(pyodideDir) + "/",
  ...(mode === "trim" ? { stdLibURL: abs(files[0]) } : {}),
  env: { PYTHONNODEBUGRANGES: "1" },
  stdout: () => {},
});
const mount = (dir, at) => {
  pyodide.FS.mkdirTree(at);
  pyodide.FS.mount(pyodide.FS.filesystems.NODEFS, { root: dir }, at);
};
const read = (file) => new Uint8Array(fs.readFileSync(file));

if (mode === "stdlib" || mode === "archive") {
  const [input, out] = files.map(abs);
  fs.mkdirSync(path.dirname(out), { recursive: true });
  mount(path.dirname(out), "/out");
  pyodide.runPython(COMPILE);
  const compileArchive = pyodide.globals.get("compile_archive");
  let summary;
  if (mode === "stdlib") {
    const boot = fs.readFileSync(input, "utf8");
    summary = compileArchive(
      "/lib/python314.zip",
      `/out/${path.basename(out)}`,
      "/lib/python314.zip",
      pyodide.toPy([["_ati_boot.py", boot]]),
    );
  } else {
    mount(path.dirname(input), "/in");
    summary = compileArchive(
      `/in/${path.basename(input)}`,
      `/out/${path.basename(out)}`,
      "/lib/ati/" + path.basename(out),
    );
  }
  console.log(`${mode} ${path.basename(out)}: ${summary}`);
} else {
  const [, outZip, outNames, wheel, tzdata, ...caseFiles] = files.map(abs);
  mount(path.dirname(outZip), "/out");
  const boot = pyodide.pyimport("_ati_boot");
  boot.add_archive.callKwargs(path.basename(wheel), read(wheel), { first: true });
  boot.lazy_archive("time zones", tzdata, ["tzdata"], (url) => read(url));
  const callJson = boot.call_json;
  for (const file of caseFiles) {
    for (const c of JSON.parse(fs.readFileSync(file, "utf8"))) {
      const response = JSON.parse(callJson(JSON.stringify({ op: c.op, payload: c.payload })));
      if (response.error?.kind === "unavailable") throw new Error(response.error.message);
    }
  }
  for (const feature of boot.features().toJs()) boot.preload(feature);
  pyodide.globals.set("OUT", `/out/${path.basename(outZip)}`);
  const summary = pyodide.runPython(`
import json, sys, zipfile, zoneinfo
zoneinfo.ZoneInfo("Europe/London")  # the lazy tzdata path and zoneinfo's own imports
import _ati_boot, traceback
traceback.format_exception_only(ValueError("x"))  # the façade's internal-error path

STDLIB = "/lib/python314.zip/"
used = set()
for module in list(sys.modules.values()):
    origin = getattr(getattr(module, "__spec__", None), "origin", None) or ""
    if origin.startswith(STDLIB):
        used.add(origin[len(STDLIB):])
with zipfile.ZipFile("/lib/python314.zip") as full:
    names = full.namelist()
    keep = [n for n in names if n in used or n.endswith("/")]
    with zipfile.ZipFile(OUT, "w", zipfile.ZIP_STORED) as out:
        for name in keep:
            out.writestr(full.getinfo(name), full.read(name))
    all_top = {n.split("/")[0].removesuffix(".pyc").removesuffix(".py") for n in names}
    # Every top-level name: a module left out, or a submodule of a kept package.
    lazy = sorted(all_top - {"site-packages", "_ati_boot"})
json.dumps({"kept": len(keep), "of": len(names), "lazy": lazy})
`);
  const result = JSON.parse(summary);
  fs.writeFileSync(outNames, JSON.stringify(result.lazy) + "\n");
  console.log(
    `trim ${path.basename(outZip)}: ${result.kept} of ${result.of} entries kept; the rest loads on demand`,
  );
}
