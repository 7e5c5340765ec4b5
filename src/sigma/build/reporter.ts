import { type Diagnostic, type Severity, spanAt } from "../../diagnostics/diagnostic.js";
import { formatPath, locate, type YamlPath } from "../yaml/nodes.js";
import { type SourceMap, spanOf } from "../yaml/locate-span.js";

export interface ReportOptions {
  /** Point at the key rather than the value. */
  readonly onKey?: boolean;
  /** Absolute offsets to point at instead of the node (e.g. inside a condition string). */
  readonly range?: readonly [number, number];
  readonly hints?: readonly string[];
}

/** Collects the diagnostics of one document, placing each at its YAML path. */
export class Reporter {
  readonly diagnostics: Diagnostic[] = [];

  constructor(readonly map: SourceMap) {}

  add(code: string, severity: Severity, message: string, path: YamlPath, options: ReportOptions = {}): void {
    const { range, onKey, hints } = options;
    const span = range ? spanAt(this.map.text, range[0], Math.max(range[1], range[0] + 1)) : spanOf(this.map, path, onKey);
    this.diagnostics.push({ code, severity, message, span, path: formatPath(path), ...(hints?.length ? { hints } : {}) });
  }

  /** Where the string at `path` starts in the file, when the file holds it verbatim (plain or quoted on one line). */
  textOffset(path: YamlPath, text: string): number | null {
    const { node } = locate(this.map.root, path);
    const raw = this.map.text.slice(node.start, node.end);
    if (raw.startsWith(text)) return node.start;
    const quoted = raw[0] === "'" || raw[0] === '"';
    return quoted && raw.slice(1).startsWith(text) && !/['"\\]/.test(text) ? node.start + 1 : null;
  }
}
