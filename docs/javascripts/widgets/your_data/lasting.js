// Whether this browser will keep the tools' data, how much space it uses, and a way to
// ask it to keep the data for good.
import * as storage from "../../storage.js";
import { h, fill } from "../../ui.js";
import { bytesText } from "./words.js";

/** Fill `box` with what the browser says about keeping the data; `notice` tells the reader. */
export function lastingView(box, notice) {
  const persistButton = h(
    "button",
    {
      type: "button",
      class: "md-button",
      hidden: true,
      onclick: async () => {
        const granted = await storage.askPersistence();
        notice.show(
          granted
            ? "This browser will now keep the tools' data unless you clear it yourself."
            : "This browser did not agree to keep the data for good (it decides by itself, often by how much you use the site). Keeping a backup file is the safe way.",
        );
        show();
      },
    },
    "Ask the browser to keep it",
  );

  async function show() {
    const status = await storage.storageStatus();
    const kept =
      status.persisted === true
        ? "This browser has agreed to keep the tools' data until you clear it yourself."
        : status.persisted === false
          ? "This browser may clear the tools' data by itself if the device runs short of space, or (Safari) after seven days without a visit. A backup file keeps it safe."
          : "This browser does not say whether it will keep the tools' data. A backup file keeps it safe.";
    const used = Number.isFinite(status.usage)
      ? `This site uses about ${bytesText(status.usage)}${Number.isFinite(status.quota) && status.quota > 0 ? ` of the ${bytesText(status.quota)} this browser allows it` : ""}.`
      : "";
    persistButton.hidden = status.persisted !== false;
    fill(box, h("p", {}, kept, " ", used, " "), persistButton);
  }
  return show();
}
