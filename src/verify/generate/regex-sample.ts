import { compileRegex, type RegexFlag } from "../../eval/regex.js";

/**
 * Strings on the boundary of a regular expression, for generated events: a few that it matches (the shortest
 * repetition and one more, each branch of each alternation) and near misses (a character dropped at either
 * end). Read from a PCRE subset — what Sigma and Splunk rules use; a construct outside it (a backreference …)
 * gives no samples rather than wrong ones. Every "matching" sample is checked with the evaluator's engine.
 */
export interface RegexSamples {
  readonly anchoredStart: boolean;
  readonly anchoredEnd: boolean;
  readonly matching: readonly string[];
  readonly near: readonly string[];
}

type Node =
  | { readonly kind: "text"; readonly text: string }
  | { readonly kind: "choice"; readonly branches: readonly Node[][] }
  | { readonly kind: "repeat"; readonly node: Node; readonly min: number };

/** Thrown inside the reader for a construct it cannot sample; caught at the top. */
class Unsampleable extends Error {}

/** One character for each class escape, chosen to be unremarkable in any field. */
const CLASS_ESCAPES: Readonly<Record<string, string>> = { d: "1", D: "a", w: "a", W: " ", s: " ", S: "a", h: " ", H: "a", v: "\n", V: "a", R: "\n" };
const ZERO_WIDTH_ESCAPES = new Set(["b", "B", "A", "z", "Z", "G", "K"]);
const CONTROL_ESCAPES: Readonly<Record<string, string>> = { n: "\n", t: "\t", r: "\r", f: "\f", e: "\x1b", a: "\x07", "0": "\0" };

class Reader {
  private pos = 0;
  constructor(private readonly src: string) {}

  parse(): Node[] {
    const seq = this.alternation();
    if (this.pos < this.src.length) throw new Unsampleable("unbalanced parenthesis");
    return seq;
  }

  private peek(): string | undefined {
    return this.src[this.pos];
  }

  private alternation(): Node[] {
    const branches: Node[][] = [this.sequence()];
    while (this.peek() === "|") {
      this.pos++;
      branches.push(this.sequence());
    }
    return branches.length === 1 ? branches[0]! : [{ kind: "choice", branches }];
  }

  private sequence(): Node[] {
    const nodes: Node[] = [];
    for (let c = this.peek(); c !== undefined && c !== "|" && c !== ")"; c = this.peek()) {
      const atom = this.atom();
      nodes.push(this.quantified(atom));
    }
    return nodes;
  }

  private quantified(atom: Node): Node {
    const c = this.peek();
    let min: number | null = null;
    if (c === "*" || c === "?") min = 0;
    else if (c === "+") min = 1;
    else if (c === "{") {
      const m = /^\{(\d+)(?:,(\d*))?\}/.exec(this.src.slice(this.pos));
      if (m) {
        this.pos += m[0].length - 1;
        min = Number(m[1]);
      }
    }
    if (min === null) return atom;
    this.pos++;
    if (this.peek() === "?" || this.peek() === "+") this.pos++;
    return { kind: "repeat", node: atom, min };
  }

  private atom(): Node {
    const c = this.src[this.pos++]!;
    switch (c) {
      case "(":
        return this.group();
      case "[":
        return { kind: "text", text: this.charClass() };
      case "\\":
        return this.escape();
      case ".":
        return { kind: "text", text: "a" };
      case "^":
      case "$":
        return { kind: "text", text: "" };
      default:
        return { kind: "text", text: c };
    }
  }

