import { assertNever, type FieldName, type Option, type SearchValue } from "../ast.js";
import { quoteSpl } from "../strings.js";
import { printSearchExpr } from "./search.js";

const WORD_BREAKERS = /[\s"`|[\]()=<>!,\\]/g;
const HAS_BREAKER = /[\s"`|[\]()=<>!,\\]/;

/** A name written without quotes must escape the characters that would end a word. */
export function printWordText(text: string): string {
  return HAS_BREAKER.test(text) ? text.replace(WORD_BREAKERS, (c) => `\\${c}`) : text;
}

export function printField(field: FieldName): string {
  return field.quoted ? quoteSpl(field.name) : printWordText(field.name);
}

export function printSearchValue(value: SearchValue): string {
  switch (value.type) {
    case "Word":
    case "Quoted":
    case "MacroRef":
      return value.raw;
    case "SearchFn":
      return `${value.name}(${value.arg.raw})`;
    default:
      return assertNever(value);
  }
}

export function printOption(option: Option): string {
  const value = option.value.type === "SearchGroup" ? `(${printSearchExpr(option.value.expr)})` : printSearchValue(option.value);
  return `${option.key}=${value}`;
}
