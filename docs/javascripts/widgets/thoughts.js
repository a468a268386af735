// @ts-check
// The thought challenger and journal widget lives in thoughts/ (one concept a file);
// this name stays so the widget table's import is unchanged.
export { mount } from "./thoughts/index.js";
