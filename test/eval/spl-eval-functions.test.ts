import { describe, expect, it } from "vitest";
import { evalExpr, spl } from "./helpers/run.js";

describe("eval functions", () => {
  const cases: [expr: string, event: Record<string, unknown>, expected: unknown][] = [
    ['if(a>1, "big", "small")', { a: 5 }, "big"],
    ['if(a>1, "big", "small")', {}, "small"],
    ['case(a==1, "one", a==2, "two", true(), "other")', { a: 2 }, "two"],
    ['case(a==1, "one")', { a: 3 }, undefined],
    ["coalesce(x, y, \"d\")", { y: "why" }, "why"],
    ['like(f, "%cmd%.e_e")', { f: "C:\\cmd\\a.exe" }, "true"],
    ['like(f, "CMD%")', { f: "cmd.exe" }, "false"],
    ['match(f, "^a\\d+$")', { f: "a123" }, "true"],
    ['match(f, "(?i)A")', { f: "xa" }, "true"],
    ["lower(f).upper(g)", { f: "AbC", g: "x" }, "abcX"],
    ["len(f)", { f: "héllo" }, 5],
    ["substr(f, 2, 3)", { f: "abcdef" }, "bcd"],
    ["substr(f, -2)", { f: "abcdef" }, "ef"],
    ['replace(f, "(\\d+)-(\\d+)", "\\2:\\1")', { f: "x 12-34 y" }, "x 34:12 y"],
    ['mvindex(split(f, ","), 1)', { f: "a,b,c" }, "b"],
    ['mvindex(split(f, ","), -1)', { f: "a,b,c" }, "c"],
    ['mvindex(split(f, ","), 0, 1)', { f: "a,b,c" }, ["a", "b"]],
    ["mvcount(f)", { f: ["a", "b"] }, 2],
    ["mvcount(f)", {}, undefined],
    ['mvjoin(f, ";")', { f: ["a", "b"] }, "a;b"],
    ['mvfilter(match(f, "^b"))', { f: ["a", "b1", "b2"] }, ["b1", "b2"]],
    ['mvappend(f, "z")', { f: ["a", "b"] }, ["a", "b", "z"]],
    ["mvdedup(f)", { f: ["a", "b", "a"] }, ["a", "b"]],
    ['mvfind(f, "^b")', { f: ["a", "b"] }, 1],
    ["isnull(x)", {}, "true"],
    ["isnotnull(x)", { x: "" }, "true"],
    ['cidrmatch("10.0.0.0/8", ip)', { ip: "10.9.8.7" }, "true"],
    ['cidrmatch("10.0.0.0/8", ip)', { ip: "11.9.8.7" }, "false"],
    ["tostring(n)", { n: 5 }, "5"],
    ['tostring(n, "hex")', { n: 255 }, "0xFF"],
    ['tonumber("0x1F", 16)', {}, 31],
    ['tonumber("12")+1', {}, 13],
    ['strftime(t, "%Y-%m-%d %H:%M:%S")', { t: 1709287200 }, "2024-03-01 10:00:00"],
    ['strptime("2024-03-01 10:00:00", "%Y-%m-%d %H:%M:%S")', {}, 1709287200],
    ["now()", {}, 1709294400],
    ['relative_time(now(), "-1d@d")', {}, 1709164800],
    ['relative_time(now(), "-24h")', {}, 1709208000],
    ["round(2.567, 2)", {}, 2.57],
    ["round(-2.5)", {}, -3],
    ["abs(-3)+floor(1.7)+ceil(1.2)", {}, 6],
    ['urldecode("a%20b%2Fc")', {}, "a b/c"],
    ["a . b", { a: "x", b: 1 }, "x1"],
    ['f="ABC"', { f: "abc" }, "false"],
    ["f IN (1, 2)", { f: "2" }, "true"],
    ["a/0", { a: 1 }, undefined],
  ];

  it.each(cases)("%s", (expr, event, expected) => {
    expect(evalExpr(expr, event)).toEqual(expected);
  });

  it("names a function it does not know", () => {
    expect(() => evalExpr("frobnicate(x)")).toThrow(/frobnicate\(\) is not supported/);
  });

  it("where is case-sensitive and null is not true", () => {
    const events = [{ f: "abc" }, { f: "ABC" }, {}];
    expect(spl('* | where f="abc"', events)).toEqual([{ f: "abc" }]);
    expect(spl('* | where NOT f="abc"', events)).toEqual([{ f: "ABC" }]);
    expect(spl('* | where f LIKE "a%" OR f LIKE "A%"', events)).toHaveLength(2);
  });

  it("where uses AND before OR, unlike search", () => {
    const events = [{ a: 1, b: 0, c: 1 }];
    expect(spl("* | where a=1 OR b=1 AND c=0", events)).toEqual(events);
    expect(spl("a=1 OR b=1 AND c=0", events)).toEqual([]);
  });
});
