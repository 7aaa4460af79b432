import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { PROVIDER_IDS } from "../lib/providers/provider-id";
import { SCENARIO_NAMES, SIM_SCENARIOS, simSupports } from "./scenarios";

// The README is where a new user finds ids to paste: it must list every one the simulator answers.
const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8");

describe("the README's simulator scenarios", () => {
  it("lists every scenario with its id for each provider that supports it", () => {
    for (const name of SCENARIO_NAMES) {
      const row = readme.split("\n").find((line) => line.startsWith(`| \`${name}\` |`));
      expect(row, name).toBeDefined();
      for (const provider of PROVIDER_IDS) {
        if (simSupports(provider, name)) expect(row, `${name} at ${provider}`).toContain(`\`${SIM_SCENARIOS[provider][name]}\``);
      }
    }
  });

  it("says the demo's SendGrid batch is scheduled, and that the first start compiles for a while", () => {
    expect(readme).not.toMatch(/a running batch of each provider/);
    expect(readme).toMatch(/scheduled SendGrid batch/);
    expect(readme).toMatch(/about two minutes the first time/);
  });
});
