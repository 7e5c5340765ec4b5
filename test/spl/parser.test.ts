import { describe, expect, it } from "vitest";
import { parseSpl } from "../../src/spl/parse.js";
import { firstStage, parseOk, searchShape, whereShape } from "../helpers/spl.js";

describe("search syntax precedence: NOT, then OR, then AND", () => {
  it.each([
    ["a OR b c", "((a | b) & c)"],
    ["a b OR c", "(a & (b | c))"],
    ["a AND b OR c", "(a & (b | c))"],
    ["NOT a OR b", "(!a | b)"],
    ["NOT (a OR b) c", "(!(a | b) & c)"],
    ["(a b) OR c", "((a & b) | c)"],
    ["a=1 OR b=2 c=3 OR d=4", "((a=1 | b=2) & (c=3 | d=4))"],
    ["and or not", "(and & or & not)"],
  ])("%s → %s", (search, shape) => {
    expect(searchShape(search)).toBe(shape);
  });
});

describe("eval/where precedence: NOT, then AND, then OR", () => {
  it.each([
    ["a=1 OR b=2 AND c=3", "((a = 1) OR ((b = 2) AND (c = 3)))"],
    ["NOT a=1 AND b=2", "((NOT (a = 1)) AND (b = 2))"],
    ["a + b * c > 2", "((a + (b * c)) > 2)"],
    ["a - b - c", "((a - b) - c)"],
    ["x . \"-\" . y", "((x . \"-\") . y)"],
    ["-x * 2", "((- x) * 2)"],
    ["x LIKE \"%a%\" and y IN (1, 2)", "((x LIKE \"%a%\") AND (y IN 1,2))"],
    ["LIKE(type, \"%x%\") OR isnotnull('a b')", "(LIKE(type,\"%x%\") OR isnotnull('a b'))"],
    ["a XOR b OR c", "((a XOR b) OR c)"],
  ])("%s → %s", (expr, shape) => {
    expect(whereShape(expr)).toBe(shape);
  });
});

describe("search terms and values", () => {
  it.each([
    ['f IN ("a", b*, `m`)', "f IN[\"a\",b*,`m`]"],
    ["f IN(1,2)", "f IN[1,2]"],
    ['"result.status" IN ("x")', "result.status IN[\"x\"]"],
    ["x!=1 y<2 z>=3", "(x!=1 & y<2 & z>=3)"],
    ['TERM(10.0.0.1) CASE(Admin)', "(TERM(10.0.0.1) & CASE(Admin))"],
    ['user=CASE(Admin)', "user=CASE(Admin)"],
    ['earliest=-24h latest=now', "(earliest=-24h & latest=now)"],
    ['C:\\\\Windows\\\\*.exe', "C:\\\\Windows\\\\*.exe"],
    ['f="a=b | [c]"', 'f="a=b | [c]"'],
    ['f="say \\"hi\\""', 'f="say \\"hi\\""'],
    ["_time>=relative_time(now(), \"-1d\")", "_time>=relative_time(now(), \"-1d\")"],
    ["`sysmon` EventCode=1", "(`sysmon` & EventCode=1)"],
    ["`m`EventCode=1", "(`m` & EventCode=1)"],
    ["a\\ b=1", "a b=1"],
  ])("%s", (search, shape) => {
    expect(searchShape(search)).toBe(shape);
  });

  it("decodes quoted values and keeps the raw text", () => {
    const stage = firstStage('Image="C:\\\\Windows\\\\x\\"y"');
    expect(stage.type === "SearchCommand" && stage.expr?.type === "SearchCompare" && stage.expr.value).toMatchObject({
      type: "Quoted",
      raw: '"C:\\\\Windows\\\\x\\"y"',
      value: 'C:\\Windows\\x"y',
    });
  });

  it("keeps macro arguments as written", () => {
    const stage = firstStage('| `drop_dm_object_name("Authentication")`');
    expect(stage).toMatchObject({ type: "MacroCommand", macro: { name: "drop_dm_object_name", args: ['"Authentication"'] } });
  });
});

