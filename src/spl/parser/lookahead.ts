import {
  getLookaheadPaths, LLkLookaheadStrategy, type ILookaheadStrategy, type IOrAlt, type IToken, type LookaheadSequence, type TokenType,
} from "chevrotain";

type AlternationOptions = Parameters<ILookaheadStrategy["buildLookaheadForAlternation"]>[0];
type AlternationChoice = ReturnType<ILookaheadStrategy["buildLookaheadForAlternation"]>;
type OptionalOptions = Parameters<ILookaheadStrategy["buildLookaheadForOptional"]>[0];
type OptionalChoice = ReturnType<ILookaheadStrategy["buildLookaheadForOptional"]>;

/** What a lookahead function reads: the parser, through `this`. */
interface TokenSource {
  LA(howMuch: number): IToken;
}

/** The token types one position of a path accepts, as a table by `tokenTypeIdx` (a category stands for its members). */
type Accepts = readonly boolean[];

function accepts(type: TokenType): Accepts {
  const table: boolean[] = [];
  table[type.tokenTypeIdx!] = true;
  for (const member of type.categoryMatches ?? []) table[member] = true;
  return table;
}

function pathMatches(parser: TokenSource, path: readonly Accepts[]): boolean {
  for (let i = 0; i < path.length; i++) if (path[i]![parser.LA(i + 1).tokenTypeIdx] !== true) return false;
  return true;
}

/**
 * The choice among alternatives as Chevrotain's LL(k) makes it — in order, the first whose gate (if any) holds
 * and one of whose lookahead paths matches the tokens ahead — with each path position a table look-up.
 * Chevrotain's own function for gated alternatives collects the gates into a new array on every call and
 * matches token categories one by one; the command choice (twenty gated alternatives, one per command grammar)
 * and the field lists pay that on every command and field.
 */
function tableChoice(paths: readonly LookaheadSequence[]): AlternationChoice {
  const alternatives = paths.map((alt) => alt.map((path) => path.map(accepts)));
  return function (this: TokenSource, orAlts?: IOrAlt<unknown>[]): number | undefined {
    for (let t = 0; t < alternatives.length; t++) {
      const gate = orAlts?.[t]?.GATE;
      if (gate !== undefined && gate.call(this) === false) continue;
      for (const path of alternatives[t]!) if (pathMatches(this, path)) return t;
    }
    return undefined;
  };
}

/** Whether to enter an optional or repeated part whose lookahead needs more than one token: one of its paths matches. */
function tableEntry(paths: LookaheadSequence): OptionalChoice {
  const tables = paths.map((path) => path.map(accepts));
  return function (this: TokenSource): boolean {
    for (const path of tables) if (pathMatches(this, path)) return true;
    return false;
  };
}

/**
 * Chevrotain's LL(k) strategy with faster matching where its own is slow: alternatives that have gates or
 * need more than one token, and optional or repeated parts that need more than one token (`key=value` options
 * before a list of fields). It reads the same lookahead paths and makes the same choices; only the matching
 * is quicker. Chevrotain's one-token cases (a single table) are already as quick, so they are kept.
 */
export class TableLookaheadStrategy extends LLkLookaheadStrategy {
  override buildLookaheadForAlternation(options: AlternationOptions): AlternationChoice {
    if (options.dynamicTokensEnabled) return super.buildLookaheadForAlternation(options);
    const paths = getLookaheadPaths({ occurrence: options.prodOccurrence, rule: options.rule, prodType: "Alternation", maxLookahead: options.maxLookahead });
    const oneToken = paths.every((alt) => alt.every((path) => path.length === 1));
    if (!options.hasPredicates && oneToken) return super.buildLookaheadForAlternation(options);
    return tableChoice(paths);
  }

  override buildLookaheadForOptional(options: OptionalOptions): OptionalChoice {
    if (options.dynamicTokensEnabled) return super.buildLookaheadForOptional(options);
    const [inside = []] = getLookaheadPaths({ occurrence: options.prodOccurrence, rule: options.rule, prodType: options.prodType, maxLookahead: options.maxLookahead });
    if (inside.every((path) => path.length === 1)) return super.buildLookaheadForOptional(options);
    return tableEntry(inside);
  }
}
