import type { AlertFieldReader } from '../../workflows/field_access';
import { ctx, endpoint, opt, suffix } from '../compose';
import type { NarrativeStrategy } from '../types';

/** Fields the process row reads; without any of them (message aside) the row is left out. */
const PROCESS_ROW_FIELDS = [
  'user.name',
  'user.domain',
  'host.name',
  'process.working_directory',
  'event.action',
  'process.name',
  'process.executable',
  'process.pid',
  'process.args',
  'process.title',
  'process.exit_code',
  'process.parent.name',
  'process.parent.pid',
  'process.ppid',
  'event.outcome',
  'process.hash.sha256',
];

const ACTION_WORDS: ReadonlyArray<[readonly string[], string]> = [
  [['fork'], 'forked process'],
  [['exec'], 'executed process'],
  [['start', 'process_started', 'creation_event', 'creation'], 'started process'],
  [['end', 'termination_event', 'process_stopped', 'deletion_event'], 'terminated process'],
];

function actionWord(alert: AlertFieldReader): string {
  const action = alert.text('event.action')?.toLowerCase();
  const hit = ACTION_WORDS.find(([actions]) => action !== undefined && actions.includes(action));
  return hit === undefined ? 'process' : hit[1];
}

function alertRow(alert: AlertFieldReader): string {
  const items = [
    opt(alert.text('process.name'), 'process '),
    opt(alert.text('process.parent.name'), 'parent process '),
    opt(alert.text('file.name'), 'file '),
    opt(endpoint(alert, 'source'), 'source '),
    opt(endpoint(alert, 'destination'), 'destination '),
  ].filter((item) => item !== '');
  const with_ = items.length > 0 ? ` with ${items.join(', ')}` : '';
  return `${alert.text('event.category') ?? 'alert'} event${with_}${ctx(alert)}${suffix(alert)}`;
}

function identity(alert: AlertFieldReader): string {
  const user = alert.text('user.name');
  const host = alert.text('host.name');
  if (user === undefined) return host ?? '';
  return user + opt(alert.text('user.domain'), '\\') + opt(host, '@');
}

function parent(alert: AlertFieldReader): string {
  const name = alert.text('process.parent.name');
  const parentPid = alert.num('process.parent.pid');
  const ppid = alert.num('process.ppid');
  if (name === undefined && parentPid === undefined && ppid === undefined) return '';
  // parent.pid and ppid are usually the same number: print ppid only when it adds something.
  const extraPpid = ppid !== undefined && ppid !== parentPid ? ppid : undefined;
  return ' via parent process' + opt(name) + opt(parentPid, ' (', ')') + opt(extraPpid, ' (', ')');
}

function processRow(alert: AlertFieldReader): string {
  if (!PROCESS_ROW_FIELDS.some((field) => alert.has(field))) return '';
  const args = alert.values('process.args')?.join(' ');
  return (
    identity(alert) +
    opt(alert.text('process.working_directory'), ' in ') +
    ` ${actionWord(alert)}` +
    opt(alert.firstText('process.name', 'process.executable')) +
    opt(alert.num('process.pid'), ' (', ')') +
    opt(args) +
    opt(alert.text('process.title')) +
    opt(alert.num('process.exit_code'), ' with exit code ') +
    parent(alert) +
    opt(alert.text('event.outcome'), ' with result ') +
    opt(alert.text('process.hash.sha256'), ' sha256:') +
    opt(alert.text('message'))
  );
}

/** The fallback: a Timeline-like alert row, then the process row when process fields exist. */
export const processStrategy: NarrativeStrategy = {
  id: 'process',
  priority: 0,
  matches: () => true,
  render: (alert) => `${alertRow(alert)} ${processRow(alert)}`,
};
