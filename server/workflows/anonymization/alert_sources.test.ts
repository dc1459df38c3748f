import { alertsFromAttachments, alertsFromEvent, candidateAlertIds } from './alert_sources';

describe('alertsFromEvent', () => {
  it('returns the alert documents of an alert run, nothing otherwise', () => {
    expect(alertsFromEvent({ alerts: [{ _id: 'a1' }, 'junk', null, { _id: 'a2' }] })).toEqual([{ _id: 'a1' }, { _id: 'a2' }]);
    expect(alertsFromEvent({ alerts: 'nope' })).toEqual([]);
    expect(alertsFromEvent(undefined)).toEqual([]);
  });
});

describe('alertsFromAttachments', () => {
  it('reads security.alert data.alert as JSON text or object, else data itself', () => {
    const alert = { _id: 'a1', host: { name: 'h' } };
    expect(
      alertsFromAttachments([
        { type: 'security.alert', data: { alert: JSON.stringify(alert), attachmentLabel: 'label' } },
        { type: 'security.alert', data: { alert } },
        { type: 'security.alert', data: alert },
        { type: 'security.alert', data: JSON.stringify(alert) },
        { type: 'text', data: { alert } },
        { type: 'security.alert', data: { alert: '{not json' } },
        { type: 'security.alert', data: 'plain words' },
      ]),
    ).toEqual([alert, alert, alert, alert]);
  });
});

describe('candidateAlertIds', () => {
  const seed = 'a'.repeat(60) + '0123';

  it('finds id-shaped words with a digit, skips known ids, and puts words shaped like a known id first', () => {
    const related = 'b'.repeat(60) + '4567';
    const text = `- process.command_line: run.exe --job 42 x1y2z3w4\n${seed} [Rule, high] narrative\n${related} [Rule, low] (related because: host)`;
    expect(candidateAlertIds([text], new Set([seed]))).toEqual([related, 'x1y2z3w4']);
  });

  it('ignores words without digits or shorter than 6 chars, reads every text, and caps the list', () => {
    expect(candidateAlertIds(['alert-1 abc12 plainword 2026-11-29T10', 'alert-1 uuid 6f1c2c1e-2b7e-4c1a-9a55-1f2e3d4c5b6a'], new Set())).toEqual([
      'alert-1',
      '2026-11-29T10',
      '6f1c2c1e-2b7e-4c1a-9a55-1f2e3d4c5b6a',
    ]);
    const many = Array.from({ length: 300 }, (_, i) => `id-${String(i).padStart(5, '0')}`).join(' ');
    const ids = candidateAlertIds([many], new Set(), 200);
    expect(ids).toHaveLength(200);
    expect(ids[0]).toBe('id-00000');
  });
});
