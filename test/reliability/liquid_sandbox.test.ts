/**
 * Bad input (issue 8/8): Liquid templates that reach for prototypes and constructors, read files, or try to run
 * forever / allocate without bound. The workflow Liquid engine (ownPropertyOnly, no file system, an allow-list of
 * tags, parse/render/memory limits) must stop each one with a clear template error, pollute nothing, and the host
 * must keep answering while a hostile template runs through `POST /api/workflows/test`.
 */
import {
  DEFAULT_LIQUID_LIMITS,
  MAX_LIQUID_LIMITS,
  TemplateRenderError,
  createWorkflowLiquid,
  evaluateTypedExpression,
  renderTemplateString,
  renderWorkflowValue,
} from '../../platform/packages/workflows';
import { startTestPlatform, type TestPlatform } from '../helpers';
import { isClearError, oneStepWorkflowYaml, testRun } from './helpers/bad_input_workflows';

jest.setTimeout(120_000);

const context = () => ({
  alert: { host: { name: 'srv-1' }, tags: ['a', 'b'] },
  text: 'plain string',
  list: [1, 2, 3],
  blank_obj: {},
});

/** Templates that must render to nothing (or to the plain own data) instead of reaching a prototype. */
const PROTOTYPE_PROBES = [
  '{{ alert.constructor }}',
  '{{ alert.constructor.name }}',
  '{{ alert["constructor"]["constructor"] }}',
  '{{ alert.__proto__ }}',
  '{{ alert.__proto__.constructor }}',
  '{{ text.constructor }}',
  '{{ text.toUpperCase }}',
  '{{ text.constructor.constructor }}',
  '{{ list.constructor }}',
  '{{ list.__proto__.push }}',
  '{{ blank_obj.toString }}',
  '{{ blank_obj.hasOwnProperty }}',
  '{{ blank_obj.__defineGetter__ }}',
  '{% assign c = alert.constructor %}{{ c.constructor }}',
  '{% for k in alert.__proto__ %}{{ k }}{% endfor %}',
  '{{ alert | map: "constructor" | join: "" }}',
  '{{ blank_obj.__proto__.polluted }}',
];

/** Each must fail with a TemplateRenderError whose message matches. */
const STOPPED: Array<[string, RegExp]> = [
  ['{{ "" | constructor }}', /undefined filter: constructor/],
  ['{{ text | __proto__ }}', /undefined filter/],
  ['{% include "secrets.yml" %}', /unsupported tags/],
  ['{% render "x" %}', /unsupported tags/],
  ['{% layout "x" %}', /unsupported tags/],
  ['{%- include payload %}', /unsupported tags/],
  ['{% tablerow i in (1..3) %}{% endtablerow %}', /tag "tablerow" not found/],
  // Loops and allocations without bound: memoryLimit stops a huge range at once, renderLimit a long-running one.
  ['{% for i in (1..100000000) %}x{% endfor %}', /memory alloc limit exceeded|render limit exceeded/],
  ['{% liquid\nfor i in (1..1000000000)\necho i\nendfor %}', /memory alloc limit exceeded|render limit exceeded/],
  ['{% for a in (1..10000) %}{% for b in (1..10000) %}{% endfor %}{% endfor %}', /render limit exceeded|memory alloc limit exceeded/],
  ['{% capture c %}{% for i in (1..5000) %}{% for j in (1..5000) %}x{% endfor %}{% endfor %}{% endcapture %}', /render limit exceeded|memory alloc limit exceeded/],
  // String doubling: 10 × 2^40 characters.
  ['{% assign s = "xxxxxxxxxx" %}{% for i in (1..40) %}{% assign s = s | append: s %}{% endfor %}{{ s | size }}', /memory alloc limit exceeded|render limit exceeded/],
  ['{{ "x" | append: "x" | append: "x" | split: "" | join: "yyyyyyyyyyyyyyyyyyyyyyyyyyyyyy" | size }}', /^$/],
];

const polluted = () => Object.prototype.hasOwnProperty.call(Object.prototype, 'polluted') || ({} as Record<string, unknown>).polluted !== undefined;

