import { formatJson, formatText } from './layouts';
import type { LogRecord, LogSink } from './logger';

/** Writes one line per record to a stream (stdout by default). */
export function createStreamSink(options: {
  layout: 'json' | 'text';
  write?: (line: string) => void;
}): LogSink {
  const write = options.write ?? ((line: string) => process.stdout.write(line));
  const format = options.layout === 'json' ? formatJson : formatText;
  return (record) => write(`${format(record)}\n`);
}

export interface MemorySink {
  sink: LogSink;
  records: LogRecord[];
}

/** Keeps records in memory: for tests that assert on what was logged. */
export function createMemorySink(): MemorySink {
  const records: LogRecord[] = [];
  return { records, sink: (record) => records.push(record) };
}
