import { readFileSync } from "node:fs";
import { join } from "node:path";
import yaml from "js-yaml";
import { describe, expect, it } from "vitest";
import { loadSigma } from "../../src/sigma/load.js";
import type { SigmaRule } from "../../src/sigma/model.js";
import { MacroLibrary } from "../../src/spl/macros/library.js";
import { compareFilterVerdicts } from "../../src/verify/filter-verdicts.js";
import { loadMacroLibrary } from "../../src/spl/macros/library-loader.js";
import { readSplSources } from "../../src/spl/sources.js";
import { convertSplunkFile } from "../../src/translate/convert-splunk.js";
import { splunkSearchToSigma } from "../../src/translate/spl-to-sigma.js";
import { CORPUS, filesUnder, PROJECT } from "../helpers/corpus.js";
import { profile } from "../helpers/sigma.js";

const seedDir = join(PROJECT, "rules/rms-radmin-namedpipe");
const seedSplunk = join(seedDir, "windows_application_layer_protocol_rms_radmin_tool_namedpipe.yml");
const seedSigma = join(seedDir, "windows_application_layer_protocol_rms_radmin_tool_namedpipe.sigma.yml");

/** The detection section of the Sigma rule a raw search converts to (profile none, no macros). */
function detectionOf(search: string): Record<string, unknown> {
  const r = splunkSearchToSigma({ file: "-", kind: "spl", search }, profile("none"), new MacroLibrary());
  expect(r.error).toBeNull();
  return (yaml.load(r.yaml!) as { detection: Record<string, unknown> }).detection;
}

describe("SPL → Sigma", () => {
  it("converts the seed analytic (profile sysmon) to the seed Sigma rule of rules/", () => {
    const [result] = convertSplunkFile(seedSplunk, readFileSync(seedSplunk, "utf8"), profile("sysmon"), new MacroLibrary());
    expect(result).toMatchObject({ ok: true, losses: [], error: null });
    expect(result!.output).toBe(readFileSync(seedSigma, "utf8"));
  });

  it.each<[string, string, Record<string, unknown>]>([
    ["NOT f=x holds without f", 'a=1 NOT b="x"', { selection: { a: 1 }, filter: { b: "x" }, condition: "selection and not filter" }],
    ["f!=x needs f", 'a=1 b!="x"', { selection: { a: 1, "b|exists": true }, filter: { b: "x" }, condition: "selection and not filter" }],
    ["wildcards read as modifiers", 'a="*\\\\cmd.exe" b="x*" c="*y*"', { selection: { "a|endswith": "\\cmd.exe", "b|startswith": "x", "c|contains": "y" }, condition: "selection" }],
    ["a literal ? is escaped", 'a="wh?t"', { selection: { a: "wh\\?t" }, condition: "selection" }],
    ["where == is case-sensitive", '* | where user=="Admin"', { selection: { "user|cased": "Admin" }, condition: "selection" }],
    ["like() and match()", '* | where like(a, "x%") AND match(b, "(?i)^ab+")', { selection: { "a|startswith|cased": "x", "b|re|i": "^ab+" }, condition: "selection" }],
    ["cidrmatch() and CIDR values", '* | where cidrmatch("10.0.0.0/8", src) | search dest=192.168.0.0/16', { selection: { "src|cidr": "10.0.0.0/8", "dest|cidr": "192.168.0.0/16" }, condition: "selection" }],
    ["isnull / f=*", "a=* | where isnull(b)", { selection: { "a|exists": true, "b|exists": false }, condition: "selection" }],
    ["numeric comparisons", "a>5 | where b<=3", { selection: { "a|gt": 5, "b|lte": 3 }, condition: "selection" }],
    ["OR of groups", "(a=1 b=2) OR c=3", { selection: { a: 1, b: 2 }, selection_2: { c: 3 }, condition: "selection or selection_2" }],
    ["bare terms become keywords", "evil a=1", { selection: { a: 1 }, keywords: ["evil"], condition: "selection and keywords" }],
  ])("%s", (_name, search, detection) => {
    expect(detectionOf(search)).toEqual(detection);
  });

  it.each([
    ["stats count … | where count > N → event_count", "EventCode=4625 | stats count by src, user | where count > 10 | table src user", { type: "event_count", rules: ["failed"], "group-by": ["src", "user"], timespan: "1h", condition: { gt: 10 } }],
    ["stats dc(f) as n … | search n>=N → value_count", "EventCode=4625 | stats dc(user) as users by src | search users>=5", { type: "value_count", rules: ["failed"], "group-by": ["src"], timespan: "1h", condition: { gte: 5, field: "user" } }],
  ])("%s", (_name, search, correlation) => {
    const r = splunkSearchToSigma({ file: "-", kind: "spl", name: "Failed", search }, profile("splunk-windows"), new MacroLibrary());
    const [base, corr] = yaml.loadAll(r.yaml!) as [{ name: string; detection: unknown }, { correlation: unknown }];
    expect(base).toMatchObject({ name: "failed", detection: { selection: { EventID: 4625 }, condition: "selection" } });
    expect(corr.correlation).toEqual(correlation);
    expect(r.losses.map((l) => l.code)).toContain("TR5003");
  });

  it("keeps what follows the filter in the splunk attribute, and reads the logsource from the profile", () => {
    const source = readSplSources(seedSplunk, readFileSync(seedSplunk, "utf8")).sources[0]!;
    const r = splunkSearchToSigma(source, profile("sysmon"), new MacroLibrary());
    const rule = yaml.load(r.yaml!) as { logsource: unknown; splunk: { pipeline: string } };
    expect(rule.logsource).toEqual({ product: "windows", category: "pipe_created" });
    expect(rule.splunk.pipeline.startsWith("| stats min(_time) as firstTime")).toBe(true);
  });
});

