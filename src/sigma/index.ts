/** The Sigma side of sigspl: the public entry points. */
export { checkSigmaFile } from "./check.js";
export { SIGMA_CODES } from "./codes.js";
export { parseCondition, sigmaConditionDiagramsHtml } from "./condition/parse.js";
export { printCondition } from "./condition/print.js";
export { applyFilters } from "./filters.js";
export { loadSigma, type LoadedDocument, type SigmaLoad } from "./load.js";
export type * from "./model.js";
export { printSigma, printSigmaDocuments } from "./print/documents.js";
export { loadAndValidateFolder, validateSigmaFiles } from "./validate.js";
export { formatSigmaString, parseSigmaString } from "./values/sigma-string.js";
export type * from "./values/types.js";
