// @ts-check
// The address is checked before any widget reads it: a parameter named like a built-in
// property, or absurdly long, or with control characters, is left out and the reader told,
// so a crafted link can never break a tool.
import { notice } from "./notices.js";

/** A parameter value longer than this is no id, kind or choice of ours. */
const MAX_PARAM = 200;
/** C0 control characters and DEL: never part of an id, kind or choice. */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/;

/** Leave out parameters no tool could use: built-in property names, control characters, huge values. */
export function tidyAddress() {
  let url;
  try {
    url = new URL(location.href);
  } catch {
    return;
  }
  const dropped = [];
  for (const [name, value] of [...url.searchParams]) {
    if (
      name in Object.prototype ||
      value in Object.prototype ||
      value.length > MAX_PARAM ||
      name.length > MAX_PARAM ||
      CONTROL.test(value)
    ) {
      dropped.push(name);
    }
  }
  if (dropped.length === 0) return;
  for (const name of new Set(dropped)) url.searchParams.delete(name);
  history.replaceState(history.state, "", url);
  queueMicrotask(() =>
    notice(
      "storage-problem",
      "This link carried something the tools could not use, so it was left out. Nothing saved on this device was changed.",
    ),
  );
}
