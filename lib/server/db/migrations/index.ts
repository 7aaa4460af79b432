import type { Migration } from "kysely";
import * as watchedBatches from "./0001-watched-batches";
import * as people from "./0002-people";
import * as connections from "./0003-connections";
import * as boards from "./0004-boards";
import * as batchSnapshots from "./0005-batch-snapshots";
import * as pollLeases from "./0006-poll-leases";
import * as shareLinkFraming from "./0007-share-link-framing";
import * as connectionHolds from "./0008-connection-holds";
import * as signInFailures from "./0020-sign-in-failures";
import * as hashedSessionIds from "./0021-hashed-session-ids";
import * as shareLinkNames from "./0022-share-link-names";
import * as batchLabels from "./0010-batch-labels";
import * as auditEvents from "./0030-audit-events";
import * as onDemandCalls from "./0040-on-demand-calls";
import * as autoWatch from "./0041-auto-watch";
import * as batchActions from "./0050-batch-actions";
import * as apiTokens from "./0060-api-tokens";
import * as ssoSubjects from "./0065-sso-subjects";
import * as sendGridWebhook from "./0070-sendgrid-webhook";
import * as bolnaHooks from "./0090-bolna-hooks";
import * as alerts from "./0080-alerts";

// Migrations are imported, not read from disk, so the bundled server and the tests apply the same list.
export const migrations: Record<string, Migration> = {
  "0001-watched-batches": watchedBatches,
  "0002-people": people,
  "0003-connections": connections,
  "0004-boards": boards,
  "0005-batch-snapshots": batchSnapshots,
  "0006-poll-leases": pollLeases,
  "0007-share-link-framing": shareLinkFraming,
  "0008-connection-holds": connectionHolds,
  "0020-sign-in-failures": signInFailures,
  "0021-hashed-session-ids": hashedSessionIds,
  "0022-share-link-names": shareLinkNames,
  "0010-batch-labels": batchLabels,
  "0030-audit-events": auditEvents,
  "0040-on-demand-calls": onDemandCalls,
  "0041-auto-watch": autoWatch,
  "0050-batch-actions": batchActions,
  "0060-api-tokens": apiTokens,
  "0065-sso-subjects": ssoSubjects,
  "0070-sendgrid-webhook": sendGridWebhook,
  "0090-bolna-hooks": bolnaHooks,
  "0080-alerts": alerts,
};
