import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { applyModifiers } from "../../src/sigma/values/apply.js";
import { formatSigmaString, normalizeParts, parseSigmaString } from "../../src/sigma/values/sigma-string.js";
import type { SigmaValue, StringPart } from "../../src/sigma/values/types.js";

/** Parts as compact text: `*`/`?` for wildcards, literals in brackets. */
const show = (parts: readonly StringPart[]): string =>
  parts.map((p) => (typeof p === "string" ? `[${p}]` : p.type === "AnyChars" ? "*" : p.type === "OneChar" ? "?" : `%${p.name}%`)).join("");

const text = (v: SigmaValue): string => {
  if (v.type === "SigmaString") return show(v.parts).replace(/\[|\]/g, "");
  if (v.type === "SigmaExpansion") return `(${v.values.map(text).join(" | ")})`;
  return JSON.stringify(v);
};

const values = (key: string, raw: unknown): string[] => {
  const [field = "", ...mods] = key.split("|");
  const applied = applyModifiers(field || null, mods, (Array.isArray(raw) ? raw : [raw]) as never);
  expect(applied.problems.filter((p) => p.severity === "error")).toEqual([]);
  return applied.values.map(text);
};

describe("Sigma string escaping (semantics.md §1.3)", () => {
  it.each([
    ["C:\\Windows\\System32\\cmd.exe", "[C:\\Windows\\System32\\cmd.exe]"],
    ["C:\\\\Windows", "[C:\\Windows]"],
    ["a\\*b", "[a*b]"],
    ["a\\\\*b", "[a\\]*[b]"],
    ["a\\\\\\*b", "[a\\*b]"],
    ["a\\\\\\\\*b", "[a\\\\]*[b]"],
    ["prog?.exe", "[prog]?[.exe]"],
    ["what\\?", "[what?]"],
    ["\\\\\\\\srv\\share", "[\\\\srv\\share]"],
    ["abc\\", "[abc\\]"],
    ["escaped\\*\\?\\\\*?", "[escaped*?\\]*?"],
    ["escaped\\nonspecial", "[escaped\\nonspecial]"],
    ["\\AppData\\local\\temp\\*.rar\\", "[\\AppData\\local\\temp*.rar\\]"],
  ])("%s parses to %s", (raw, parts) => {
    expect(show(parseSigmaString(raw))).toBe(parts);
  });

  it("formats with the fewest escapes", () => {
    expect(formatSigmaString(parseSigmaString("C:\\\\Windows\\\\*"))).toBe("C:\\Windows\\\\*");
  });

  const part = fc.oneof(
    fc.string({ unit: fc.constantFrom("a", "b", "\\", "*", "?", "%", " ") , minLength: 1 }),
    fc.constant<StringPart>({ type: "AnyChars" }),
    fc.constant<StringPart>({ type: "OneChar" }),
  );

  it("property: parse(format(parts)) equals the parts", () => {
    fc.assert(
      fc.property(fc.array(part, { maxLength: 8 }), (raw) => {
        const parts = normalizeParts(raw);
        expect(parseSigmaString(formatSigmaString(parts))).toEqual(parts);
      }),
      { numRuns: 2000 },
    );
  });

  it("property: format(parse(text)) parses back to the same parts", () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom("x", "\\", "*", "?") }), (raw) => {
        const parts = parseSigmaString(raw);
        expect(parseSigmaString(formatSigmaString(parts))).toEqual(parts);
      }),
      { numRuns: 2000 },
    );
  });
});

