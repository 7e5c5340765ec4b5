import { describe, expect, it } from "vitest";
import { spl, splError } from "./helpers/run.js";

type Ev = Record<string, unknown>;

const E: Ev[] = [
  { _time: 1709287200, user: "alice", host: "h1", n: 5, ip: "10.0.0.1" },
  { _time: 1709287260, user: "bob", host: "h1", n: 10, ip: "10.0.0.2" },
  { _time: 1709290800, user: "alice", host: "h2", n: 1 },
  { _time: 1709294400, host: "h3", n: 7, ip: "10.0.0.1" },
];

/** A sequence for the stream options: times 0, 10, 20, 30 seconds; groups a, b, a, a. */
const S: Ev[] = [
  { _time: 0, h: "a", n: 1 },
  { _time: 10, h: "b", n: 2 },
  { _time: 20, h: "a", n: 3 },
  { _time: 30, h: "a", n: 4 },
];

const rows = (search: string, events: Ev[]): Ev[] => spl(search, events);
const column = (search: string, events: Ev[], field: string): unknown[] => spl(search, events).map((r) => r[field]);

describe("dedup options", () => {
  it.each<[string, unknown[]]>([
    ["* | dedup 1 host | table n", [5, 1, 7]],
    ["* | dedup 2 host | table n", [5, 10, 1, 7]],
    ["* | dedup user host | table n", [5, 10, 1]],
    ["* | dedup user | table n", [5, 10]],
    ["* | dedup user consecutive=true | table n", [5, 10, 1]],
    ["* | dedup host sortby -n | table n", [7, 5, 1]],
    ["* | dedup host sortby - n | table n", [7, 5, 1]],
    ["* | dedup host sortby +str(user) | table n", [5, 1, 7]],
  ])("%s → n %j", (search, expected) => {
    expect(column(search, E, "n")).toEqual(expected);
  });

  it("keepevents=true keeps the duplicates without the dedup fields", () => {
    expect(rows("* | dedup host keepevents=true | table n host", E)).toEqual([{ n: 5, host: "h1" }, { n: 10 }, { n: 1, host: "h2" }, { n: 7, host: "h3" }]);
  });
});

describe("sort collations", () => {
  const V: Ev[] = [{ v: "10" }, { v: "9" }, { v: "b" }, { v: "A" }];
  const IPS: Ev[] = [{ v: "10.0.0.10" }, { v: "10.0.0.9" }, { v: "9.1.1.1" }];
  it.each<[string, Ev[], unknown[]]>([
    ["* | sort v", V, ["9", "10", "A", "b"]],
    ["* | sort auto(v)", V, ["9", "10", "A", "b"]],
    ["* | sort str(v)", V, ["10", "9", "A", "b"]],
    ["* | sort -num(v)", V, ["b", "A", "10", "9"]],
    ["* | sort v", IPS, ["9.1.1.1", "10.0.0.9", "10.0.0.10"]],
    ["* | sort ip(v)", IPS, ["9.1.1.1", "10.0.0.9", "10.0.0.10"]],
    ["* | sort str(v)", IPS, ["10.0.0.10", "10.0.0.9", "9.1.1.1"]],
    ["* | sort 2 -v", [{ v: 5 }, { v: 10 }, { v: 7 }], [10, 7]],
  ])("%s on %j", (search, events, expected) => {
    expect(column(search, events, "v")).toEqual(expected);
  });
});

describe("bin options", () => {
  it.each<[string, Ev[], string, unknown[]]>([
    ["* | bin span=1h t", [{ t: 1709290799 }], "t", [1709287200]],
    ["* | bucket span=1mon t", [{ t: 1709294400 }, { t: 1711929599 }], "t", [1709251200, 1709251200]],
    ["* | bin span=log n", [{ n: 5 }, { n: 50 }, { n: 500 }, { n: 1 }, { n: 0 }], "n", [1, 10, 100, 1, 0]],
    ["* | bin span=2log10 n", [{ n: 5 }, { n: 15 }, { n: 25 }, { n: 1 }], "n", [2, 2, 20, 0.2]],
    ["* | bin span=10 start=0 end=1000 n", E, "n", [0, 10, 0, 0]],
    ["* | bin span=1h aligntime=1800 _time", E, "_time", [1709285400, 1709285400, 1709289000, 1709292600]],
    ["* | bin span=1d aligntime=1800 _time", E.slice(0, 1), "_time", [1709251200]],
    ["* | bin span=30m _time as slot", E.slice(0, 2), "slot", [1709287200, 1709287200]],
  ])("%s", (search, events, field, expected) => {
    expect(column(`${search} | table ${field}`, events, field)).toEqual(expected);
  });
});

