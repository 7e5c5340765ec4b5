import { describe, expect, it } from "vitest";
import { spl, splError } from "./helpers/run.js";

const E = [
  { _time: 1709287200, user: "alice", host: "h1", n: 5, ip: "10.0.0.1" },
  { _time: 1709287260, user: "bob", host: "h1", n: 10, ip: "10.0.0.2" },
  { _time: 1709290800, user: "alice", host: "h2", n: 1 },
  { _time: 1709294400, host: "h3", n: 7, ip: "10.0.0.1" },
];

describe("SPL commands", () => {
  it("stats: functions, by-fields, groups sorted, events missing a by-field dropped", () => {
    expect(spl("* | stats count dc(host) as hosts values(host) as hs min(n) max(n) sum(n) avg(n) by user", E)).toEqual([
      { user: "alice", count: 2, hosts: 2, hs: ["h1", "h2"], "min(n)": 1, "max(n)": 5, "sum(n)": 6, "avg(n)": 3 },
      { user: "bob", count: 1, hosts: 1, hs: "h1", "min(n)": 10, "max(n)": 10, "sum(n)": 10, "avg(n)": 10 },
    ]);
  });

  it("stats: count of a field, earliest/latest by _time, first/last, list, no by-field", () => {
    expect(spl("* | stats count(user) as c earliest(host) as e latest(host) as l first(n) as f last(n) as la list(user) as u", E)).toEqual([
      { c: 3, e: "h1", l: "h3", f: 5, la: 7, u: ["alice", "bob", "alice"] },
    ]);
    expect(spl("nothing=1 | stats count", E)).toEqual([{ count: 0 }]);
  });

  it("stats count(eval(...)) and multivalue by-fields", () => {
    expect(spl("* | stats count(eval(n>4)) as big", E)).toEqual([{ big: 3 }]);
    expect(spl("* | eval tag=split(\"a,b\", \",\") | stats count by tag", E.slice(0, 1))).toEqual([{ tag: "a", count: 1 }, { tag: "b", count: 1 }]);
  });

  it("eventstats and streamstats", () => {
    expect(spl("* | eventstats max(n) as top by host | table host n top", E.slice(0, 3))).toEqual([
      { host: "h1", n: 5, top: 10 }, { host: "h1", n: 10, top: 10 }, { host: "h2", n: 1, top: 1 },
    ]);
    expect(spl("* | streamstats count as i sum(n) as run | table i run", E)).toEqual([
      { i: 1, run: 5 }, { i: 2, run: 15 }, { i: 3, run: 16 }, { i: 4, run: 23 },
    ]);
    expect(spl("* | streamstats current=f window=1 max(n) as prev | table prev", E).map((r) => r.prev)).toEqual([undefined, 5, 10, 1]);
  });

  it("rename (wildcards; a missing source removes the target), table, fields", () => {
    expect(spl("user=bob | rename user as who, h* as x* | table who xost", E)).toEqual([{ who: "bob", xost: "h1" }]);
    expect(spl("user=bob | rename nothing as host | table host user", E)).toEqual([{ user: "bob" }]);
    expect(spl("user=bob | fields - _time _raw ip", E)).toEqual([{ user: "bob", host: "h1", n: 10 }]);
    expect(spl("user=bob | fields user | table *", E)).toEqual([{ _time: 1709287260, user: "bob" }]);
  });

  it("dedup, sort, head, tail", () => {
    expect(spl("* | dedup user | table user", E)).toEqual([{ user: "alice" }, { user: "bob" }]);
    expect(spl("* | dedup user keepempty=true | table n", E).map((r) => r.n)).toEqual([5, 10, 7]);
    expect(spl("* | sort - n | table n", E).map((r) => r.n)).toEqual([10, 7, 5, 1]);
    expect(spl("* | sort user, -n | table n", E).map((r) => r.n)).toEqual([5, 1, 10, 7]);
    expect(spl("* | head 2 | table n", E).map((r) => r.n)).toEqual([5, 10]);
    expect(spl("* | tail 1 | table n", E).map((r) => r.n)).toEqual([7]);
  });

  it("convert ctime (default format and timeformat), bin span, fillnull", () => {
    expect(spl("user=bob | convert ctime(_time) as t | table t", E)).toEqual([{ t: "03/01/2024 10:01:00" }]);
    expect(spl('user=bob | convert timeformat="%Y-%m-%dT%H:%M:%S" ctime(_time) | table _time', E)).toEqual([{ _time: "2024-03-01T10:01:00" }]);
    expect(spl("* | bin _time span=1h | stats count by _time", E)).toEqual([
      { _time: 1709287200, count: 2 }, { _time: 1709290800, count: 1 }, { _time: 1709294400, count: 1 },
    ]);
    expect(spl("* | bin n span=5 | table n", E).map((r) => r.n)).toEqual([5, 10, 0, 5]);
    expect(spl("* | fillnull value=none user | table user", E).map((r) => r.user)).toEqual(["alice", "bob", "alice", "none"]);
  });

  it("rex: named groups, max_match, sed mode; regex keeps and drops", () => {
    const ev = [{ msg: "user=alice src=1.2.3.4 user=bob" }];
    expect(spl('* | rex field=msg "user=(?<u>\\w+)" | table u', ev)).toEqual([{ u: "alice" }]);
    expect(spl('* | rex field=msg max_match=0 "user=(?P<u>\\w+)" | table u', ev)).toEqual([{ u: ["alice", "bob"] }]);
    expect(spl('* | rex field=msg mode=sed "s/\\d+/N/g" | table msg', ev)).toEqual([{ msg: "user=alice src=N.N.N.N user=bob" }]);
    expect(spl('* | regex user="^a"', E).map((r) => r.user)).toEqual(["alice", "alice"]);
    expect(spl('* | regex user!="^a"', E).map((r) => r.user)).toEqual(["bob", undefined]);
  });

  it("lookup from a CSV folder, mvexpand, makemv, spath", () => {
    expect(spl("* | lookup users.csv user OUTPUT dept | table user dept", E.slice(0, 2))).toEqual([{ user: "alice", dept: "it" }, { user: "bob", dept: "sales" }]);
    expect(spl("* | lookup users user AS who | table who dept level", [{ who: "carol, jr" }])).toEqual([{ who: "carol, jr", dept: "hr", level: "2" }]);
    expect(spl('* | makemv delim="," f | mvexpand f | table f', [{ f: "a,b,c" }])).toEqual([{ f: "a" }, { f: "b" }, { f: "c" }]);
    expect(spl("* | spath input=j | table a.b c{}", [{ j: '{"a":{"b":1},"c":[2,3]}' }])).toEqual([{ "a.b": 1, "c{}": [2, 3] }]);
    expect(spl("* | spath input=j path=a.b output=x | table x", [{ j: '{"a":{"b":"y"}}' }])).toEqual([{ x: "y" }]);
  });

  it("top and rare", () => {
    expect(spl("* | top host", E)).toEqual([
      { host: "h1", count: 2, percent: 50 }, { host: "h2", count: 1, percent: 25 }, { host: "h3", count: 1, percent: 25 },
    ]);
    expect(spl("* | rare limit=1 host", E)).toEqual([{ host: "h2", count: 1, percent: 25 }]);
  });

  it("search after stats filters rows", () => {
    expect(spl("* | stats count by user | search count>1", E)).toEqual([{ user: "alice", count: 2 }]);
  });

  it.each([
    ["* | transaction user", "`transaction`"],
    ["* | join user [search x=1]", "`join`"],
    ["| tstats count from datamodel=Endpoint", "`tstats`"],
    ["* | `unknown_macro_here`", "unknown_macro_here"],
    ["* | eval x=frob(1)", "frob()"],
    ["* | regex f=\"(a)\\1\"", "backreferences"],
  ])("refuses %s, naming %s", (search, name) => {
    expect(splError(search)).toContain(name);
  });
});
