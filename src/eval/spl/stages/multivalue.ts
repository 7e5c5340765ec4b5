import type { FieldListCommand } from "../../../spl/ast.js";
import { SplEvalError } from "../errors.js";
import { scalarText, valuesOf, type Row, type Scalar } from "../row.js";
import { isRec } from "../../views/sigma.js";
import { boolOption, intOption, option, streaming, type StageFactory } from "./types.js";

function oneField(cmd: FieldListCommand): string {
  const f = cmd.fields[0]?.name;
  if (!f || cmd.fields.length > 1) throw new SplEvalError(`${cmd.name} takes one field`, cmd.name);
  return f;
}

/** `mvexpand f [limit=N]`: one row per value of f; rows without f pass unchanged. */
export function mvexpandStage(cmd: FieldListCommand): StageFactory {
  const field = oneField(cmd);
  const limit = intOption(cmd.options, "limit", 0);
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

/** `makemv [delim=" "|tokenizer=re] [allowempty=f] f`: splits a text value into a multivalue. */
export function makemvStage(cmd: FieldListCommand): StageFactory {
  const field = oneField(cmd);
  if (option(cmd.options, "tokenizer") !== null) throw new SplEvalError("makemv tokenizer= is not supported by the evaluator", "makemv");
  const delim = option(cmd.options, "delim") ?? " ";
  const allowEmpty = boolOption(cmd.options, "allowempty", false);
  return streaming((row, emit) => {
    const v = row.get(field);
    if (v === undefined || Array.isArray(v)) return emit(row);
    const parts = scalarText(v as Scalar).split(delim).filter((p) => allowEmpty || p !== "");
    const out = new Map(row);
    if (parts.length === 0) out.delete(field);
    else out.set(field, parts.length === 1 ? parts[0]! : parts);
    emit(out);
  });
}

/**
 * `spath [input=_raw] [output=o] [path=a.b{}.c]`: JSON text → fields. Without a path every leaf becomes a
 * field named by its path, arrays written `{}` (`a{}.b`), as Splunk names them.
 */
export function spathStage(cmd: FieldListCommand): StageFactory {
  const input = option(cmd.options, "input") ?? "_raw";
  const path = option(cmd.options, "path") ?? cmd.fields[0]?.name ?? null;
  const output = option(cmd.options, "output") ?? path;
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
