import type { Diagnostic } from "../../diagnostics/diagnostic.js";
import { loadProfile } from "../../profiles/load.js";
import { loadMacroLibrary } from "../../spl/macros/library-loader.js";
import type { Checkers, FileChecker } from "../../verify/check.js";
import { sigmaChecker, splunkChecker } from "../../verify/translate-check.js";
import { withVerify } from "../../verify/verify-check.js";

/** What a check run needs to build its checkers: plain data, so that worker threads can build their own. */
export interface CheckSetup {
  readonly profile: string;
  readonly macros: readonly string[];
  readonly verify: boolean;
}

export type BuiltCheckers = { readonly ok: true; readonly checkers: Checkers; readonly warnings: readonly Diagnostic[] } | { readonly ok: false; readonly diagnostics: readonly Diagnostic[] };

export function buildCheckers(setup: CheckSetup): BuiltCheckers {
  const profile = loadProfile(setup.profile);
  if (!profile.value) return { ok: false, diagnostics: profile.diagnostics };
  const macros = loadMacroLibrary([...setup.macros]);
  const verify = (c: FileChecker): FileChecker => (setup.verify ? withVerify(c, profile.value!, macros.library) : c);
  return {
    ok: true,
    checkers: { sigma: verify(sigmaChecker(profile.value)), spl: verify(splunkChecker(profile.value, macros.library)) },
    warnings: macros.diagnostics,
  };
}
