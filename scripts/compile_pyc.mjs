// Compile Python sources to bytecode with Pyodide's own Python, for a faster start.
//
// Why: as shipped, Pyodide's python_stdlib.zip holds only .py sources, so every page
// load compiles each module it imports; our wheel likewise. Bytecode must come from the
// exact interpreter that will run it (CPython 3.14 in WebAssembly: magic number and
// all), so this runs inside Pyodide under Node rather than with the build host's Python.
//
// Usage: node scripts/compile_pyc.mjs stdlib <pyodide dir> <out zip>
//        node scripts/compile_pyc.mjs wheel  <pyodide dir> <in .whl> <out .whl>
// A wheel's RECORD is rewritten with the new files' hashes and sizes.
import { loadPyodide } from "pyodide";
import path from "node:path";
import fs from "node:fs";

const [mode, pyodideDir, ...files] = process.argv.slice(2);
if (!["stdlib", "wheel"].includes(mode) || !pyodideDir || files.length !== (mode === "stdlib" ? 1 : 2)) {
  console.error("usage: compile_pyc.mjs stdlib <pyodide dir> <out zip> | wheel <pyodide dir> <in> <out>");
  process.exit(2);
}
const outFile = path.resolve(files.at(-1));
fs.mkdirSync(path.dirname(outFile), { recursive: true });
const pyodide = await loadPyodide({ indexURL: path.resolve(pyodideDir) + "/" });
const mount = (dir, at) => {
  pyodide.FS.mkdirTree(at);
  pyodide.FS.mount(pyodide.FS.filesystems.NODEFS, { root: dir }, at);
};
mount(path.dirname(outFile), "/out");
let source = "/lib/python314.zip";
let prefix = "/lib/python314.zip";
if (mode === "wheel") {
  const wheel = path.resolve(files[0]);
  mount(path.dirname(wheel), "/in");
  source = `/in/${path.basename(wheel)}`;
  prefix = "/lib/python3.14/site-packages";
}
pyodide.globals.set("SRC", source);
pyodide.globals.set("PREFIX", prefix);
pyodide.globals.set("OUT", `/out/${path.basename(outFile)}`);
pyodide.globals.set("IS_WHEEL", mode === "wheel");
const summary = pyodide.runPython(`
import base64, hashlib, zipfile
import importlib._bootstrap_external as bx

def record_line(name, data):
    digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
    return f"{name},sha256={digest},{len(data)}"

compiled = kept = 0
records = []
record_name = None
with zipfile.ZipFile(SRC) as src, zipfile.ZipFile(OUT, "w", zipfile.ZIP_DEFLATED) as dst:
    for info in src.infolist():
        name, data = info.filename, src.read(info)
        if IS_WHEEL and name.endswith(".dist-info/RECORD"):
            record_name = name
            continue
        # A wheel keeps its tiny __init__.py files as source: pyodide-build finds the
        # import name (the lock file's "imports") by looking for .py files.
        if name.endswith(".py") and not (IS_WHEEL and name.endswith("/__init__.py")):
            try:
                code = compile(data, f"{PREFIX}/{name}", "exec", dont_inherit=True)
            except SyntaxError:
                pass  # ship a file that does not compile (test fixtures) as it is
            else:
                name, data = name + "c", bytes(bx._code_to_timestamp_pyc(code, 0, len(data)))
                compiled += 1
        else:
            kept += 1
        dst.writestr(zipfile.ZipInfo(name, info.date_time), data, compress_type=zipfile.ZIP_DEFLATED)
        records.append(record_line(name, data))
    if IS_WHEEL:
        records.append(f"{record_name},,")
        dst.writestr(zipfile.ZipInfo(record_name, (2020, 2, 2, 0, 0, 0)), "\\n".join(records) + "\\n")
f"{compiled} modules compiled, {kept} other files kept"
`);
console.log(`${mode}: ${summary}`);
