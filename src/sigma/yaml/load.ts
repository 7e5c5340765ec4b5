import yaml from "js-yaml";
import { type Diagnostic, spanAt } from "../../diagnostics/diagnostic.js";
import { SIGMA_YAML_SCHEMA, typingDiffers, yaml12Value } from "./scalars.js";
import { formatPath, type YamlMapping, type YamlNode, type YamlPath } from "./nodes.js";

export interface YamlDocument {
  readonly value: unknown;
  readonly root: YamlNode;
}

export interface YamlLoad {
  readonly documents: readonly YamlDocument[];
  readonly diagnostics: readonly Diagnostic[];
}

interface Frame {
  readonly start: number;
  readonly children: YamlNode[];
}

const QUOTE_OR_BLOCK = new Set(["'", '"', "|", ">"]);

/** js-yaml opens a node before skipping the separating blanks and comments: skip them here. */
function contentStart(input: string, from: number): number {
  let i = from;
  while (i < input.length) {
    const c = input[i];
    if (c === " " || c === "\t" || c === "\n" || c === "\r") i++;
    else if (c === "#") while (i < input.length && input[i] !== "\n") i++;
    else break;
  }
  return i;
}

function pairUp(children: readonly YamlNode[]): YamlMapping["pairs"] {
  if (children.length % 2 !== 0) return []; // a flow-mapping key without value: positions degrade to the parent
  const pairs = [];
  for (let i = 0; i < children.length; i += 2) {
    const keyNode = children[i]!;
    pairs.push({ key: String(keyNode.type === "YamlScalar" ? keyNode.value : ""), keyNode, value: children[i + 1]! });
  }
  return pairs;
}

/** Builds position trees from js-yaml's open/close events: one tree per document. */
class PositionRecorder {
  readonly roots: YamlNode[] = [];
  readonly ambiguous: YamlNode[] = [];
  private readonly stack: Frame[] = [];

  constructor(private readonly input: string) {}

  readonly listener = (event: yaml.EventType, state: yaml.State): void => {
    if (event === "open") {
      this.stack.push({ start: contentStart(this.input, state.position), children: [] });
      return;
    }
    const frame = this.stack.pop()!;
    const node = this.node(frame, state);
    (this.stack.at(-1)?.children ?? this.roots).push(node);
  };

  private node(frame: Frame, state: yaml.State): YamlNode {
    const end = Math.max(frame.start, state.position);
    switch (state.kind) {
      case "mapping":
        return { type: "YamlMapping", start: frame.start, end, pairs: pairUp(frame.children) };
      case "sequence":
        return { type: "YamlSequence", start: frame.start, end, items: frame.children };
      case "scalar":
        return this.scalar(frame.start, end, state.result);
      default:
        return { type: "YamlEmpty", start: state.position, end: state.position };
    }
  }

  private scalar(start: number, end: number, value: unknown): YamlNode {
    const plain = !QUOTE_OR_BLOCK.has(this.input[start] ?? "");
    const node: YamlNode = { type: "YamlScalar", start, end, value, plain };
    // js-yaml composes some plain scalars twice (a failed mapping attempt, then the scalar): report once.
    const repeated = this.ambiguous.at(-1)?.start === start;
    if (plain && !repeated && typingDiffers(this.input.slice(start, end).trim(), value)) this.ambiguous.push(node);
    return node;
  }
}

/**
 * Loads every YAML document of `text` (multi-document files hold a correlation and its rules),
 * with a position tree per document. Never throws: YAML errors become diagnostics.
 */
export function loadYaml(text: string): YamlLoad {
  const recorder = new PositionRecorder(text);
  let values: unknown[];
  try {
    // `json: true` keeps the last of duplicated keys instead of stopping; duplicates are reported below.
    values = yaml.loadAll(text, null, { schema: SIGMA_YAML_SCHEMA, json: true, listener: recorder.listener });
  } catch (e) {
    return { documents: [], diagnostics: [syntaxError(text, e)] };
  }
  const documents = values.map((value, i) => ({ value, root: recorder.roots[i] ?? emptyNode() }));
  const ambiguous = new Set(recorder.ambiguous.map((n) => n.start));
  const diagnostics = documents.flatMap((d) => nodeDiagnostics(text, d.root, [], ambiguous));
  return { documents, diagnostics };
}

function emptyNode(): YamlNode {
  return { type: "YamlEmpty", start: 0, end: 0 };
}

function syntaxError(text: string, e: unknown): Diagnostic {
  const err = e as yaml.YAMLException;
  const offset = err.mark?.position ?? 0;
  return {
    code: "SIG1001",
    severity: "error",
    message: `YAML syntax error: ${err.reason ?? String(e)}`,
    span: spanAt(text, offset, Math.min(text.length, offset + 1)),
  };
}

/** Duplicate keys and ambiguously typed scalars, each with its YAML path. */
function nodeDiagnostics(text: string, node: YamlNode, path: YamlPath, ambiguous: ReadonlySet<number>): Diagnostic[] {
  if (node.type === "YamlScalar" && ambiguous.has(node.start)) return [ambiguousScalar(text, node, path)];
  if (node.type === "YamlSequence") return node.items.flatMap((item, i) => nodeDiagnostics(text, item, [...path, i], ambiguous));
  if (node.type !== "YamlMapping") return [];
  const seen = new Set<string>();
  const found: Diagnostic[] = [];
  for (const pair of node.pairs) {
    if (seen.has(pair.key)) {
      found.push({
        code: "SIG1002",
        severity: "error",
        message: `duplicate key '${pair.key}': YAML keys must be unique (pySigma rejects the rule; here the last one would win)`,
        span: spanAt(text, pair.keyNode.start, pair.keyNode.end),
        path: formatPath([...path, pair.key]),
      });
    }
    seen.add(pair.key);
    if (ambiguous.has(pair.keyNode.start)) found.push(ambiguousScalar(text, pair.keyNode, [...path, pair.key]));
    found.push(...nodeDiagnostics(text, pair.value, [...path, pair.key], ambiguous));
  }
  return found;
}

function ambiguousScalar(text: string, node: YamlNode, path: YamlPath): Diagnostic {
  const raw = text.slice(node.start, node.end).trim();
  const value = node.type === "YamlScalar" ? node.value : undefined;
  return {
    code: "SIG1003",
    severity: "warning",
    message: `plain scalar ${raw} reads as ${describeValue(value)} in YAML 1.1 (pySigma) but as ${describeValue(yaml12Value(raw))} in YAML 1.2: quote it`,
    span: spanAt(text, node.start, node.start + raw.length),
    path: formatPath(path),
  };
}

function describeValue(value: unknown): string {
  return typeof value === "string" ? `the string '${value}'` : `the ${typeof value} ${String(value)}`;
}
