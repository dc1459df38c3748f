import type { LogMeta, LogRecord } from './logger';

/** ECS-like JSON line, as Kibana's `json` layout writes. */
export function formatJson(record: LogRecord): string {
  const { error: _metaError, ...meta } = record.meta ?? {};
  const line: Record<string, unknown> = {
    '@timestamp': record.timestamp.toISOString(),
    log: { level: record.level.toUpperCase(), logger: record.logger },
    message: record.message,
    ...meta,
  };
  if (record.error) line.error = { message: record.error.message, type: record.error.name, stack_trace: record.error.stack };
  return JSON.stringify(line);
}

const renderValue = (value: unknown): string => {
  const text = typeof value === 'string' ? value : JSON.stringify(value) ?? String(value);
  return /[\s="]/.test(text) ? JSON.stringify(text) : text;
};

function formatMeta(meta: LogMeta | undefined): string {
  if (!meta) return '';
  return Object.entries(meta)
    .filter(([key, value]) => key !== 'error' && value !== undefined)
    .map(([key, value]) => ` ${key}=${renderValue(value)}`)
    .join('');
}

/** Human-readable line with key=value metadata: `[ts][INFO ][plugins.foo] message id=x`. */
export function formatText(record: LogRecord): string {
  const level = record.level.toUpperCase().padEnd(5);
  const base = `[${record.timestamp.toISOString()}][${level}][${record.logger}] ${record.message}${formatMeta(record.meta)}`;
  return record.error?.stack && record.level !== 'info' ? `${base}\n${record.error.stack}` : base;
}