describe("makemv options", () => {
  it.each<[string, Ev[], unknown]>([
    ['* | makemv tokenizer="(\\w+)," f', [{ f: "a,b,c" }], ["a", "b"]],
    ['* | makemv tokenizer="\\d" f', [{ f: "a1b2" }], ["1", "2"]],
    ['* | makemv delim="," f', [{ f: "a,,b" }], ["a", "b"]],
    ['* | makemv delim="," allowempty=true f', [{ f: "a,,b" }], ["a", "", "b"]],
    ["* | makemv setsv=false f", [{ f: "x y" }], ["x", "y"]],
  ])("%s", (search, events, expected) => {
    expect(column(`${search} | table f`, events, "f")).toEqual([expected]);
  });
});

describe("streamstats options", () => {
  it.each<[string, unknown[]]>([
    ["* | streamstats window=2 sum(n) as s by h", [1, 2, 3, 7]],
    ["* | streamstats window=2 global=false sum(n) as s by h", [1, 2, 4, 7]],
    ["* | streamstats time_window=10s sum(n) as s", [1, 3, 5, 7]],
    ["* | streamstats time_window=9s sum(n) as s", [1, 2, 3, 4]],
    ["* | streamstats time_window=20s sum(n) as s by h", [1, 2, 4, 7]],
    ["* | streamstats time_window=1m window=2 sum(n) as s", [1, 3, 5, 7]],
    ["* | streamstats reset_on_change=true count as s by h", [1, 1, 1, 2]],
    ["* | streamstats current=f sum(n) as s", [undefined, 1, 3, 6]],
    ["* | streamstats current=f window=1 global=f sum(n) as s by h", [undefined, undefined, 1, 3]],
  ])("%s → %j", (search, expected) => {
    expect(column(`${search} | table s`, S, "s")).toEqual(expected);
  });

  it("an event without _time passes a time window unchanged", () => {
    expect(rows("* | streamstats time_window=1h count as c | table c", [{ _time: 0 }, { x: 1 }])).toEqual([{ c: 1 }, {}]);
  });
});

describe("top and rare options", () => {
  it.each<[string, Ev[]]>([
    ["* | top limit=1 useother=true host", [{ host: "h1", count: 2, percent: 50 }, { host: "OTHER", count: 2, percent: 50 }]],
    ["* | top limit=1 useother=t otherstr=rest countfield=k showperc=f host", [{ host: "h1", k: 2 }, { host: "rest", k: 2 }]],
    ["* | top useother=t host", [{ host: "h1", count: 2, percent: 50 }, { host: "h2", count: 1, percent: 25 }, { host: "h3", count: 1, percent: 25 }]],
    ["* | top showcount=false percentfield=p user by host", [{ host: "h1", user: "alice", p: 50 }, { host: "h1", user: "bob", p: 50 }, { host: "h2", user: "alice", p: 100 }]],
    ["* | rare limit=1 useother=t host", [{ host: "h2", count: 1, percent: 25 }, { host: "OTHER", count: 3, percent: 75 }]],
  ])("%s", (search, expected) => {
    expect(rows(search, E)).toEqual(expected);
  });
});

describe("rex options", () => {
  it.each<[string, string, Ev]>([
    ['* | rex field=msg offset_field=o "user=(?<u>\\w+)" | table u o', "id=1 user=bob", { u: "bob", o: "u=10-12" }],
    ['* | rex field=msg max_match=0 offset_field=o "a=(?<v>\\d)" | table v o', "a=1 a=2", { v: ["1", "2"], o: "v=2-2&v=6-6" }],
    ['* | rex field=msg mode=sed "s/o/0/2" | table msg', "foo boo", { msg: "fo0 boo" }],
    ['* | rex field=msg mode=sed "s/o/0/g" | table msg', "foo boo", { msg: "f00 b00" }],
    ['* | rex field=msg mode=sed "s/o/0/" | table msg', "foo boo", { msg: "f0o boo" }],
    ['* | rex field=msg mode=sed "y/abc/xyz/" | table msg', "aabbcc d", { msg: "xxyyzz d" }],
  ])("%s on %j", (search, msg, expected) => {
    expect(rows(search, [{ msg }])).toEqual([expected]);
  });
});

