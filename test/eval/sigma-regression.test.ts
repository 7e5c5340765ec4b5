import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import yaml from "js-yaml";
import { describe, expect, it } from "vitest";
import { CORPUS, filesUnder } from "../helpers/corpus.js";
import { readEventFile } from "./helpers/seed.js";
import { compileSigma } from "./helpers/sigma.js";

interface Info {
  rule_metadata: { id: string }[];
  regression_tests_info?: { match_count?: number }[];
}

/**
 * Cases where the stated match_count disagrees with the case's own events: each of these has several distinct
 * records (distinct EventRecordIDs) that plainly satisfy the rule by the specification — e.g. three
 * `TargetFilename`s ending `\\procdump.exe`, `\\procdump64.exe`, `\\procdump64a.exe`, all listed values of the
 * rule — while info.yml says 1. Recorded with the count we give, so the list fails when anything changes.
 */
const KNOWN_DIVERGENT: Readonly<Record<string, number>> = {
  "rules/windows/file/file_event/file_event_win_anydesk_artefact": 3,
  "rules/windows/file/file_event/file_event_win_cred_dump_tools_dropped_files": 3,
  "rules/windows/registry/registry_set/registry_set_change_security_zones": 3,
};

/** Sigma's own regression data: each case's rule matches exactly `match_count` of its events (1 when unstated). */
describe("sigma-regression corpus", () => {
  const ruleFiles = new Map<string, string>();
  for (const file of filesUnder(join(CORPUS, "sigma"), [".yml"])) {
    const id = /^id:\s*['"]?([0-9a-f-]{36})/m.exec(readFileSync(file, "utf8"))?.[1];
    if (id) ruleFiles.set(id, file);
  }
  const cases = filesUnder(join(CORPUS, "sigma-regression"), ["info.yml"]).map((info) => {
    const doc = yaml.load(readFileSync(info, "utf8")) as Info;
    return { dir: dirname(info), id: doc.rule_metadata[0]!.id, expected: doc.regression_tests_info?.[0]?.match_count ?? 1 };
  });

  // The corpus holds a sample of Sigma's rules, and some cases hold raw logs instead of JSON events: those
  // cases cannot run here.
  const runnable = cases.filter((c) => ruleFiles.has(c.id) && filesUnder(c.dir, [".json"]).length > 0);

  it("has cases to run", () => {
    expect(cases.length).toBeGreaterThan(100);
    expect(runnable.length).toBeGreaterThan(cases.length / 2);
  });

  it.each(runnable.map((c) => [c.dir.slice(join(CORPUS, "sigma-regression").length + 1), c] as const))("%s", (name, c) => {
    const file = ruleFiles.get(c.id)!;
    const rule = compileSigma(readFileSync(file, "utf8"), file);
    expect(rule.problems).toEqual([]);
    const events = filesUnder(c.dir, [".json"]).flatMap((f) => readEventFile(f).events);
    expect(events.filter((e) => rule.predicate(e)).length).toBe(KNOWN_DIVERGENT[name] ?? c.expected);
  });
});
