import type { Diagnostic } from "../../diagnostics/diagnostic.js";

/**
 * One JSON event as read: the parsed value, and the record's text as it stood in the file (the SPL view's
 * `_raw`; null for events built in memory, whose `_raw` is then their `JSON.stringify`).
 */
export interface EventRecord {
  readonly value: unknown;
  readonly text: string | null;
  /** Where the record starts: file (`-` for standard input) and 1-based line. */
  readonly file: string;
  readonly line: number;
}

/** Receives records and problems as they are read, so nothing needs to be held in memory. */
export interface EventSink {
  event(record: EventRecord): void;
  diagnostic(d: Diagnostic): void;
}

export interface ReadStats {
  readonly events: number;
  /** Records that could not be parsed and were skipped (each also reported as a diagnostic). */
  readonly malformed: number;
}

/** Wraps in-memory values as records (for tests and the benchmark). */
export function inMemoryEvents(values: readonly unknown[], file = "<memory>"): EventRecord[] {
  return values.map((value, i) => ({ value, text: null, file, line: i + 1 }));
}
