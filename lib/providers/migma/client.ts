import "server-only";
import { checkKey, keyWorks } from "../key-check";
import type { ConnectionTestResult, FetchBatchContext, TestConnectionContext, UpstreamContext } from "../types";
import { bearerAuth, upstreamFor } from "../upstream";
import { migmaProfile } from "./profile";

const NAME = migmaProfile.name;
const migma = (context: UpstreamContext) => upstreamFor(migmaProfile, context, bearerAuth);

/** GET /v1/sending/batches/{id}; returns the JSON envelope, which may still hold success:false. */
export async function fetchMigmaBatch(batchId: string, context: FetchBatchContext): Promise<unknown> {
  const upstream = migma(context);
  const response = await upstream.get(["v1", "sending", "batches", batchId]);
  if (response.status !== 200) throw upstream.statusError(response);
  return response.body;
}

/** GET /v1/projects — the docs' own authentication example. */
export function testMigmaConnection(context: TestConnectionContext): Promise<ConnectionTestResult> {
  return checkKey(migma(context), ["v1", "projects"], {
    // Migma can answer 200 with success:false; that is not a confirmation.
    readOk: ({ body }) =>
      typeof body === "object" && body !== null && "success" in body && body.success === false
        ? { ok: false, message: `Could not check the key: ${NAME} answered without confirming it.` }
        : keyWorks(NAME),
  });
}
