/**
 * Finds the `[line:col]` of a value inside raw JSON text, for error messages (ES reports the parser's
 * token location). Only used on error paths, so it re-scans the text instead of tracking positions
 * during the fast `JSON.parse`. Columns are 1-based like Jackson's.
 */
export type JsonPathElement = string | number;

class Scanner {
  pos = 0;
  constructor(readonly text: string) {}

  ws(): void {
    const t = this.text;
    while (this.pos < t.length) {
      const c = t.charCodeAt(this.pos);
      if (c === 32 || c === 9 || c === 10 || c === 13) this.pos++;
      else break;
    }
  }

  string(): string {
    // assumes text[pos] === '"'
    const start = this.pos;
    this.pos++;
    const t = this.text;
    while (this.pos < t.length) {
      const c = t[this.pos];
      if (c === '\\') this.pos += 2;
      else if (c === '"') {
        this.pos++;
        return JSON.parse(t.slice(start, this.pos)) as string;
      } else this.pos++;
    }
    throw new Error('unterminated string');
  }

  skipValue(): void {
    this.ws();
    const c = this.text[this.pos];
    if (c === '"') {
      this.string();
    } else if (c === '{' || c === '[') {
      let depth = 0;
      const t = this.text;
      while (this.pos < t.length) {
        const ch = t[this.pos];
        if (ch === '"') {
          this.string();
          continue;
        }
        if (ch === '{' || ch === '[') depth++;
        else if (ch === '}' || ch === ']') {
          depth--;
          if (depth === 0) {
            this.pos++;
            return;
          }
        }
        this.pos++;
      }
    } else {
      while (this.pos < this.text.length && !/[,}\]\s]/.test(this.text[this.pos])) this.pos++;
    }
  }
}

function lineCol(text: string, offset: number): string {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return `[${line}:${offset - lineStart + 1}]`;
}

/** Location of the value at `path` (or of its key when `atKey`); `[1:1]` if it cannot be found. */
export function locate(raw: string, path: readonly JsonPathElement[], atKey = false): string {
  try {
    const s = new Scanner(raw);
    let keyOffset = 0;
    for (const element of path) {
      s.ws();
      const open = raw[s.pos];
      if (typeof element === 'number') {
        if (open !== '[') return '[1:1]';
        s.pos++;
        for (let i = 0; i < element; i++) {
          s.skipValue();
          s.ws();
          if (raw[s.pos] !== ',') return '[1:1]';
          s.pos++;
        }
        continue;
      }
      if (open !== '{') return '[1:1]';
      s.pos++;
      let found = false;
      let lastMatch = -1;
      let lastKey = 0;
      const objectStart = s.pos;
      // the last duplicate key wins in JSON.parse, so remember the last match
      for (;;) {
        s.ws();
        if (raw[s.pos] === '}') break;
        const keyAt = s.pos;
        const key = s.string();
        s.ws();
        s.pos++; // ':'
        s.ws();
        if (key === element) {
          lastMatch = s.pos;
          lastKey = keyAt;
        }
        s.skipValue();
        s.ws();
        if (raw[s.pos] === ',') s.pos++;
        else break;
      }
      if (lastMatch >= 0) {
        found = true;
        s.pos = lastMatch;
        keyOffset = lastKey;
      }
      if (!found) {
        s.pos = objectStart;
        return '[1:1]';
      }
    }
    s.ws();
    return lineCol(raw, atKey ? keyOffset : s.pos);
  } catch {
    return '[1:1]';
  }
}
