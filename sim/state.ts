// What control calls change in the simulator, kept per simulator process. Tests that act on
// batches use fresh ids (see README) so they never disturb each other; POST /__sim/state/reset
// (or Simulator.resetState) puts every batch back as it started.

export type HeldStatus = "pause" | "cancel";

/** A SendGrid batch: when its mail goes out, and its pause or cancel entry if it has one. */
export type SendgridBatch = { sendAtMs: number; status: HeldStatus | null; group: string };

export class SimState {
  readonly sendgrid = new Map<string, SendgridBatch>();
  /** Bolna batches stopped through POST /batches/{id}/stop, and when. */
  readonly bolnaStops = new Map<string, number>();
  /** Fresh Bolna batches, and when they were first seen (their run starts then). */
  readonly freshBolna = new Map<string, number>();
  /** Fresh Mindo bulk sends, and when they were first seen (they start sending then). */
  readonly freshMindo = new Map<string, number>();

  reset() {
    this.sendgrid.clear();
    this.bolnaStops.clear();
    this.freshBolna.clear();
    this.freshMindo.clear();
  }
}
