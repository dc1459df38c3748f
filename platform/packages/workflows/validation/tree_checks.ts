import type { Liquid } from 'liquidjs';
import { z } from 'zod/v4';
import type { BaseStepDefinition } from '../../../plugins/workflows_extensions/common/step_definition';
import type { WorkflowDiagnostic } from '../definition';
import { isDuration, isScheduleInterval, isSize, isWaitDuration } from '../duration';
import { hasFreeText } from '../kql/evaluator';
import { parseKql } from '../kql/parser';
import { checkTemplateSyntax, hasTemplateMarkup, isTypedExpression } from '../liquid/render';
import { FLOW_CONTROL_STEP_TYPES } from '../schema/workflow_schema';
import type { DiagnosticCollector } from './diagnostics';
import {
  COMMON_STEP_KEYS,
  CONCURRENCY_KEYS,
  FLOW_CONTROL_KEYS,
  INPUT_FIELD_KEYS,
  LIQUID_SETTINGS_KEYS,
  MAX_ITERATIONS_KEYS,
  ON_FAILURE_KEYS,
  RETRY_KEYS,
  SETTINGS_KEYS,
  TOP_LEVEL_KEYS,
  TRIGGER_KEYS,
} from './known_keys';
import { intolerableIssues, reportSchemaIssues } from './schema_issues';
import type { DiagnosticPath } from './yaml_document';

/*
 * Checks over the raw (unvalidated) YAML value, so they run even when the zod schema fails: duplicate step names,
 * unknown step types, extension `with`/config schemas, Liquid and KQL syntax, duration and size literals and the
 * warnings of workflow-engine §1.5.
 */

type Raw = Record<string, unknown>;

const isObject = (value: unknown): value is Raw => value !== null && typeof value === 'object' && !Array.isArray(value);

export const DUPLICATE_STEP_NAME_MESSAGE = 'Step names must be unique throughout the workflow.';

/** Dry substitution for templated conditions: each `{{ … }}` becomes a field-like token, `{% … %}` disappears. */
export const TEMPLATE_PLACEHOLDER = '__template__';
export function substituteTemplates(condition: string): string {
  return condition.replace(/\{\{[\s\S]*?\}\}/g, TEMPLATE_PLACEHOLDER).replace(/\{%[\s\S]*?%\}/g, '');
}

/*
 * The editor validates the same templates on every (debounced) keystroke: parse results are memoised per engine.
 * Bounded so a long editing session cannot grow it without limit.
 */
const TEMPLATE_CACHE_LIMIT = 5000;
const templateCache = new WeakMap<Liquid, Map<string, string | undefined>>();
function cachedTemplateSyntax(template: string, liquid: Liquid): string | undefined {
  let cache = templateCache.get(liquid);
  if (!cache) templateCache.set(liquid, (cache = new Map()));
  if (cache.has(template)) return cache.get(template);
  const result = checkTemplateSyntax(template, liquid);
  if (cache.size >= TEMPLATE_CACHE_LIMIT) cache.clear();
  cache.set(template, result);
  return result;
}

export interface TreeCheckOptions {
  stepDefinitions: ReadonlyMap<string, BaseStepDefinition>;
  knownConnectors?: readonly string[];
  liquid: Liquid;
}

export class WorkflowTreeChecker {
  private readonly namesSeen = new Set<string>();

  constructor(
    private readonly collector: DiagnosticCollector,
    private readonly options: TreeCheckOptions,
  ) {}

  check(root: unknown): void {
    if (!isObject(root)) return;
    this.unknownKeys(root, TOP_LEVEL_KEYS, [], 'workflow');
    this.checkSettings(root.settings);
    this.checkTriggers(root.triggers);
    if (Array.isArray(root.inputs)) this.checkInputFields(root.inputs, ['inputs']);
    this.checkStepList(root.steps, ['steps']);
  }

  private checkSettings(settings: unknown): void {
    if (!isObject(settings)) return;
    const path = ['settings'];
    this.unknownKeys(settings, SETTINGS_KEYS, path, 'settings');
    this.durationLiteral(settings.timeout, [...path, 'timeout']);
    this.sizeLiteral(settings['max-step-size'], [...path, 'max-step-size']);
    if (isObject(settings.concurrency)) {
      const concurrency = settings.concurrency;
      this.unknownKeys(concurrency, CONCURRENCY_KEYS, [...path, 'concurrency'], 'concurrency');
      this.durationLiteral(concurrency['queue-ttl'], [...path, 'concurrency', 'queue-ttl']);
      if (typeof concurrency.key === 'string') this.templateSyntax(concurrency.key, [...path, 'concurrency', 'key']);
    }
    if (isObject(settings.liquid)) this.unknownKeys(settings.liquid, LIQUID_SETTINGS_KEYS, [...path, 'liquid'], 'liquid settings');
    this.checkOnFailure(settings['on-failure'], [...path, 'on-failure']);
  }

