import type { Diagnostic } from "../../diagnostics/diagnostic.js";
import { MacroLibrary } from "./library.js";
import { loadMacros } from "./load.js";

/** A library from the given macro files and folders (later ones override earlier ones), plus the built-in defaults. */
export function loadMacroLibrary(paths: readonly string[]): { library: MacroLibrary; diagnostics: Diagnostic[] } {
  const library = new MacroLibrary();
  const diagnostics: Diagnostic[] = [];
  for (const path of paths) {
    let loaded;
    try {
      loaded = loadMacros(path);
    } catch (e) {
      diagnostics.push({ code: "SPL2004", severity: "error", message: `cannot read macros from ${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, file: path });
      continue;
    }
    library.addAll(loaded.definitions);
    diagnostics.push(...loaded.diagnostics);
  }
  return { library, diagnostics };
}
