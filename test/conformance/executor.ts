import type { ApiRegistry } from './api_spec';
import type { HttpResponse } from './http_client';
import {
  type AssertionFailure,
  type Comparison,
  assertCloseTo,
  assertCompare,
  assertContains,
  assertIsFalse,
  assertIsTrue,
  assertLength,
  assertMatch,
  asRegexLiteral,
  javaToString,
  regexFinds,
} from './matchers';
import { evaluatePath, isRecord } from './object_path';
import { type HttpRequest, ParamError, asArgs, buildCall } from './request_builder';
import { type KnownClusterFeatures, skipReason } from './skip';
import { Stash } from './stash';
import type { Step, TestCase, TestFile } from './test_file';

export type TestStatus = 'passed' | 'failed' | 'skipped';

export interface TestResult {
  name: string;
  status: TestStatus;
  /** Failure message or skip reason. */
  message?: string;
}

/** Thrown by a step to skip the rest of the test (unsupported features found while running). */
export class SkipTest extends Error {}

/** Thrown by a step that fails. */
export class StepFailure extends Error {}

/** HTTP transport, injected so the executor has no I/O of its own. */
export type Transport = (request: HttpRequest) => Promise<HttpResponse>;

/** Named `catch:` values and the statuses they accept (Elasticsearch's DoSection). */
export const CATCHES: Readonly<Record<string, (status: number) => boolean>> = {
  bad_request: (s) => s === 400,
  unauthorized: (s) => s === 401,
  forbidden: (s) => s === 403,
  missing: (s) => s === 404,
  request_timeout: (s) => s === 408,
  conflict: (s) => s === 409,
  unavailable: (s) => s === 503,
  request: (s) => s >= 400 && ![400, 401, 403, 404, 408, 409].includes(s),
};

const DO_KEYS = new Set(['catch', 'headers', 'warnings', 'warnings_regex', 'allowed_warnings', 'allowed_warnings_regex', 'node_selector']);

export interface ExecutionContext {
  apis: ApiRegistry;
  transport: Transport;
  runnerFeatures: ReadonlySet<string>;
  clusterFeatures: KnownClusterFeatures;
}

function summarize(response: HttpResponse): string {
  const text = response.text.length > 600 ? `${response.text.slice(0, 600)}...` : response.text;
  return `${response.status} ${text}`;
}

/** Runs the steps of one section against the engine, keeping the last response and the stash. */
export class StepRunner {
  readonly stash = new Stash();
  private lastBody: unknown;

  constructor(private readonly ctx: ExecutionContext) {}

  async run(steps: readonly Step[]): Promise<void> {
    for (let i = 0; i < steps.length; i++) {
      const step = steps[i];
      try {
        await this.runStep(step);
      } catch (error) {
        if (error instanceof StepFailure) throw new StepFailure(`step ${i + 1} (${step.kind}): ${error.message}`);
        throw error;
      }
    }
  }

  private async runStep(step: Step): Promise<void> {
    switch (step.kind) {
      case 'skip':
      case 'requires':
        return; // evaluated before the test starts
      case 'do':
        return this.runDo(step.value);
      case 'set':
        return this.runSet(step.value);
      case 'match':
        return this.assertEach(step.value, (field, actual, expected) => assertMatch(field, actual, expected));
      case 'length':
        return this.assertEach(step.value, assertLength);
      case 'gt':
      case 'gte':
      case 'lt':
      case 'lte': {
        const op: Comparison = step.kind;
        return this.assertEach(step.value, (field, actual, expected) => assertCompare(op, field, actual, expected));
      }
      case 'contains':
        return this.assertEach(step.value, assertContains);
      case 'close_to':
        return this.assertEach(step.value, assertCloseTo);
      case 'is_true':
        return this.check(assertIsTrue(String(step.value), this.actual(String(step.value ?? ''))));
      case 'is_false':
        return this.check(assertIsFalse(String(step.value), this.actual(String(step.value ?? ''))));
      default:
        throw new SkipTest(`step [${step.kind}] is not supported by the runner`);
    }
  }

  private check(failure: AssertionFailure): void {
    if (failure !== undefined) throw new StepFailure(failure);
  }

  /** The value at a response path, or a stashed value when the "path" names one. */
  actual(rawPath: string): unknown {
    const bare = rawPath.startsWith('$') ? rawPath.slice(1) : undefined;
    if (bare !== undefined && rawPath !== '$body' && this.stash.has(bare)) return this.stash.get(bare);
    const path = this.stash.substitutePath(rawPath);
    return evaluatePath(this.lastBody, path);
  }

  private assertEach(value: unknown, assertion: (field: string, actual: unknown, expected: unknown) => AssertionFailure): void {
    if (!isRecord(value)) throw new StepFailure(`assertion needs a map, got ${JSON.stringify(value)}`);
    for (const [field, expected] of Object.entries(value)) {
      this.check(assertion(field, this.actual(field), this.stash.substitute(expected)));
    }
  }

  private runSet(value: unknown): void {
    if (!isRecord(value)) throw new StepFailure('set needs a map of path: name');
    for (const [path, name] of Object.entries(value)) {
      this.stash.set(String(name), this.actual(path));
    }
  }

