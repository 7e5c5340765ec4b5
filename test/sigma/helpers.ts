import { readFileSync } from "node:fs";
import { join } from "node:path";
import { CORPUS, filesUnder, PROJECT, REFERENCE } from "../helpers/corpus.js";

export const SIGMA_CORPUS = join(CORPUS, "sigma");
export const BROKEN = join(PROJECT, "test/fixtures/sigma/broken");
export const OFFICIAL_SCHEMAS = join(REFERENCE, "sigma-specification/json-schema");

export const corpusFiles = (): string[] => filesUnder(SIGMA_CORPUS, [".yml", ".yaml"]);

export interface BrokenFixture {
  readonly name: string;
  readonly file: string;
  readonly text: string;
  readonly code: string;
  readonly path: string;
}

/** The broken rules: each starts with `# expect: CODE yaml.path`. */
export function brokenFixtures(): BrokenFixture[] {
  return filesUnder(BROKEN, [".yml"]).map((file) => {
    const text = readFileSync(file, "utf8");
    const [, code = "", path = ""] = /^# expect: (\S+) (\S+)/.exec(text) ?? [];
    return { name: file.slice(BROKEN.length + 1), file, text, code, path };
  });
}
