import "server-only";

// Bolna execution webhooks: a hook URL per connection (token stored as a hash, rotatable, an
// optional source allowlist), events stored once per (execution, status), and whether a
// connection's hook is live, which tunes the scheduler's cadence and the viewers' pace.
export { receiveBolnaEvent } from "./receive-event";
export type { HookAnswer, HookDelivery } from "./receive-event";
export { getBolnaHookStatus, rotateBolnaHook, setBolnaHookAllowlist, bolnaHookUrl } from "./manage-hook";
