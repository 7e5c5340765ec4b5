/** Splunk `.conf` files: `[stanza]` headers and `key = value` lines. */
export interface ConfStanza {
  name: string;
  line: number;
  keys: Map<string, string>;
}

/** Splits a `.conf` file into stanzas of `key = value` lines; a trailing backslash continues a value. */
export function confStanzas(text: string): ConfStanza[] {
  const stanzas: ConfStanza[] = [];
  const lines = text.split(/\r?\n/);
  let current: ConfStanza | undefined;
  for (let i = 0; i < lines.length; i++) {
    let line = lines[i]!;
    const header = /^\s*\[(.*)\]\s*$/.exec(line);
    if (header) {
      current = { name: header[1]!.trim(), line: i + 1, keys: new Map() };
      stanzas.push(current);
      continue;
    }
    if (/^\s*(#|$)/.test(line)) continue;
    while (line.endsWith("\\") && i + 1 < lines.length) line = `${line.slice(0, -1)}\n${lines[++i]}`;
    const eq = line.indexOf("=");
    if (current && eq > 0) current.keys.set(line.slice(0, eq).trim(), line.slice(eq + 1).trim());
  }
  return stanzas;
}
