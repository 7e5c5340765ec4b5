import {
  EmbeddedActionsParser, tokenMatcher, type DSLMethodOpts, type ILookaheadStrategy, type IOrAlt, type IToken, type TokenType,
} from "chevrotain";
import type { Pos, Span } from "../../diagnostics/diagnostic.js";
import type { FieldName, MacroRef, Option, Quoted, SearchGroup, SearchValue, Word } from "../ast.js";
import { splitMacroRef } from "../macros/reference.js";
import { decodeQuoted, decodeWord } from "../strings.js";
import * as T from "../tokens.js";
import { TableLookaheadStrategy } from "./lookahead.js";

export const MAX_LOOKAHEAD = 2;

/**
 * Shared pieces of the SPL grammar: spans, words, quoted strings, macro references, field names and
 * `key=value` options. The grammar is split over a chain of classes (base → search syntax → eval
 * expressions → commands → pipeline), one file each; the last one runs Chevrotain's self-analysis.
 */
export abstract class SplParserBase extends EmbeddedActionsParser {
  /**
   * `validate` runs Chevrotain's grammar checks (slow: a test does it; the CLI skips them to start fast).
   * `lookahead` is for the test that compares our lookahead strategy with Chevrotain's own.
   */
  constructor(validate = false, lookahead: ILookaheadStrategy = new TableLookaheadStrategy({ maxLookahead: MAX_LOOKAHEAD })) {
    super(T.allTokens, {
      maxLookahead: MAX_LOOKAHEAD,
      lookaheadStrategy: lookahead,
      recoveryEnabled: false,
      skipValidations: !validate,
    });
  }

  /** The text being parsed: glued words keep their exact source, and positions are computed from offsets. */
  public source = "";
  private lineStarts: number[] = [0];

