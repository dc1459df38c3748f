import { ctx, endpoint, opt, suffix, tidy } from './compose';
import { readerOf } from './test_helpers';

describe('tidy', () => {
  it('collapses whitespace runs including newlines', () => {
    expect(tidy('a \n\t b   c')).toBe('a b c');
  });

  it('strips trailing commas, semicolons and spaces, then trims', () => {
    expect(tidy('  a, b ,; , ')).toBe('a, b');
  });

  it('keeps a space before "." or ":" and commas inside values', () => {
    expect(tidy('edited ~/ .bashrc : done, ok')).toBe('edited ~/ .bashrc : done, ok');
  });
});

describe('opt', () => {
  it('adds prefix and suffix only for present values', () => {
    expect(opt('x', ' (', ')')).toBe(' (x)');
    expect(opt(undefined, ' (', ')')).toBe('');
    expect(opt(0, ' pid ')).toBe(' pid 0');
  });
});

describe('ctx and suffix', () => {
  it('renders user and host when present', () => {
    expect(ctx(readerOf({ user: { name: 'u' }, host: { name: 'h' } }))).toBe(' by u on h');
    expect(ctx(readerOf({ host: { name: 'h' } }))).toBe(' on h');
    expect(ctx(readerOf({}))).toBe('');
  });

  it('renders the severity/rule suffix in its three shapes', () => {
    expect(suffix(readerOf({ 'kibana.alert.severity': 'high', 'kibana.alert.rule.name': 'R' }))).toBe(' created high alert R.');
    expect(suffix(readerOf({ 'kibana.alert.severity': 'high' }))).toBe(' created high alert.');
    expect(suffix(readerOf({ kibana: { alert: { rule: { name: 'R' } } } }))).toBe(' R.');
    expect(suffix(readerOf({}))).toBe('');
  });

  it('renders endpoints with ports and drops a lone port', () => {
    expect(endpoint(readerOf({ source: { ip: '1.2.3.4', port: 80 } }), 'source')).toBe('1.2.3.4:80');
    expect(endpoint(readerOf({ source: { port: 80 } }), 'source')).toBeUndefined();
  });
});
