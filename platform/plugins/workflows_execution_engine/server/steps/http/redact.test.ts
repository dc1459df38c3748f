import { redactStepInput, REDACTED } from './redact';

describe('redactStepInput', () => {
  it('masks authorization, proxy-authorization, cookie and x-api-key headers of http inputs, any case', () => {
    const input = {
      url: 'https://x.example',
      headers: { Authorization: 'Bearer abc', 'Proxy-Authorization': 'Basic x', cookie: 's=1', 'X-API-Key': 'k', accept: 'text/plain' },
    };
    expect(redactStepInput('http', input)).toEqual({
      url: 'https://x.example',
      headers: { Authorization: REDACTED, 'Proxy-Authorization': REDACTED, cookie: REDACTED, 'X-API-Key': REDACTED, accept: 'text/plain' },
    });
    expect(input.headers.Authorization).toBe('Bearer abc');
  });

  it('also masks kibana.request and elasticsearch.request headers', () => {
    expect(redactStepInput('kibana.request', { path: '/api/x', headers: { authorization: 'x' } })).toEqual({
      path: '/api/x',
      headers: { authorization: REDACTED },
    });
    expect(redactStepInput('elasticsearch.request', { path: '/_search', headers: { 'x-api-key': 'x' } })).toEqual({
      path: '/_search',
      headers: { 'x-api-key': REDACTED },
    });
  });

  it('leaves other steps and inputs without headers unchanged', () => {
    const record = { headers: { authorization: 'kept: data.set stores what it sets' } };
    expect(redactStepInput('data.set', record)).toBe(record);
    const noHeaders = { url: 'https://x.example' };
    expect(redactStepInput('http', noHeaders)).toBe(noHeaders);
    expect(redactStepInput('http', undefined)).toBeUndefined();
  });
});
