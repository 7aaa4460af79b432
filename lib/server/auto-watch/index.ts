import "server-only";

// Boards following a connection: the rules (edited on the board page) and the background run
// that lists each rule's connection through the on-demand lane and puts new sends on the board.
export { createAutoWatchRule, listAutoWatchRules, removeAutoWatchRule, updateAutoWatchRule } from "./rules";
export { runDueAutoWatchRules } from "./run-rules";
export { startAutoWatch } from "./start";
