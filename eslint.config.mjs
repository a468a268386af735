// ESLint flat config: the recommended rules for every JavaScript file in the repository,
// with formatting left to Prettier (eslint-config-prettier turns off the rules that would
// fight it). `npx eslint --fix .` applies every automatic fix.
import js from "@eslint/js";
import prettier from "eslint-config-prettier";
import globals from "globals";

export default [
  { ignores: ["node_modules/", "site/", "build/", "dist/", ".venv/", "test-results/"] },
  js.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2024, sourceType: "module" },
    linterOptions: { reportUnusedDisableDirectives: "error" },
    rules: {
      "no-unused-vars": ["error", { argsIgnorePattern: "^_", caughtErrors: "none" }],
      "prefer-const": "error",
      "no-var": "error",
      eqeqeq: ["error", "smart"],
      "object-shorthand": ["error", "properties"],
    },
  },
  {
    // The page code: plain ES modules loaded by the browser (no bundler). Reader text
    // enters the page only as text nodes or form values, and the CSP forbids eval, so
    // the ways round either are errors here rather than surprises in review.
    files: ["docs/javascripts/**/*.js"],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      "no-eval": "error",
      "no-implied-eval": "error",
      "no-new-func": "error",
      "no-restricted-properties": [
        "error",
        ...["innerHTML", "outerHTML", "insertAdjacentHTML"].map((property) => ({
          property,
          message: "Build nodes with ui.h() / text nodes: reader text must stay inert.",
        })),
        ...["write", "writeln"].map((property) => ({
          object: "document",
          property,
          message: "Build nodes with ui.h() / text nodes: reader text must stay inert.",
        })),
      ],
    },
  },
  {
    // The one module Web Worker.
    files: ["docs/javascripts/worker.js"],
    languageOptions: { globals: { ...globals.worker } },
  },
  {
    // The service worker (site root scope).
    files: ["docs/sw.js"],
    languageOptions: { globals: { ...globals.serviceworker } },
  },
  {
    // Build scripts and tests run under Node.
    files: ["**/*.mjs"],
    languageOptions: { globals: { ...globals.node } },
  },
  prettier,
];
