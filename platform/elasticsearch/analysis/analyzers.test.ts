import fc from 'fast-check';
import { EsError } from '../errors';
import { getAnalyzer, normalizeKeyword } from './index';
import { segmenterWordSpans, wordSpans } from './word_segments';

const terms = (analyzer: string, text: string): string[] => getAnalyzer(analyzer).analyze(text).map((t) => t.term);

describe('standard analyzer', () => {
  it.each([
    ['snicker-snack!', ['snicker', 'snack']],
    ['example.com', ['example.com']],
    ['192.168.0.1', ['192.168.0.1']],
    ["don't", ["don't"]],
    ['foo_bar', ['foo_bar']],
    ['a@b.com', ['a', 'b.com']],
    ['The vorpal blade went snicker-snack!', ['the', 'vorpal', 'blade', 'went', 'snicker', 'snack']],
    ['3.14 1,000 U.S.A. wi-fi', ['3.14', '1,000', 'u.s.a', 'wi', 'fi']],
    ['__ _x_ a..b', ['_x_', 'a', 'b']],
    ['', []],
  ])('%j -> %j', (text, expected) => {
    expect(terms('standard', text)).toEqual(expected);
  });

  it('gives positions and UTF-16 offsets', () => {
    expect(getAnalyzer('standard').analyze('Quick  Fox!')).toEqual([
      { term: 'quick', position: 0, startOffset: 0, endOffset: 5 },
      { term: 'fox', position: 1, startOffset: 7, endOffset: 10 },
    ]);
  });

  it('splits Han per character, keeps katakana, hangul and Thai runs whole, emits emoji', () => {
    expect(terms('standard', '中文字 カタカナ 한국어 ไทยภาษา 👍🏽 ひらがな')).toEqual([
      '中', '文', '字', 'カタカナ', '한국어', 'ไทยภาษา', '👍🏽', 'ひ', 'ら', 'が', 'な',
    ]);
  });

  it('lowercases code point by code point like Java', () => {
    expect(terms('standard', 'ΟΔΟΣ İstanbul ÉTÉ')).toEqual(['οδοσ', 'istanbul', 'été']);
  });

  it('splits tokens longer than 255 chars into chunks with their own positions', () => {
    const tokens = getAnalyzer('standard').analyze('x'.repeat(600));
    expect(tokens.map((t) => [t.term.length, t.position, t.startOffset])).toEqual([
      [255, 0, 0],
      [255, 1, 255],
      [90, 2, 510],
    ]);
  });

  it('uses offsets of the original text for non-ASCII input', () => {
    expect(getAnalyzer('standard').analyze('é 中x')).toEqual([
      { term: 'é', position: 0, startOffset: 0, endOffset: 1 },
      { term: '中', position: 1, startOffset: 2, endOffset: 3 },
      { term: 'x', position: 2, startOffset: 3, endOffset: 4 },
    ]);
  });

  it('ASCII fast path agrees with Intl.Segmenter on arbitrary ASCII text', () => {
    const alphabet = 'aZ9 0.:,;\'_-@/!\t\n"x1'.split('');
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...alphabet), { maxLength: 16 }), (chars) => {
        const text = chars.join('');
        expect(wordSpans(text)).toEqual(segmenterWordSpans(text));
      }),
      { numRuns: 3000 },
    );
  });
});

describe('other analyzers', () => {
  it('simple splits on non-letters and lowercases', () => {
    expect(terms('simple', "Don't stop-2-Believe ÉTÉ")).toEqual(['don', 't', 'stop', 'believe', 'été']);
  });

  it('whitespace keeps case and punctuation', () => {
    expect(getAnalyzer('whitespace').analyze(' Foo-Bar\tBAZ!\u00a0x ')).toEqual([
      { term: 'Foo-Bar', position: 0, startOffset: 1, endOffset: 8 },
      { term: 'BAZ!\u00a0x', position: 1, startOffset: 9, endOffset: 15 },
    ]);
  });

  it('keyword emits the whole input as one token', () => {
    expect(getAnalyzer('keyword').analyze('Foo Bar')).toEqual([
      { term: 'Foo Bar', position: 0, startOffset: 0, endOffset: 7 },
    ]);
  });

  it('stop removes English stop words and leaves position gaps', () => {
    expect(getAnalyzer('stop').analyze('The quick and the dead').map((t) => [t.term, t.position])).toEqual([
      ['quick', 1],
      ['dead', 4],
    ]);
  });

  it('rejects other analyzers as unsupported', () => {
    expect(() => getAnalyzer('english')).toThrow(EsError);
    let thrown: unknown;
    try {
      getAnalyzer('my_custom');
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(EsError);
    expect((thrown as EsError).meta).toEqual({ embedded_unsupported: 'custom_analysis' });
    expect((thrown as EsError).reason).toMatch(/^analyzer \[my_custom\] is not supported/);
  });
});

describe('normalizeKeyword', () => {
  it('keeps the value without a normalizer and lowercases with lowercase', () => {
    expect(normalizeKeyword('Foo BAR', undefined)).toBe('Foo BAR');
    expect(normalizeKeyword('Foo BAR İ', 'lowercase')).toBe('foo bar i');
  });

  it('rejects other normalizers', () => {
    expect(() => normalizeKeyword('x', 'my_norm')).toThrow(/normalizer \[my_norm\] is not supported/);
  });
});
