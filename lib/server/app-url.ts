import "server-only";
import { getEnv } from "./env";

/** APP_URL: the one origin every link this server hands out starts with, whatever Host a request named. */
export function appOrigin(): string {
  return getEnv().APP_URL;
}