  private checkTriggers(triggers: unknown): void {
    if (!Array.isArray(triggers)) return;
    triggers.forEach((trigger, index) => {
      if (!isObject(trigger) || typeof trigger.type !== 'string') return;
      const path = ['triggers', index];
      const known = TRIGGER_KEYS[trigger.type];
      if (known) this.unknownKeys(trigger, known, path, `${trigger.type} trigger`);
      if (trigger.type === 'manual' && Array.isArray(trigger.inputs)) this.checkInputFields(trigger.inputs, [...path, 'inputs']);
      if (trigger.type === 'scheduled' && isObject(trigger.with) && typeof trigger.with.every === 'string') {
        const every = trigger.with.every;
        if (!isScheduleInterval(every)) {
          this.collector.error('invalid-duration', `Invalid schedule interval "${every}": use <N>s (N ≥ 60), <N>m, <N>h or <N>d.`, [...path, 'with', 'every']);
        }
      }
    });
  }

  private checkInputFields(fields: unknown[], path: DiagnosticPath): void {
    fields.forEach((field, index) => {
      if (isObject(field)) this.unknownKeys(field, INPUT_FIELD_KEYS, [...path, index], 'input');
    });
  }

  private checkStepList(steps: unknown, path: DiagnosticPath): void {
    if (!Array.isArray(steps)) return;
    steps.forEach((step, index) => this.checkStep(step, [...path, index]));
  }

  private checkStep(step: unknown, path: DiagnosticPath): void {
    if (!isObject(step)) return;
    if (typeof step.name === 'string') {
      if (this.namesSeen.has(step.name)) this.collector.error('duplicate-step-name', DUPLICATE_STEP_NAME_MESSAGE, [...path, 'name']);
      this.namesSeen.add(step.name);
    }
    const type = typeof step.type === 'string' ? step.type : undefined;
    const isFlowControl = type !== undefined && (FLOW_CONTROL_STEP_TYPES as readonly string[]).includes(type);
    // Flow control is the package's own concern even if a host lists `if`/`foreach` among its definitions.
    const definition = type !== undefined && !isFlowControl ? this.options.stepDefinitions.get(type) : undefined;
    if (type !== undefined && !definition && !isFlowControl) {
      this.collector.error('unknown-step-type', `Unknown step type "${type}".`, [...path, 'type']);
    }

    const configKeys = definition?.configSchema ? Object.keys(definition.configSchema.shape) : [];
    if (type !== undefined && (definition || isFlowControl)) {
      const known = [...COMMON_STEP_KEYS, ...configKeys, ...(isFlowControl ? FLOW_CONTROL_KEYS[type] : [])];
      this.unknownKeys(step, known, path, `step "${String(step.name ?? type)}"`);
    }
    if (definition) this.checkExtensionSchemas(step, definition, configKeys, path);

    // Template and literal checks on every rendered field.
    for (const [key, value] of Object.entries(step)) {
      if (key === 'name' || key === 'type' || key === 'steps' || key === 'else' || key === 'on-failure') continue;
      if ((key === 'if' || key === 'condition') && typeof value === 'string') {
        this.conditionString(value, [...path, key]);
        continue;
      }
      this.templatesIn(value, [...path, key]);
    }
    this.durationLiteral(step.timeout, [...path, 'timeout']);
    this.sizeLiteral(step['max-step-size'], [...path, 'max-step-size']);
    if (isObject(step['max-iterations'])) this.unknownKeys(step['max-iterations'], MAX_ITERATIONS_KEYS, [...path, 'max-iterations'], 'max-iterations');
    if (type === 'wait' && isObject(step.with)) this.waitDuration(step.with.duration, [...path, 'with', 'duration']);
    if (type === 'kibana.request' && isObject(step.with)) this.kibanaPath(step.with.path, [...path, 'with', 'path']);
    this.connectorId(step['connector-id'], [...path, 'connector-id']);

    this.checkOnFailure(step['on-failure'], [...path, 'on-failure']);
    this.checkStepList(step.steps, [...path, 'steps']);
    this.checkStepList(step.else, [...path, 'else']);
  }

  private checkExtensionSchemas(step: Raw, definition: BaseStepDefinition, configKeys: string[], path: DiagnosticPath): void {
    const withValue = step.with === undefined ? {} : step.with;
    if (!(typeof withValue === 'string' && withValue.includes('{{'))) {
      this.unknownWithKeys(withValue, definition, [...path, 'with']);
      const result = definition.inputSchema.safeParse(withValue);
      if (!result.success) {
        const issues = intolerableIssues(result.error.issues, withValue);
        reportSchemaIssues(issues, withValue, this.collector, { prefix: [...path, 'with'] });
      }
    }
    if (definition.configSchema) {
      const config: Raw = {};
      for (const key of configKeys) if (step[key] !== undefined) config[key] = step[key];
      const result = definition.configSchema.safeParse(config);
      if (!result.success) reportSchemaIssues(intolerableIssues(result.error.issues, config), config, this.collector, { prefix: path });
    }
  }

  /** A plain (stripping) zod object silently drops unknown `with` keys: tell the author. */
  private unknownWithKeys(withValue: unknown, definition: BaseStepDefinition, path: DiagnosticPath): void {
    if (!isObject(withValue) || !(definition.inputSchema instanceof z.ZodObject)) return;
    const schema = definition.inputSchema;
    if (schema.def.catchall !== undefined) return;
    const known = Object.keys(schema.shape);
    this.unknownKeys(withValue, known, path, `"with" of ${definition.id}`);
  }