  private group(): Node {
    const rest = this.src.slice(this.pos);
    const head = /^\?(?:[imsxU-]*\)|[imsxU-]*:|:|<(?![=!])\w+>|P<\w+>|'\w+'|[=!]|<[=!])?/.exec(rest)?.[0] ?? "";
    if (head.endsWith(")")) {
      // An inline flag group `(?i)`: the engine honours it; the sample needs nothing.
      this.pos += head.length;
      return { kind: "text", text: "" };
    }
    if (head === "?") throw new Unsampleable(`group (${rest.slice(0, 3)}`);
    this.pos += head.length;
    const body = this.alternation();
    if (this.src[this.pos++] !== ")") throw new Unsampleable("unbalanced parenthesis");
    // Lookarounds consume nothing: their sample would only get in the way.
    if (/^\?<?[=!]$/.test(head)) return { kind: "text", text: "" };
    return body.length === 1 ? body[0]! : { kind: "choice", branches: [body] };
  }

  private escape(): Node {
    const c = this.src[this.pos++];
    if (c === undefined) throw new Unsampleable("trailing backslash");
    if (CLASS_ESCAPES[c] !== undefined) return { kind: "text", text: CLASS_ESCAPES[c] };
    if (ZERO_WIDTH_ESCAPES.has(c)) return { kind: "text", text: "" };
    if (CONTROL_ESCAPES[c] !== undefined) return { kind: "text", text: CONTROL_ESCAPES[c] };
    if (/[1-9kgpPQE]/.test(c)) throw new Unsampleable(`escape \\${c}`);
    if (c === "x") return { kind: "text", text: this.hex() };
    return { kind: "text", text: c };
  }

  private hex(): string {
    const m = /^(?:\{([0-9a-fA-F]+)\}|([0-9a-fA-F]{2}))/.exec(this.src.slice(this.pos));
    if (!m) throw new Unsampleable("bad \\x escape");
    this.pos += m[0].length;
    return String.fromCodePoint(parseInt(m[1] ?? m[2]!, 16));
  }

  /** A character class: its first member, or for a negated class the first ordinary character outside it. */
  private charClass(): string {
    const negated = this.peek() === "^";
    if (negated) this.pos++;
    const members: string[] = [];
    let first = true;
    for (;;) {
      const c = this.src[this.pos++];
      if (c === undefined) throw new Unsampleable("unterminated class");
      if (c === "]" && !first) break;
      first = false;
      if (c === "[" && this.peek() === ":") throw new Unsampleable("POSIX class");
      let member = c;
      if (c === "\\") {
        const e = this.src[this.pos++] ?? "";
        member = CLASS_ESCAPES[e] ?? CONTROL_ESCAPES[e] ?? e;
        if (CLASS_ESCAPES[e] !== undefined && negated) throw new Unsampleable("negated class escape");
      }
      if (this.peek() === "-" && this.src[this.pos + 1] !== "]" && this.src[this.pos + 1] !== undefined) {
        this.pos++;
        const hi = this.src[this.pos++] === "\\" ? this.src[this.pos++]! : this.src[this.pos - 1]!;
        for (let code = member.codePointAt(0)!; code <= hi.codePointAt(0)! && members.length < 512; code++) members.push(String.fromCodePoint(code));
      } else members.push(member);
    }
    if (!negated) return members[0]!;
    const outside = ["a", "x", "1", "_", " ", "Q", "-", "."].find((ch) => !members.includes(ch) && !members.includes(ch.toLowerCase()) && !members.includes(ch.toUpperCase()));
    if (outside === undefined) throw new Unsampleable("negated class with no ordinary character outside");
    return outside;
  }
}

/** The text of a sequence: each alternation takes branch `branch` (or its last), each repetition `min + extra` times. */
function render(nodes: readonly Node[], branch: number, extra: number): string {
  return nodes.map((n) => renderNode(n, branch, extra)).join("");
}

function renderNode(n: Node, branch: number, extra: number): string {
  switch (n.kind) {
    case "text":
      return n.text;
    case "choice":
      return render(n.branches[Math.min(branch, n.branches.length - 1)]!, branch, extra);
    case "repeat":
      return renderNode(n.node, branch, extra).repeat(n.min + extra);
  }
}

function widestChoice(nodes: readonly Node[]): number {
  return Math.max(1, ...nodes.map((n) => (n.kind === "choice" ? Math.max(n.branches.length, ...n.branches.map(widestChoice)) : n.kind === "repeat" ? widestChoice([n.node]) : 1)));
}

const MAX_BRANCHES = 6;

export function regexSamples(pattern: string, flags: readonly RegexFlag[]): RegexSamples {
  const none: RegexSamples = { anchoredStart: false, anchoredEnd: false, matching: [], near: [] };
  const compiled = compileRegex(pattern, flags);
  if (!compiled.ok) return none;
  let nodes: Node[];
  try {
    nodes = new Reader(pattern).parse();
  } catch (e) {
    if (e instanceof Unsampleable) return none;
    throw e;
  }
  const candidates = new Set<string>();
  const branches = Math.min(widestChoice(nodes), MAX_BRANCHES);
  for (let b = 0; b < branches; b++) for (const extra of [0, 1]) candidates.add(render(nodes, b, extra));
  const matching = [...candidates].filter((s) => compiled.regex.test(s));
  const near = [...new Set(matching.flatMap((s) => [s.slice(1), s.slice(0, -1)]))].filter((s) => !compiled.regex.test(s));
  return { anchoredStart: /^(?:\(\?[imsx]+\))?(?:\^|\\A)/.test(pattern), anchoredEnd: /(?<!\\)(?:\$|\\[zZ])$/.test(pattern), matching, near };
}
