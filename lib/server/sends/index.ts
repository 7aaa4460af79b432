import "server-only";

// Recent sends of a connection (the picker's list); its provider calls go through the on-demand lane.
export { listRecentSends } from "./recent-sends";