  private checkOnFailure(onFailure: unknown, path: DiagnosticPath): void {
    if (!isObject(onFailure)) return;
    this.unknownKeys(onFailure, ON_FAILURE_KEYS, path, 'on-failure');
    if (isObject(onFailure.retry)) {
      const retry = onFailure.retry;
      this.unknownKeys(retry, RETRY_KEYS, [...path, 'retry'], 'retry');
      this.durationLiteral(retry.delay, [...path, 'retry', 'delay']);
      this.durationLiteral(retry['max-delay'], [...path, 'retry', 'max-delay']);
      if (typeof retry.condition === 'string') this.conditionString(retry.condition, [...path, 'retry', 'condition']);
    }
    if (typeof onFailure.continue === 'string') this.conditionString(onFailure.continue, [...path, 'continue']);
    this.checkStepList(onFailure.fallback, [...path, 'fallback']);
  }

  /** Liquid syntax for every string inside a rendered value (keys are never rendered). */
  private templatesIn(value: unknown, path: DiagnosticPath): void {
    if (typeof value === 'string') this.templateSyntax(value, path);
    else if (Array.isArray(value)) value.forEach((element, index) => this.templatesIn(element, [...path, index]));
    else if (isObject(value)) for (const [key, element] of Object.entries(value)) this.templatesIn(element, [...path, key]);
  }

  private templateSyntax(value: string, path: DiagnosticPath): boolean {
    if (!hasTemplateMarkup(value) && !/\{%-?\s*(include|render|layout)/.test(value)) return true;
    const error = cachedTemplateSyntax(value, this.options.liquid);
    if (error === undefined) return true;
    this.collector.error('liquid-syntax', error, path);
    return false;
  }

  /**
   * A condition is a template first, then KQL. Typed `${{ }}` conditions are not KQL (their result may be a boolean).
   * Other templated conditions are parsed after a dry substitution (`{{ … }}` → a token, `{% … %}` → nothing).
   */
  private conditionString(condition: string, path: DiagnosticPath): void {
    if (!this.templateSyntax(condition, path)) return;
    if (isTypedExpression(condition)) return;
    const templated = hasTemplateMarkup(condition);
    const kql = templated ? substituteTemplates(condition) : condition;
    if (kql.trim() === '') {
      if (!templated) this.collector.error('kql-syntax', 'The condition is empty.', path);
      return;
    }
    try {
      const node = parseKql(kql);
      if (hasFreeText(node)) {
        this.collector.warning(
          'condition-free-text',
          'A term without a field is always false in a condition; write `field: value`, or use ${{ … }} for a boolean expression.',
          path,
        );
      }
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      this.collector.error('kql-syntax', templated ? `Invalid KQL condition (after template substitution): ${detail}` : `Invalid KQL condition: ${detail}`, path);
    }
  }

  private durationLiteral(value: unknown, path: DiagnosticPath): void {
    if (typeof value !== 'string' || value.includes('{{')) return;
    if (!isDuration(value)) this.collector.error('invalid-duration', `Invalid duration "${value}": expected a number and a unit (ms, s, m, h, d, w), e.g. 30s.`, path);
  }

  private waitDuration(value: unknown, path: DiagnosticPath): void {
    if (typeof value !== 'string' || value.includes('{{')) return;
    if (!isWaitDuration(value)) this.collector.error('invalid-duration', `Invalid duration format: ${value}`, path);
  }

  private sizeLiteral(value: unknown, path: DiagnosticPath): void {
    if (typeof value !== 'string' || value.includes('{{')) return;
    if (!isSize(value)) this.collector.error('invalid-size', `Invalid size "${value}": expected a number and a unit (b, kb, mb, gb), e.g. 10mb.`, path);
  }

  private kibanaPath(value: unknown, path: DiagnosticPath): void {
    if (typeof value !== 'string' || value.startsWith('/s/')) return;
    // A path that starts with a template may render to /s/<space>/…; only literal prefixes are known to be unaware.
    if (value.includes('{{') && !value.startsWith('/api/') && !value.startsWith('/internal/')) return;
    {
      this.collector.warning(
        'space-unaware-path',
        'This path is not space-aware: it always targets the default space. Prefix it with /s/{{ workflow.spaceId }}.',
        path,
      );
    }
  }

  private connectorId(value: unknown, path: DiagnosticPath): void {
    const known = this.options.knownConnectors;
    if (!known || typeof value !== 'string' || value.includes('{{')) return;
    if (!known.includes(value)) this.collector.warning('unknown-connector', `Connector "${value}" was not found.`, path);
  }

  private unknownKeys(value: Raw, known: readonly string[], path: DiagnosticPath, where: string): void {
    for (const key of Object.keys(value)) {
      if (!known.includes(key)) this.collector.warning('unknown-key', `Unknown key "${key}" in ${where}.`, [...path, key], { key: true });
    }
  }
}

export type { WorkflowDiagnostic };
