import { describe, expect, it } from "vitest";
import { loadSigma } from "../../src/sigma/load.js";
import { brokenFixtures } from "./helpers.js";

const fixtures = brokenFixtures();

describe("broken rules", () => {
  it("has at least 30 fixtures, each declaring its expected code and path", () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(30);
    for (const f of fixtures) expect(f.code, f.name).toMatch(/^SIG\d{4}$/);
  });

  it.each(fixtures.map((f) => [f.name, f] as const))("%s gives one clear message with path and position", (_name, f) => {
    const load = loadSigma(f.text, f.file);
    expect(load.diagnostics.map((d) => `${d.code} ${d.path}`)).toEqual([`${f.code} ${f.path}`]);
    const [d] = load.diagnostics;
    expect(d!.severity).toBe("error");
    expect(d!.span!.start.line).toBeGreaterThan(1);
    expect(d!.message.length).toBeGreaterThan(10);
    expect(load.documents.every((doc) => doc.document === null)).toBe(true);
  });
});
