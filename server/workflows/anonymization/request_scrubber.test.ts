import fc from 'fast-check';
import { findLeaks, isToken, REDACTED } from '../../../common/anonymization';
import { createRequestScrubber, valueForms } from './request_scrubber';

const sequentialTokens = () => {
  let n = 0;
  return () => `00000000-0000-4000-8000-${String((n += 1)).padStart(12, '0')}`;
};

describe('valueForms', () => {
  it('gives the raw, HTML-escaped and JSON-escaped (once and twice) forms', () => {
    expect(valueForms('plain-host')).toEqual(['plain-host']);
    expect(valueForms(`O'Brien <admin> "x" & CORP\\bob`)).toEqual([
      `O'Brien <admin> "x" & CORP\\bob`,
      'O&#39;Brien &lt;admin&gt; &quot;x&quot; &amp; CORP\\bob',
      `O'Brien <admin> \\"x\\" & CORP\\\\bob`,
      `O'Brien <admin> \\\\\\"x\\\\\\" & CORP\\\\\\\\bob`,
    ]);
  });
});

describe('createRequestScrubber', () => {
  const values = {
    anonymized: [
      { value: 'fin-laptop-07', field: 'host.name' },
      { value: 'CORP\\mrossi', field: 'user.name' },
      { value: '10.20.30.40', field: 'host.ip' },
      { value: 'db', field: 'host.name' },
    ],
    denied: ['secret-badge-991'],
  };

  it('replaces every form of a value by one stable UUID token and denied values by [REDACTED]', () => {
    const scrubber = createRequestScrubber(values);
    const tokens = Object.keys(scrubber.replacements());
    expect(tokens).toHaveLength(4);
    expect(tokens.every(isToken)).toBe(true);
    const [host, user, ip] = tokens;
    const alertJson = JSON.stringify({ host: { name: 'fin-laptop-07' }, user: { name: 'CORP\\mrossi' }, badge: 'secret-badge-991' });
    const prompt = [
      '- host.name: FIN-LAPTOP-07',
      '- user.name: CORP\\mrossi',
      `attachment: ${JSON.stringify({ alert: alertJson })}`,
      'connected from 10.20.30.40:443 to db server',
    ].join('\n');
    const scrubbed = scrubber.scrub(prompt);
    expect(findLeaks(scrubbed, ['fin-laptop-07', 'mrossi', '10.20.30.40', 'secret-badge-991'])).toEqual([]);
    expect(scrubbed).toContain(`- host.name: ${host}`);
    expect(scrubbed).toContain(`- user.name: ${user}`);
    expect(scrubbed).toContain(`${ip}:443`);
    expect(scrubbed).toContain(REDACTED);
    // AN-4: a value shorter than 3 characters is not scrubbed from free text.
    expect(scrubbed).toContain('to db server');
    // Scrubbing is idempotent: tokens are never rewritten.
    expect(scrubber.scrub(scrubbed)).toBe(scrubbed);
  });

  it('restores tokens deep in strings, arrays and objects, keeping unknown tokens', () => {
    const scrubber = createRequestScrubber(values, { generateToken: sequentialTokens() });
    const [host, user] = Object.keys(scrubber.replacements());
    const unknown = '11111111-1111-4111-8111-111111111111';
    expect(
      scrubber.restore({
        rationale: `${user} ran a backup on ${host.toUpperCase()}`,
        factors: [`host ${host}`, 3, null, unknown],
        [host]: true,
      }),
    ).toEqual({ rationale: 'CORP\\mrossi ran a backup on fin-laptop-07', factors: ['host fin-laptop-07', 3, null, unknown], 'fin-laptop-07': true });
  });

  it('property: no collected value survives scrubbing, and restore(scrub(text)) is the text', () => {
    const word = fc.stringMatching(/^[a-z][a-z0-9-]{2,14}[0-9]$/);
    fc.assert(
      fc.property(fc.uniqueArray(word, { minLength: 1, maxLength: 6 }), fc.array(fc.constantFrom('on', 'from', 'to', '->', ',', '"', '\n', 'user'), { maxLength: 8 }), (names, fillers) => {
        const scrubber = createRequestScrubber({ anonymized: names.map((value) => ({ value, field: 'host.name' })), denied: [] });
        const text = names.flatMap((n, i) => [fillers[i % Math.max(1, fillers.length)] ?? '', n]).join(' ');
        const scrubbed = scrubber.scrub(text);
        expect(findLeaks(scrubbed, names)).toEqual([]);
        expect(scrubber.restore(scrubbed)).toBe(text);
      }),
      { numRuns: 150 },
    );
  });
});

describe('createRequestScrubber on truncated values', () => {
  it('replaces a protected value cut by a truncation marker, never a short or unrelated cut word', () => {
    const scrubber = createRequestScrubber({
      anonymized: [{ value: 'canary-host-7q2x', field: 'host.name' }],
      denied: ['secret-badge-991'],
    });
    const [token] = Object.keys(scrubber.replacements());
    expect(scrubber.scrub('copied to \\\\canary-ho…[truncated]')).toBe(`copied to \\\\${token}…[truncated]`);
    expect(scrubber.scrub('badge secret-b…')).toBe('badge [REDACTED]…');
    expect(scrubber.scrub('on cana…[truncated] and other-ho…')).toBe('on cana…[truncated] and other-ho…');
    expect(scrubber.scrub('canary-host-7q2x…')).toBe(`${token}…`);
  });
});
