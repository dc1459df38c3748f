import { buildAlertEntityGraphInputSchema, type BuildAlertEntityGraphRawInput } from '../../../../common/workflows';
import { startTestEs, type TestEs } from '../test_support/embedded_es';
import { createTestStepContext } from '../test_support/step_context';
import { buildAlertEntityGraphHandler } from './handler';

const SPACE = 'graph';
let testEs: TestEs;
beforeAll(async () => {
  testEs = await startTestEs();
  const doc = (id: string, minutes: number) => ({
    id,
    doc: {
      '@timestamp': new Date(Date.UTC(2026, 0, 10, 12) + minutes * 60_000).toISOString(),
      'kibana.alert.uuid': id,
      'kibana.space_ids': [SPACE],
      host: { name: 'web-1' },
      user: { name: 'alice' },
    },
  });
  await testEs.indexAlerts(SPACE, [doc('seed', 0), doc('related', 10)]);
}, 60_000);
afterAll(async () => {
  await testEs.stop();
});

async function run(raw: BuildAlertEntityGraphRawInput, abortSignal?: AbortSignal) {
  const input = buildAlertEntityGraphInputSchema.parse(raw);
  const { context, logs } = createTestStepContext({ input, spaceId: SPACE, esClient: testEs.client, abortSignal });
  return { result: await buildAlertEntityGraphHandler(context), logs };
}

describe('buildAlertEntityGraphHandler', () => {
  it('builds the graph with the default entity fields', async () => {
    const { result } = await run({ alertId: 'seed', alertIndex: `.internal.alerts-security.alerts-${SPACE}-000001` });
    if (!('output' in result)) throw result.error;
    expect(result.output.nodes).toEqual([{ id: 'seed' }, { id: 'related' }]);
    expect(result.output.alerts[1].why_text).toBe('seed (score 2): host.name=web-1, user.name=alice');
  });

  it('rejects an alertIndex outside the space with a clear error and logs it', async () => {
    const { result, logs } = await run({ alertId: 'seed', alertIndex: '.alerts-security.alerts-default' });
    expect('error' in result && result.error.message).toBe(
      'Index .alerts-security.alerts-default is not an alerts index of space graph; use .alerts-security.alerts-graph or ' +
        'one of its .internal.alerts-security.alerts-graph-NNNNNN backing indices',
    );
    expect(logs.map((l) => [l.level, l.message])).toEqual([['error', 'failed to get related alerts']]);
  });

  it('names an unknown alert id in the error', async () => {
    const { result } = await run({ alertId: 'ghost' });
    expect(result).toEqual({ error: new Error('Alert with ID ghost not found in space graph') });
  });

  it('warns about an invalid window and uses 1h', async () => {
    const { result, logs } = await run({ alertId: 'seed', expand_window: 'a while' });
    expect('output' in result).toBe(true);
    expect(logs.filter((l) => l.level === 'warn').map((l) => l.message)).toEqual([
      'Invalid expand_window "a while": expected <number><s|m|h|d>; using 1h',
    ]);
  });

  it('passes the abort signal to Elasticsearch', async () => {
    const controller = new AbortController();
    controller.abort();
    const { result } = await run({ alertId: 'seed' }, controller.signal);
    expect('error' in result && result.error.message).toMatch(/^Seed alert lookup in \.alerts-security\.alerts-graph failed: .*abort/i);
  });
});
