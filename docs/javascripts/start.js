// Loaded async from the head of tool pages only: start Python as early as possible.
import { start } from "./runtime.js";

start();
