/** §5.7: what the user sees of tokenized text — originals, or tokens as code when "Show anonymized values" is on. */
import { TOKEN_IN_TEXT, deanonymize, findTokens } from '../../../common/anonymization';

export function displayText(tokenized: string, replacements: Record<string, string>, showAnonymized: boolean): string {
  if (!showAnonymized) return deanonymize(tokenized, replacements);
  // Known tokens become inline code; a token already inside backticks is left alone.
  return tokenized.replace(new RegExp(`(\`?)(${TOKEN_IN_TEXT.source})(\`?)`, TOKEN_IN_TEXT.flags), (all, open: string, token: string, close: string) => {
    if (open || close || replacements[token.toLowerCase()] === undefined) return all;
    return `\`${token}\``;
  });
}

/** The toggle is enabled only when visible text holds a known token (#208517). */
export function hasKnownTokens(texts: readonly string[], replacements: Record<string, string>): boolean {
  return texts.some((t) => findTokens(t).some((token) => replacements[token] !== undefined));
}

/** Fenced code blocks with a query language (§1.6 "Add query to investigation"). */
export function extractQueries(markdown: string): Array<{ language: string; query: string }> {
  const out: Array<{ language: string; query: string }> = [];
  for (const m of markdown.matchAll(/```(kql|eql|esql|lucene|json)[^\n]*\n([\s\S]*?)```/gi)) {
    out.push({ language: m[1].toLowerCase(), query: m[2].trim() });
  }
  return out;
}
