// Compile Pyodide's standard library to bytecode with Pyodide's own Python.
//
// Why: as shipped, python_stdlib.zip holds only .py sources, so every page load
// compiles the modules it imports (most of Pyodide's start-up time). Bytecode must be
// produced by the exact interpreter that will run it (CPython 3.14 in WebAssembly,
// magic number and all), so this runs inside Pyodide under Node rather than with the
// build host's Python. Usage: node scripts/compile_stdlib.mjs <pyodide dir> <out zip>
import { loadPyodide } from "pyodide";
import path from "node:path";
import fs from "node:fs";

const [pyodideDir, outZip] = process.argv.slice(2);
if (!pyodideDir || !outZip) {
  console.error("usage: node scripts/compile_stdlib.mjs <pyodide dir> <out zip>");
  process.exit(2);
}
const outDir = path.resolve(path.dirname(outZip));
fs.mkdirSync(outDir, { recursive: true });
const pyodide = await loadPyodide({ indexURL: path.resolve(pyodideDir) + "/" });
pyodide.FS.mkdirTree("/out");
pyodide.FS.mount(pyodide.FS.filesystems.NODEFS, { root: outDir }, "/out");
pyodide.globals.set("OUT", "/out/" + path.basename(outZip));
const summary = pyodide.runPython(`
import importlib._bootstrap_external as bx
import zipfile

SRC = "/lib/python314.zip"
compiled = kept = skipped = 0
with zipfile.ZipFile(SRC) as src, zipfile.ZipFile(OUT, "w", zipfile.ZIP_DEFLATED) as dst:
    for info in src.infolist():
        data = src.read(info)
        name = info.filename
        if name.endswith(".py"):
            try:
                code = compile(data, f"{SRC}/{name}", "exec", dont_inherit=True)
            except SyntaxError:
                # A few test fixtures are deliberately invalid; ship their source as is.
                dst.writestr(info, data)
                skipped += 1
                continue
            pyc = bx._code_to_timestamp_pyc(code, 0, len(data))
            dst.writestr(zipfile.ZipInfo(name + "c", info.date_time), bytes(pyc),
                         compress_type=zipfile.ZIP_DEFLATED)
            compiled += 1
        else:
            dst.writestr(info, data)
            kept += 1
f"{compiled} modules compiled, {kept} other files kept, {skipped} left as source"
`);
console.log(`stdlib: ${summary}`);
