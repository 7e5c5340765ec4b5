import { describe, expect, it, vi } from "vitest";
import Eval from "../../src/commands/eval.js";
import { PROJECT } from "../helpers/corpus.js";
import { SEED_EVENTS, SEED_SIGMA, SEED_SPL } from "./helpers/seed.js";

/** Runs `sigspl eval` in-process (from the sources) and captures what it prints. */
async function evalCli(args: string[]): Promise<{ stdout: string; stderr: string; code: number }> {
  let stdout = "";
  let stderr = "";
  const out = vi.spyOn(process.stdout, "write").mockImplementation((s) => ((stdout += String(s)), true));
  const err = vi.spyOn(process.stderr, "write").mockImplementation((s) => ((stderr += String(s)), true));
  let code = 0;
  try {
    await Eval.run(args, PROJECT);
  } catch (e) {
    code = (e as { oclif?: { exit?: number } }).oclif?.exit ?? 99;
    if (code === 99) stderr += String(e);
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
  return { stdout, stderr, code };
}

describe("sigspl eval", () => {
  it("runs the seed Splunk detection and prints its rows as JSON", async () => {
    const r = await evalCli([SEED_SPL, "--events", SEED_EVENTS, "--profile", "sysmon", "--json"]);
    expect(r.stderr).toBe("");
    const json = JSON.parse(r.stdout) as { kind: string; events: number; matched: number; results: Record<string, unknown>[] };
    expect([json.kind, json.events, json.matched, json.results.length]).toEqual(["spl", 10, 6, 4]);
    expect(json.results[3]).toMatchObject({ EventType: "CreatePipe", count: 2, firstTime: "2024-03-01T10:00:00" });
  });

  it("runs the seed Sigma rule: the matching events, the record without Computer included", async () => {
    const r = await evalCli([SEED_SIGMA, "--events", SEED_EVENTS, "--json"]);
    const json = JSON.parse(r.stdout) as { kind: string; matched: number; results: { line: number }[] };
    expect([json.kind, json.matched]).toEqual(["sigma", 6]);
  });

  it("prints a readable table by default", async () => {
    const r = await evalCli(["--spl", "`sysmon` EventCode IN (17,18) | stats count by EventType", "--events", SEED_EVENTS, "--profile", "sysmon"]);
    expect(r.stdout.split("\n").slice(0, 4)).toEqual(["EventType    count", "-----------  -----", "ConnectPipe  2", "CreatePipe   6"]);
  });

  it("streams NDJSON", async () => {
    const r = await evalCli([SEED_SIGMA, "--events", SEED_EVENTS, "--ndjson"]);
    expect(r.stdout.trim().split("\n").map((l) => (JSON.parse(l) as { line: number }).line)).toHaveLength(6);
  });

  it("names a command it cannot evaluate and exits 1", async () => {
    const r = await evalCli(["--spl", "EventCode=17 | transpose", "--events", SEED_EVENTS]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("`transpose` is not supported by the evaluator");
  });
});

describe("sigspl eval on a correlation", () => {
  it("reports each alert with its group and the events that made it", async () => {
    const r = await evalCli(["test/fixtures/eval/correlation/rule.yml", "--events", "test/fixtures/eval/correlation/events.ndjson", "--json"]);
    expect(r.stderr).toBe("");
    expect(JSON.parse(r.stdout)).toEqual({
      kind: "sigma",
      events: 4,
      matched: 1,
      results: [{ group: { user: "a" }, value: 3, events: [1, 2, 4].map((line) => ({ file: "test/fixtures/eval/correlation/events.ndjson", line })) }],
    });
  });
});
