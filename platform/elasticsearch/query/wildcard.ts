/** Lucene wildcard syntax (`*` any run, `?` one character, `\` escapes) as an anchored RegExp. */
export function wildcardToRegExp(pattern: string, caseInsensitive: boolean): RegExp {
  let out = '';
  const chars = [...pattern];
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i];
    if (c === '\\' && i + 1 < chars.length) {
      out += escapeRegExp(chars[++i]);
    } else if (c === '*') {
      out += '[\\s\\S]*';
    } else if (c === '?') {
      out += '[\\s\\S]';
    } else {
      out += escapeRegExp(c);
    }
  }
  return new RegExp(`^${out}$`, caseInsensitive ? 'iu' : 'u');
}

function escapeRegExp(c: string): string {
  return /[\\^$.*+?()[\]{}|/]/.test(c) ? `\\${c}` : c;
}

/** Simple `*` globs used for field names and `_source` patterns. */
export function isSimpleMatch(pattern: string, value: string): boolean {
  if (!pattern.includes('*')) return pattern === value;
  const parts = pattern.split('*');
  if (!value.startsWith(parts[0])) return false;
  let pos = parts[0].length;
  for (let i = 1; i < parts.length - 1; i++) {
    const idx = value.indexOf(parts[i], pos);
    if (idx < 0) return false;
    pos = idx + parts[i].length;
  }
  const last = parts[parts.length - 1];
  return value.length - pos >= last.length && value.endsWith(last);
}
