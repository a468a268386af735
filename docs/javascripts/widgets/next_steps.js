// "Your next step" on the home page and the tools index, for a returning reader. It
// needs no Python: it shows what Python worked out the last time a tool ran
// (planner.next_steps, kept with each record by records.js), each step linking to the
// draft or tool that does it. A first-time reader sees nothing at all.
import { h, fill } from "../ui.js";
import { storedNextSteps, linkHref } from "./records.js";
import { today } from "../dates.js";

const SHOWN = 3;

export function mount(root) {
  // The page's depth below the site root: "/" → 0, "/tools/" → 1 (links are relative).
  const depth = Number(root.dataset.depth ?? 0);
  const draw = () => {
    const steps = storedNextSteps();
    if (steps.length === 0) {
      fill(root);
      root.hidden = true;
      return;
    }
    const now = today();
    root.hidden = false;
    fill(
      root,
      h(
        "section",
        { class: "admonition tip ati-next-steps", "aria-labelledby": "ati-next-steps-title" },
        h(
          "p",
          { class: "admonition-title", id: "ati-next-steps-title" },
          steps.length === 1 ? "Your next step" : "Your next steps",
        ),
        h(
          "ul",
          {},
          steps
            .slice(0, SHOWN)
            .map((step) =>
              h(
                "li",
                { "data-status": step.status, "data-kind": step.kind },
                h(
                  "a",
                  { href: linkHref(step.link, depth) },
                  step.computed_on === now ? step.text : step.text_dated || step.text,
                ),
              ),
            ),
        ),
        steps.length > SHOWN
          ? h(
              "p",
              { class: "ati-hint" },
              `And ${steps.length - SHOWN} more in the `,
              h("a", { href: `${"../".repeat(depth)}tools/pipeline/` }, "Applications"),
              " list.",
            )
          : null,
      ),
    );
  };
  draw();
  const again = () => document.visibilityState === "visible" && draw();
  document.addEventListener("visibilitychange", again);
  return () => document.removeEventListener("visibilitychange", again);
}
