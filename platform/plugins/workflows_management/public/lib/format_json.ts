/** Pretty JSON for the record panel, cut at 1 MB so a huge step output cannot freeze the page. */
export const MAX_DISPLAY_BYTES = 1024 * 1024;

export interface FormattedJson {
  text: string;
  truncated: boolean;
  /** UTF-8 size of the full pretty text. */
  bytes: number;
}

const utf8Length = (codePoint: number) => (codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4);

export function formatJsonForDisplay(value: unknown, maxBytes = MAX_DISPLAY_BYTES): FormattedJson {
  const full = value === undefined ? '' : typeof value === 'string' ? value : (JSON.stringify(value, null, 2) ?? String(value));
  // One pass over code points: the UTF-8 size, and where the text must be cut (never inside a character).
  let bytes = 0;
  let cutAt = -1;
  for (let i = 0; i < full.length; ) {
    const codePoint = full.codePointAt(i) ?? 0;
    const size = utf8Length(codePoint);
    if (cutAt === -1 && bytes + size > maxBytes) cutAt = i;
    bytes += size;
    i += codePoint > 0xffff ? 2 : 1;
  }
  if (cutAt === -1) return { text: full, truncated: false, bytes };
  return { text: full.slice(0, cutAt), truncated: true, bytes };
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

export function formatDuration(ms: number | undefined): string {
  if (ms === undefined || !Number.isFinite(ms)) return '—';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
  const minutes = Math.floor(ms / 60_000);
  const seconds = Math.round((ms % 60_000) / 1000);
  if (minutes < 60) return `${minutes}m ${seconds}s`;
  return `${Math.floor(minutes / 60)}h ${minutes % 60}m`;
}
