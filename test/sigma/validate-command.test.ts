import { describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";
import { BROKEN, brokenFixtures, SIGMA_CORPUS } from "./helpers.js";

const noStackTrace = (text: string): void => expect(text).not.toMatch(/\n\s+at .+:\d+:\d+/);

describe("sigspl validate", () => {
  it("passes the whole corpus with exit 0", () => {
    const r = runCli(["validate", SIGMA_CORPUS]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("2369 file(s), 0 with errors");
  });

  it("fails on the warnings too with --strict", () => {
    expect(runCli(["validate", SIGMA_CORPUS, "--strict"]).status).toBe(1);
  });

  it("reports every broken rule with code, path, line and column in --json, and exits 1", () => {
    const r = runCli(["validate", BROKEN, "--json"]);
    expect(r.status).toBe(1);
    noStackTrace(r.stderr);
    const report = JSON.parse(r.stdout) as { summary: { files: number; failed: number }; results: { file: string; messages: { level: string; code: string; path: string; line: number; column: number }[] }[] };
    const fixtures = brokenFixtures();
    expect(report.summary).toMatchObject({ files: fixtures.length, failed: fixtures.length });
    for (const f of fixtures) {
      const errors = report.results.find((x) => x.file.endsWith(f.name))!.messages.filter((m) => m.level === "error");
      expect(errors.map((m) => `${m.code} ${m.path}`), f.name).toEqual([`${f.code} ${f.path}`]);
      expect(errors[0]!.line).toBeGreaterThan(1);
      expect(errors[0]!.column).toBeGreaterThan(0);
    }
  });

  it("prints code frames for humans, and a missing path is a one-line error", () => {
    const r = runCli(["validate", `${BROKEN}/unknown-modifier.yml`]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("error SIG4001: unknown modifier 'endwith'");
    expect(r.stderr).toMatch(/\^{10,}/);
    const missing = runCli(["validate", "no/such/file.yml"]);
    expect(missing.status).toBe(1);
    expect(missing.stderr.trim()).toBe("error: no such file or folder: no/such/file.yml");
  });
});
