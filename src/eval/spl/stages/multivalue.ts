import type { FieldListCommand } from "../../../spl/ast.js";
import { SplEvalError } from "../errors.js";
import { scalarText, valuesOf, type Row, type Scalar } from "../row.js";
import { isRec } from "../../views/sigma.js";
import { compileRegex } from "../../regex.js";
import { readOptions, streaming, type StageFactory } from "./types.js";

function oneField(cmd: FieldListCommand): string {
  const f = cmd.fields[0]?.name;
  if (!f || cmd.fields.length > 1) throw new SplEvalError(`${cmd.name} takes one field`, cmd.name);
  return f;
}

/** `mvexpand f [limit=N]`: one row per value of f; rows without f pass unchanged. */
export function mvexpandStage(cmd: FieldListCommand): StageFactory {
  const field = oneField(cmd);
  const limit = readOptions("mvexpand", cmd.options, ["limit"]).int("limit", 0);
  return streaming((row, emit) => {
    const vs = valuesOf(row.get(field));
    if (vs.length <= 1) return emit(row);
    for (const v of limit > 0 ? vs.slice(0, limit) : vs) {
      const out = new Map(row);
      out.set(field, v);
      emit(out);
    }
  });
}

/**
 * `makemv [delim=" "|tokenizer=re] [allowempty=f] f`: splits a text value into a multivalue — at each
 * delimiter, or into the tokenizer's matches (a match's first group when it has one). `setsv=t` (keep a
 * single-value copy beside the multivalue) has no counterpart in our rows and is refused.
 */
export function makemvStage(cmd: FieldListCommand): StageFactory {
  const field = oneField(cmd);
  const opts = readOptions("makemv", cmd.options, ["delim", "tokenizer", "allowempty", "setsv"]);
  if (opts.bool("setsv", false)) throw new SplEvalError("makemv setsv=true is not supported by the evaluator", "makemv");
  const split = splitter(opts.text("delim"), opts.text("tokenizer"), opts.bool("allowempty", false));
  return streaming((row, emit) => {
    const v = row.get(field);
    if (v === undefined || Array.isArray(v)) return emit(row);
    const parts = split(scalarText(v as Scalar));
    const out = new Map(row);
    if (parts.length === 0) out.delete(field);
    else out.set(field, parts.length === 1 ? parts[0]! : parts);
    emit(out);
  });
}

function splitter(delim: string | null, tokenizer: string | null, allowEmpty: boolean): (text: string) => string[] {
  if (delim !== null && tokenizer !== null) throw new SplEvalError("makemv takes delim= or tokenizer=, not both", "makemv");
  if (tokenizer === null) return (text) => text.split(delim ?? " ").filter((p) => allowEmpty || p !== "");
  const re = compileRegex(tokenizer);
  if (!re.ok) throw new SplEvalError(`makemv tokenizer: ${re.message}`, "makemv");
  const { regex } = re;
  return (text) => regex.matches(text).map((m) => (m.numbered.length > 1 ? m.numbered[1] : m.numbered[0]) ?? "").filter((p) => allowEmpty || p !== "");
}

/**
 * `spath [input=_raw] [output=o] [path=a.b{}.c]`: JSON text → fields. Without a path every leaf becomes a
 * field named by its path, arrays written `{}` (`a{}.b`), as Splunk names them.
 */
export function spathStage(cmd: FieldListCommand): StageFactory {
  const opts = readOptions("spath", cmd.options, ["input", "output", "path"]);
  const input = opts.text("input") ?? "_raw";
  const path = opts.text("path") ?? cmd.fields[0]?.name ?? null;
  const output = opts.text("output") ?? path;
  return streaming((row, emit) => {
    const text = valuesOf(row.get(input)).map(scalarText)[0];
    let doc: unknown;
    try {
      doc = text === undefined ? undefined : JSON.parse(text);
    } catch {
      return emit(row);
    }
    const out = new Map(row);
    const leaves = new Map<string, Scalar[]>();
    collect(doc, "", leaves);
    if (path === null) {
      for (const [k, vs] of leaves) out.set(k, vs.length === 1 ? vs[0]! : vs);
    } else {
      const vs = leaves.get(path) ?? [];
      if (vs.length) out.set(output!, vs.length === 1 ? vs[0]! : vs);
    }
    emit(out);
  });
}

function collect(v: unknown, prefix: string, into: Map<string, Scalar[]>): void {
  if (Array.isArray(v)) return v.forEach((x) => collect(x, `${prefix}{}`, into));
  if (isRec(v)) {
    for (const [k, x] of Object.entries(v)) collect(x, prefix ? `${prefix}.${k}` : k, into);
    return;
  }
  if (v === null || v === undefined || prefix === "") return;
  const list = into.get(prefix) ?? [];
  list.push(typeof v === "number" ? v : String(v));
  into.set(prefix, list);
}

export type { Row };
