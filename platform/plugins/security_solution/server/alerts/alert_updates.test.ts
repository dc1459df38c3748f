import { applyStatusChange, applyTagsChange } from './alert_updates';

const base = { 'kibana.alert.workflow_status': 'open', 'kibana.alert.workflow_tags': ['a', 'b'], host: { name: 'h1' } };

describe('applyStatusChange', () => {
  const change = { username: 'elastic', now: '2026-01-01T00:00:00.000Z' };
  it('closes with a reason and records who and when; in-progress is stored as acknowledged', () => {
    expect(applyStatusChange(base, { ...change, status: 'closed', reason: 'false_positive' })).toEqual({
      ...base,
      'kibana.alert.workflow_status': 'closed',
      'kibana.alert.workflow_reason': 'false_positive',
      'kibana.alert.workflow_user': 'elastic',
      'kibana.alert.workflow_status_updated_at': '2026-01-01T00:00:00.000Z',
    });
    expect(applyStatusChange(base, { ...change, status: 'in-progress' })?.['kibana.alert.workflow_status']).toBe('acknowledged');
  });
  it('is a noop when nothing changes, and reopening removes the reason', () => {
    expect(applyStatusChange(base, { ...change, status: 'open' })).toBeUndefined();
    const closed = { ...base, 'kibana.alert.workflow_status': 'closed', 'kibana.alert.workflow_reason': 'duplicate' };
    expect(applyStatusChange(closed, { ...change, status: 'closed', reason: 'duplicate' })).toBeUndefined();
    expect(applyStatusChange(closed, { ...change, status: 'closed', reason: 'other' })?.['kibana.alert.workflow_reason']).toBe('other');
    expect(applyStatusChange(closed, { ...change, status: 'open' })).not.toHaveProperty('kibana.alert.workflow_reason');
  });
  it('replaces a nested kibana form by the flat key instead of writing both', () => {
    const nested = { kibana: { alert: { workflow_status: 'open', rule: { name: 'r' } } } };
    expect(applyStatusChange(nested, { ...change, status: 'closed' })).toEqual({
      kibana: { alert: { rule: { name: 'r' } } },
      'kibana.alert.workflow_status': 'closed',
      'kibana.alert.workflow_user': 'elastic',
      'kibana.alert.workflow_status_updated_at': '2026-01-01T00:00:00.000Z',
    });
    expect(nested.kibana.alert.workflow_status).toBe('open');
  });
});

describe('applyTagsChange', () => {
  it('computes (current ∪ add) ∖ remove keeping order, and noops when unchanged', () => {
    expect(applyTagsChange(base, { add: ['c', 'a'], remove: ['b'] })?.['kibana.alert.workflow_tags']).toEqual(['a', 'c']);
    expect(applyTagsChange(base, { add: ['a'], remove: ['zz'] })).toBeUndefined();
    expect(applyTagsChange({}, { add: ['x'], remove: [] })).toEqual({ 'kibana.alert.workflow_tags': ['x'] });
  });
});
