import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import { roundTrips } from "../../src/sigma/check.js";
import { SIGMA_CODES } from "../../src/sigma/codes.js";
import { loadSigma } from "../../src/sigma/load.js";
import { printSigma } from "../../src/sigma/print/documents.js";
import type { DocumentKind } from "../../src/sigma/schema/validate.js";
import { loadYaml } from "../../src/sigma/yaml/load.js";
import { loadAndValidateFolder } from "../../src/sigma/validate.js";
import { brokenFixtures, corpusFiles, OFFICIAL_SCHEMAS, SIGMA_CORPUS } from "./helpers.js";

const files = corpusFiles();
const texts = files.map((file) => ({ file, text: readFileSync(file, "utf8") }));

/** The official schemas, used only here, as the second opinion. */
function officialValidators(): Record<DocumentKind, (doc: unknown) => boolean> {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  ajv.addFormat("uuid", /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
  const schema = (name: string) => ajv.compile(JSON.parse(readFileSync(join(OFFICIAL_SCHEMAS, name), "utf8")));
  const rule = schema("sigma-detection-rule-schema.json");
  const correlation = schema("sigma-correlation-rules-schema.json");
  const filter = schema("sigma-filters-schema.json");
  return { rule: (d) => rule(d), correlation: (d) => correlation(d), filter: (d) => filter(d) };
}

describe("the Sigma corpus, whole folder", () => {
  it("finds rule files in the folder", () => {
    expect(files.length).toBeGreaterThan(0);
  });

  it("loads and validates every rule without errors", () => {
    const failing = texts.filter(({ file, text }) => loadSigma(text, file).diagnostics.some((d) => d.severity === "error"));
    expect(failing.map((f) => f.file)).toEqual([]);
  });

  it("round-trips every rule through the printer: load(print(r)) deep-equals r, and printing is idempotent", () => {
    const failing = texts.filter(({ text }) =>
      loadSigma(text).documents.some((d) => !d.document || !roundTrips(d.document) || printSigma(loadSigma(printSigma(d.document)).documents[0]!.document!) !== printSigma(d.document)),
    );
    expect(failing.map((f) => f.file)).toEqual([]);
  });

  it("loads and validates the whole folder in one process (its time is measured by npm run bench)", () => {
    const figures = loadAndValidateFolder(SIGMA_CORPUS);
    expect(figures.files).toBe(files.length);
    expect(figures.valid).toBe(figures.documents);
    expect(figures.errors).toBe(0);
  });
});

describe("schema cross-check against the official JSON schemas", () => {
  const official = officialValidators();
  const verdicts = (text: string) => {
    const load = loadSigma(text);
    const ours = !load.diagnostics.some((d) => d.severity === "error");
    return loadYaml(text).documents.map((d) => ({ ours, theirs: official[load.documents[0]?.kind ?? "rule"](d.value), codes: load.diagnostics.map((x) => x.code) }));
  };

  it("agrees on every corpus rule", () => {
    const disagreeing = texts.filter(({ text }) => verdicts(text).some((v) => v.ours !== v.theirs));
    expect(disagreeing.map((f) => f.file)).toEqual([]);
  });

  it.each(brokenFixtures().map((f) => [f.name, f] as const))("%s: rejected by both, or by a documented check beyond the schema", (_n, f) => {
    for (const v of verdicts(f.text)) {
      expect(v.ours).toBe(false);
      if (v.theirs) expect(SIGMA_CODES[f.code]?.beyondSchema).toBe(true);
      else expect(SIGMA_CODES[f.code]?.beyondSchema).toBeUndefined();
    }
  });
});
