import { type Element, fraction, lit, num, offset, opt } from './elements';

export class DateFormatError extends Error {
  constructor(format: string, detail: string) {
    super(`Invalid format: [${format}]: ${detail}`);
    this.name = 'DateFormatError';
  }
}

/** Letters java.time knows but this store does not implement (localized names, eras, week-based fields). */
const UNSUPPORTED_LETTERS = new Set(['G', 'Q', 'q', 'w', 'W', 'e', 'c', 'F', 'z', 'O', 'v', 'n', 'N', 'A', 'g', 'B']);

function letterElement(format: string, letter: string, count: number): Element {
  const numeric = (field: Parameters<typeof num>[0]): Element =>
    count === 1 ? { ...num(field, 1, 2), printWidth: 1 } : num(field, count);
  switch (letter) {
    case 'y':
    case 'u':
    case 'Y':
      if (count === 2) return { kind: 'reducedYear' };
      if (count === 1) return { ...num('year', 1, 9), printWidth: 1 };
      return count >= 4 ? num('year', count, 9, true) : num('year', count, 9);
    case 'M':
    case 'L':
      if (count >= 4) return { kind: 'text', field: 'monthName', full: true };
      if (count === 3) return { kind: 'text', field: 'monthName', full: false };
      return numeric('month');
    case 'd':
      return numeric('day');
    case 'D':
      return count === 3 ? num('dayOfYear', 3) : { ...num('dayOfYear', count, 3), printWidth: count };
    case 'H':
    case 'k':
      return numeric('hour');
    case 'h':
    case 'K':
      return numeric('hour12');
    case 'm':
      return numeric('minute');
    case 's':
      return numeric('second');
    case 'S':
      return fraction(count, count, false, count);
    case 'a':
      return { kind: 'text', field: 'ampm', full: false };
    case 'E':
      return { kind: 'text', field: 'dayName', full: count >= 4 };
    case 'Z':
      if (count <= 3) return offset('Z');
      if (count === 5) return offset('XXX');
      break;
    case 'X':
      if (count <= 3) return offset((['X', 'XX', 'XXX'] as const)[count - 1]);
      break;
    case 'x':
      if (count <= 3) return offset((['x', 'xx', 'xxx'] as const)[count - 1]);
      break;
    case 'V':
      if (count === 2) return { kind: 'zoneId' };
      break;
    default:
      if (UNSUPPORTED_LETTERS.has(letter)) break;
      throw new DateFormatError(format, `Unknown pattern letter: ${letter}`);
  }
  throw new DateFormatError(format, `pattern [${letter.repeat(count)}] is not supported by the embedded store`);
}

/** Compiles a java.time-style pattern (`yyyy/MM/dd HH:mm:ss Z`, `yyyy-MM-dd'T'HH:mm[:ss]`). */
export function compilePattern(format: string): Element[] {
  const stack: Element[][] = [[]];
  const current = (): Element[] => stack[stack.length - 1];
  let i = 0;
  while (i < format.length) {
    const c = format[i];
    if (/[A-Za-z]/.test(c)) {
      let j = i;
      while (j < format.length && format[j] === c) j++;
      current().push(letterElement(format, c, j - i));
      i = j;
    } else if (c === "'") {
      if (format[i + 1] === "'") {
        current().push(lit("'"));
        i += 2;
        continue;
      }
      let j = i + 1;
      let text = '';
      for (;;) {
        if (j >= format.length) throw new DateFormatError(format, 'Pattern ends with an incomplete string literal');
        if (format[j] === "'") {
          if (format[j + 1] === "'") {
            text += "'";
            j += 2;
            continue;
          }
          break;
        }
        text += format[j];
        j++;
      }
      current().push(lit(text));
      i = j + 1;
    } else if (c === '[') {
      stack.push([]);
      i++;
    } else if (c === ']') {
      if (stack.length === 1) throw new DateFormatError(format, "Pattern invalid as it contains ] without previous [");
      const inner = stack.pop() ?? [];
      current().push(opt(...inner));
      i++;
    } else if (c === '{' || c === '}' || c === '#') {
      throw new DateFormatError(format, `Pattern includes reserved character: '${c}'`);
    } else {
      current().push(lit(c));
      i++;
    }
  }
  while (stack.length > 1) {
    const inner = stack.pop() ?? [];
    current().push(opt(...inner));
  }
  if (stack[0].length === 0) throw new DateFormatError(format, 'empty pattern');
  return stack[0];
}
