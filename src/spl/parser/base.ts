import { EmbeddedActionsParser, type IToken, type TokenType } from "chevrotain";
import type { Span } from "../../diagnostics/diagnostic.js";
import type { FieldName, MacroRef, Option, Quoted, SearchGroup, SearchValue, Word } from "../ast.js";
import { splitMacroRef } from "../macros/reference.js";
import { decodeQuoted, decodeWord } from "../strings.js";
import * as T from "../tokens.js";

/**
 * Shared pieces of the SPL grammar: spans, words, quoted strings, macro references, field names and
 * `key=value` options. The grammar is split over a chain of classes (base → search syntax → eval
 * expressions → commands → pipeline), one file each; the last one runs Chevrotain's self-analysis.
 */
export abstract class SplParserBase extends EmbeddedActionsParser {
  constructor() {
    super(T.allTokens, { maxLookahead: 3, recoveryEnabled: false });
  }

  /** The span from `start` to the last consumed token. */
  protected spanFrom(start: IToken): Span {
    const end = this.LA(0);
    const last = end.startOffset >= start.startOffset ? end : start;
    return {
      start: { offset: start.startOffset, line: start.startLine ?? 1, column: start.startColumn ?? 1 },
      end: {
        offset: (last.endOffset ?? last.startOffset) + 1,
        line: last.endLine ?? 1,
        column: (last.endColumn ?? 1) + 1,
      },
    };
  }

  protected tokenSpan(tok: IToken): Span {
    return {
      start: { offset: tok.startOffset, line: tok.startLine ?? 1, column: tok.startColumn ?? 1 },
      end: { offset: (tok.endOffset ?? tok.startOffset) + 1, line: tok.endLine ?? 1, column: (tok.endColumn ?? 1) + 1 },
    };
  }

  /** True when the next token is a word with this text (case-insensitive). */
  protected nextIs(word: string, k = 1): boolean {
    const tok = this.LA(k);
    return this.isWordToken(tok.tokenType) && tok.image.toLowerCase() === word;
  }

  protected isWordToken(type: TokenType): boolean {
    return type === T.Word || type === T.Identifier || (type.CATEGORIES ?? []).includes(T.WordLike);
  }

  /** True when the next token follows the last consumed one with no space between. */
  protected nextIsGlued(k = 1): boolean {
    const prev = this.LA(k - 1);
    const next = this.LA(k);
    return next.tokenType !== undefined && prev.endOffset !== undefined && prev.endOffset + 1 === next.startOffset;
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
    return this.isWordToken(this.LA(1).tokenType) && this.LA(2).tokenType === T.Eq;
  }

  public word = this.RULE("word", (): Word => {
    const tok = this.CONSUME(T.WordLike);
    return this.ACTION(() => ({ type: "Word", raw: tok.image, value: decodeWord(tok.image), loc: this.tokenSpan(tok) }));
  });

  public quoted = this.RULE("quoted", (): Quoted => {
    const tok = this.CONSUME(T.Quoted);
    return this.ACTION(() => ({ type: "Quoted", raw: tok.image, value: decodeQuoted(tok.image), loc: this.tokenSpan(tok) }));
  });

  public macroRef = this.RULE("macroRef", (): MacroRef => {
    const tok = this.CONSUME(T.Macro);
    return this.ACTION(() => ({ type: "MacroRef", ...splitMacroRef(tok.image), raw: tok.image, loc: this.tokenSpan(tok) }));
  });

  /**
   * A word and the parenthesised text glued to it, as one word: `relative_time(now(),"-1d")` where search
   * syntax does not evaluate it, or an alias such as `aceFlags(inheritance)`.
   */
  public gluedWord = this.RULE("gluedWord", (): Word => {
    const first = this.CONSUME(T.WordLike);
    let depth = 0;
    this.MANY({
      GATE: () => (depth > 0 ? this.LA(1).tokenType !== T.PipeSearch : this.gluedParenAhead()),
      DEF: () => {
        const tok = this.CONSUME(T.GluePart);
        this.ACTION(() => {
          if (tok.tokenType === T.LParenSearch) depth++;
          else if (tok.tokenType === T.RParenSearch) depth--;
        });
      },
    });
    return this.ACTION(() => {
      const loc = this.spanFrom(first);
      const raw = this.sourceText(loc);
      return { type: "Word", raw, value: decodeWord(raw), loc };
    });
  });

  /** The source text is needed to keep glued words exactly; set by `parseSpl` before each parse. */
  public source = "";

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
    parts.push(this.SUBRULE(this.fieldNamePart));
    this.MANY({
      GATE: () => this.nextIsGlued() && (this.LA(1).tokenType === T.Quoted || parts.some((p) => p.type === "Quoted")),
      DEF: () => parts.push(this.SUBRULE2(this.fieldNamePart)),
    });
    return this.ACTION((): FieldName => ({
      type: "FieldName",
      name: parts.map((p) => p.value).join(""),
      quoted: parts.some((p) => p.type === "Quoted"),
      loc: this.spanFrom(start),
    }));
  });

  public fieldNamePart = this.RULE("fieldNamePart", (): Word | Quoted =>
    this.OR([{ ALT: () => this.SUBRULE(this.gluedWord) }, { ALT: () => this.SUBRULE(this.quoted) }]),
  );

  /** A value in search syntax or an option: word, quoted string, macro, or `TERM(…)`/`CASE(…)`. */
  public searchValue = this.RULE("searchValue", (): SearchValue => {
    return this.OR([
      { GATE: () => this.searchFnAhead(), ALT: () => this.SUBRULE(this.searchFn) },
      { ALT: () => this.SUBRULE(this.gluedWord) },
      { ALT: () => this.SUBRULE(this.quoted) },
      { ALT: () => this.SUBRULE(this.macroRef) },
    ]);
  });

  private searchFnAhead(): boolean {
    const tok = this.LA(1);
    return (tok.image === "TERM" || tok.image === "CASE") && this.LA(2).tokenType === T.LParenSearch;
  }

  public searchFn = this.RULE("searchFn", (): SearchValue => {
    const name = this.CONSUME(T.Word);
    this.CONSUME(T.LParenSearch);
    const arg = this.OR([{ ALT: () => this.SUBRULE(this.word) }, { ALT: () => this.SUBRULE(this.quoted) }]);
    this.CONSUME(T.RParenSearch);
    return this.ACTION(() => ({
      type: "SearchFn",
      name: name.image === "TERM" ? "TERM" : "CASE",
      arg,
      loc: this.spanFrom(name),
    }));
  });

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
