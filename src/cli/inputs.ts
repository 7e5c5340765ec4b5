import { readdirSync, readFileSync, statSync } from "node:fs";
import { extname, join } from "node:path";

/** The file endings `check`, `fmt` and `validate` look for in folders. */
export const RULE_FILE_ENDINGS = [".yml", ".yaml", ".spl", ".conf"];

export class InputError extends Error {}

/** Expands files and folders (recursively, in a stable order) into the files to read; `-` is stdin. */
export function collectFiles(paths: readonly string[], endings: readonly string[] = RULE_FILE_ENDINGS): string[] {
  return paths.flatMap((path) => {
    if (path === "-") return ["-"];
    let stats;
    try {
      stats = statSync(path);
    } catch {
      throw new InputError(`no such file or folder: ${path}`);
    }
    return stats.isDirectory() ? walk(path, endings) : [path];
  });
}

function walk(dir: string, endings: readonly string[]): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .flatMap((entry) => {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) return walk(full, endings);
      return endings.includes(extname(entry.name).toLowerCase()) ? [full] : [];
    });
}

/** Reads a file, or standard input for `-`. */
export function readInput(path: string): string {
  try {
    return readFileSync(path === "-" ? 0 : path, "utf8");
  } catch (e) {
    throw new InputError(`cannot read ${path === "-" ? "standard input" : path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
}
