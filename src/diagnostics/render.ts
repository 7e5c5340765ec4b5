import type { Diagnostic } from "./diagnostic.js";

/** Renders a diagnostic as a code frame: `file:line:col`, the source line and a caret. */
export function renderDiagnostic(d: Diagnostic, source?: string): string {
  const where = location(d);
  const head = `${d.severity} ${d.code}: ${d.message}`;
  const lines = [where ? `${where}: ${head}` : head];
  if (source !== undefined && d.span) lines.push(...codeFrame(source, d));
  for (const hint of d.hints ?? []) lines.push(`  = ${hint}`);
  return lines.join("\n");
}

function location(d: Diagnostic): string {
  const parts: string[] = [];
  if (d.file) parts.push(d.file);
  if (d.span) parts.push(`${d.span.start.line}:${d.span.start.column}`);
  const place = parts.join(":");
  return d.path ? `${place}${place ? " " : ""}(${d.path})` : place;
}

const MAX_FRAME_WIDTH = 160;

function codeFrame(source: string, d: Diagnostic): string[] {
  const span = d.span;
  if (!span) return [];
  const text = source.split("\n")[span.start.line - 1] ?? "";
  const col = span.start.column - 1;
  const sameLine = span.end.line === span.start.line;
  const width = Math.max(1, sameLine ? span.end.column - span.start.column : text.length - col);
  const from = Math.max(0, col - MAX_FRAME_WIDTH / 2);
  const shown = printable(text.slice(from, from + MAX_FRAME_WIDTH));
  const gutter = String(span.start.line).length;
  const pad = " ".repeat(gutter);
  const caretWidth = Math.min(width, Math.max(1, shown.length - (col - from)));
  return [
    `${pad} |`,
    `${span.start.line} | ${shown}`,
    `${pad} | ${" ".repeat(col - from)}${"^".repeat(caretWidth)}`,
  ];
}

/** Control characters would garble a terminal; show them as `·`. */
function printable(s: string): string {
  return s.replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, "·").replace(/\t/g, " ");
}
