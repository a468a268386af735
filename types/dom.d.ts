// Types shared by the page's DOM helpers (docs/javascripts/ui.js), for JSDoc only.

/**
 * A child as ui.h() and ui.fill() take it: a node, text, or nothing (null, undefined and
 * false are skipped), or a list of those at any depth.
 */
export type Child = Node | string | number | boolean | null | undefined | readonly Child[];
