export { createLoggerFactory, resolveLevel, LOG_LEVELS } from './logger';
export type { Logger, LoggerFactory, LogLevelName, LogMeta, LogRecord, LogSink } from './logger';
export { formatJson, formatText } from './layouts';
export { createStreamSink, createMemorySink } from './sinks';
export type { MemorySink } from './sinks';