  private async runDo(value: unknown): Promise<void> {
    if (!isRecord(value)) throw new StepFailure('do needs a map');
    if (value.warnings !== undefined || value.warnings_regex !== undefined) {
      throw new SkipTest('expected deprecation warnings are not checked by the embedded engine');
    }
    const apiNames = Object.keys(value).filter((k) => !DO_KEYS.has(k));
    if (apiNames.length !== 1) throw new StepFailure(`do must name exactly one api, found [${apiNames.join(', ')}]`);
    const apiName = apiNames[0];
    const catchValue = typeof value.catch === 'string' ? value.catch : undefined;
    if (catchValue !== undefined && catchValue !== 'param' && CATCHES[catchValue] === undefined && asRegexLiteral(catchValue) === undefined) {
      throw new StepFailure(`unknown catch [${catchValue}]`);
    }
    const spec = this.ctx.apis.get(apiName);
    if (spec === undefined) throw new StepFailure(`api [${apiName}] is not in the runner's routing table`);
    const headers: Record<string, string> = {};
    if (isRecord(value.headers)) {
      for (const [k, v] of Object.entries(this.stash.substitute(value.headers) as Record<string, unknown>)) headers[k] = String(v);
    }
    let call;
    try {
      call = buildCall(spec, asArgs(this.stash.substitute(value[apiName])), headers);
    } catch (error) {
      if (error instanceof ParamError) {
        if (catchValue === 'param') return;
        throw new StepFailure(error.message);
      }
      throw error;
    }
    if (catchValue === 'param') throw new StepFailure(`expected a client-side parameter error for [${apiName}] but the call was valid`);
    const response = await this.ctx.transport(call.request);
    this.lastBody = response.body;
    this.stash.set('body', response.body);
    const isError = response.status >= 400 && !(response.method === 'HEAD' && response.status === 404);
    if (catchValue !== undefined) {
      const regex = asRegexLiteral(catchValue);
      if (regex !== undefined) {
        if (response.status < 400) throw new StepFailure(`expected an error matching /${regex}/ but got ${summarize(response)}`);
        // Elasticsearch matches the error object's toString, without Pattern.COMMENTS; the raw JSON is accepted too.
        const error = isRecord(response.body) ? response.body.error : undefined;
        const matched = (error !== undefined && regexFinds(regex, javaToString(error), false)) || regexFinds(regex, response.text, false);
        if (!matched) throw new StepFailure(`error does not match /${regex}/: ${summarize(response)}`);
        return;
      }
      const accepts = CATCHES[catchValue];
      if (!accepts(response.status)) throw new StepFailure(`expected [${catchValue}] but ${apiName} returned ${summarize(response)}`);
      return;
    }
    if (isError && !call.ignore.includes(response.status)) {
      throw new StepFailure(`${apiName} ${call.request.method} ${call.request.path} failed: ${summarize(response)}`);
    }
  }
}

/** The first reason from the `skip`/`requires` steps that lead a section, if any. */
export function sectionSkipReason(
  steps: readonly Step[],
  runnerFeatures: ReadonlySet<string>,
  clusterFeatures: KnownClusterFeatures = new Map(),
): string | undefined {
  for (const step of steps) {
    if (step.kind !== 'skip' && step.kind !== 'requires') break;
    const reason = skipReason(step.kind, step.value, runnerFeatures, clusterFeatures);
    if (reason !== undefined) return reason;
  }
  return undefined;
}

/** Runs one test: skip checks, setup, the test's steps, teardown, then `cleanup` (always). */
export async function runTest(
  ctx: ExecutionContext,
  file: TestFile,
  test: TestCase,
  cleanup: () => Promise<void>,
): Promise<TestResult> {
  const skip = sectionSkipReason(file.setup, ctx.runnerFeatures, ctx.clusterFeatures) ?? sectionSkipReason(test.steps, ctx.runnerFeatures, ctx.clusterFeatures);
  if (skip !== undefined) return { name: test.name, status: 'skipped', message: skip };
  const runner = new StepRunner(ctx);
  let result: TestResult = { name: test.name, status: 'passed' };
  try {
    try {
      await runner.run(file.setup);
    } catch (error) {
      if (error instanceof StepFailure) throw new StepFailure(`setup: ${error.message}`);
      throw error;
    }
    await runner.run(test.steps);
  } catch (error) {
    result = outcomeOf(test.name, error);
  }
  try {
    await runner.run(file.teardown);
  } catch (error) {
    if (result.status === 'passed') result = outcomeOf(test.name, error, 'teardown: ');
  }
  try {
    await cleanup();
  } catch (error) {
    if (result.status === 'passed') result = { name: test.name, status: 'failed', message: `cleanup: ${String(error)}` };
  }
  return result;
}

function outcomeOf(name: string, error: unknown, prefix = ''): TestResult {
  if (error instanceof SkipTest) return { name, status: 'skipped', message: error.message };
  if (error instanceof StepFailure) return { name, status: 'failed', message: `${prefix}${error.message}` };
  return { name, status: 'failed', message: `${prefix}runner error: ${error instanceof Error ? error.message : String(error)}` };
}
