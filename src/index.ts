/**
 * sigspl's library API. Everything here is pure or reads only the files it is given; diagnostics come back
 * as data (`Diagnostic`), never as thrown errors, and `renderDiagnostic` turns one into a code frame.
 */
export type { Diagnostic, Pos, Severity, Span } from "./diagnostics/diagnostic.js";
export { renderDiagnostic } from "./diagnostics/render.js";
export type { CheckMessage, CheckName, CheckReport, CheckStatus, FileCheckResult, FileKind } from "./diagnostics/check-result.js";

export type * from "./spl/ast.js";
export { parseSpl, MAX_NESTING, type SplParseResult } from "./spl/parse.js";
export { parseSplExpanded, type ExpandedParseResult } from "./spl/expanded.js";
export { printPipeline, type PrintOptions } from "./spl/print/pipeline.js";
export { printExpr } from "./spl/print/expr.js";
export { printSearchExpr } from "./spl/print/search.js";
export { sameAst, withoutLocations } from "./spl/compare.js";
export { quoteSpl } from "./spl/strings.js";
export { MacroLibrary, type MacroDefinition } from "./spl/macros/library.js";
export { loadMacros, parseMacroYaml, parseMacrosConf } from "./spl/macros/load.js";
export { loadMacroLibrary } from "./spl/macros/library-loader.js";
export { expandMacros, type Expansion } from "./spl/macros/expand.js";
export { readSplSources, type SplSource, type SplunkDetection } from "./spl/sources.js";
export { formatFile } from "./spl/format.js";
export { checkSplFile } from "./spl/check.js";
export { checkFiles } from "./verify/check.js";

export * from "./sigma/index.js";
export type * from "./ir/types.js";
export { loadProfile, loadLogsourceDefinitions, DEFAULT_PROFILE, SHIPPED_PROFILES } from "./profiles/load.js";
export type { Profile, ProfileLogsource, LogsourceDefinition, SplunkView } from "./profiles/types.js";
export { sigmaRuleToIr, type IrTranslation, type Placeholders } from "./translate/sigma-to-ir.js";
export { sigmaRuleToSpl, type RuleTranslation } from "./translate/sigma-to-spl.js";
export { irToSpl } from "./translate/ir-to-spl.js";
export type { Loss } from "./translate/loss.js";
