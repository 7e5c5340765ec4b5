import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";
import { CORPUS, filesUnder } from "../helpers/corpus.js";

interface Report {
  summary: { files: number; failed: number; checks: Record<string, { pass: number; fail: number; skip: number }> };
  results: { file: string; kind: string; checks: Record<string, string>; messages: { code: string; path?: string; line?: number }[] }[];
}

describe("sigspl check on Sigma rules", () => {
  it("passes parse, roundtrip and translate for every rule of the Sigma corpus folder", () => {
    const r = runCli(["check", join(CORPUS, "sigma"), "--checks", "parse,roundtrip,translate", "--json"]);
    expect(r.status).toBe(0);
    const report = JSON.parse(r.stdout) as Report;
    expect(report.summary.files).toBeGreaterThanOrEqual(filesUnder(join(CORPUS, "sigma"), [".yml"]).length * 0.95);
    expect(report.summary.failed).toBe(0);
    expect(report.summary.checks["roundtrip"]).toEqual({ pass: report.summary.files, fail: 0, skip: 0 });
    expect(report.summary.checks["translate"]).toEqual({ pass: report.summary.files, fail: 0, skip: 0 });
    expect(new Set(report.results.map((x) => x.kind))).toEqual(new Set(["sigma"]));
  });

  it("verifies each rule against its own translation; the few that differ are reported with the event", () => {
    const r = runCli(["check", join(CORPUS, "sigma"), "--checks", "verify", "--json"]);
    const report = JSON.parse(r.stdout) as Report;
    const verify = report.summary.checks["verify"]!;
    expect(verify.pass + verify.fail + verify.skip).toBe(report.summary.files);
    expect(verify.pass / report.summary.files).toBeGreaterThanOrEqual(0.99);
    expect(r.status).toBe(verify.fail > 0 ? 1 : 0);
    for (const failed of report.results.filter((x) => x.checks["verify"] === "fail")) {
      expect(failed.messages.some((m) => m.code === "VER0001")).toBe(true);
    }
  });

  it("checks Sigma rules and Splunk searches side by side, and passes profiles and macros by", () => {
    const dir = mkdtempSync(join(tmpdir(), "sigspl-check-mixed-"));
    writeFileSync(join(dir, "bad.yml"), "title: t\nlogsource: {product: windows}\ndetection:\n  sel: {a: 1}\n  condition: sel and\n");
    writeFileSync(join(dir, "macro.yml"), "name: m\ndefinition: a=1\n");
    writeFileSync(join(dir, "d.spl"), "a=1 | table a");
    const r = runCli(["check", dir, "--json"]);
    expect(r.status).toBe(1);
    const report = JSON.parse(r.stdout) as Report;
    expect(report.results.map((x) => [x.file.split("/").pop(), x.kind, x.checks["parse"]])).toEqual([
      ["bad.yml", "sigma", "fail"],
      ["d.spl", "spl", "pass"],
    ]);
    expect(report.results[0]!.messages[0]).toMatchObject({ path: "detection.condition", line: 5 });
  });

  it("checks a large run on worker threads with the same report, in the same order, as in one thread", () => {
    const dir = mkdtempSync(join(tmpdir(), "sigspl-check-parallel-"));
    const rule = (i: number): string => `title: r${i}\nlogsource: {product: windows, category: process_creation}\ndetection:\n  sel: {Image|endswith: '\\x${i}.exe'}\n  condition: sel\n`;
    for (let i = 0; i < 240; i++) writeFileSync(join(dir, `r${String(i).padStart(3, "0")}.yml`), i === 117 ? "title: broken\ndetection: [\n" : rule(i));
    const one = runCli(["check", dir, "--jobs", "1", "--json"]);
    const two = runCli(["check", dir, "--jobs", "2", "--json"]);
    expect(two.status).toBe(1);
    expect(two.stdout).toBe(one.stdout);
    const report = JSON.parse(two.stdout) as Report;
    expect(report.summary).toMatchObject({ files: 240, failed: 1 });
    expect(report.results[117]).toMatchObject({ checks: { parse: "fail" } });
    expect(report.results[117]!.file.endsWith("r117.yml")).toBe(true);
  });
});