describe("convert functions and wildcards", () => {
  it.each<[string, Ev, Ev]>([
    ["* | convert ctime(*_t) AS *_h | table a_h b_h", { a_t: 0, b_t: 86400 }, { a_h: "01/01/1970 00:00:00", b_h: "01/02/1970 00:00:00" }],
    ["* | convert none(b_t) ctime(*_t) | table a_t b_t", { a_t: 0, b_t: 86400 }, { a_t: "01/01/1970 00:00:00", b_t: 86400 }],
    ["* | convert mstime(x) memk(y) dur2sec(z) | table x y z", { x: "01:30.5", y: "2m", z: "1+01:00:00" }, { x: 90.5, y: 2048, z: 90000 }],
    ["* | convert memk(y) | table y", { y: "3" }, { y: 3 }],
    ["* | convert num(x) | table x", { x: "abc" }, {}],
    ["* | convert num(x) AS y | table x y", { x: "1,234" }, { x: "1,234", y: 1234 }],
    ["* | convert dur2sec(x) | table x", { x: "soon" }, { x: "soon" }],
  ])("%s", (search, event, expected) => {
    expect(rows(search, [event])).toEqual([expected]);
  });
});

describe("head (<eval-expression>): results until it is false, within the limit", () => {
  it.each<[string, unknown[]]>([
    ["* | head (n<8)", [5]],
    ["* | head (n<8) keeplast=true", [5, 10]],
    ["* | head (n>0)", [5, 10, 1, 7]],
    ["* | head 2 (n>0)", [5, 10]],
    ["* | head (isnotnull(ip))", [5, 10]],
    ["* | head (ip!=\"x\")", [5, 10]],
    ["* | head (ip!=\"x\") null=true", [5, 10, 1, 7]],
  ])("%s", (search, expected) => {
    expect(column(`${search} | table n`, E, "n")).toEqual(expected);
  });
});

describe("options that change nothing are read, not ignored", () => {
  it.each<[string, string, unknown[]]>([
    ["* | stats partitions=2 count", "count", [4]],
    ["* | head 2 keeplast=true null=false", "n", [5, 10]],
    ["* | lookup update=true local=false users.csv user OUTPUT dept", "dept", ["it", "sales", "it", undefined]],
  ])("%s", (search, field, expected) => {
    expect(column(`${search} | table ${field}`, E, field)).toEqual(expected);
  });
});

describe("an option the evaluator cannot honour is an error naming it", () => {
  it.each([
    ["* | stats allnum=t count", "stats option allnum="],
    ["* | eventstats allnum=t count", "eventstats option allnum="],
    ['* | streamstats reset_after="(n>1)" count', "streamstats option reset_after="],
    ["* | streamstats window=-1 count", "window= must not be negative"],
    ["* | streamstats time_window=1mon count", "time_window=1mon"],
    ["* | streamstats current=maybe count", "current=maybe is not a boolean"],
    ["* | dedup user keepall=t", "dedup option keepall="],
    ["* | dedup user sortby", "sortby needs fields"],
    ["* | dedup user sortby -frob(n)", "frob() is not a sort collation"],
    ["* | top useothers=t host", "top option useothers="],
    ["* | rare limit=x host", "limit=x is not a whole number"],
    ['* | rex flags=i "(?<a>.)"', "rex option flags="],
    ['* | rex mode=perl "(?<a>.)"', "rex mode=perl"],
    ['* | rex mode=sed "s/a/b/0"', "counts occurrences from 1"],
    ['* | rex mode=sed "y/ab/x/"', "maps 2 characters to 1"],
    ["* | makemv setsv=true f", "makemv setsv=true"],
    ['* | makemv delim="," tokenizer="(.)" f', "delim= or tokenizer="],
    ["* | fillnull val=1", "fillnull option val="],
    ["* | mvexpand maxvals=2 f", "mvexpand option maxvals="],
    ["* | spath inputs=j", "spath option inputs="],
    ["* | bin bins=10 n", "bin option bins="],
    ["* | bin n", "bin without span="],
    ["* | bin span=10 bins=10 n", "bin option bins="],
    ["* | bucket span=10 minspan=5 n", "bucket option minspan="],
    ["* | bin span=1h aligntime=earliest _time", "aligntime=earliest"],
    ["* | bin span=5x n", "unknown time unit x"],
    ["* | bin span=0.5log10 n", "log span"],
    ["* | bin span=10 start=low n", "start=low is not a number"],
    ["* | convert timefmt=x ctime(_time)", "convert option timefmt="],
    ["* | convert frob(x)", "convert frob()"],
    ["* | head 2 limit=3 foo=1", "head option foo="],
    ["* | lookup event_time_field=t users user", "lookup option event_time_field="],
  ])("%s → %s", (search, message) => {
    expect(splError(search)).toContain(message);
  });
});
