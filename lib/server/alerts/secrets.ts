import "server-only";
import { getEnv } from "../env";
import { decryptSecret, encryptSecret, parseMasterKey } from "../security/key-encryption";

// A contact point's destination and secret, sealed like provider keys and bound to the row id
// (a ciphertext copied onto another contact point does not open).

const targetAad = (id: string) => `alert-contact-point:${id}`;
const secretAad = (id: string) => `alert-contact-point-secret:${id}`;

function masterKey(): Buffer {
  return parseMasterKey(getEnv().ENCRYPTION_KEY);
}

export function sealTarget(id: string, target: string): string {
  return encryptSecret(target, masterKey(), targetAad(id));
}

export function openTarget(id: string, sealed: string): string {
  return decryptSecret(sealed, masterKey(), targetAad(id));
}

export function sealSecret(id: string, secret: string): string {
  return encryptSecret(secret, masterKey(), secretAad(id));
}

export function openSecret(id: string, sealed: string): string {
  return decryptSecret(sealed, masterKey(), secretAad(id));
}
