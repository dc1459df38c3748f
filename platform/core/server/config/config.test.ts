import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { z } from 'zod/v4';
import { ConfigValidationError, loadRawConfig, parseCliArgs, resolveConfig } from '.';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'core-config-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

function writeYaml(name: string, text: string): string {
  const file = path.join(tmp, name);
  fs.writeFileSync(file, text);
  return file;
}

const resolve = (argv: string[], file?: string, plugins: Parameters<typeof resolveConfig>[1] = []) =>
  resolveConfig(loadRawConfig({ argv, defaultConfigFile: file }), plugins);

function problemsOf(fn: () => unknown): string[] {
  try {
    fn();
  } catch (error) {
    if (error instanceof ConfigValidationError) return error.problems;
    throw error;
  }
  throw new Error('expected a ConfigValidationError');
}

describe('command line', () => {
  it('parses --key=value, --key value, bare flags and -c', () => {
    expect(parseCliArgs(['--server.port=5602', '--server.host', '0.0.0.0', '--sampleData.enabled', '-c', 'x.yml'])).toEqual({
      configFiles: ['x.yml'],
      overrides: [
        { key: 'server.port', value: 5602, raw: '5602' },
        { key: 'server.host', value: '0.0.0.0', raw: '0.0.0.0' },
        { key: 'sampleData.enabled', value: true, raw: 'true' },
      ],
    });
  });

  it('rejects positional arguments and malformed names', () => {
    expect(() => parseCliArgs(['serve'])).toThrow('Unexpected argument [serve]');
    expect(() => parseCliArgs(['--a..b=1'])).toThrow('Invalid setting name [a..b]');
  });
});

