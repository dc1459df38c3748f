import { normalizeAlertRequests } from './fetch_alerts';

describe('normalizeAlertRequests', () => {
  it('fills the index from alertIndex, else the space alias, and drops duplicate ids keeping the first', () => {
    expect(
      normalizeAlertRequests(
        ['a', { alert_id: 'b', alert_index: 'ix' }, { alert_id: 'a', alert_index: 'other' }, { alert_id: 'c' }, 'b'],
        undefined,
        'soc',
      ),
    ).toEqual([
      { alertId: 'a', alertIndex: '.alerts-security.alerts-soc' },
      { alertId: 'b', alertIndex: 'ix' },
      { alertId: 'c', alertIndex: '.alerts-security.alerts-soc' },
    ]);
    expect(normalizeAlertRequests(['a'], '.internal.alerts-security.alerts-soc-000002', 'soc')).toEqual([
      { alertId: 'a', alertIndex: '.internal.alerts-security.alerts-soc-000002' },
    ]);
  });
});
