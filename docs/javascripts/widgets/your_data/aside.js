// The copies set aside because they could not be read, each with a way to download it.
import { h, download } from "../../ui.js";
import { bytesText, dayText, kindOf } from "./words.js";

/** The list of set-aside copies (storage.recovered()), or null when there are none. */
export function asideView(aside) {
  return aside.length
    ? [
        h("h3", {}, "Set aside because they could not be read"),
        h(
          "ul",
          { class: "ati-aside-list" },
          aside.map((copy) =>
            h(
              "li",
              { "data-key": copy.key },
              `From ${kindOf(copy.of)}`,
              copy.at ? `, set aside on ${dayText(copy.at)}` : "",
              copy.why ? ` (${copy.why})` : "",
              `, ${bytesText(copy.raw.length * 2)}. `,
              h(
                "button",
                {
                  type: "button",
                  class: "md-button",
                  onclick: () =>
                    download(
                      `after-the-interview-set-aside-${copy.of.replace(/[^a-z0-9-]+/g, "-")}.txt`,
                      "text/plain",
                      copy.raw,
                    ),
                },
                "Download this copy",
              ),
            ),
          ),
        ),
      ]
    : null;
}
