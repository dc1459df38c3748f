/** Structured, hierarchical loggers shaped after Kibana's `Logger` (`logger.get('child')`, levels per name). */

export const LOG_LEVELS = ['all', 'trace', 'debug', 'info', 'warn', 'error', 'fatal', 'off'] as const;
export type LogLevelName = (typeof LOG_LEVELS)[number];
export type LogMeta = Record<string, unknown>;

export interface LogRecord {
  timestamp: Date;
  level: Exclude<LogLevelName, 'all' | 'off'>;
  logger: string;
  message: string;
  meta?: LogMeta;
  error?: Error;
}

export interface Logger {
  trace(message: string, meta?: LogMeta): void;
  debug(message: string, meta?: LogMeta): void;
  info(message: string, meta?: LogMeta): void;
  warn(message: string | Error, meta?: LogMeta): void;
  error(message: string | Error, meta?: LogMeta): void;
  fatal(message: string | Error, meta?: LogMeta): void;
  isLevelEnabled(level: LogLevelName): boolean;
  /** Child logger: `plugins.foo` + get('bar') → `plugins.foo.bar`. */
  get(...childNames: string[]): Logger;
}

export interface LoggerFactory {
  get(...names: string[]): Logger;
}

export type LogSink = (record: LogRecord) => void;

const severity = (level: LogLevelName): number => LOG_LEVELS.indexOf(level);

/**
 * The effective level of a logger is the one configured for its longest dotted prefix
 * (`plugins.foo.bar` → `plugins.foo` → `plugins` → `root`).
 */
export function resolveLevel(name: string, levels: Readonly<Record<string, LogLevelName>>): LogLevelName {
  const parts = name.split('.');
  for (let i = parts.length; i > 0; i--) {
    const level = levels[parts.slice(0, i).join('.')];
    if (level) return level;
  }
  return levels.root ?? 'info';
}

export function createLoggerFactory(options: {
  levels: Readonly<Record<string, LogLevelName>>;
  sink: LogSink;
}): LoggerFactory {
  const cache = new Map<string, Logger>();
  const make = (name: string): Logger => {
    const cached = cache.get(name);
    if (cached) return cached;
    const threshold = severity(resolveLevel(name, options.levels));
    const enabled = (level: LogLevelName) => threshold !== severity('off') && severity(level) >= threshold;
    const emit = (level: LogRecord['level'], message: string | Error, meta?: LogMeta) => {
      if (!enabled(level)) return;
      const isError = message instanceof Error;
      options.sink({
        timestamp: new Date(),
        level,
        logger: name,
        message: isError ? message.message : message,
        meta,
        error: isError ? message : meta?.error instanceof Error ? meta.error : undefined,
      });
    };
    const logger: Logger = {
      trace: (m, meta) => emit('trace', m, meta),
      debug: (m, meta) => emit('debug', m, meta),
      info: (m, meta) => emit('info', m, meta),
      warn: (m, meta) => emit('warn', m, meta),
      error: (m, meta) => emit('error', m, meta),
      fatal: (m, meta) => emit('fatal', m, meta),
      isLevelEnabled: (level) => enabled(level),
      get: (...children) => make([name, ...children].filter(Boolean).join('.')),
    };
    cache.set(name, logger);
    return logger;
  };
  return { get: (...names) => make(names.length === 0 ? 'root' : names.join('.')) };
}
