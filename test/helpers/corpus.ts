import { readdirSync, readFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import yaml from "js-yaml";

/** The shared corpora, read from the project's sibling folder as DEVELOPERS.md prescribes. */
export const CORPUS = resolve(import.meta.dirname, "../../../shared/corpus");
export const REFERENCE = resolve(import.meta.dirname, "../../../shared/reference");
export const PROJECT = resolve(import.meta.dirname, "../..");

/** Every file under `dir` (recursively) whose name ends with one of `endings`, in a stable order. */
export function filesUnder(dir: string, endings: readonly string[]): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && endings.some((end) => e.name.endsWith(end)))
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

export interface CorpusDetection {
  readonly file: string;
  readonly name: string;
  readonly search: string;
}

/** Every Splunk detection of the corpus folder, with its search. */
export function corpusDetections(): CorpusDetection[] {
  const dir = join(CORPUS, "security_content/detections");
  return filesUnder(dir, [".yml", ".yaml"]).map((file) => {
    const doc = yaml.load(readFileSync(file, "utf8")) as { name: string; search: string };
    return { file: relative(dir, file), name: doc.name, search: doc.search };
  });
}
