import { excerpts, textFieldsFromMappings } from './index_fields';

describe('textFieldsFromMappings', () => {
  it('collects text and semantic_text paths (objects and multi-fields), dropping indices without any', () => {
    expect(
      textFieldsFromMappings({
        docs: { mappings: { properties: { body: { type: 'text' }, meta: { properties: { summary: { type: 'match_only_text' }, id: { type: 'keyword' } } }, title: { type: 'keyword', fields: { text: { type: 'text' } } }, vec: { type: 'semantic_text' } } } },
        numbers: { mappings: { properties: { n: { type: 'long' } } } },
      }),
    ).toEqual({ docs: { text: ['body', 'meta.summary', 'title.text'], semantic_text: ['vec'] } });
  });
});

describe('excerpts', () => {
  const text = `${'a'.repeat(500)} ransomware ${'b'.repeat(500)} beacon ${'c'.repeat(500)}`;
  it('cuts windows around matched terms', () => {
    const out = excerpts(text, 'Ransomware beacon', { width: 40 });
    expect(out).toHaveLength(2);
    expect(out[0]).toContain('ransomware');
    expect(out[1]).toContain('beacon');
    expect(out[0].startsWith('…')).toBe(true);
  });
  it('falls back to the start of the text when nothing matches', () => {
    expect(excerpts('short text', 'zzz')).toEqual(['short text']);
  });
});
