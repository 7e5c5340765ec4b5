/** Splits a macro reference such as `` `name(a, "b,c")` `` into its name and textual arguments. */
export function splitMacroRef(raw: string): { name: string; args: string[] | null } {
  const body = raw.slice(1, -1).trim();
  const open = body.indexOf("(");
  if (open < 0 || !body.endsWith(")")) return { name: body, args: null };
  return { name: body.slice(0, open).trim(), args: splitArgs(body.slice(open + 1, -1)) };
}

/** Splits on commas that are outside double quotes and parentheses. */
function splitArgs(text: string): string[] {
  if (text.trim() === "") return [];
  const args: string[] = [];
  let depth = 0;
  let quoted = false;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === "\\") i++;
    else if (c === '"') quoted = !quoted;
    else if (!quoted && c === "(") depth++;
    else if (!quoted && c === ")") depth--;
    else if (!quoted && depth === 0 && c === ",") {
      args.push(text.slice(start, i).trim());
      start = i + 1;
    }
  }
  args.push(text.slice(start).trim());
  return args;
}
