import { isHostAllowed } from './allowed_hosts';

describe('isHostAllowed', () => {
  it('allows everything with *', () => {
    expect(isHostAllowed(['*'], 'anything.example')).toBe(true);
  });

  it('matches exact hosts case-insensitively, with or without port', () => {
    expect(isHostAllowed(['api.example.com'], 'API.example.com')).toBe(true);
    expect(isHostAllowed(['api.example.com'], 'example.com')).toBe(false);
    expect(isHostAllowed(['127.0.0.1:8080'], '127.0.0.1', '127.0.0.1:8080')).toBe(true);
    expect(isHostAllowed(['127.0.0.1:8080'], '127.0.0.1', '127.0.0.1:9090')).toBe(false);
  });

  it('matches *.domain against subdomains only', () => {
    expect(isHostAllowed(['*.example.com'], 'a.example.com')).toBe(true);
    expect(isHostAllowed(['*.example.com'], 'a.b.example.com')).toBe(true);
    expect(isHostAllowed(['*.example.com'], 'example.com')).toBe(false);
    expect(isHostAllowed(['*.example.com'], 'badexample.com')).toBe(false);
    expect(isHostAllowed(['*.example.com'], 'example.com.evil.org')).toBe(false);
  });

  it('handles IPv6 brackets and an empty list', () => {
    expect(isHostAllowed(['::1'], '[::1]')).toBe(true);
    expect(isHostAllowed([], 'localhost')).toBe(false);
  });
});
