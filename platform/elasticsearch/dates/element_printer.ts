import { type LocalFields, isoDayOfWeek, fieldsToLocalMs, dayOfYear } from './calendar';
import type { Element, OffsetStyle } from './elements';
import { AM_PM, DAYS_FULL, DAYS_SHORT, MONTHS_FULL, MONTHS_SHORT } from './names';

export interface PrintContext {
  local: LocalFields;
  offset: number;
  zoneId: string;
}

function pad(value: number, width: number): string {
  const abs = String(Math.abs(value)).padStart(width, '0');
  return value < 0 ? `-${abs}` : abs;
}

function offsetText(offsetMs: number, style: OffsetStyle): string {
  const zeroAsZ = style === 'XXX' || style === 'XX' || style === 'X';
  if (offsetMs === 0 && zeroAsZ) return 'Z';
  const sign = offsetMs < 0 ? '-' : '+';
  const abs = Math.abs(Math.round(offsetMs / 1000));
  const hh = String(Math.floor(abs / 3600)).padStart(2, '0');
  const mm = String(Math.floor((abs % 3600) / 60)).padStart(2, '0');
  switch (style) {
    case 'XXX':
    case 'xxx':
      return `${sign}${hh}:${mm}`;
    case 'X':
    case 'x':
      return mm === '00' ? `${sign}${hh}` : `${sign}${hh}${mm}`;
    default:
      return `${sign}${hh}${mm}`;
  }
}

export function printElements(elements: readonly Element[], ctx: PrintContext): string {
  let out = '';
  for (const element of elements) out += printOne(element, ctx);
  return out;
}

function printOne(element: Element, ctx: PrintContext): string {
  const f = ctx.local;
  switch (element.kind) {
    case 'literal':
      return element.text;
    case 'number': {
      const width = element.printWidth ?? element.minWidth;
      if (element.field === 'year') {
        const text = pad(f.year, width);
        return element.signExceedsPad && f.year > 9999 ? `+${text}` : text;
      }
      const values: Record<string, number> = {
        month: f.month,
        day: f.day,
        dayOfYear: dayOfYear(f),
        hour: f.hour,
        hour12: f.hour % 12 === 0 ? 12 : f.hour % 12,
        minute: f.minute,
        second: f.second,
      };
      return pad(values[element.field], width);
    }
    case 'reducedYear':
      return pad(((f.year % 100) + 100) % 100, 2);
    case 'fraction': {
      const digits = String(f.millisecond).padStart(3, '0').padEnd(9, '0').slice(0, element.printDigits);
      return element.decimalPoint ? `.${digits}` : digits;
    }
    case 'text': {
      if (element.field === 'ampm') return AM_PM[f.hour < 12 ? 0 : 1];
      if (element.field === 'monthName') return (element.full ? MONTHS_FULL : MONTHS_SHORT)[f.month - 1];
      const dow = isoDayOfWeek(fieldsToLocalMs(f));
      return (element.full ? DAYS_FULL : DAYS_SHORT)[dow - 1];
    }
    case 'offset':
      return offsetText(ctx.offset, element.style);
    case 'zoneOrOffset':
    case 'zoneId':
      return ctx.zoneId;
    case 'optional':
      return printElements(element.elements, ctx);
  }
}