describe('Liquid sandbox (engine level)', () => {
  const liquid = createWorkflowLiquid();

  it('never exposes constructors or prototypes (ownPropertyOnly)', async () => {
    for (const template of PROTOTYPE_PROBES) {
      const rendered = await renderTemplateString(template, context(), liquid);
      expect({ template, rendered }).toEqual({ template, rendered: '' });
    }
    // Typed expressions go through evalValue: the same rule.
    for (const expression of ['${{ alert.constructor }}', '${{ text.constructor.constructor }}', '${{ list.__proto__ }}']) {
      await expect(evaluateTypedExpression(expression, context(), liquid)).resolves.toBeUndefined();
    }
    // Own data stays reachable.
    await expect(renderTemplateString('{{ alert.host.name }} {{ list.size }} {{ text.size }}', context(), liquid)).resolves.toBe('srv-1 3 12');
    expect(polluted()).toBe(false);
  });

  it('stops hostile tags, filters, endless loops and allocations with a clear template error, each in bounded time', async () => {
    const timings: string[] = [];
    for (const [template, message] of STOPPED) {
      const started = Date.now();
      let error: unknown;
      let rendered: string | undefined;
      try {
        rendered = await renderTemplateString(template, context(), liquid);
      } catch (caught) {
        error = caught;
      }
      const ms = Date.now() - started;
      timings.push(`${ms}ms`);
      if (message.source === '^$') {
        // A bounded template that renders: it must not be blocked by the limits.
        expect(error).toBeUndefined();
        expect(rendered).toBe('63');
        continue;
      }
      expect(error).toBeInstanceOf(TemplateRenderError);
      expect({ template, message: (error as Error).message }).toEqual({ template, message: expect.stringMatching(message) });
      // renderLimit is 1 s; allow generous headroom on a loaded machine, but not "forever".
      expect(ms).toBeLessThan(DEFAULT_LIQUID_LIMITS.renderLimit * 15);
    }
    // eslint-disable-next-line no-console
    console.log(`liquid sandbox: ${STOPPED.length} hostile templates, times ${timings.join(' ')}`);
  });

  it('keys named __proto__ / constructor in rendered values pollute nothing', async () => {
    const value = JSON.parse('{"__proto__":{"polluted":"yes"},"constructor":{"prototype":{"polluted":"yes"}},"m":"{{ text }}"}') as unknown;
    const out = (await renderWorkflowValue(value, context(), liquid)) as Record<string, unknown>;
    expect(out.m).toBe('plain string');
    expect(out.polluted).toBeUndefined();
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
    expect(Object.keys(out)).toEqual(['__proto__', 'constructor', 'm']);
    expect(polluted()).toBe(false);
  });

  it('settings.liquid can raise the limits only up to the maxima', async () => {
    const raised = createWorkflowLiquid({ renderLimit: 10_000_000, memoryLimit: Number.MAX_SAFE_INTEGER, parseLimit: 1e12 });
    expect(raised.options.renderLimit).toBe(MAX_LIQUID_LIMITS.renderLimit);
    expect(raised.options.memoryLimit).toBe(MAX_LIQUID_LIMITS.memoryLimit);
    expect(raised.options.parseLimit).toBe(MAX_LIQUID_LIMITS.parseLimit);
    await expect(renderTemplateString('{% for i in (1..100000000) %}x{% endfor %}', {}, raised)).rejects.toBeInstanceOf(TemplateRenderError);
    // A template longer than parseLimit is refused before it is parsed.
    await expect(renderTemplateString(`{{ "${'x'.repeat(MAX_LIQUID_LIMITS.parseLimit + 10)}" }}`, {}, raised)).rejects.toThrow(/parse length limit exceeded/);
  });
});

describe('Liquid sandbox (through POST /api/workflows/test)', () => {
  let tp: TestPlatform;

  beforeAll(async () => {
    tp = await startTestPlatform({ plugins: ['workflowsManagement'] });
  });

  afterAll(async () => {
    await tp?.stop();
  });

  it('a hostile template fails its step with a clear error while the host keeps answering', async () => {
    const hostile = [
      '{% for a in (1..10000) %}{% for b in (1..10000) %}{% endfor %}{% endfor %}',
      '{% assign s = "xxxxxxxxxx" %}{% for i in (1..40) %}{% assign s = s | append: s %}{% endfor %}{{ s }}',
      '{% for i in (1..100000000) %}x{% endfor %}',
    ];
    for (const template of hostile) {
      // settings.liquid at the maxima: still stopped.
      const yaml = oneStepWorkflowYaml('console', { message: template }).replace(
        'triggers:',
        `settings:\n  liquid:\n    renderLimit: ${MAX_LIQUID_LIMITS.renderLimit}\n    memoryLimit: ${MAX_LIQUID_LIMITS.memoryLimit}\ntriggers:`,
      );
      const runPromise = testRun(tp, yaml);
      // While the template runs, the host answers other requests.
      const statusStarted = Date.now();
      const status = await tp.get('/api/status');
      const statusMs = Date.now() - statusStarted;
      expect(status.status).toBe(200);
      const { response, execution } = await runPromise;
      expect({ status: response.status, body: response.body }).toMatchObject({ status: 200 });
      expect(execution?.status).toBe('failed');
      const step = execution?.stepExecutions.find((s) => s.stepId === 'fuzzed_step');
      expect(step?.status).toBe('failed');
      expect(step?.error?.message).toMatch(/limit exceeded/);
      expect(isClearError(step?.error)).toBe(true);
      // eslint-disable-next-line no-console
      console.log(`liquid sandbox via API: /api/status answered in ${statusMs} ms during a hostile render`);
    }
  });

  it('settings.liquid beyond the maxima is a 400 with a diagnostic, not a bigger sandbox', async () => {
    const yaml = oneStepWorkflowYaml('console', { message: 'hi' }).replace('triggers:', 'settings:\n  liquid:\n    renderLimit: 100000000\ntriggers:');
    const { response } = await testRun(tp, yaml);
    expect(response.status).toBe(400);
    expect(response.body.attributes?.diagnostics?.some((d) => d.code === 'schema' && /renderLimit|2000/.test(d.message))).toBe(true);
  });

  it('a prototype probe in a step input renders to nothing; a file tag is a 400 with a diagnostic', async () => {
    const { execution } = await testRun(tp, oneStepWorkflowYaml('data.set', { a: '{{ workflow.constructor }}', b: '{{ execution.__proto__ }}', c: '${{ steps.constructor }}' }));
    expect(execution?.status).toBe('completed');
    const step = execution?.stepExecutions.find((s) => s.stepId === 'fuzzed_step');
    expect(step?.output).toEqual({ a: '', b: '' });

    const { response } = await testRun(tp, oneStepWorkflowYaml('console', { message: '{% include "/etc/passwd" %}' }));
    expect(response.status).toBe(400);
    expect(JSON.stringify(response.body)).toMatch(/unsupported tags/i);
    expect(polluted()).toBe(false);
  });
});