describe("Splunk detections corpus → Sigma: the first, simple verifier (whole folder)", () => {
  it("gives the same verdict for each search's filter and its Sigma rule on events made from the rule's literals", () => {
    const { library } = loadMacroLibrary([join(CORPUS, "security_content/macros")]);
    const sysmon = profile("sysmon");
    let compared = 0;
    const files = filesUnder(join(CORPUS, "security_content/detections"), [".yml"]);
    const disagreements = files.flatMap((file) => {
      const source = readSplSources(file, readFileSync(file, "utf8")).sources[0]!;
      const r = splunkSearchToSigma(source, sysmon, library);
      if (!r.yaml || !r.original || r.losses.length) return [];
      compared++;
      const rule = loadSigma(r.yaml).documents[0]!.document as SigmaRule;
      const v = compareFilterVerdicts(r.original, rule, sysmon);
      return v.disagreements.map((d) => `${file}: SPL ${d.spl}, Sigma ${!d.spl} on ${JSON.stringify(d.event)}`);
    });
    // 206 of 1,066 here: the exact translations.
    expect(compared).toBeGreaterThanOrEqual(files.length * 0.1);
    expect(disagreements).toEqual([]);
  });
});

describe("Splunk detections corpus → Sigma (whole folder)", () => {
  it("translates every raw-event detection, skips data-model searches, and every rule it writes validates", () => {
    const { library } = loadMacroLibrary([join(CORPUS, "security_content/macros")]);
    const sysmon = profile("sysmon");
    const files = filesUnder(join(CORPUS, "security_content/detections"), [".yml"]);
    const verdicts = files.flatMap((file) =>
      convertSplunkFile(file, readFileSync(file, "utf8"), sysmon, library).map((r) =>
        r.ok ? (r.losses.length ? "lossy" : "exact") : /skipped: (data model|generating command|no filter Sigma can express)$/.test(r.error ?? "") ? `skip: ${r.error!.replace(/^.*skipped: /, "")}` : `failed: ${r.error}`,
      ),
    );
    const tally = new Map<string, number>();
    for (const v of verdicts) tally.set(v, (tally.get(v) ?? 0) + 1);
    console.info(`Splunk detections → Sigma: ${[...tally].map(([k, n]) => `${k} ${n}`).join(", ")}`);
    const failures = verdicts.filter((v) => v.startsWith("failed"));
    expect(failures).toEqual([]);
    expect(files.length).toBeGreaterThan(0);
    expect(verdicts.length).toBeGreaterThanOrEqual(files.length);
    expect(verdicts.filter((v) => v === "exact").length).toBeGreaterThanOrEqual(files.length * 0.1);
  });
});

describe("logsources read back from the sysmon profile", () => {
  it.each([
    ["`sysmon` EventCode IN (17, 18) PipeName=x", { product: "windows", category: "pipe_created" }],
    ["`wineventlog_security` EventCode=4688 NewProcessName=x", { product: "windows", category: "process_creation" }],
    ["`wineventlog_security` EventCode=4625", { product: "windows", service: "security" }],
  ])("%s", (search, logsource) => {
    const r = splunkSearchToSigma({ file: "-", kind: "spl", name: "T", search }, profile("sysmon"), new MacroLibrary());
    expect((yaml.load(r.yaml!) as { logsource: unknown }).logsource).toEqual(logsource);
  });
});
