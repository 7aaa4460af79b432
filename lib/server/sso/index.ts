import "server-only";

export { checkSsoClaims, isAllowedDomain, roleFromClaims, SSO_REFUSALS, ssoSubjectOf } from "./sso-claims";
export type { SsoIdentity, SsoRefusal } from "./sso-claims";
export { findOrCreateSsoPerson, findUserIdBySsoSubject } from "./sso-person";
export { SSO_PROVIDER_ID, ssoProvider } from "./sso-provider";
export { ssoSettingsFrom } from "./sso-settings";
export type { SsoSettings } from "./sso-settings";
export { signInWithSso } from "./sign-in-with-sso";
export { getSignInChoices } from "./sign-in-choices";
export type { SignInChoices } from "./sign-in-choices";
