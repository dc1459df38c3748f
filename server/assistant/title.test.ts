import { clampTitle, cleanTitle, fallbackTitle, titleRequestText } from './title';

const token = '3f2c9a1e-8b7d-4c6e-9f00-1a2b3c4d5e6f';

describe('title (§8.4)', () => {
  it('cleans the model answer and de-anonymizes it', () => {
    expect(cleanTitle(`Title: "Suspicious login on ${token}."`, { [token]: 'web01' })).toBe('Suspicious login on web01');
    expect(cleanTitle('<think>hmm</think>\n**PowerShell triage**', {})).toBe('PowerShell triage');
    expect(cleanTitle('', {})).toBe('');
  });

  it('clamps to 60 chars at a word boundary', () => {
    const long = 'Investigate the repeated failed logins against the domain controller from abroad';
    const clamped = clampTitle(long);
    expect(clamped.length).toBeLessThanOrEqual(60);
    expect(long.startsWith(clamped)).toBe(true);
    expect(long[clamped.length]).toBe(' ');
    expect(clampTitle('x'.repeat(80))).toBe('x'.repeat(60));
  });

  it('falls back to the text, then the first context description, then "New chat"', () => {
    expect(fallbackTitle('  Why   is this failing? ', [])).toBe('Why is this failing?');
    expect(fallbackTitle('', ['', 'Selected alert'])).toBe('Selected alert');
    expect(fallbackTitle('', [])).toBe('New chat');
  });

  it('sends the text and context descriptions, never context data', () => {
    expect(titleRequestText('what happened', ['Selected alert'])).toBe('what happened\nAttached: Selected alert');
  });
});
