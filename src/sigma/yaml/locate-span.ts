import { type Span, spanAt } from "../../diagnostics/diagnostic.js";
import { locate, type YamlNode, type YamlPath } from "./nodes.js";

/** A source text and the position tree of one of its documents: turns YAML paths into spans. */
export interface SourceMap {
  readonly text: string;
  readonly root: YamlNode;
}

const TRAILING_BLANKS = /\s+$/;

/**
 * The span of the node at `path`: its key when `onKey` is set (or when the value is missing),
 * else its value. A path leaving the tree points at the deepest node that exists.
 */
export function spanOf(map: SourceMap, path: YamlPath, onKey = false): Span {
  const { node, keyNode } = locate(map.root, path);
  const target = keyNode && (onKey || node.type === "YamlEmpty") ? keyNode : node;
  return spanAt(map.text, target.start, trimmedEnd(map.text, target));
}

function trimmedEnd(text: string, node: YamlNode): number {
  const slice = text.slice(node.start, node.end);
  return Math.max(node.start + 1, node.start + slice.replace(TRAILING_BLANKS, "").length);
}
