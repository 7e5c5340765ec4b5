import { describe, expect, it } from "vitest";
import { inMemoryEvents } from "../../src/eval/events/index.js";
import { runCorrelation, type CorrelatedRule } from "../../src/eval/sigma/correlation.js";
import { compileSigmaRule } from "../../src/eval/sigma/compile.js";
import { SIGMA_VIEW } from "../../src/eval/views/sigma.js";
import type { Correlation } from "../../src/sigma/model.js";
import { sigmaRule } from "./helpers/sigma.js";

function rule(name: string, detection: string): CorrelatedRule {
  const text = `title: ${name}\nname: ${name}\nid: 929a690e-bef0-4204-a928-ef5e620d6fc${name.length}\nlogsource:\n    product: test\ndetection:\n    sel:\n        ${detection}\n    condition: sel\n`;
  return { name, predicate: compileSigmaRule(sigmaRule(text), SIGMA_VIEW, []).predicate };
}

const fail = rule("fail", "action: fail");
const ok = rule("ok", "action: ok");
const at = (t: number, o: Record<string, unknown>): Record<string, unknown> => ({ _time: t, ...o });
const corr = (c: Partial<Correlation>): Correlation => ({ type: "event_count", rules: ["fail"], timespan: { text: "60s", seconds: 60 }, ...c });
const lines = (alerts: ReturnType<typeof runCorrelation>): string[] => alerts.map((a) => `${JSON.stringify(a.group)} ${a.value} @${a.events.map((e) => (e.value as { _time: number })._time).join(",")}`);

describe("correlations on the time-ordered stream", () => {
  const events = inMemoryEvents([
    at(100, { action: "fail", user: "a", ip: "1" }),
    at(130, { action: "fail", user: "a", ip: "2" }),
    at(150, { action: "fail", user: "b", ip: "1" }),
    at(155, { action: "fail", user: "a", ip: "3" }),
    at(400, { action: "fail", user: "a", ip: "1" }),
    at(405, { action: "ok", user: "a" }),
    at(10, { action: "ok", user: "b" }),
    at(20, { action: "fail", user: "b", ip: "9" }),
  ]);

  it("event_count by a field in a sliding window (not aligned buckets), the events that made it", () => {
    expect(lines(runCorrelation(corr({ groupBy: ["user"], condition: { comparisons: [{ op: "gte", value: 3 }] } }), [fail], events))).toEqual(['{"user":"a"} 3 @100,130,155']);
  });

  it("value_count of distinct values", () => {
    expect(lines(runCorrelation(corr({ type: "value_count", groupBy: ["user"], condition: { comparisons: [{ op: "gte", value: 3 }], field: "ip" } }), [fail], events))).toEqual(['{"user":"a"} 3 @100,130,155']);
  });

  it("temporal: every rule in the window, in any order", () => {
    const c = corr({ type: "temporal", rules: ["fail", "ok"], groupBy: ["user"] });
    expect(lines(runCorrelation(c, [fail, ok], events))).toEqual(['{"user":"b"} 2 @10,20', '{"user":"a"} 2 @400,405']);
  });

  it("temporal_ordered: the rules in their listed order", () => {
    const c = corr({ type: "temporal_ordered", rules: ["fail", "ok"], groupBy: ["user"] });
    expect(lines(runCorrelation(c, [fail, ok], events))).toEqual(['{"user":"a"} 2 @400,405']);
  });

  it("aliases map a group-by name to each rule's own field", () => {
    const c = corr({ type: "temporal", rules: ["fail", "ok"], groupBy: ["who"], aliases: { who: { fail: "user", ok: "user" } } });
    expect(runCorrelation(c, [fail, ok], events).map((a) => a.group)).toEqual([{ who: "b" }, { who: "a" }]);
  });

  it("lt is checked when a window closes", () => {
    const c = corr({ groupBy: ["user"], condition: { comparisons: [{ op: "lt", value: 2 }] } });
    expect(lines(runCorrelation(c, [fail], events))).toEqual(['{"user":"b"} 1 @20', '{"user":"b"} 1 @150', '{"user":"a"} 1 @400']);
  });

  it("value_sum over a numeric field", () => {
    const bytes = rule("bytes", "kind: xfer");
    const ev = inMemoryEvents([at(0, { kind: "xfer", n: "600" }), at(10, { kind: "xfer", n: 500 }), at(100, { kind: "xfer", n: 1 })]);
    const c = corr({ type: "value_sum", rules: ["bytes"], condition: { comparisons: [{ op: "gt", value: 1000 }], field: "n" } });
    expect(lines(runCorrelation(c, [bytes], ev))).toEqual(["{} 1100 @0,10"]);
  });
});