describe('config resolution', () => {
  it('applies defaults', () => {
    const { core } = resolve([]);
    expect(core.server).toEqual({ port: 5601, host: '127.0.0.1', maxPayload: 1048576 });
    expect(core.path.data).toBe('./data');
    expect(core.elasticsearch.embedded.port).toBe(9200);
    expect(core.elasticsearch.hosts).toBeUndefined();
    expect(core.sampleData.enabled).toBe(true);
    expect(core.feature_flags.overrides).toEqual({});
  });

  it('takes every documented override exactly as written', () => {
    const { core } = resolve([
      '--server.port=5602',
      '--server.host=0.0.0.0',
      '--elasticsearch.embedded.port=0',
      '--path.data=/tmp/d',
      '--security.bootstrapPassword=123456',
      '--sampleData.enabled=false',
      '--feature_flags.overrides.securitySolution.preinstalledWorkflowsEnabled=true',
      '--logging.levels.plugins.securityAiAssistant=debug',
    ]);
    expect(core.server.port).toBe(5602);
    expect(core.server.host).toBe('0.0.0.0');
    expect(core.elasticsearch.embedded.port).toBe(0);
    expect(core.path.data).toBe('/tmp/d');
    expect(core.security.bootstrapPassword).toBe('123456');
    expect(core.sampleData.enabled).toBe(false);
    expect(core.feature_flags.overrides).toEqual({ 'securitySolution.preinstalledWorkflowsEnabled': true });
    expect(core.logging.levels).toEqual({ 'plugins.securityAiAssistant': 'debug' });
  });

  it('accepts one or several elasticsearch hosts', () => {
    expect(resolve(['--elasticsearch.hosts=http://es:9200']).core.elasticsearch.hosts).toEqual(['http://es:9200']);
    expect(
      resolve(['--elasticsearch.hosts=http://a:9200', '--elasticsearch.hosts=http://b:9200']).core.elasticsearch.hosts
    ).toEqual(['http://a:9200', 'http://b:9200']);
  });

  it('resolves flat dotted and nested YAML to the same keys; the command line wins', () => {
    const nested = writeYaml(
      'nested.yml',
      [
        'server:',
        '  port: 5700',
        'feature_flags:',
        '  overrides:',
        '    securitySolution:',
        '      preinstalledWorkflowsEnabled: true',
        'logging:',
        '  levels:',
        '    plugins.foo: debug',
      ].join('\n')
    );
    const flat = writeYaml(
      'flat.yml',
      [
        'server.port: 5700',
        'feature_flags.overrides.securitySolution.preinstalledWorkflowsEnabled: true',
        'logging.levels.plugins.foo: debug',
      ].join('\n')
    );
    const a = resolve([], nested).core;
    const b = resolve([], flat).core;
    expect(a).toEqual(b);
    expect(a.feature_flags.overrides).toEqual({ 'securitySolution.preinstalledWorkflowsEnabled': true });
    expect(resolve(['--server.port=5800'], flat).core.server.port).toBe(5800);
    expect(resolve(['-c', nested]).core.server.port).toBe(5700);
  });

  it('substitutes environment variables', () => {
    const file = writeYaml('env.yml', 'security.bootstrapPassword: ${TEST_PW_FOR_CONFIG:fallback-pw}\n');
    expect(resolveConfig(loadRawConfig({ defaultConfigFile: file, env: {} }), []).core.security.bootstrapPassword).toBe(
      'fallback-pw'
    );
    expect(
      resolveConfig(loadRawConfig({ defaultConfigFile: file, env: { TEST_PW_FOR_CONFIG: 'from-env' } }), []).core.security
        .bootstrapPassword
    ).toBe('from-env');
  });

  it('rejects unknown keys and invalid values with the key path', () => {
    expect(problemsOf(() => resolve(['--server.prot=1']))).toEqual(['[server.prot]: unknown setting']);
    expect(problemsOf(() => resolve(['--foo.bar=1']))).toEqual(['[foo]: unknown setting']);
    const [portProblem] = problemsOf(() => resolve(['--server.port=abc']));
    expect(portProblem).toMatch(/^\[server\.port\]: /);
    expect(problemsOf(() => resolve(['--server.port=70000']))[0]).toMatch(/^\[server\.port\]: Too big/);
    expect(problemsOf(() => resolve(['--logging.levels.x=loud']))[0]).toMatch(/^\[logging\.levels\.x\]: /);
    const users = writeYaml('users.yml', 'security.users:\n  - username: a\n    roles: [viewer]\n');
    expect(problemsOf(() => resolve([], users))).toEqual([
      '[security.users[0]]: exactly one of password or passwordHash is required',
    ]);
  });

  it('reports a YAML syntax error with the file name', () => {
    const bad = writeYaml('bad.yml', 'server:\n  port: [1\n');
    expect(() => resolve([], bad)).toThrow(/Cannot parse .*bad\.yml/);
  });

  it('validates plugin settings under their configPath and rejects keys their schema does not know', () => {
    const actions = {
      pluginId: 'actions',
      path: ['xpack', 'actions'],
      schema: z.object({ enabled: z.boolean().default(true), preconfigured: z.record(z.string(), z.object({ name: z.string() })).default({}) }),
    };
    const ok = resolve(['--xpack.actions.preconfigured.my-llm.name=My LLM'], undefined, [actions]);
    expect(ok.plugins.get('actions')).toEqual({ enabled: true, preconfigured: { 'my-llm': { name: 'My LLM' } } });
    expect(problemsOf(() => resolve(['--xpack.actions.nope=1'], undefined, [actions]))).toEqual([
      '[xpack.actions.nope]: unknown setting',
    ]);
    expect(problemsOf(() => resolve(['--xpack.actions.enabled=maybe'], undefined, [actions]))[0]).toMatch(
      /^\[xpack\.actions\.enabled\]: /
    );
    expect(problemsOf(() => resolve(['--xpack.other.x=1'], undefined, [actions]))).toEqual(['[xpack]: unknown setting']);
    expect(problemsOf(() => resolve(['--foo_bar.x=1'], undefined, [{ pluginId: 'fooBar', path: ['foo_bar'] }]))).toEqual([
      '[foo_bar]: plugin fooBar has no settings',
    ]);
  });

  it('uses the text as written where the schema wants a string', () => {
    const plugin = { pluginId: 'p', path: ['p'], schema: z.object({ token: z.string(), ids: z.array(z.string()).default([]) }) };
    expect(resolve(['--p.token=0012', '--p.ids=abc'], undefined, [plugin]).plugins.get('p')).toEqual({
      token: '0012',
      ids: ['abc'],
    });
  });
});
