import { mkdtempSync, writeFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import type { Diagnostic } from "../../src/diagnostics/diagnostic.js";
import { readEvents, readStream, readText, type EventRecord } from "../../src/eval/events/index.js";

function collect(): { events: EventRecord[]; diagnostics: Diagnostic[]; sink: { event(r: EventRecord): void; diagnostic(d: Diagnostic): void } } {
  const events: EventRecord[] = [];
  const diagnostics: Diagnostic[] = [];
  return { events, diagnostics, sink: { event: (r) => events.push(r), diagnostic: (d) => diagnostics.push(d) } };
}

const PRETTY = '{\n  "a": 1,\n  "s": "}{\\"["\n}\n{\n  "a": 2\n}\n';

describe("event layouts", () => {
  it("reads NDJSON line by line, with line numbers", () => {
    const c = collect();
    const stats = readText("f.ndjson", '{"a":1}\n\n{"a":2}\r\n{"a":3}', c.sink);
    expect(stats).toEqual({ events: 3, malformed: 0 });
    expect(c.events.map((e) => [e.value, e.line])).toEqual([[{ a: 1 }, 1], [{ a: 2 }, 3], [{ a: 3 }, 4]]);
    expect(c.events[1]!.text).toBe('{"a":2}');
  });

  it("reads a JSON array", () => {
    const c = collect();
    readText("f.json", '[\n {"a":1},\n {"a":[2,{"b":"]"}]}\n]\n', c.sink);
    expect(c.events.map((e) => e.value)).toEqual([{ a: 1 }, { a: [2, { b: "]" }] }]);
    expect(c.events.map((e) => e.line)).toEqual([2, 3]);
  });

  it("reads pretty-printed objects one after another, braces in strings notwithstanding", () => {
    const c = collect();
    readText("f.json", PRETTY, c.sink);
    expect(c.events.map((e) => [e.value, e.line])).toEqual([[{ a: 1, s: '}{"[' }, 1], [{ a: 2 }, 5]]);
  });

  it("reports a malformed NDJSON line with file and line, counts it and goes on", () => {
    const c = collect();
    const stats = readText("bad.ndjson", '{"a":1}\n{"a":\n{"a":3}\n[1]\n', c.sink);
    expect(stats).toEqual({ events: 2, malformed: 2 });
    expect(c.diagnostics.map((d) => [d.file, d.span?.start.line])).toEqual([["bad.ndjson", 2], ["bad.ndjson", 4]]);
    expect(c.diagnostics[0]!.message).toMatch(/^record skipped: not valid JSON/);
  });

  it("reports a malformed pretty object and an unterminated one", () => {
    const c = collect();
    const stats = readText("bad.json", '{\n "a": tru\n}\n{"b": 2}\n{\n "c": 3\n', c.sink);
    expect(stats).toEqual({ events: 1, malformed: 2 });
    expect(c.diagnostics.map((d) => d.span?.start.line)).toEqual([1, 5]);
  });

  it("splits objects across arbitrary chunk boundaries", async () => {
    for (const text of [PRETTY, '{"a":1}\n{"a":2}\n']) {
      for (let size = 1; size < 8; size++) {
        const chunks: string[] = [];
        for (let i = 0; i < text.length; i += size) chunks.push(text.slice(i, i + size));
        const c = collect();
        await readStream("chunks", Readable.from(chunks.map((s) => Buffer.from(s))), c.sink);
        expect(c.events.map((e) => (e.value as { a: number }).a)).toEqual([1, 2]);
      }
    }
  });
});

describe("event sources", () => {
  const dir = mkdtempSync(join(tmpdir(), "sigspl-events-"));
  mkdirSync(join(dir, "sub"));
  writeFileSync(join(dir, "a.ndjson"), '{"n":1}\n');
  writeFileSync(join(dir, "sub", "b.json.gz"), gzipSync(PRETTY));
  writeFileSync(join(dir, "notes.txt"), "ignored");

  it("reads a folder recursively, gzip by its magic bytes, and skips other files", async () => {
    const c = collect();
    const stats = await readEvents([dir], c.sink);
    expect(stats.events).toBe(3);
    expect(c.events.map((e) => e.file.slice(dir.length))).toEqual(["/a.ndjson", "/sub/b.json.gz", "/sub/b.json.gz"]);
  });

  it("reads standard input", async () => {
    const c = collect();
    await readEvents(["-"], c.sink, Readable.from([Buffer.from('{"x":1}\n')]));
    expect(c.events.map((e) => [e.file, e.value])).toEqual([["-", { x: 1 }]]);
  });

  it("reports a missing file as a diagnostic", async () => {
    const c = collect();
    const stats = await readEvents([join(dir, "nope.json")], c.sink);
    expect(stats.events).toBe(0);
    expect(c.diagnostics[0]!.code).toBe("EVT1002");
  });
});
