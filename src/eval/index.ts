/** The evaluator's public surface: events, views, the IR compiler, the SPL pipeline and Sigma rules. */
export { readEvents, readStream, readText, inMemoryEvents, type EventRecord, type EventSink, type ReadStats } from "./events/index.js";
export { compileIr, type CompiledIr, type FieldSource, type Predicate } from "./ir/compile.js";
export { compileRegex, type SafeRegex } from "./regex.js";
export { SIGMA_VIEW, SIGMA_VALUE_VIEW, sigmaField } from "./views/sigma.js";
export { splunkView, type SplunkView } from "./views/splunk.js";
export { compileSpl, type CompiledSpl, type SplRun } from "./spl/run.js";
export { compileSplText, runSpl, rowToObject } from "./spl/evaluate.js";
