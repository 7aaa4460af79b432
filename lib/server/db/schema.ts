import type { ColumnType, Generated } from "kysely";

// The database as Kysely sees it. Column types are the ones SQLite and PostgreSQL share:
// ids and timestamps are text (UUIDs, ISO 8601), counters are integers.

export interface TeamsTable {
  id: string;
  name: string;
  created_at: string;
}

export interface UsersTable {
  id: string;
  team_id: string;
  email: string;
  name: string;
  role: string; // a UserRole: "admin" | "operator" | "member"
  password_hash: string | null; // null until an invited user sets a password
  invite_token_hash: string | null;
  invite_expires_at: string | null;
  created_at: string;
  /** `iss sub` once the person signed in with single sign-on; null otherwise (optional on insert). */
  sso_subject: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface SessionsTable {
  id: string; // SHA-256 hex of the session id the cookie carries
  user_id: string;
  created_at: string;
  expires_at: string; // absolute: polling never extends it
  revoked_at: string | null;
}

export interface ConnectionsTable {
  id: string;
  team_id: string;
  provider: string;
  name: string;
  region: string | null;
  encrypted_key: string; // AES-256-GCM, bound to the row id
  key_last4: string;
  budget_per_minute: number | null;
  created_at: string;
  updated_at: string;
  // SendGrid's Event Webhook verification key (public; base64 DER, as SendGrid shows it), and the
  // custom arg naming a send's batch (null: "batch_id"). Optional on insert: rows of other providers leave them out.
  webhook_public_key: ColumnType<string | null, string | null | undefined, string | null>;
  webhook_batch_arg: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface WatchedBatchesTable {
  id: string;
  team_id: string;
  connection_id: string;
  provider: string;
  batch_id: string;
  added_by: string;
  added_at: string;
  position: Generated<number>;
}

export interface BoardsTable {
  id: string;
  team_id: string;
  name: string;
  created_by: string;
  created_at: string;
  updated_at: string;
}

export interface BoardBatchesTable {
  id: string;
  board_id: string;
  connection_id: string;
  provider: string;
  batch_id: string;
  position: number;
  added_at: string;
}

/** The team's name for one batch, shown by every view of it (the watched list, boards, walls, its page). */
export interface BatchLabelsTable {
  team_id: string;
  connection_id: string;
  provider: string;
  batch_id: string;
  label: string;
  updated_at: string;
}

export interface ShareLinksTable {
  id: string;
  team_id: string;
  board_id: string | null; // a board link, or…
  connection_id: string | null; // …a single-batch link
  provider: string | null;
  batch_id: string | null;
  token_hash: string;
  created_by: string;
  created_at: string;
  expires_at: string | null;
  revoked_at: string | null;
  last_used_at: string | null;
  view_count: Generated<number>;
  frame_origin: string | null; // the one origin that may frame the page, or null for none
  name: string | null; // what its maker called it
}

export interface BatchSnapshotsTable {
  poll_key: string; // connectionId:provider:batchId
  fetched_at: string;
  state: string;
  processed: number;
  total: number | null;
  data: string; // the normalised snapshot as JSON
}

/** Which instance polls a batch, until when (PostgreSQL with several instances). */
export interface PollLeasesTable {
  poll_key: string;
  holder: string; // the holding process's random instance id
  expires_at: string;
  requested_at: string | null; // when an instance last took the lease over for requestPoll
}

/** The latest outcome of polling a batch, written by the lease holder, read by every instance. */
export interface BatchLatestTable {
  poll_key: string;
  snapshot: string | null; // the last good snapshot as JSON
  fetched_at: string | null;
  next_poll_at: string | null; // null once final
  error: string | null; // the latest call's failure as JSON { code, message, at }
  final: number; // 0 | 1
  tail_count: number | null;
  updated_at: string;
}

/** Upstream calls per connection over the last minute: the request budget shared by all instances. */
export interface PollCallsTable {
  connection_id: string;
  at: string;
  cost: number;
  /** 1 for a list or recipient call (runOnDemand), 0 for a status poll. */
  on_demand: Generated<number>;
}

/** A board following a connection: every new send that matches goes on the board (lib/server/auto-watch). */
export interface AutoWatchRulesTable {
  id: string;
  team_id: string;
  board_id: string;
  connection_id: string;
  provider: string;
  name_contains: string | null;
  template: string | null;
  agent_id: string | null;
  /** Minutes a finished send the rule added stays on the board; null = keep it. */
  remove_after_minutes: number | null;
  created_by: string;
  created_at: string;
  updated_at: string;
  /** When the rule lists next; moved forward by the instance that runs it (the lease). */
  next_run_at: string;
}

/** What a rule put on its board, once per (rule, batch), and when it took it off again. */
export interface AutoWatchAdditionsTable {
  rule_id: string;
  batch_id: string;
  /** null when the batch was on the board already (added by hand). */
  board_batch_id: string | null;
  added_at: string;
  removed_at: string | null;
}

export interface ConnectionHoldsTable {
  connection_id: string;
  until: string;
  error_code: string;
  error_message: string;
}

/** One failed sign-in: the limits and the per-account delay count these within their window. */
export interface SignInFailuresTable {
  email: string; // normalised, as typed (the account may not exist)
  address: string; // see security/client-address.ts
  at: string;
}

/** The activity log (audit/): appended in the transaction of the change it records. */
export interface AuditEventsTable {
  id: string;
  team_id: string;
  at: string;
  actor_kind: string; // "user" | "token" | "system"
  actor_id: string | null;
  actor_email: string | null; // a copy: kept after the person is removed
  action: string; // an AuditAction, e.g. "user.invite"
  target_type: string;
  target_id: string | null;
  target_label: string | null;
  address: string | null;
  outcome: string; // "ok" | "refused" | "failed"
  details: string; // a small flat JSON object, never a key, token, secret or recipient data
}

/** Which request makes a control call (the row's claim_id), and its answer for the others. */
export interface BatchActionClaimsTable {
  connection_id: string;
  provider: string;
  batch_id: string;
  action: string; // a BatchAction
  claim_id: string;
  started_at: string;
  expires_at: string; // after this a new request makes a new call
  result: string | null; // JSON ActionOutcome once the provider answered
}

/** A SendGrid batch's send time, as the team gave it (SendGrid cannot say). */
export interface SendTimesTable {
  connection_id: string;
  batch_id: string;
  send_at: string;
  updated_at: string;
}

/** A team's API token (api-tokens/): only its hash; the rate window and refusal record are shared by instances. */
export interface ApiTokensTable {
  id: string;
  team_id: string;
  name: string;
  role: string; // an ApiTokenRole: "member" | "operator"
  hash: string; // SHA-256 hex of the token, unique
  last4: string;
  created_by: string; // the admin's user id
  created_at: string;
  expires_at: string | null; // null: never
  last_used_at: string | null;
  revoked_at: string | null;
  rate_window_start: string | null; // when the current rate-limit window began
  rate_window_count: Generated<number>; // uses counted in that window
  refusal_audited_at: string | null; // when a refused use (revoked, expired) was last recorded
}

/** One SendGrid webhook event, kept only so a retry or duplicate (same sg_event_id) counts once. */
export interface SendGridEventsTable {
  sg_event_id: string;
  connection_id: string;
  batch_tag: string; // the custom arg's value; '' when the send was not tagged
  message_key: string; // sg_message_id, or the event id for an event without one
  event: string;
  occurred_at: string | null;
  received_at: string;
}

/** One message's furthest delivery state, as its events told it. */
export interface SendGridMessagesTable {
  connection_id: string;
  message_key: string;
  batch_tag: string;
  email: string | null; // recipient data: never logged
  status: string; // a SendGridMessageStatus ("new" until an event ranks it)
  reason: string | null; // SendGrid's words for a bounce, block, drop or deferral
  opened: number; // 0 | 1
  clicked: number; // 0 | 1
  updated_at: string;
}

/** The messages of one (connection, batch tag) by state; what a SendGrid batch shows. */
export interface SendGridTalliesTable {
  connection_id: string;
  batch_tag: string;
  events: number;
  processed: number;
  deferred: number;
  delivered: number;
  bounced: number;
  blocked: number;
  dropped: number;
  opened: number;
  clicked: number;
  first_event_at: string | null;
  last_event: string;
  last_received_at: string;
}

/** A Bolna connection's hook URL (bolna-hooks/): only the token's hash, unique; rotating replaces it. */
export interface BolnaHooksTable {
  id: string;
  team_id: string;
  connection_id: string;
  token_hash: string; // SHA-256 hex of the token in the URL
  allowlist: Generated<string>; // source addresses, one per line; empty: any
  created_at: string;
  rotated_at: string;
  last_event_at: string | null;
}

/** One (execution, status) a Bolna hook received: the row's existence is what dedupes retries. */
export interface BolnaHookEventsTable {
  hook_id: string;
  execution_id: string;
  status: string;
  batch_id: string;
  received_at: string;
}

/** Where alert messages go (alerts/): a Slack incoming webhook, a signed webhook, or an email address. */
export interface AlertContactPointsTable {
  id: string;
  team_id: string;
  type: string; // a ContactPointType: "slack" | "webhook" | "email"
  name: string;
  encrypted_target: string; // the URL or the address, AES-256-GCM bound to the row id
  target_hint: string; // what the UI may show of it (host and a few characters)
  encrypted_secret: string | null; // a webhook's signing secret, shown once at creation
  created_by: string;
  created_at: string;
}

/** When to alert: for a board's batches or one batch (connection_id, provider, batch_id). */
export interface AlertRulesTable {
  id: string;
  team_id: string;
  board_id: string | null;
  connection_id: string | null;
  provider: string | null;
  batch_id: string | null;
  kind: string; // an AlertRuleKind
  threshold: number | null;
  minutes: number | null;
  contact_point_ids: string; // JSON array
  created_by: string;
  created_at: string;
}

/** One incident of a rule on a batch; the unique (rule_id, poll_key, seq) makes it once across instances. */
export interface AlertIncidentsTable {
  id: string; // the alertId receivers pair firing and resolved messages by
  team_id: string;
  rule_id: string;
  poll_key: string;
  seq: number;
  fired_at: string;
  resolved_at: string | null;
  batch: string; // JSON AlertBatch
}

/** Every attempt to deliver a message to a contact point, with its outcome. */
export interface AlertDeliveriesTable {
  id: string;
  team_id: string;
  contact_point_id: string;
  contact_point_name: string;
  incident_id: string | null; // null for a test
  message_type: string; // "alert.firing" | "alert.resolved" | "test"
  attempt: number;
  status: string; // "delivered" | "retrying" | "failed"
  http_status: number | null;
  error: string | null; // a code such as "timeout", never a body or URL
  duration_ms: number;
  at: string;
}

export interface Database {
  teams: TeamsTable;
  users: UsersTable;
  sessions: SessionsTable;
  connections: ConnectionsTable;
  watched_batches: WatchedBatchesTable;
  boards: BoardsTable;
  board_batches: BoardBatchesTable;
  batch_labels: BatchLabelsTable;
  share_links: ShareLinksTable;
  batch_snapshots: BatchSnapshotsTable;
  poll_leases: PollLeasesTable;
  batch_latest: BatchLatestTable;
  poll_calls: PollCallsTable;
  connection_holds: ConnectionHoldsTable;
  sign_in_failures: SignInFailuresTable;
  audit_events: AuditEventsTable;
  batch_action_claims: BatchActionClaimsTable;
  send_times: SendTimesTable;
  auto_watch_rules: AutoWatchRulesTable;
  auto_watch_additions: AutoWatchAdditionsTable;
  api_tokens: ApiTokensTable;
  sendgrid_events: SendGridEventsTable;
  sendgrid_messages: SendGridMessagesTable;
  sendgrid_tallies: SendGridTalliesTable;
  bolna_hooks: BolnaHooksTable;
  bolna_hook_events: BolnaHookEventsTable;
  alert_contact_points: AlertContactPointsTable;
  alert_rules: AlertRulesTable;
  alert_incidents: AlertIncidentsTable;
  alert_deliveries: AlertDeliveriesTable;
}
