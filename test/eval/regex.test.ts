import { describe, expect, it } from "vitest";
import { compileRegex, type SafeRegex } from "../../src/eval/regex.js";

function re(pattern: string, flags: ("i" | "m" | "s")[] = []): SafeRegex {
  const c = compileRegex(pattern, flags);
  if (!c.ok) throw new Error(c.message);
  return c.regex;
}

describe("safe regular expressions", () => {
  it("finds a match anywhere (unanchored), case-sensitively by default", () => {
    expect(re("b+c").test("abbbcd")).toBe(true);
    expect(re("B").test("abc")).toBe(false);
    expect(re("^b").test("abc")).toBe(false);
  });

  it("reads inline flags and flag arguments", () => {
    expect(re("(?i)POWERSHELL").test("powershell.exe")).toBe(true);
    expect(re("(?i:AB)c").test("abc")).toBe(true);
    expect(re("(?i:AB)c").test("abC")).toBe(false);
    expect(re("A.B", ["i", "s"]).test("a\nb")).toBe(true);
    expect(re("^b$", ["m"]).test("a\nb\nc")).toBe(true);
    expect(re("^b$").test("a\nb\nc")).toBe(false);
  });

  it("reads named groups in both spellings", () => {
    const m = re("(?<user>\\w+)@(?P<host>[\\w.]+)").matches("mail alice@example.org and bob@x.y");
    expect(m.map((x) => x.groups)).toEqual([{ user: "alice", host: "example.org" }, { user: "bob", host: "x.y" }]);
    expect(m[0]!.start).toBe(5);
  });

  it("honours a match limit and reports missing groups as null", () => {
    const m = re("(?<a>x)|(?<b>y)").matches("xyx", 2);
    expect(m.map((x) => x.groups)).toEqual([{ a: "x", b: null }, { a: null, b: "y" }]);
  });

  it("translates PCRE anchors \\A, \\z and \\Z", () => {
    expect(re("\\Aab\\z").test("ab")).toBe(true);
    expect(re("ab\\Z").test("ab\n")).toBe(true);
    expect(re("ab\\z").test("ab\n")).toBe(false);
  });

  it.each([
    ["(a)\\1", "backreferences"],
    ["a(?=b)", "lookahead and lookbehind"],
    ["(?<!a)b", "lookahead and lookbehind"],
    ["(?>a+)b", "atomic groups"],
    ["a++", "possessive quantifiers"],
  ])("refuses %s with a clear message", (pattern, construct) => {
    const c = compileRegex(pattern);
    expect(c.ok).toBe(false);
    if (!c.ok) expect(c.message).toContain(construct);
  });

  it("does not take a literal \\\\1 for a backreference", () => {
    expect(re("a\\\\1").test("a\\1")).toBe(true);
  });

  it("runs a catastrophic pattern on a long non-matching input (linear time)", () => {
    // A backtracking engine needs ~2^n steps here and would not return in any reasonable time.
    const input = `${"a".repeat(50_000)}!`;
    expect(re("(a+)+$").test(input)).toBe(false);
    expect(re("^(a|a)*b").test(input)).toBe(false);
  });
});
