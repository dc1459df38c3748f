/** Copies text through `onCode` outside strings; string literals are copied verbatim. */
function mapOutsideStrings(text: string, onCode: (text: string, i: number) => { out: string; next: number }): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    if (text[i] === '"') {
      let j = i + 1;
      while (j < text.length && text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
      out += text.slice(i, j + 1);
      i = j + 1;
    } else {
      const step = onCode(text, i);
      out += step.out;
      i = step.next;
    }
  }
  return out;
}

function stripComments(text: string): string {
  return mapOutsideStrings(text, (t, i) => {
    if (t[i] === '/' && t[i + 1] === '/') {
      const end = t.indexOf('\n', i);
      return { out: '', next: end < 0 ? t.length : end };
    }
    if (t[i] === '/' && t[i + 1] === '*') {
      const end = t.indexOf('*/', i + 2);
      if (end < 0) throw new SyntaxError('Unterminated block comment');
      // Keep line breaks so JSON.parse positions still point at the right line.
      return { out: t.slice(i, end + 2).replace(/[^\n]/g, ' '), next: end + 2 };
    }
    return { out: t[i], next: i + 1 };
  });
}

function stripTrailingCommas(text: string): string {
  return mapOutsideStrings(text, (t, i) => {
    if (t[i] !== ',') return { out: t[i], next: i + 1 };
    let j = i + 1;
    while (j < t.length && /\s/.test(t[j])) j++;
    return { out: t[j] === '}' || t[j] === ']' ? ' ' : ',', next: i + 1 };
  });
}

/** Parses JSON with comments and trailing commas (the `kibana.jsonc` format). */
export function parseJsonc(text: string): unknown {
  return JSON.parse(stripTrailingCommas(stripComments(text)));
}