describe("modifiers produce pySigma's values (semantics.md §1.4)", () => {
  it.each([
    ["f|contains", "evil", ["*evil*"]],
    ["f|contains", "*", ["*"]],
    ["f|startswith", "C:\\Windows\\", ["C:\\Windows\\*"]],
    ["f|endswith", "\\cmd.exe", ["*\\cmd.exe"]],
    ["f|base64", "cmd", ["Y21k"]],
    ["f|base64offset|contains", "/bin/bash", ["(*L2Jpbi9iYXNo* | *9iaW4vYmFza* | *vYmluL2Jhc2*)"]],
    ["f|wide|base64offset|contains", "ping", ["(*cABpAG4AZw* | *AAaQBuAGcA* | *wAGkAbgBnA*)"]],
    ["f|utf16be|base64", "cmd", ["AGMAbQBk"]],
    ["f|utf16|base64", "cmd", ["77u/YwBtAGQA"]],
    ["f|utf16le|base64", "cmd", ["YwBtAGQA"]],
    ["f|base64offset|contains", "a\\*b", ["(*YVwqYg==* | *FcK* | *hXC*)"]],
    ["f|windash|contains", " -enc ", ["(* -enc * | * /enc * | * –enc * | * —enc * | * ―enc *)"]],
    ["f|windash", "-param-name", ["(-param-name | /param-name | –param-name | —param-name | ―param-name)"]],
  ])("%s: %s", (key, raw, expected) => {
    expect(values(key, raw)).toEqual(expected);
  });

  it("types regexes, flags, numbers, CIDR, exists, fieldref, time parts and placeholders", () => {
    expect(values("f|re|i|s", "a.b")).toEqual([JSON.stringify({ type: "SigmaRegex", pattern: "a.b", flags: ["i", "s"] })]);
    expect(values("f|re|contains", "a|b")).toEqual([JSON.stringify({ type: "SigmaRegex", pattern: ".*(?:a|b).*", flags: [] })]);
    expect(values("f|gte", 10)).toEqual([JSON.stringify({ type: "SigmaCompare", op: "gte", value: 10 })]);
    expect(values("t|minute|gt", 30)).toEqual([JSON.stringify({ type: "SigmaCompare", op: "gt", value: 30, timePart: "minute" })]);
    expect(values("ip|cidr", "10.0.0.0/8")).toEqual([JSON.stringify({ type: "SigmaCidr", network: "10.0.0.0/8" })]);
    expect(values("ip|cidr", "2001:db8::/32")).toEqual([JSON.stringify({ type: "SigmaCidr", network: "2001:db8::/32" })]);
    expect(values("f|exists", true)).toEqual([JSON.stringify({ type: "SigmaExists", exists: true })]);
    expect(values("a|fieldref|startswith", "b")).toEqual([JSON.stringify({ type: "SigmaFieldRef", field: "b", startsWith: true, endsWith: false })]);
    expect(values("f|expand", "\\%plain%name%")).toEqual(["%plain%name%"]);
    expect(applyModifiers("f", ["expand"], ["\\%plain%name%"]).values[0]).toMatchObject({ parts: ["%plain", { type: "Placeholder", name: "name" }] });
  });

  it("links with AND under all and negates under neq", () => {
    expect(applyModifiers("f", ["contains", "all"], ["a", "b"])).toMatchObject({ linking: "all", negated: false });
    expect(applyModifiers("f", ["neq"], ["a"])).toMatchObject({ linking: "any", negated: true });
  });

  it.each([
    ["f|re|contains", "(", "SIG4006"],
    ["f|contains|re", "x", "SIG4002"],
    ["f|gt", "5", "SIG4003"],
    ["f|contains|base64", "x", "SIG4005"],
    ["f|wide", "é", "SIG4005"],
    ["f|cidr", "10.0.0.1/8", "SIG4007"],
    ["f|cidr", "300.0.0.0/8", "SIG4007"],
    ["|exists", true, "SIG4003"],
    ["f|nope", "x", "SIG4001"],
    ["f|contains|all", "x", "SIG4004"],
  ])("%s: %s is rejected with %s", (key, raw, code) => {
    const [field = "", ...mods] = key.split("|");
    expect(applyModifiers(field || null, mods, [raw as never]).problems.map((p) => p.code)).toContain(code);
  });

  it("warns on utf16le, base64offset without contains and expand without placeholder", () => {
    expect(applyModifiers("f", ["utf16le", "base64"], ["x"]).problems.map((p) => p.code)).toEqual(["SIG4012"]);
    expect(applyModifiers("f", ["base64offset"], ["x"]).problems.map((p) => p.code)).toEqual(["SIG4015"]);
    expect(applyModifiers("f", ["expand"], ["x"]).problems.map((p) => p.code)).toEqual(["SIG4008"]);
  });
});
