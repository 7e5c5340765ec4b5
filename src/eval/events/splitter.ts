import type { EventRecord, EventSink } from "./types.js";

/**
 * Splits a stream of JSON text into records, chunk by chunk, whatever the layout: NDJSON (one object per
 * line), a JSON array of objects, or objects one after another (pretty-printed, as EVTX dumps are). A record
 * that does not parse is reported with its file and line and skipped; the stream goes on.
 *
 * The layout is decided on the first line: when it is a complete JSON object the file is read line by line
 * (the fast path: one `JSON.parse` per line, no scanning); otherwise a small brace-matching scanner finds
 * each top-level object, skipping the `[`, `,` and `]` of an array.
 */
export class RecordSplitter {
  private mode: "undecided" | "lines" | "scan" = "undecided";
  private pending = "";
  private line = 1;
  private events = 0;
  private malformed = 0;
  private readonly scanner: ObjectScanner;

  constructor(private readonly file: string, private readonly sink: EventSink) {
    this.scanner = new ObjectScanner((text, line) => this.record(text, line), (line, message) => this.fail(line, message));
  }

  push(chunk: string): void {
    if (this.mode === "scan") return this.scanner.push(chunk);
    this.pending += chunk;
    if (this.mode === "undecided") this.decide(false);
    if (this.mode === "lines") this.drainLines(false);
  }

  end(): { events: number; malformed: number } {
    if (this.mode === "undecided") this.decide(true);
    if (this.mode === "lines") this.drainLines(true);
    else this.scanner.end();
    return { events: this.events, malformed: this.malformed };
  }

  private decide(atEnd: boolean): void {
    if (this.pending.charCodeAt(0) === 0xfeff) this.pending = this.pending.slice(1);
    const nl = this.pending.indexOf("\n");
    if (nl < 0 && !atEnd) return;
    const first = (nl < 0 ? this.pending : this.pending.slice(0, nl)).trim();
    this.mode = first.startsWith("{") && first.endsWith("}") && parses(first) ? "lines" : "scan";
    if (this.mode === "scan") {
      const text = this.pending;
      this.pending = "";
      this.scanner.push(text);
    }
  }

  private drainLines(atEnd: boolean): void {
    const text = this.pending;
    let start = 0;
    for (let nl = text.indexOf("\n"); nl >= 0; nl = text.indexOf("\n", start)) {
      this.lineRecord(text.slice(start, nl));
      start = nl + 1;
    }
    this.pending = text.slice(start);
    if (atEnd && this.pending !== "") {
      this.lineRecord(this.pending);
      this.pending = "";
    }
  }

  private lineRecord(raw: string): void {
    const line = this.line++;
    const text = raw.endsWith("\r") ? raw.slice(0, -1) : raw;
    if (text.trim() === "") return;
    this.record(text, line);
  }

  private record(text: string, line: number): void {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (e) {
      return this.fail(line, `not valid JSON: ${(e as Error).message}`);
    }
    if (value === null || typeof value !== "object" || Array.isArray(value)) return this.fail(line, "not a JSON object");
    this.events++;
    const record: EventRecord = { value, text, file: this.file, line };
    this.sink.event(record);
  }

  private fail(line: number, message: string): void {
    this.malformed++;
    this.sink.diagnostic({ code: "EVT1001", severity: "warning", message: `record skipped: ${message}`, file: this.file, span: { start: { offset: 0, line, column: 1 }, end: { offset: 0, line, column: 1 } } });
  }
}

function parses(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/** Finds top-level `{…}` objects in a character stream, tracking strings so braces inside them don't count. */
class ObjectScanner {
  private depth = 0;
  private inString = false;
  private escaped = false;
  private parts: string[] = [];
  private startLine = 0;
  private line = 1;
  private junkLine = 0;

  constructor(
    private readonly emit: (text: string, line: number) => void,
    private readonly fail: (line: number, message: string) => void,
  ) {}

  push(chunk: string): void {
    let start = this.depth > 0 ? 0 : -1;
    for (let i = 0; i < chunk.length; i++) {
      const c = chunk.charCodeAt(i);
      if (c === 10) this.line++;
      if (this.depth === 0) {
        if (c === 123 /* { */) {
          this.depth = 1;
          start = i;
          this.startLine = this.line;
          this.junkLine = 0;
        } else if (!isSeparator(c) && this.junkLine !== this.line) {
          // Text between objects: report once per line, then look for the next object.
          this.junkLine = this.line;
          this.fail(this.line, "text outside any JSON object");
        }
        continue;
      }
      if (this.inString) {
        if (this.escaped) this.escaped = false;
        else if (c === 92 /* \ */) this.escaped = true;
        else if (c === 34 /* " */) this.inString = false;
      } else if (c === 34) this.inString = true;
      else if (c === 123) this.depth++;
      else if (c === 125 /* } */ && --this.depth === 0) {
        this.parts.push(chunk.slice(start, i + 1));
        const text = this.parts.join("");
        this.parts = [];
        start = -1;
        this.emit(text, this.startLine);
      }
    }
    if (this.depth > 0 && start >= 0) this.parts.push(chunk.slice(start));
  }

  end(): void {
    if (this.depth > 0) this.fail(this.startLine, "the file ends inside this JSON object");
  }
}

/** Whitespace and the punctuation of a top-level array. */
function isSeparator(c: number): boolean {
  return c === 32 || c === 10 || c === 13 || c === 9 || c === 44 /* , */ || c === 91 /* [ */ || c === 93 /* ] */ || c === 0xfeff;
}
