import { createReadStream, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { Readable } from "node:stream";
import { StringDecoder } from "node:string_decoder";
import { createGunzip } from "node:zlib";
import { RecordSplitter } from "./splitter.js";
import type { EventSink, ReadStats } from "./types.js";

/** What a folder contributes: JSON, NDJSON and their gzip forms. Single files are read whatever their name. */
const EVENT_FILE = /\.(json|ndjson|jsonl)(\.gz)?$/i;

/**
 * Reads events from files, folders (recursively, sorted) and `-` (standard input), as a stream: each record
 * goes to the sink as soon as it is read. Gzip is recognised by its magic bytes, not its name.
 */
export async function readEvents(paths: readonly string[], sink: EventSink, stdin: Readable = process.stdin): Promise<ReadStats> {
  let events = 0;
  let malformed = 0;
  for (const file of eventFiles(paths, sink)) {
    const source = file === "-" ? stdin : createReadStream(file, { highWaterMark: 1 << 20 });
    const stats = await readStream(file, source, sink);
    events += stats.events;
    malformed += stats.malformed;
  }
  return { events, malformed };
}

/** Reads one stream of JSON text (possibly gzip). */
export async function readStream(file: string, source: AsyncIterable<Buffer | string>, sink: EventSink): Promise<ReadStats> {
  const splitter = new RecordSplitter(file, sink);
  try {
    for await (const text of textChunks(source)) splitter.push(text);
  } catch (e) {
    sink.diagnostic({ code: "EVT1002", severity: "error", message: `cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, file });
  }
  return splitter.end();
}

/** Splits in-memory text (for tests and small inputs); same layouts as files. */
export function readText(file: string, text: string, sink: EventSink): ReadStats {
  const splitter = new RecordSplitter(file, sink);
  splitter.push(text);
  return splitter.end();
}

async function* textChunks(source: AsyncIterable<Buffer | string>): AsyncGenerator<string> {
  const it = source[Symbol.asyncIterator]();
  const first = await it.next();
  if (first.done) return;
  const head = typeof first.value === "string" ? Buffer.from(first.value) : first.value;
  const rest = (async function* () {
    yield head;
    for (let n = await it.next(); !n.done; n = await it.next()) yield typeof n.value === "string" ? Buffer.from(n.value) : n.value;
  })();
  const bytes: AsyncIterable<Buffer> = head[0] === 0x1f && head[1] === 0x8b ? Readable.from(rest).pipe(createGunzip()) : rest;
  const decoder = new StringDecoder("utf8");
  for await (const b of bytes) yield decoder.write(b);
  const tail = decoder.end();
  if (tail) yield tail;
}

function eventFiles(paths: readonly string[], sink: EventSink): string[] {
  return paths.flatMap((path) => {
    if (path === "-") return ["-"];
    try {
      return statSync(path).isDirectory() ? walk(path) : [path];
    } catch (e) {
      sink.diagnostic({ code: "EVT1002", severity: "error", message: `cannot read ${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, file: path });
      return [];
    }
  });
}

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : EVENT_FILE.test(e.name) ? [join(dir, e.name)] : []));
}
