import { describe, expect, it } from "vitest";
import { inMemoryEvents } from "../../src/eval/events/index.js";
import { compileSigma } from "./helpers/sigma.js";

function rule(detection: string): string {
  return `title: t\nid: 929a690e-bef0-4204-a928-ef5e620d6fcc\nlogsource:\n    product: test\ndetection:\n${detection.replace(/^/gm, "    ")}\n`;
}

function matches(detection: string, event: Record<string, unknown>): boolean {
  const compiled = compileSigma(rule(detection), "rule.yml", false);
  if (compiled.problems.length) throw new Error(compiled.problems.join("; "));
  return compiled.predicate(inMemoryEvents([event])[0]!);
}

const sel = (body: string, condition = "sel"): string => `sel:\n${body.replace(/^/gm, "    ")}\ncondition: ${condition}`;

/** Table tests of Sigma matching semantics (semantics.md §1 and the Sigma side of the §5 traps). */
describe("Sigma evaluation semantics", () => {
  const cases: [trap: string, detection: string, event: Record<string, unknown>, expected: boolean][] = [
    // §5.1 precedence: `and` binds tighter than `or` in Sigma conditions.
    ["1 and before or", "a:\n    x: 1\nb:\n    y: 2\nc:\n    z: 3\ncondition: a or b and c", { x: 1 }, true],
    ["1 and before or", "a:\n    x: 1\nb:\n    y: 2\nc:\n    z: 3\ncondition: (a or b) and c", { x: 1 }, false],
    // §5.2 backslashes: `\\` is one backslash; `\` before an ordinary character is literal.
    ["2 backslash", sel("Image: 'C:\\\\Windows\\cmd.exe'"), { Image: "C:\\Windows\\cmd.exe" }, true],
    ["2 plain backslash", sel("Image|endswith: '\\cmd.exe'"), { Image: "C:\\Windows\\CMD.EXE" }, true],
    // §5.3 `\*` is a literal asterisk in Sigma.
    ["3 literal asterisk", sel("f: 'a\\*b'"), { f: "a*b" }, true],
    ["3 literal asterisk", sel("f: 'a\\*b'"), { f: "axb" }, false],
    // §5.4 `?` is a one-character wildcard in Sigma.
    ["4 ? wildcard", sel("f: 'prog?.exe'"), { f: "prog1.exe" }, true],
    ["4 ? wildcard", sel("f: 'prog?.exe'"), { f: "prog12.exe" }, false],
    ["4 escaped ?", sel("f: 'what\\?'"), { f: "what?" }, true],
    // §5.5 not, null, exists on missing fields.
    ["5 not on missing field", sel("f: x", "not sel"), {}, true],
    ["5 null matches missing", sel("f: null"), {}, true],
    ["5 null matches null", sel("f: null"), { f: null }, true],
    ["5 null vs empty", sel("f: null"), { f: "" }, false],
    ["5 exists counts empty", sel("f|exists: true"), { f: "" }, true],
    ["5 exists false", sel("f|exists: false"), {}, true],
    ["5 field missing", sel("f: x"), {}, false],
    // §5.6 case: insensitive by default; cased and re are sensitive; (?i) works.
    ["6 insensitive", sel("f: ABC"), { f: "abc" }, true],
    ["6 cased", sel("f|cased: ABC"), { f: "abc" }, false],
    ["6 re is case-sensitive", sel("f|re: 'ab+c'"), { f: "xABBC" }, false],
    ["6 re unanchored", sel("f|re: 'ab+c'"), { f: "xabbcx" }, true],
    ["6 re (?i)", sel("f|re: '(?i)ab+c'"), { f: "xABBC" }, true],
    ["6 re|i", sel("f|re|i: 'ab+c'"), { f: "xABBC" }, true],
    // §5.8 keywords: a value anywhere in the event, at any depth.
    ["8 keyword contains", "keywords:\n    - '*evil*'\ncondition: keywords", { a: { b: ["x", "devilish"] } }, true],
    ["8 keyword is not a key", "keywords:\n    - 'evil'\ncondition: keywords", { evil: 1 }, false],
    // §5.10 numbers match as text; only gt/lt compare numerically.
    ["10 number vs text", sel("EventID: 4688"), { EventID: "4688" }, true],
    ["10 text vs number", sel("EventID: '4688'"), { EventID: 4688 }, true],
    ["10 gt numeric", sel("n|gt: 5"), { n: "10" }, true],
    ["10 lt numeric", sel("n|lt: 5"), { n: "10" }, false],
    // Multi-valued fields, CIDR by arithmetic, modifiers.
    ["list field: any element", sel("f|endswith: '.exe'"), { f: ["a.dll", "b.EXE"] }, true],
    ["cidr v4", sel("ip|cidr: 10.0.0.0/8"), { ip: "10.1.2.3" }, true],
    ["cidr v4 outside", sel("ip|cidr: 10.0.0.0/8"), { ip: "100.1.2.3" }, false],
    ["cidr v6", sel("ip|cidr: '2001:db8::/32'"), { ip: "2001:DB8:0:1::5" }, true],
    ["contains|all", sel("f|contains|all:\n    - a\n    - b"), { f: "xbxa" }, true],
    ["contains|all", sel("f|contains|all:\n    - a\n    - b"), { f: "xbx" }, false],
    ["windash", sel("f|contains|windash: ' -enc '"), { f: "ps /enc x" }, true],
    ["base64offset", sel("f|base64offset|contains: '/bin/bash'"), { f: "echo L2Jpbi9iYXNo | base64 -d" }, true],
    ["neq", sel("f|neq: x"), { f: "y" }, true],
    ["neq on missing", sel("f|neq: x"), {}, true],
    ["fieldref", sel("a|fieldref: b"), { a: "X", b: "x" }, true],
    // Rule text never reaches code: values with quotes, backslashes, ${…}, newlines and */ are data.
    ["untrusted text", sel("f: 'a\"b''c${process.exit(1)}*/d'"), { f: "a\"b'c${process.exit(1)}zz*/d" }, true],
    ["untrusted text", sel('f: "line1\\nline2\\\\"'), { f: "line1\nline2\\" }, true],
  ];

  it.each(cases)("trap %s: %s", (_trap, detection, event, expected) => {
    expect(matches(detection, event)).toBe(expected);
  });
});
