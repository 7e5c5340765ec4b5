/**
 * Where each YAML node sits in the source: a position tree built beside the loaded value, so a
 * diagnostic found on the data (by ajv or a semantic check) can point at the line and column.
 * Offsets are 0-based and `end` is exclusive.
 */
export type YamlNode = YamlMapping | YamlSequence | YamlScalar | YamlEmpty;

export interface YamlMapping {
  readonly type: "YamlMapping";
  readonly start: number;
  readonly end: number;
  /** In source order; a duplicated key appears twice (the loaded value keeps the last one). */
  readonly pairs: readonly YamlPair[];
}

export interface YamlPair {
  readonly key: string;
  readonly keyNode: YamlNode;
  readonly value: YamlNode;
}

export interface YamlSequence {
  readonly type: "YamlSequence";
  readonly start: number;
  readonly end: number;
  readonly items: readonly YamlNode[];
}

export interface YamlScalar {
  readonly type: "YamlScalar";
  readonly start: number;
  readonly end: number;
  readonly value: unknown;
  /** Written without quotes or block indicator, so its type came from implicit resolution. */
  readonly plain: boolean;
}

/** A missing value, as in `key:` followed by nothing. */
export interface YamlEmpty {
  readonly type: "YamlEmpty";
  readonly start: number;
  readonly end: number;
}

/** A path into a YAML document: mapping keys and sequence indexes. */
export type YamlPath = readonly (string | number)[];

/** `detection.selection.Image|endswith`, `tags[2]`: the form used in every message. */
export function formatPath(path: YamlPath): string {
  return path.reduce<string>((acc, seg) => (typeof seg === "number" ? `${acc}[${seg}]` : acc ? `${acc}.${seg}` : seg), "");
}

export interface Located {
  readonly node: YamlNode;
  /** The key of the innermost mapping pair on the path, when the path ends in a key. */
  readonly keyNode?: YamlNode;
}

/** The deepest node on `path` (stopping early when the path leaves the tree). */
export function locate(root: YamlNode, path: YamlPath): Located {
  let here: Located = { node: root };
  for (const seg of path) {
    const next = step(here.node, seg);
    if (!next) break;
    here = next;
  }
  return here;
}

function step(node: YamlNode, seg: string | number): Located | undefined {
  if (node.type === "YamlSequence" && typeof seg === "number") {
    const item = node.items[seg];
    return item && { node: item };
  }
  if (node.type !== "YamlMapping") return undefined;
  const pair = node.pairs.findLast((p) => p.key === String(seg));
  return pair && { node: pair.value, keyNode: pair.keyNode };
}
