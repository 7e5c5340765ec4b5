import type { IrPattern, IrWildcard } from "./types.js";

export const ANY: IrWildcard = { type: "IrAnyChars" };
export const ONE: IrWildcard = { type: "IrOneChar" };

/** Joins adjacent literal parts and drops empty ones, so equal patterns have equal parts. */
export function normalizePattern(p: IrPattern): IrPattern {
  const parts: (string | IrWildcard)[] = [];
  for (const part of p.parts) {
    if (part === "") continue;
    const last = parts[parts.length - 1];
    if (typeof part === "string" && typeof last === "string") parts[parts.length - 1] = last + part;
    else if (typeof part !== "string" && part.type === "IrAnyChars" && typeof last !== "string" && last?.type === "IrAnyChars") continue;
    else parts.push(part);
  }
  return { parts };
}

export function isLiteral(p: IrPattern): boolean {
  return p.parts.every((part) => typeof part === "string");
}

export function literalText(p: IrPattern): string {
  return p.parts.map((part) => (typeof part === "string" ? part : part.type === "IrAnyChars" ? "*" : "?")).join("");
}

/** An anchored JavaScript regular expression for the pattern. */
export function patternToRegExp(p: IrPattern, caseSensitive: boolean): RegExp {
  const body = p.parts
    .map((part) => (typeof part === "string" ? part.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&") : part.type === "IrAnyChars" ? "[\\s\\S]*" : "[\\s\\S]"))
    .join("");
  return new RegExp(`^${body}$`, caseSensitive ? "u" : "iu");
}
