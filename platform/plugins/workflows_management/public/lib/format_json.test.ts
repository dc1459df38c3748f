import { formatBytes, formatDuration, formatJsonForDisplay } from './format_json';
import { diagnosticToMarker, MARKER_SEVERITY, sortProblems } from './diagnostics';
import { parseAppRoute, workflowAppPath } from '../app/app_paths';

describe('formatJsonForDisplay', () => {
  it('pretty-prints and leaves small values whole', () => {
    expect(formatJsonForDisplay({ a: 1 })).toEqual({ text: '{\n  "a": 1\n}', truncated: false, bytes: 12 });
    expect(formatJsonForDisplay('plain').text).toBe('plain');
  });

  it('cuts at the byte limit without splitting a character', () => {
    const result = formatJsonForDisplay('é'.repeat(10), 5);
    expect(result).toEqual({ text: 'éé', truncated: true, bytes: 20 });
    const big = formatJsonForDisplay({ data: 'x'.repeat(2 * 1024 * 1024) });
    expect(big.truncated).toBe(true);
    expect(big.text.length).toBe(1024 * 1024);
  });

  it('formats sizes and durations', () => {
    expect(formatBytes(2 * 1024 * 1024)).toBe('2.0 MB');
    expect(formatDuration(250)).toBe('250 ms');
    expect(formatDuration(1500)).toBe('1.50 s');
    expect(formatDuration(125_000)).toBe('2m 5s');
    expect(formatDuration(undefined)).toBe('—');
  });
});

describe('diagnostics', () => {
  it('maps a diagnostic to a marker with a non-empty range', () => {
    expect(
      diagnosticToMarker({ severity: 'error', code: 'schema', message: 'bad', path: ['steps'], line: 3, column: 5, endLine: 3, endColumn: 5 }),
    ).toEqual({ severity: MARKER_SEVERITY.Error, message: 'bad', code: 'schema', source: 'workflows', startLineNumber: 3, startColumn: 5, endLineNumber: 3, endColumn: 6 });
    expect(diagnosticToMarker({ severity: 'warning', code: 'unknown-key', message: 'w', path: [], line: 0, column: 0, endLine: 0, endColumn: 0 }).severity).toBe(MARKER_SEVERITY.Warning);
  });

  it('sorts errors before warnings, then by position', () => {
    const p = (severity: 'error' | 'warning', line: number) => ({ severity, message: '', source: 'x', line, column: 1 });
    expect(sortProblems([p('warning', 1), p('error', 9), p('error', 2)]).map((x) => `${x.severity}${x.line}`)).toEqual(['error2', 'error9', 'warning1']);
  });
});

describe('app paths', () => {
  it('parses and builds list, create, editor and execution paths', () => {
    expect(parseAppRoute('/', '')).toEqual({ page: 'list' });
    expect(parseAppRoute('/create', '')).toEqual({ page: 'editor', tab: 'workflow', executionId: undefined });
    expect(parseAppRoute('/workflow-1', '?tab=executions&executionId=e1')).toEqual({ page: 'editor', workflowId: 'workflow-1', tab: 'executions', executionId: 'e1' });
    expect(workflowAppPath('workflow-1', 'e1')).toBe('/workflow-1?tab=executions&executionId=e1');
    expect(workflowAppPath(undefined, undefined, 'executions')).toBe('/create?tab=executions');
    expect(workflowAppPath('a b')).toBe('/a%20b');
  });
});
