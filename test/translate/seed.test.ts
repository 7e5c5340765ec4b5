import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadSigma } from "../../src/sigma/load.js";
import type { SigmaRule } from "../../src/sigma/model.js";
import { sameAst } from "../../src/spl/compare.js";
import { parseSpl } from "../../src/spl/parse.js";
import { readSplSources } from "../../src/spl/sources.js";
import { convertSigmaFile } from "../../src/translate/convert.js";
import yaml from "js-yaml";
import { PROJECT } from "../helpers/corpus.js";
import { profile } from "../helpers/sigma.js";

const dir = join(PROJECT, "rules/rms-radmin-namedpipe");
const sigmaFile = join(dir, "windows_application_layer_protocol_rms_radmin_tool_namedpipe.sigma.yml");
const splunkFile = join(dir, "windows_application_layer_protocol_rms_radmin_tool_namedpipe.yml");
const seedSearch = readSplSources(splunkFile, readFileSync(splunkFile, "utf8")).sources[0]!.search;

function convert(to: "spl" | "splunk-yaml"): string {
  const [result] = convertSigmaFile(sigmaFile, readFileSync(sigmaFile, "utf8"), { profile: profile("sysmon"), to });
  expect(result).toMatchObject({ ok: true, losses: [], error: null });
  return result!.output!;
}

describe("the seed Sigma rule", () => {
  it("is a valid Sigma rule for windows / pipe_created", () => {
    const rule = loadSigma(readFileSync(sigmaFile, "utf8")).documents[0]!.document as SigmaRule;
    expect(rule.logsource).toMatchObject({ product: "windows", category: "pipe_created" });
  });

  it("converts with the sysmon profile to the seed search's filter, equal as an AST", () => {
    const converted = parseSpl(convert("spl")).ast!;
    const seedFilter = parseSpl(seedSearch).ast!.stages[0]!;
    expect(converted.stages).toHaveLength(1);
    expect(sameAst(converted.stages[0]!, seedFilter)).toBe(true);
  });

  it("converts to a Splunk detection whose search is the whole seed search", () => {
    const detection = yaml.load(convert("splunk-yaml")) as { name: string; id: string; search: string; tags: { mitre_attack_id: string[] } };
    expect(detection).toMatchObject({ name: "Windows Application Layer Protocol RMS Radmin Tool Namedpipe", id: "b62a6040-49f4-47c8-b3f6-fc1adb952a33" });
    expect(detection.tags.mitre_attack_id).toEqual(["T1071"]);
    expect(sameAst(parseSpl(detection.search).ast!, parseSpl(seedSearch).ast!)).toBe(true);
  });
});
