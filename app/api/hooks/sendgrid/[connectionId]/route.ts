import { readBodyBytes } from "@/lib/server/api/body-bytes";
import { jsonResponse } from "@/lib/server/api/response";
import { withApi } from "@/lib/server/api/with-api";
import { ingestSendGridEvents, SIGNATURE_HEADER, TIMESTAMP_HEADER } from "@/lib/server/hooks";

import { publicContext } from "@/lib/server/service-context";

// SendGrid batches up to thousands of events a POST; 5 MB is far past any it sends.
const MAX_BODY_BYTES = 5 * 1024 * 1024;

// POST /api/hooks/sendgrid/{connectionId} — SendGrid's signed Event Webhook (no session: the signature is the credential)
export const POST = withApi<{ connectionId: string }>(
  async ({ request, params }) => {
    const body = await readBodyBytes(request, MAX_BODY_BYTES);
    const { received, recorded } = await ingestSendGridEvents(await publicContext(), {
      connectionId: params.connectionId,
      signature: request.headers.get(SIGNATURE_HEADER),
      timestamp: request.headers.get(TIMESTAMP_HEADER),
      body,
    });
    return jsonResponse({ received, recorded });
  },
  { signedMachineCall: true },
);
