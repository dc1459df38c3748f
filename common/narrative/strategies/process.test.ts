import { flatten, readerOf, renderWith } from '../test_helpers';
import { processStrategy } from './process';

const example = {
  event: { category: 'process', action: 'exec' },
  process: {
    name: 'curl',
    pid: 4242,
    args: ['curl', '-s', 'http://example.test/x'],
    parent: { name: 'sh', pid: 4200 },
    ppid: 4200,
  },
  user: { name: 'svc-web' },
  host: { name: 'app-03' },
  'kibana.alert.severity': 'medium',
  'kibana.alert.rule.name': 'Suspicious Download',
};

describe('processStrategy', () => {
  it('renders the spec example without a duplicated parent pid', () => {
    expect(renderWith(processStrategy, example)).toBe(
      'process event with process curl, parent process sh by svc-web on app-03 created medium alert Suspicious ' +
        'Download. svc-web@app-03 executed process curl (4242) curl -s http://example.test/x via parent process sh (4200)',
    );
  });

  it('adds ppid when it differs from parent.pid or parent.pid is absent', () => {
    const differing = { process: { name: 'a', parent: { pid: 10 }, ppid: 11 } };
    expect(renderWith(processStrategy, differing)).toBe(
      'alert event with process a process a via parent process (10) (11)',
    );
    const onlyPpid = { process: { name: 'a', ppid: '12' } };
    expect(renderWith(processStrategy, onlyPpid)).toBe('alert event with process a process a via parent process (12)');
  });

  it('renders "alert event" for an empty source', () => {
    expect(renderWith(processStrategy, {})).toBe('alert event');
  });

  it('keeps the message out of the decision to render the process row', () => {
    expect(renderWith(processStrategy, { message: 'hello' })).toBe('alert event');
  });

  it('renders identity with domain, working directory, title, exit code, outcome, labelled hash and message', () => {
    const source = {
      'event.category': ['process', 'start'],
      'event.action': 'termination_event',
      'event.outcome': 'success',
      user: { name: 'alice', domain: 'CORP' },
      host: { name: 'ws-1' },
      process: {
        working_directory: '/tmp',
        executable: '/usr/bin/python3',
        title: 'worker',
        exit_code: 0,
        hash: { sha256: 'ff00' },
      },
      message: 'done',
    };
    expect(renderWith(processStrategy, source)).toBe(
      'process, start event by alice on ws-1 alice\\CORP@ws-1 in /tmp terminated process /usr/bin/python3 worker ' +
        'with exit code 0 with result success sha256:ff00 done',
    );
  });

  it('maps actions to verbs', () => {
    const verb = (action: string) => renderWith(processStrategy, { host: { name: 'h' }, event: { action } });
    expect(verb('fork')).toBe('alert event on h h forked process');
    expect(verb('process_started')).toBe('alert event on h h started process');
    expect(verb('Deletion_Event')).toBe('alert event on h h terminated process');
    expect(verb('something')).toBe('alert event on h h process');
  });

  it('lists items without a trailing comma and drops ports without ips', () => {
    const source = { file: { name: 'a.txt' }, source: { port: 22 }, destination: { ip: '10.0.0.1', port: 22 } };
    expect(renderWith(processStrategy, source)).toBe('alert event with file a.txt, destination 10.0.0.1:22');
  });

  it('renders flat, nested and mixed forms the same way', () => {
    const nested = renderWith(processStrategy, example);
    expect(renderWith(processStrategy, flatten(example))).toBe(nested);
    const mixed = { ...example, process: undefined, 'process.name': 'curl', 'process.pid': 4242, 'process.args': example.process.args, 'process.parent': { name: 'sh', pid: 4200 }, 'process.ppid': 4200 };
    expect(renderWith(processStrategy, mixed)).toBe(nested);
  });

  it('always matches (it is the fallback)', () => {
    expect(processStrategy.matches(readerOf({}))).toBe(true);
  });
});
