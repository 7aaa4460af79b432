import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { startSimulator, type Simulator } from "../server";
import { simCall } from "../testing";

const SCHEDULED = "/v3/user/scheduled_sends";
const error = (message: string, field: string | null = null) => ({ errors: [{ field, message }] });

describe("sendgrid simulator: scheduled sends", () => {
  let sim: Simulator;
  const call = (path: string, method = "GET", body?: unknown) =>
    simCall(sim, "sendgrid", path, { method, body });
  const hold = (batchId: string, status = "pause") =>
    call(SCHEDULED, "POST", { batch_id: batchId, status });
  beforeAll(async () => {
    sim = await startSimulator({ port: 0 });
  });
  afterAll(() => sim.close());
  afterEach(() => sim.resetState());

  it("lists only paused and cancelled batches, as an array of {batch_id, status}", async () => {
    const list = await call(SCHEDULED);
    expect(list.status).toBe(200);
    expect(list.json).toEqual([
      { batch_id: "sim-paused", status: "pause" },
      { batch_id: "sim-cancelled", status: "cancel" },
      { batch_id: "sim-flash-sale", status: "pause" },
      { batch_id: "sim-spring-teaser", status: "cancel" },
    ]);
    expect(list.headers.get("x-ratelimit-remaining")).toMatch(/^\d+$/);
  });

  it("pauses, switches, resumes a fresh batch with SendGrid's answers, and GET reflects each step", async () => {
    const id = "sim-fresh-steps-1";
    expect(await call(`/v3/mail/batch/${id}`)).toMatchObject({
      status: 200,
      json: { batch_id: id },
    });
    expect(await hold(id)).toMatchObject({ status: 201, json: { batch_id: id, status: "pause" } });
    expect((await call(`${SCHEDULED}/${id}`)).json).toEqual([{ batch_id: id, status: "pause" }]);
    expect((await call(SCHEDULED)).json).toContainEqual({ batch_id: id, status: "pause" });
    expect(await hold(id, "cancel")).toMatchObject({
      status: 400,
      json: error("batch id already has a pause or cancel status", "batch_id"),
    });
    expect(await call(`${SCHEDULED}/${id}`, "PATCH", { status: "cancel" })).toMatchObject({
      status: 204,
      text: "",
    });
    expect((await call(`${SCHEDULED}/${id}`)).json).toEqual([{ batch_id: id, status: "cancel" }]);
    expect(await call(`${SCHEDULED}/${id}`, "DELETE")).toMatchObject({ status: 204, text: "" });
    expect((await call(`${SCHEDULED}/${id}`)).json).toEqual([]);
    expect(await call(`${SCHEDULED}/${id}`, "DELETE")).toMatchObject({
      status: 404,
      json: error("batch id not found"),
    });
    expect(await call(`${SCHEDULED}/${id}`, "PATCH", { status: "pause" })).toMatchObject({
      status: 404,
      json: error("batch id not found"),
    });
  });

  it("refuses a pause or cancel less than 10 minutes before send_at, and takes a resume any time", async () => {
    const tooLate = error(
      "cannot pause or cancel a send less than 10 minutes before its send time",
      "batch_id",
    );
    expect(await hold("sim-fresh-late-in5m")).toMatchObject({ status: 400, json: tooLate });
    expect(await hold("sim-price-update", "cancel")).toMatchObject({ status: 400, json: tooLate });
    expect((await hold("sim-fresh-late-in11m")).status).toBe(201);
    expect((await call(`${SCHEDULED}/sim-paused`, "DELETE")).status).toBe(204);
  });

  it("allows at most 10 paused or cancelled batches per fresh group, each group on its own", async () => {
    for (let i = 1; i <= 10; i++)
      expect((await hold(`sim-fresh-ten-${i}`, i % 2 ? "pause" : "cancel")).status).toBe(201);
    expect(await hold("sim-fresh-ten-11")).toMatchObject({
      status: 400,
      json: error("max limit reached: at most 10 paused or cancelled batches"),
    });
    // switching one of the ten keeps its place
    expect((await call(`${SCHEDULED}/sim-fresh-ten-1`, "PATCH", { status: "cancel" })).status).toBe(
      204,
    );
    expect((await hold("sim-fresh-other-1")).status).toBe(201);
  });

  it("answers SendGrid's 400s for a bad body or an unknown batch id, and 405 for other methods", async () => {
    expect(await call(SCHEDULED, "POST", { status: "pause" })).toMatchObject({
      status: 400,
      json: error("batch_id is required", "batch_id"),
    });
    expect(await hold("sim-fresh-body-1", "stop")).toMatchObject({
      status: 400,
      json: error("status must be either pause or cancel", "status"),
    });
    expect(await hold("nope")).toMatchObject({
      status: 400,
      json: error("invalid batch id", "batch_id"),
    });
    expect((await call(`${SCHEDULED}/sim-paused`, "POST")).status).toBe(405);
    expect(
      (await simCall(sim, "sendgrid", SCHEDULED, { method: "POST", headers: {}, body: {} })).status,
    ).toBe(401);
  });

  it("puts every batch back as it started on a state reset", async () => {
    await call(`${SCHEDULED}/sim-paused`, "DELETE");
    await hold("sim-fresh-reset-1");
    expect((await fetch(`${sim.url}/__sim/state/reset`, { method: "POST" })).status).toBe(200);
    expect((await call(`${SCHEDULED}/sim-paused`)).json).toEqual([
      { batch_id: "sim-paused", status: "pause" },
    ]);
    expect((await call(SCHEDULED)).json).not.toContainEqual({
      batch_id: "sim-fresh-reset-1",
      status: "pause",
    });
  });
});
