import "server-only";
import { NextRequest } from "next/server";
import { AppError } from "@/lib/errors";
import { readBodyBytes } from "./api/body-bytes";
import type { SignInRequest } from "./auth-options";
import { getEnv } from "./env";
import { clientAddress } from "./security/client-address";

// next-auth's own forms (sign-in, sign-out) are a few hundred bytes.
const AUTH_BODY_LIMIT_BYTES = 16 * 1024;

export function signInRequestFor(request: Request): SignInRequest {
  return { address: clientAddress(request.headers, getEnv().TRUSTED_PROXY_HOPS), retryAfterSeconds: null };
}

/** next-auth reads whole bodies itself: it is handed one read here under the cap (413 past it). */
export async function withCappedAuthBody(request: NextRequest): Promise<NextRequest> {
  if (request.method !== "POST") return request;
  const body = await readBodyBytes(request, AUTH_BODY_LIMIT_BYTES);
  return new NextRequest(request.url, { method: request.method, headers: request.headers, body });
}

export function tooManyAttempts(retryAfterSeconds: number): AppError {
  const minutes = Math.ceil(retryAfterSeconds / 60);
  return new AppError("too_many_attempts", `Too many failed sign-ins from here. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`, {
    retryAfterSeconds,
  });
}
