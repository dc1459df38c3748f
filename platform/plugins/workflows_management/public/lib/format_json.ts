/** Pretty JSON for the record panel, cut at 1 MB so a huge step output cannot freeze the page. */
export const MAX_DISPLAY_BYTES = 1024 * 1024;

export interface FormattedJson {
  text: string;
  truncated: boolean;
  /** UTF-8 size of the full pretty text. */
  bytes: number;
}

export function formatJsonForDisplay(value: unknown, maxBytes = MAX_DISPLAY_BYTES): FormattedJson {
  const full = value === undefined ? '' : typeof value === 'string' ? value : (JSON.stringify(value, null, 2) ?? String(value));
  const bytes = new TextEncoder().encode(full).length;
  if (bytes <= maxBytes) return { text: full, truncated: false, bytes };
  // Cut by bytes, then drop a possibly split trailing character.
  const cut = new TextDecoder('utf-8', { fatal: false }).decode(new TextEncoder().encode(full).slice(0, maxBytes)).replace(/\uFFFD$/, '');
  return { text: cut, truncated: true, bytes };
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
