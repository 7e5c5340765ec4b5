/**
 * A place where a translation changes meaning or cannot be exact: machine-readable, never silent.
 * `path` is the Sigma YAML path (e.g. `detection.selection.Image|re`) or the SPL position.
 */
export interface Loss {
  readonly code: string;
  readonly path: string;
  readonly message: string;
}
