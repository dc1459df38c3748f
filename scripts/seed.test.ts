import { parseSeedArgs, renderProgressBar } from './seed';

describe('seed CLI', () => {
  it('parses --key value and --key=value forms with defaults', () => {
    expect(parseSeedArgs(['--alerts', '1000', '--seed=7', '--space', 'soc'], {})).toEqual({
      alerts: 1000,
      seed: '7',
      space: 'soc',
      es: 'http://127.0.0.1:9200',
      username: undefined,
      password: undefined,
      now: undefined,
      manifest: 'target/sample_data/ground_truth.soc.json',
    });
    expect(parseSeedArgs([], { ELASTICSEARCH_HOSTS: 'http://es:9200' }).es).toBe('http://es:9200');
  });

  it('rejects unknown options, bad counts and bad space ids with the option named', () => {
    expect(() => parseSeedArgs(['--alert', '5'], {})).toThrow('Unknown option --alert');
    expect(() => parseSeedArgs(['--alerts', 'many'], {})).toThrow('--alerts must be a positive integer, got "many"');
    expect(() => parseSeedArgs(['--space', 'Bad Space'], {})).toThrow('--space must match');
    expect(() => parseSeedArgs(['--seed'], {})).toThrow('Missing value for --seed');
  });

  it('renders a progress bar', () => {
    expect(renderProgressBar(450_000, 1_000_000, 30_000, 20)).toBe('[#########-----------]  45%  450,000/1,000,000  15,000 alerts/s');
    expect(renderProgressBar(10, 10, 0, 4)).toBe('[####] 100%  10/10  0 alerts/s');
  });
});
