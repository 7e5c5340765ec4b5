import { describe, expect, it } from "vitest";
import { searchIr, splMatches } from "../eval/helpers/spl.js";

/** Table tests of SPL search semantics (semantics.md §4.1 and the SPL side of the §5 traps). */
describe("SPL search semantics", () => {
  const cases: [trap: string, search: string, event: Record<string, unknown>, expected: boolean][] = [
    // §5.1 OR binds tighter than AND in search: `a=1 OR b=2 c=3` is (a=1 OR b=2) AND c=3.
    ["1 OR before AND", "a=1 OR b=2 c=3", { a: 1, c: 4 }, false],
    ["1 OR before AND", "a=1 OR b=2 c=3", { b: 2, c: 3 }, true],
    ["1 AND before OR in parentheses", "(a=1 b=2) OR c=3", { c: 3 }, true],
    // §5.2 backslashes: `\\` in a quoted value is one backslash.
    ["2 backslash", 'Image="C:\\\\Windows\\\\*"', { Image: "C:\\Windows\\cmd.exe" }, true],
    ["2 backslash", 'Image="C:\\\\Windows\\\\*"', { Image: "C:\\\\Windows\\\\cmd.exe" }, false],
    ["2 other escapes pass through", 'p="\\d"', { p: "\\d" }, true],
    // §5.3 a backslash cannot escape `*`: `a\*b` is `a\` + wildcard + `b`.
    ["3 no literal asterisk", 'f="a\\*b"', { f: "a*b" }, false],
    ["3 no literal asterisk", 'f="a\\*b"', { f: "a\\xyzb" }, true],
    // §5.4 `?` (and `%`) are literal in SPL.
    ["4 ? is literal", "f=prog?.exe", { f: "prog1.exe" }, false],
    ["4 ? is literal", "f=prog?.exe", { f: "prog?.exe" }, true],
    ["4 % is literal", 'f="a%"', { f: "abc" }, false],
    // §5.5 NOT f=x holds without f; f!=x does not.
    ["5 NOT on missing field", "NOT f=x", {}, true],
    ["5 != on missing field", "f!=x", {}, false],
    ["5 != on null field", "f!=x", { f: null }, false],
    ["5 != with another value", "f!=x", { f: "y" }, true],
    ["5 NOT with the value", "NOT f=x", { f: "X" }, false],
    ["5 f=* needs a value", "f=*", { f: null }, false],
    ["5 f=* with empty text", "f=*", { f: "" }, true],
    ["5 NOT f=*", "NOT f=*", {}, true],
    // §5.6 values case-insensitive, field names case-sensitive, CASE() case-sensitive.
    ["6 value case", "f=abc", { f: "ABC" }, true],
    ["6 field name case", "F=abc", { f: "abc" }, false],
    ["6 CASE()", "f=CASE(abc)", { f: "ABC" }, false],
    ["6 CASE()", "f=CASE(ABC)", { f: "ABC" }, true],
    // §5.8 bare terms match whole indexed terms of _raw, not substrings.
    ["8 term vs substring", "evil", { _raw: "devilish things" }, false],
    ["8 whole term", "evil", { _raw: "an EVIL thing" }, true],
    ["8 minor-breaker piece", "evil", { _raw: "path=/tmp/evil.exe" }, true],
    ["8 wildcard term", "dev*", { _raw: "devilish things" }, true],
    ["8 phrase", '"bad thing"', { _raw: "a bad thing here" }, true],
    ["8 phrase is not a substring", '"bad thing"', { _raw: "a bad things" }, false],
    ["8 TERM keeps minor breakers", "TERM(10.0.0.1)", { _raw: "src 10.0.0.1 dst" }, true],
    ["8 TERM needs major breakers", "TERM(0.0.1)", { _raw: "src 10.0.0.1 dst" }, false],
    ["8 plain term inside minor breakers", "0.0.1", { _raw: "src 10.0.0.1 dst" }, true],
    ["8 search *", "*", {}, true],
    // §5.10 numbers: `=` matches the text; comparisons are numeric.
    ["10 number equals text", "EventCode=4688", { EventCode: "4688" }, true],
    ["10 number equals number", "EventCode=4688", { EventCode: 4688 }, true],
    ["10 = is textual", "x=1", { x: "1.0" }, false],
    ["10 numeric >", "x>5", { x: "10" }, true],
    ["10 numeric < (not lexicographic)", "x<5", { x: "10" }, false],
    ["10 compare on text", "x>5", { x: "abc" }, false],
    // IN, wildcards, multivalue, CIDR.
    ["IN", 'f IN (a, "b*")', { f: "bcd" }, true],
    ["IN", "f IN (a, b)", { f: "c" }, false],
    ["multivalue: any value", "f=b*", { f: ["x", "bee"] }, true],
    ["multivalue !=: some other value", "f!=x", { f: ["x", "y"] }, false],
    ["CIDR v4", "ip=10.0.0.0/8", { ip: "10.20.30.40" }, true],
    ["CIDR v4 outside", "ip=10.0.0.0/8", { ip: "11.0.0.1" }, false],
    ["CIDR v6", "ip=fe80::/10", { ip: "FE80::1" }, true],
    ["CIDR is arithmetic", "ip=10.0.0.0/8", { ip: "10.0.0.0/8x" }, false],
  ];

  it.each(cases)("trap %s: %s", (_trap, search, event, expected) => {
    expect(splMatches(search, event)).toBe(expected);
  });

  it("states f!=x as exists and not", () => {
    expect(searchIr("f!=x")).toEqual({
      type: "IrAnd",
      operands: [{ type: "IrExists", field: "f" }, { type: "IrNot", operand: { type: "IrMatch", field: "f", pattern: { parts: ["x"] }, caseSensitive: false } }],
    });
  });

  it("keeps ? and % literal and * as the only wildcard", () => {
    expect(searchIr('f="a?b%*"')).toEqual({ type: "IrMatch", field: "f", pattern: { parts: ["a?b%", { type: "IrAnyChars" }] }, caseSensitive: false });
  });

  it("marks macros, subsearches and string comparisons as unsupported", () => {
    expect(searchIr("`sysmon` a=1")).toMatchObject({ type: "IrAnd", operands: [{ type: "IrUnsupported" }, { type: "IrMatch" }] });
    expect(searchIr("a=1 [search b=2 | fields c]")).toMatchObject({ operands: [{ type: "IrMatch" }, { type: "IrUnsupported" }] });
    expect(searchIr("x>abc")).toMatchObject({ type: "IrUnsupported" });
  });
});
