import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { grammarDocuments } from "../../src/cli/grammars.js";
import { PROJECT } from "../helpers/corpus.js";

describe("grammars/", () => {
  it.each(Object.entries(grammarDocuments()))("commits an up-to-date %s (run `npm run grammars`)", (name, html) => {
    expect(readFileSync(join(PROJECT, "grammars", name), "utf8")).toBe(html);
  });
});
