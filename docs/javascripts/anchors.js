// Same-page links (the skip link, a heading's ¶, the table of contents) move within the
// page without Material's instant navigation seeing them.
//
// Why: Material feeds every link click and every popstate into a location stream that
// has no starting value, and only compares pathnames from the second value on. So the
// FIRST same-page link after a page load counted as a page change: Material fetched the
// same page again and swapped its content in, re-creating every <script> in it as a plain
// script (the build-time JSON islands then ran as code, blocked by the CSP, and lost
// their names: "No message kinds are available."), re-mounting every tool and sending
// keyboard focus back to the top, so "Skip to content" skipped nothing. The islands are
// now inert <template> elements (docs/hooks/csp.py); this module stops the reload.
//
// How: Material ignores links that carry a `target`, so a same-page link gets
// target="_self" as the click starts. The browser's own fragment navigation would fire
// a popstate that Material's listener (registered first) still takes for a page change,
// so once the link's own handlers have had their say, the move is made here: the address
// gains the fragment (pushState fires no popstate), the target scrolls into view below the
// sticky header and takes the focus, so the next Tab continues from there.

/** The page whose content is on screen (updated on every instant page change). */
let shown = { pathname: location.pathname, search: location.search };
if (window.document$)
  window.document$.subscribe(
    () => (shown = { pathname: location.pathname, search: location.search }),
  );

const onShownPage = (url) =>
  url.origin === location.origin && url.pathname === shown.pathname && url.search === shown.search;

/** The same-page link a click is on, with its fragment's element, or null. */
function samePageLink(event) {
  if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey)
    return null;
  const link = event.target instanceof Element ? event.target.closest("a[href]") : null;
  if (!link || (link.target && link.target !== "_self") || link.hasAttribute("download"))
    return null;
  const url = new URL(link.href, location.href);
  if (url.hash.length < 2 || !onShownPage(url)) return null;
  let id = url.hash.slice(1);
  try {
    id = decodeURIComponent(id);
  } catch {
    /* keep it as written */
  }
  const target = document.getElementById(id);
  return target ? { link, url, target } : null;
}

document.addEventListener(
  "click",
  (event) => {
    const found = samePageLink(event);
    if (found) found.link.target = "_self"; // Material's link handler leaves it alone
  },
  true,
);

window.addEventListener("click", (event) => {
  if (event.defaultPrevented) return; // the link's own handler did something else
  const found = samePageLink(event);
  if (!found) return;
  event.preventDefault();
  const { url, target } = found;
  const before = location.href;
  if (url.href !== before) history.pushState(history.state, "", url);
  const header = document.querySelector(".md-header");
  target.style.scrollMarginTop = `${(header?.offsetHeight ?? 0) + 8}px`;
  if (!target.matches("a[href], button, input, select, textarea, [tabindex]"))
    target.setAttribute("tabindex", "-1");
  target.focus({ preventScroll: true });
  target.scrollIntoView({ block: "start" });
  if (url.href !== before)
    window.dispatchEvent(new HashChangeEvent("hashchange", { oldURL: before, newURL: url.href }));
});
