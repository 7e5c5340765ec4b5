import { readdirSync, readFileSync, statSync } from "node:fs";
import { extname, join } from "node:path";
import yaml from "js-yaml";
import type { Diagnostic } from "../../diagnostics/diagnostic.js";
import { confStanzas } from "../conf.js";
import type { MacroDefinition } from "./library.js";

export interface LoadedMacros {
  readonly definitions: MacroDefinition[];
  readonly diagnostics: Diagnostic[];
}

/** Loads macros from a file or folder: Splunk content macro YAML files (`name`, `arguments`, `definition`) or `macros.conf`. */
export function loadMacros(path: string): LoadedMacros {
  const result: LoadedMacros = { definitions: [], diagnostics: [] };
  for (const file of macroFiles(path)) {
    const text = readFileSync(file, "utf8");
    const loaded = file.endsWith(".conf") ? parseMacrosConf(text, file) : parseMacroYaml(text, file);
    result.definitions.push(...loaded.definitions);
    result.diagnostics.push(...loaded.diagnostics);
  }
  return result;
}

function macroFiles(path: string): string[] {
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path)
    .sort()
    .flatMap((name) => {
      const full = join(path, name);
      if (statSync(full).isDirectory()) return macroFiles(full);
      return [".yml", ".yaml", ".conf"].includes(extname(name)) ? [full] : [];
    });
}

function problem(file: string, message: string, line?: number): Diagnostic {
  const span = line === undefined ? undefined : { start: { offset: 0, line, column: 1 }, end: { offset: 0, line, column: 1 } };
  return { code: "SPL2004", severity: "error", message, file, ...(span ? { span } : {}) };
}

interface MacroYaml {
  name?: unknown;
  arguments?: unknown;
  definition?: unknown;
}

/** One macro per YAML document, in the layout of Splunk's security_content `macros/` folder. */
export function parseMacroYaml(text: string, file: string): LoadedMacros {
  const definitions: MacroDefinition[] = [];
  const diagnostics: Diagnostic[] = [];
  let docs: unknown[];
  try {
    docs = yaml.loadAll(text);
  } catch (e) {
    const mark = (e as { mark?: { line: number } }).mark;
    return { definitions, diagnostics: [problem(file, `not valid YAML: ${(e as Error).message.split("\n")[0]}`, mark ? mark.line + 1 : undefined)] };
  }
  for (const doc of docs) {
    const m = (doc ?? {}) as MacroYaml;
    const args = m.arguments ?? [];
    if (typeof m.name !== "string" || typeof m.definition !== "string" || !Array.isArray(args)) {
      diagnostics.push(problem(file, "a macro needs `name` and `definition` strings and an optional `arguments` list"));
      continue;
    }
    definitions.push({ name: m.name, args: args.map(String), definition: m.definition, origin: file });
  }
  return { definitions, diagnostics };
}

/** `macros.conf`: `[name]` or `[name(N)]` stanzas with `args = a, b` and `definition = …` (`\` continues a line). */
export function parseMacrosConf(text: string, file: string): LoadedMacros {
  const definitions: MacroDefinition[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const stanza of confStanzas(text)) {
    const m = /^([^()\s]+)(?:\((\d+)\))?$/.exec(stanza.name);
    const definition = stanza.keys.get("definition");
    if (!m || definition === undefined) {
      if (stanza.name !== "default") diagnostics.push(problem(file, `stanza [${stanza.name}] needs a name and a definition`, stanza.line));
      continue;
    }
    const args = (stanza.keys.get("args") ?? "").split(",").map((a) => a.trim()).filter(Boolean);
    if (Number(m[2] ?? 0) !== args.length) {
      diagnostics.push(problem(file, `stanza [${stanza.name}] declares ${m[2] ?? 0} argument(s) but args lists ${args.length}`, stanza.line));
      continue;
    }
    definitions.push({ name: m[1]!, args, definition, origin: file });
  }
  return { definitions, diagnostics };
}
