/** A search the evaluator refuses to run, with the reason (an unsupported command, a bad argument …). */
export class SplEvalError extends Error {
  constructor(message: string, readonly command?: string) {
    super(message);
  }
}
