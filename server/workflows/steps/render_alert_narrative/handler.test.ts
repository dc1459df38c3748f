import { renderAlertNarrativeInputSchema, type RenderAlertNarrativeRawInput } from '../../../../common/workflows';
import { countRequests, startTestEs, type TestEs } from '../test_support/embedded_es';
import { createTestStepContext } from '../test_support/step_context';
import { renderAlertNarrativeHandler } from './handler';

const SPACE = 'soc';
const INDEX = `.internal.alerts-security.alerts-${SPACE}-000001`;
const ALIAS = `.alerts-security.alerts-${SPACE}`;

const base = (id: string, space = SPACE) => ({
  '@timestamp': '2026-01-10T12:00:00.000Z',
  'kibana.alert.uuid': id,
  'kibana.space_ids': [space],
  'kibana.alert.severity': 'medium',
  'kibana.alert.rule.name': 'Suspicious Download',
  'kibana.alert.ancestors': [{ id: 'x', type: 'event', index: 'logs', depth: 0 }],
  'kibana.alert.original_event': { category: 'process' },
});

let testEs: TestEs;
beforeAll(async () => {
  testEs = await startTestEs();
  await testEs.indexAlerts(SPACE, [
    {
      id: 'proc',
      doc: {
        ...base('proc'),
        event: { category: 'process', action: 'exec' },
        process: { name: 'curl', pid: 4242, args: ['curl', '-s', 'http://example.test/x'], parent: { name: 'sh', pid: 4200 }, ppid: 4200 },
        user: { name: 'svc-web' },
        host: { name: 'app-03' },
      },
    },
    { id: 'dns', doc: { ...base('dns'), 'kibana.alert.severity': 'low', dns: { question: { name: 'a.example' } }, host: { name: 'ws-1' } } },
    { id: 'foreign', doc: { ...base('foreign'), 'kibana.space_ids': ['other'], host: { name: 'x' } } },
  ]);
  await testEs.indexAlerts('other', [{ id: 'elsewhere', doc: { ...base('elsewhere', 'other'), host: { name: 'x' } } }]);
}, 60_000);
afterAll(async () => {
  await testEs.stop();
});

async function run(raw: RenderAlertNarrativeRawInput, spaceId = SPACE) {
  const input = renderAlertNarrativeInputSchema.parse(raw);
  const { context, logs } = createTestStepContext({ input, spaceId, esClient: testEs.client });
  return { result: await renderAlertNarrativeHandler(context), logs };
}

const PROC_NARRATIVE =
  'process event with process curl, parent process sh by svc-web on app-03 created medium alert Suspicious Download. ' +
  'svc-web@app-03 executed process curl (4242) curl -s http://example.test/x via parent process sh (4200)';

describe('renderAlertNarrativeHandler', () => {
  it('renders one alert from the space alias by default', async () => {
    const { result } = await run({ alertId: 'proc' });
    expect(result).toEqual({
      output: {
        alert_id: 'proc',
        alert_index: INDEX,
        strategy: 'process',
        timeline_string: PROC_NARRATIVE,
        narratives: [{ alert_id: 'proc', alert_index: INDEX, found: true, strategy: 'process', timeline_string: PROC_NARRATIVE }],
        errors: 0,
        message: 'Generated a Timeline-like string for alert proc.',
      },
    });
  });

  it('fails a single unknown alert with an error naming it, and logs the failure', async () => {
    const { result, logs } = await run({ alertId: 'nope', alertIndex: INDEX });
    expect(result).toEqual({ error: new Error(`Alert nope not found in ${INDEX}`) });
    expect(logs.map((l) => [l.level, l.message])).toEqual([['error', 'failed to generate alert timeline string']]);
  });

  it('rejects an index outside the space without reading it', async () => {
    const { result } = await run({ alertId: 'elsewhere', alertIndex: '.alerts-security.alerts-other' });
    expect('error' in result && result.error.message).toContain('is not an alerts index of space soc');
  });

  it('treats an alert whose kibana.space_ids lacks the space as not found', async () => {
    expect(await run({ alertId: 'foreign', alertIndex: INDEX })).toMatchObject({ result: { error: new Error(`Alert foreign not found in ${INDEX}`) } });
    expect(await run({ alertId: 'foreign' })).toMatchObject({ result: { error: new Error(`Alert foreign not found in ${ALIAS}`) } });
  });

  it('renders a batch of concrete-index entries with one mget, with per-item errors in input order', async () => {
    const counter = countRequests(testEs.client);
    const { result, logs } = await run({
      alertIds: [
        { alert_id: 'dns', alert_index: INDEX },
        { alert_id: 'proc', alert_index: INDEX, why: [] } as { alert_id: string; alert_index: string },
        { alert_id: 'missing', alert_index: INDEX },
        { alert_id: 'dns', alert_index: INDEX },
        { alert_id: 'elsewhere', alert_index: '.internal.alerts-security.alerts-other-000001' },
      ],
    });
    expect(counter.counts).toEqual({ _mget: 1 });
    if (!('output' in result)) throw result.error;
    expect(result.output.narratives.map((n) => [n.alert_id, n.found, n.strategy ?? n.error])).toEqual([
      ['dns', true, 'dns'],
      ['proc', true, 'process'],
      ['missing', false, `Alert missing not found in ${INDEX}`],
      ['elsewhere', false, expect.stringContaining('is not an alerts index of space soc')],
    ]);
    expect(result.output.timeline_string).toBe(
      `${INDEX}:dns: DNS query for a.example on ws-1 created low alert Suspicious Download.\n${INDEX}:proc: ${PROC_NARRATIVE}`,
    );
    expect(result.output).toMatchObject({ errors: 2, message: 'Generated Timeline-like strings for 2 of 4 alerts.' });
    expect(result.output).not.toHaveProperty('alert_id');
    expect(logs.map((l) => l.message)).toEqual(['Some alerts could not be rendered']);
  });

  it('reads alias entries with one search and mixes them with mget entries', async () => {
    const counter = countRequests(testEs.client);
    const { result } = await run({ alertIds: ['proc', { alert_id: 'dns', alert_index: INDEX }] });
    expect(counter.counts).toEqual({ _mget: 1, _search: 1 });
    expect('output' in result && result.output.narratives.map((n) => [n.alert_id, n.alert_index, n.found])).toEqual([
      ['proc', INDEX, true],
      ['dns', INDEX, true],
    ]);
  });

  it('fails a batch in which nothing renders', async () => {
    const { result } = await run({ alertIds: ['ghost1', 'ghost2'] });
    expect(result).toEqual({ error: new Error(`None of the 2 alerts could be rendered; first error: Alert ghost1 not found in ${ALIAS}`) });
  });

  it('truncates values to max_value_length', async () => {
    const { result } = await run({ alertId: 'proc', max_value_length: 16 });
    expect('output' in result && result.output.timeline_string).toContain('http://example.t…');
  });
});