  /** Sets the text the next parse reads (its tokens go to `input`). */
  public setSource(text: string): void {
    this.source = text;
    this.lineStarts = [0];
    for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) this.lineStarts.push(i + 1);
  }

  /** Line and column of an offset; the lexer tracks offsets only, which keeps it fast. */
  protected pos(offset: number): Pos {
    const starts = this.lineStarts;
    if (starts.length === 1) return { offset, line: 1, column: offset + 1 };
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { offset, line: lo + 1, column: offset - starts[lo]! + 1 };
  }

  /** The span from `start` to the last consumed token. */
  protected spanFrom(start: IToken): Span {
    const end = this.LA(0);
    const last = end.startOffset >= start.startOffset ? end : start;
    return { start: this.pos(start.startOffset), end: this.pos(last.startOffset + last.image.length) };
  }

  protected tokenSpan(tok: IToken): Span {
    return { start: this.pos(tok.startOffset), end: this.pos(tok.startOffset + tok.image.length) };
  }

  /** True when the next token is a word with this text (case-insensitive). */
  protected nextIs(word: string, k = 1): boolean {
    const tok = this.LA(k);
    return tokenMatcher(tok, T.WordLike) && tok.image.toLowerCase() === word;
  }

  /** True when the next token follows the last consumed one with no space between. */
  protected nextIsGlued(k = 1): boolean {
    const prev = this.LA(k - 1);
    const next = this.LA(k);
    return next.tokenType !== undefined && prev.startOffset + prev.image.length === next.startOffset;
  }

  private gluedParenAhead(): boolean {
    return this.LA(1).tokenType === T.LParenSearch && this.nextIsGlued();
  }

  /** The next token that is not a comma (lists tolerate stray commas). */
  protected pastCommas(): IToken {
    let k = 1;
    while (this.LA(k).tokenType === T.Comma) k++;
    return this.LA(k);
  }

  /** True for `key=value` ahead. */
  protected optionAhead(): boolean {
    return tokenMatcher(this.LA(1), T.WordLike) && this.LA(2).tokenType === T.Eq;
  }

  protected wordNode(tok: IToken): Word {
    return { type: "Word", raw: tok.image, value: decodeWord(tok.image), loc: this.tokenSpan(tok) };
  }

  protected quotedNode(tok: IToken): Quoted {
    return { type: "Quoted", raw: tok.image, value: decodeQuoted(tok.image), loc: this.tokenSpan(tok) };
  }

  protected macroNode(tok: IToken): MacroRef {
    return { type: "MacroRef", ...splitMacroRef(tok.image), raw: tok.image, loc: this.tokenSpan(tok) };
  }

  public word = this.RULE("word", (): Word => {
    const tok = this.CONSUME(T.WordLike);
    return this.ACTION(() => this.wordNode(tok));
  });

  public quoted = this.RULE("quoted", (): Quoted => {
    const tok = this.CONSUME(T.Quoted);
    return this.ACTION(() => this.quotedNode(tok));
  });

  public macroRef = this.RULE("macroRef", (): MacroRef => {
    const tok = this.CONSUME(T.Macro);
    return this.ACTION(() => this.macroNode(tok));
  });

  /**
   * A word and the parenthesised text glued to it, as one word: `relative_time(now(),"-1d")` where search
   * syntax does not evaluate it, or an alias such as `aceFlags(inheritance)`. The parentheses are rare, so
   * they have a rule of their own (`parenTail`) and a plain word costs no extra rule call.
   */
  public gluedWord = this.RULE("gluedWord", (): Word => {
    const first = this.CONSUME(T.WordLike);
    const tail = this.OPTION({ GATE: () => this.gluedParenAhead(), DEF: () => this.SUBRULE(this.parenTail) });
    return this.ACTION(() => this.gluedWordNode(first, tail));
  });

  protected gluedWordNode(first: IToken, tail: boolean | undefined): Word {
    if (!tail) return this.wordNode(first);
    const loc = this.spanFrom(first);
    const raw = this.sourceText(loc);
    return { type: "Word", raw, value: decodeWord(raw), loc };
  }

  /** `( … )` glued to a word, balanced, up to its closing parenthesis. */
  public parenTail = this.RULE("parenTail", (): boolean => {
    let depth = 0;
    this.AT_LEAST_ONE({
      GATE: () => (depth > 0 ? this.LA(1).tokenType !== T.PipeSearch : this.gluedParenAhead()),
      DEF: () => {
        const tok = this.CONSUME(T.GluePart);
        this.ACTION(() => {
          if (tok.tokenType === T.LParenSearch) depth++;
          else if (tok.tokenType === T.RParenSearch) depth--;
        });
      },
    });
    // A parenthesis left open before a pipe or the end is an error, not part of the word.
    this.OR([
      { GATE: () => depth > 0, ALT: () => this.CONSUME(T.RParenSearch) },
      { GATE: () => depth === 0, ALT: () => undefined },
    ]);
    return true;
  });

  protected sourceText(loc: Span): string {
    return this.source.slice(loc.start.offset, loc.end.offset);
  }

  /**
   * A field name: a word or a quoted string, and any word or quoted string glued to it — the form
   * `"Authentication".*` that `drop_dm_object_name("Authentication")` expands to is one name.
   */
  public fieldName = this.RULE("fieldName", (): FieldName => {
    const start = this.LA(1);
    const parts: (Word | Quoted)[] = [];
    this.AT_LEAST_ONE({
      GATE: () => parts.length === 0 || (this.nextIsGlued() && (this.LA(1).tokenType === T.Quoted || parts.some((p) => p.type === "Quoted"))),
      DEF: () => {
        parts.push(this.OR(this.fieldPartAlternatives()));
      },
    });
    return this.ACTION((): FieldName => {
      const only = parts.length === 1 ? parts[0]! : null;
      if (only) return { type: "FieldName", name: only.value, quoted: only.type === "Quoted", loc: only.loc };
      return {
        type: "FieldName",
        name: parts.map((p) => p.value).join(""),
        quoted: parts.some((p) => p.type === "Quoted"),
        loc: this.spanFrom(start),
      };
    });
  });

  /** A value in search syntax or an option: word, quoted string, macro, or `TERM(…)`/`CASE(…)`. */
  public searchValue = this.RULE("searchValue", (): SearchValue => this.OR(this.searchValueAlternatives()));

  // Alternatives that use nothing but the parser are built once, not on every call: these rules run for
  // nearly every token, and the closures were a good part of the parser's garbage.
  private fieldPartAlts: IOrAlt<Word | Quoted>[] | null = null;
  private searchValueAlts: IOrAlt<SearchValue>[] | null = null;

  /** A part of a field name: a word with glued parentheses, or a quoted string. */
  private fieldPartAlternatives(): IOrAlt<Word | Quoted>[] {
    return (this.fieldPartAlts ??= [
      this.gluedWordAlt((tok, tail) => this.gluedWordNode(tok, tail)),
      this.tokenAlt(T.Quoted, (tok) => this.quotedNode(tok)),
    ]);
  }

  private searchValueAlternatives(): IOrAlt<SearchValue>[] {
    return (this.searchValueAlts ??= [
      this.gluedWordAlt((tok, tail) => this.valueNode(tok, tail)),
      this.tokenAlt(T.Quoted, (tok) => this.quotedNode(tok)),
      this.tokenAlt(T.Macro, (tok) => this.macroNode(tok)),
    ]);
  }

  /** An alternative: a word and any parentheses glued to it, made into a node by `build`. */
  private gluedWordAlt<R>(build: (tok: IToken, tail: boolean | undefined) => R): IOrAlt<R> {
    return {
      ALT: () => {
        const tok = this.CONSUME(T.WordLike);
        const tail = this.OPTION((this.parenTailOption ??= { GATE: () => this.gluedParenAhead(), DEF: () => this.SUBRULE(this.parenTail) }));
        return this.ACTION(() => build(tok, tail));
      },
    };
  }

  /** Built once, as the alternatives are: it is asked after every word. */
  private parenTailOption: DSLMethodOpts<boolean> | null = null;

  /** An alternative: one token of `type`, made into a node by `build`. */
  private tokenAlt<R>(type: TokenType, build: (tok: IToken) => R): IOrAlt<R> {
    return {
      ALT: () => {
        const tok = this.CONSUME(type);
        return this.ACTION(() => build(tok));
      },
    };
  }

  /** A word (with glued parentheses), read as `TERM(x)`/`CASE(x)` when it is one. */
  protected valueNode(first: IToken, tail: boolean | undefined): SearchValue {
    const word = this.gluedWordNode(first, tail);
    return tail ? this.searchFnOrWord(word.raw, word.loc) : word;
  }

  /** A search value from its source text: a quoted string, `TERM(x)`/`CASE(x)`, or a word. */
  protected valueFromSource(raw: string, loc: Span): SearchValue {
    if (/^"(?:[^"\\]|\\[\s\S])*"$/.test(raw)) return { type: "Quoted", raw, value: decodeQuoted(raw), loc };
    return this.searchFnOrWord(raw, loc);
  }

  private searchFnOrWord(raw: string, loc: Span): SearchValue {
    const fn = /^(TERM|CASE)\((\s*)("(?:[^"\\]|\\.)*"|[^\s"()]+)\s*\)$/.exec(raw);
    if (!fn) return { type: "Word", raw, value: decodeWord(raw), loc };
    const argRaw = fn[3]!;
    const argStart = loc.start.offset + fn[1]!.length + 1 + fn[2]!.length;
    const argLoc = { start: this.pos(argStart), end: this.pos(argStart + argRaw.length) };
    const arg: Word | Quoted = argRaw.startsWith('"')
      ? { type: "Quoted", raw: argRaw, value: decodeQuoted(argRaw), loc: argLoc }
      : { type: "Word", raw: argRaw, value: decodeWord(argRaw), loc: argLoc };
    return { type: "SearchFn", name: fn[1] === "TERM" ? "TERM" : "CASE", arg, loc };
  }

  /** Filled in by the search-syntax parser: `( search )` as an option value. */
  public abstract searchGroup: (idx?: number) => SearchGroup;

  public keyValue = this.RULE("keyValue", (): Option => {
    const key = this.CONSUME(T.WordLike);
    this.CONSUME(T.Eq);
    const value = this.OR([
      { ALT: () => this.SUBRULE(this.searchValue) },
      { ALT: () => this.SUBRULE(this.searchGroup) },
    ]);
    return this.ACTION((): Option => ({ type: "Option", key: key.image, value, loc: this.spanFrom(key) }));
  });

  /** Field names separated by spaces or commas, up to something that is not a field name. */
  public fieldList = this.RULE("fieldList", (): FieldName[] => {
    const fields: FieldName[] = [];
    this.MANY({
      GATE: () => !this.optionAhead(),
      DEF: () => {
        this.MANY5(() => this.CONSUME5(T.Comma));
        fields.push(this.SUBRULE(this.fieldName));
      },
    });
    return fields;
  });
}
