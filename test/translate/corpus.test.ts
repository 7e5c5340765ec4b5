import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseSpl } from "../../src/spl/parse.js";
import { convertSigmaFile } from "../../src/translate/convert.js";
import { CORPUS, filesUnder } from "../helpers/corpus.js";
import { profile } from "../helpers/sigma.js";

const files = filesUnder(join(CORPUS, "sigma"), [".yml", ".yaml"]);

describe("Sigma corpus → SPL (whole folder)", () => {
  it.each(["splunk-windows", "sysmon"])("converts every rule with %s, and every output parses with our parser", (name) => {
    const options = { profile: profile(name), to: "spl" as const };
    const problems = files.flatMap((file) =>
      convertSigmaFile(file, readFileSync(file, "utf8"), options).flatMap((r) => {
        if (!r.ok) return [`${file}: ${r.error}`];
        const parsed = parseSpl(r.output!);
        return parsed.ast ? [] : [`${file}: output does not parse: ${parsed.diagnostics[0]?.message}\n${r.output}`];
      }),
    );
    expect(files.length).toBeGreaterThan(0);
    expect(problems).toEqual([]);
  });
});
