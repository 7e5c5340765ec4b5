import { readFileSync } from "node:fs";
import yaml from "js-yaml";
import type { Placeholders } from "../translate/sigma-to-ir.js";
import { InputError } from "./inputs.js";

/** A placeholder file for Sigma's `expand` modifier: YAML, name → value or list of values. */
export function readPlaceholderFile(file: string): Placeholders {
  let doc: unknown;
  try {
    doc = yaml.load(readFileSync(file, "utf8"));
  } catch (e) {
    throw new InputError(`cannot read placeholders from ${file}: ${(e as Error).message.split("\n")[0]}`);
  }
  if (typeof doc !== "object" || doc === null || Array.isArray(doc)) throw new InputError(`${file}: placeholders must be a map of name → list of values`);
  return Object.fromEntries(Object.entries(doc).map(([k, v]) => [k, (Array.isArray(v) ? v : [v]).map(String)]));
}
