import "server-only";
import { getEnv } from "@/lib/server/env";
import { ssoSettingsFrom } from "./sso-settings";

/** What the sign-in page offers: the SSO button (first), and password sign-in for all or only the recovery account. */
export type SignInChoices = { sso: { label: string } | null; passwords: "everyone" | "recovery_only" };

export function getSignInChoices(): SignInChoices {
  const env = getEnv();
  const sso = ssoSettingsFrom(env);
  return { sso: sso && { label: sso.label }, passwords: env.PASSWORD_SIGN_IN === "off" ? "recovery_only" : "everyone" };
}