describe("commands", () => {
  it("parses stats with eval aggregations, aliases and a by clause", () => {
    const stats = parseOk("a | stats count(eval(x>1)) as n, dc(\"DNS.answer\") as d values(x) as aceFlags(inheritance) by src, dest").stages[1];
    expect(stats).toMatchObject({
      type: "StatsCommand",
      name: "stats",
      aggregations: [
        { fn: "count", args: [{ type: "Call", name: "eval" }], alias: { name: "n" } },
        { fn: "dc", args: [{ type: "FieldName", name: "DNS.answer", quoted: true }], alias: { name: "d" } },
        { fn: "values", alias: { name: "aceFlags(inheritance)" } },
      ],
      by: [{ name: "src" }, { name: "dest" }],
    });
  });

  it("parses tstats with options, a macro, from datamodel, a search-syntax where and by with span", () => {
    const stage = firstStage(
      "| tstats `security_content_summariesonly` prestats=t count min(_time) as firstTime from datamodel=Endpoint.Processes where Processes.process_name=cmd.exe OR Processes.process_name=ps.exe by Processes.dest _time span=1h",
    );
    expect(stage).toMatchObject({
      type: "TstatsCommand",
      options: [{ type: "MacroRef" }, { type: "Option", key: "prestats" }],
      aggregations: [{ fn: "count", args: null }, { fn: "min", alias: { name: "firstTime" } }],
      from: { type: "Option", key: "datamodel", value: { raw: "Endpoint.Processes" } },
      where: { type: "SearchOr" },
      by: [{ name: "Processes.dest" }, { name: "_time" }],
      byOptions: [{ key: "span", value: { raw: "1h" } }],
    });
  });

  it.each([
    ["rename Processes.* as *, \"a b\" AS c", { type: "RenameCommand", pairs: [{ field: { name: "Processes.*" }, alias: { name: "*" } }, { field: { name: "a b", quoted: true } }] }],
    ["table a, b c", { type: "TableCommand", fields: [{ name: "a" }, { name: "b" }, { name: "c" }] }],
    ["fields - a, b", { type: "FieldsCommand", mode: "-", fields: [{ name: "a" }, { name: "b" }] }],
    ["dedup a b", { type: "FieldListCommand", name: "dedup", fields: [{ name: "a" }, { name: "b" }] }],
    ["sort - count, +num(x)", { type: "SortCommand", keys: [{ order: "-", field: { name: "count" } }, { order: "+", fn: "num", field: { name: "x" } }] }],
    ["head 10", { type: "HeadTailCommand", name: "head", limit: 10 }],
    ['convert timeformat="%Y" ctime(firstTime) as t', { type: "ConvertCommand", options: [{ key: "timeformat" }], conversions: [{ fn: "ctime", field: { name: "firstTime" }, alias: { name: "t" } }] }],
    ["bucket _time span=1h", { type: "BinCommand", name: "bucket", field: { name: "_time" }, options: [{ key: "span" }] }],
    ["fillnull value=0 a b", { type: "FieldListCommand", name: "fillnull", options: [{ key: "value" }], fields: [{ name: "a" }, { name: "b" }] }],
    ['rex field=x max_match=10 "(?<n>\\d+)"', { type: "RexCommand", options: [{ key: "field" }, { key: "max_match" }], pattern: { value: "(?<n>\\d+)" } }],
    ['regex process!="^a"', { type: "RegexCommand", field: { name: "process" }, negated: true }],
    ["lookup t a AS b OUTPUTNEW c AS d, e", { type: "LookupCommand", table: { name: "t" }, inputs: [{ field: { name: "a" }, alias: { name: "b" } }], outputMode: "OUTPUTNEW", outputs: [{ field: { name: "c" } }, { field: { name: "e" } }] }],
    ["join type=outer user [| tstats count by user]", { type: "JoinCommand", options: [{ key: "type" }], fields: [{ name: "user" }], subsearch: { pipeline: { leadingPipe: true } } }],
    ["appendpipe [| stats count]", { type: "AppendCommand", name: "appendpipe" }],
    ["mvexpand x limit=5", { type: "FieldListCommand", name: "mvexpand", fields: [{ name: "x" }], options: [{ key: "limit" }] }],
    ['makemv delim="," x', { type: "FieldListCommand", name: "makemv" }],
    ["spath input=x output=y path=a.b", { type: "FieldListCommand", name: "spath" }],
    ["iplocation src", { type: "FieldListCommand", name: "iplocation" }],
    ["transaction user startswith=(EventCode=1) maxspan=30s", { type: "FieldListCommand", name: "transaction", options: [{ key: "startswith", value: { type: "SearchGroup" } }, { key: "maxspan" }] }],
    ["top limit=5 a by b", { type: "TopCommand", name: "top", fields: [{ name: "a" }], by: [{ name: "b" }] }],
    ["eval a=1, 'b c'=if(x, \"y\", null()), feature_-value=2", { type: "EvalCommand", assignments: [{ field: { name: "a" } }, { field: { name: "b c", quoted: true } }, { field: { name: "feature_-value" } }] }],
    ["foreach * [eval <<FIELD>> = if(<<FIELD>>=\"null\", null(), <<FIELD>>)]", { type: "GenericCommand", name: "foreach", args: [{ type: "Atom", raw: "*" }, { type: "Subsearch" }] }],
    ["search NOT [| inputlookup x | fields y]", { type: "SearchCommand", explicit: true, expr: { type: "SearchNot", operand: { type: "Subsearch" } } }],
  ])("%s", (command, shape) => {
    expect(parseOk(`x | ${command}`).stages[1]).toMatchObject(shape);
  });

  it("parses generating commands after a leading pipe and inside subsearches", () => {
    expect(parseOk("| inputlookup append=t lookup_x").stages[0]).toMatchObject({ type: "FieldListCommand", name: "inputlookup" });
    expect(parseOk("| makeresults count=1").stages[0]).toMatchObject({ type: "FieldListCommand", name: "makeresults" });
    expect(parseOk("| from datamodel Web.Web").stages[0]).toMatchObject({ type: "FieldListCommand", name: "from" });
    const join = parseOk("x | join a [search b=1 | table a]").stages[1];
    expect(join).toMatchObject({ subsearch: { pipeline: { stages: [{ type: "SearchCommand", explicit: true }, { type: "TableCommand" }] } } });
  });

  it("reads head's eval-expression form after the command only: `| head (x>5)`, not the search `head (a)`", () => {
    expect(parseOk("x | head 3 (count > 5) keeplast=true").stages[1]).toMatchObject({ type: "HeadTailCommand", limit: 3, condition: { type: "Binary", op: ">" }, options: [{ key: "keeplast" }] });
    expect(parseOk("x | head 5").stages[1]).toMatchObject({ type: "HeadTailCommand", limit: 5, condition: null });
    expect(parseOk("x | search head (a)").stages[1]).toMatchObject({ type: "SearchCommand", expr: { type: "SearchAnd" } });
  });

  it("reads `sort limit=N` as `sort N`, and a field named limit as a sort key", () => {
    expect(parseOk("x | sort limit=10 -count").stages[1]).toMatchObject({ type: "SortCommand", limit: 10, keys: [{ order: "-", field: { name: "count" } }] });
    expect(parseOk("x | sort limit -count").stages[1]).toMatchObject({ type: "SortCommand", limit: null, keys: [{ field: { name: "limit" } }, { order: "-" }] });
  });

  it("reads a leading word `search` as the search command written out, and `search=x` as a comparison", () => {
    expect(firstStage("search index=main foo")).toMatchObject({ type: "SearchCommand", explicit: true, expr: { type: "SearchAnd" } });
    expect(firstStage("SEARCH foo")).toMatchObject({ type: "SearchCommand", explicit: true, expr: { type: "SearchTerm" } });
    expect(firstStage("search=x")).toMatchObject({ type: "SearchCommand", explicit: false, expr: { type: "SearchCompare", field: { name: "search" } } });
    expect(firstStage('"search" foo')).toMatchObject({ type: "SearchCommand", explicit: false, expr: { type: "SearchAnd" } });
  });

  it("keeps every other command losslessly as a generic command", () => {
    expect(parseOk('x | replace "::ffff:*" with * in src').stages[1]).toMatchObject({
      type: "GenericCommand",
      name: "replace",
      args: [{ raw: '"::ffff:*"' }, { raw: "with" }, { raw: "*" }, { raw: "in" }, { raw: "src" }],
    });
  });

  it("attaches triple-backtick comments to the stage they follow", () => {
    const ast = parseOk("a ```first``` | stats count ```second | lookup x``` | table x");
    expect(ast.comments).toEqual([
      { afterStage: 0, text: "```first```" },
      { afterStage: 1, text: "```second | lookup x```" },
    ]);
  });

  it("gives every node a source span", () => {
    const ast = parseOk("a=1\n| stats count by b");
    expect(ast.stages[1]!.loc).toEqual({ start: { offset: 6, line: 2, column: 3 }, end: { offset: 22, line: 2, column: 19 } });
  });

  it("rejects a malformed first-class command instead of guessing", () => {
    expect(parseSpl("x | rename a").diagnostics[0]?.message).toContain("expected `as`");
  });
});
