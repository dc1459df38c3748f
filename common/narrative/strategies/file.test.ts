import { flatten, readerOf, renderWith } from '../test_helpers';
import { fileStrategy } from './file';

const alert = {
  event: { category: 'file', action: 'rename' },
  file: { path: '/home/bob/.bashrc', name: '.bashrc', extension: 'bashrc', size: 2048, hash: { sha256: 'ab12' } },
  user: { name: 'bob' },
  host: { name: 'dev-3' },
  'kibana.alert.severity': 'low',
};

describe('fileStrategy', () => {
  it('renders action, path, extension, size and hash; keeps the dot of dotfiles', () => {
    expect(renderWith(fileStrategy, alert)).toBe(
      'File rename /home/bob/.bashrc (bashrc), 2048 bytes sha256:ab12 by bob on dev-3 created low alert.',
    );
  });

  it('falls back to the file name and to "event"', () => {
    expect(renderWith(fileStrategy, { 'event.dataset': 'endpoint.events.file', 'file.name': 'x.docm' })).toBe(
      'File event x.docm',
    );
  });

  it('matches file alerts without a process name only', () => {
    expect(fileStrategy.matches(readerOf(flatten(alert)))).toBe(true);
    expect(fileStrategy.matches(readerOf({ 'event.dataset': 'file', 'file.name': 'a' }))).toBe(true);
    expect(fileStrategy.matches(readerOf({ ...alert, process: { name: 'vim' } }))).toBe(false);
    expect(fileStrategy.matches(readerOf({ event: { category: 'file' } }))).toBe(false);
    expect(fileStrategy.matches(readerOf({ event: { category: 'process' }, file: { name: 'a' } }))).toBe(false);
  });
});
