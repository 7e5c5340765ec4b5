import type { DetectionItem, NamedSearch, Search, SearchFields, SearchKeywords } from "../model.js";
import { applyModifiers } from "../values/apply.js";
import type { Scalar } from "../values/types.js";
import type { YamlPath } from "../yaml/nodes.js";
import type { Reporter } from "./reporter.js";

type YamlMap = Readonly<Record<string, unknown>>;

const isMap = (v: unknown): v is YamlMap => typeof v === "object" && v !== null && !Array.isArray(v);

function item(key: string, value: unknown, path: YamlPath, r: Reporter): DetectionItem {
  const [name = "", ...modifiers] = key.split("|");
  const field = name === "" ? null : name;
  const raw = (Array.isArray(value) ? value : [value]) as Scalar[];
  // An empty list means null, as in pySigma.
  const applied = applyModifiers(field, modifiers, raw.length ? raw : [null]);
  for (const p of applied.problems) {
    const at = p.valueIndex !== undefined && Array.isArray(value) ? [...path, p.valueIndex] : path;
    r.add(p.code, p.severity, p.message, at, { onKey: p.onKey });
  }
  return { type: "DetectionItem", field, modifiers, raw, linking: applied.linking, negated: applied.negated, values: applied.values };
}

function fields(map: YamlMap, path: YamlPath, r: Reporter): SearchFields {
  return { type: "SearchFields", items: Object.entries(map).map(([key, value]) => item(key, value, [...path, key], r)) };
}

function keywords(values: readonly unknown[], path: YamlPath, r: Reporter): SearchKeywords {
  return { type: "SearchKeywords", item: item("", values, path, r) };
}

/** A search identifier's definition: a map (AND), a list of plain values (keywords) or a list with maps (OR). */
export function buildSearch(value: unknown, path: YamlPath, r: Reporter): Search {
  if (isMap(value)) return fields(value, path, r);
  const list = value as readonly unknown[];
  if (!list.some(isMap)) return keywords(list, path, r);
  return {
    type: "SearchAnyOf",
    options: list.map((entry, i) => (isMap(entry) ? fields(entry, [...path, i], r) : keywords([entry], [...path, i], r))),
  };
}

/** Every search identifier of a detection (or filter) section: all keys but the reserved ones. */
export function buildSearches(section: YamlMap, path: YamlPath, reserved: ReadonlySet<string>, r: Reporter): NamedSearch[] {
  return Object.entries(section)
    .filter(([name]) => !reserved.has(name))
    .map(([name, value]) => ({ name, search: buildSearch(value, [...path, name], r) }));
}
