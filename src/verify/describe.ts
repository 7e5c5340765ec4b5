import { literalText } from "../ir/pattern.js";
import type { IrExpr, IrPattern } from "../ir/types.js";

/** A leaf's test in words: `Image endswith "\\x.exe"`. */
export type Leaf = Exclude<IrExpr, { type: "IrAnd" | "IrOr" | "IrNot" }>;

function shape(p: IrPattern): string {
  const parts = p.parts;
  const wild = (x: IrPattern["parts"][number] | undefined): boolean => x !== undefined && typeof x !== "string" && x.type === "IrAnyChars";
  const inner = literalText({ parts: parts.filter((_, i) => !((i === 0 || i === parts.length - 1) && wild(parts[i]))) });
  if (parts.length > 2 && wild(parts[0]) && wild(parts[parts.length - 1])) return `contains "${inner}"`;
  if (parts.length > 1 && wild(parts[0])) return `endswith "${inner}"`;
  if (parts.length > 1 && wild(parts[parts.length - 1])) return `startswith "${inner}"`;
  return `is "${literalText(p)}"`;
}

export function describeLeaf(expr: Leaf): string {
  switch (expr.type) {
    case "IrMatch":
      return `${expr.field} ${shape(expr.pattern)}${expr.caseSensitive ? " (case-sensitive)" : ""}`;
    case "IrRegex":
      return `${expr.field} matches /${expr.pattern}/${expr.flags.join("")}`;
    case "IrCidr":
      return `${expr.field} in ${expr.network}`;
    case "IrCompare":
      return `${expr.field} ${expr.op} ${expr.value}`;
    case "IrExists":
      return `${expr.field} exists`;
    case "IrFieldRef":
      return `${expr.field} ${expr.mode} field ${expr.other}`;
    case "IrTimePart":
      return `${expr.part} of ${expr.field} ${expr.op} ${expr.value}`;
    case "IrKeyword":
    case "IrRawTerm":
      return `keyword "${literalText(expr.pattern)}"`;
    case "IrConst":
      return String(expr.value);
    case "IrUnsupported":
      return `(${expr.text})`;
  }
}
