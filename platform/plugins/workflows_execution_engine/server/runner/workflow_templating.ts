import type { Liquid } from 'liquidjs';
import type { WorkflowSettings } from '../../../../packages/workflows/definition';
import { parseDuration, parseSize } from '../../../../packages/workflows/duration';
import { evaluateCondition } from '../../../../packages/workflows/kql';
import { createWorkflowLiquid, evaluateTypedExpression, renderWorkflowValue } from '../../../../packages/workflows/liquid';
import { cacheParsedTemplates } from './template_cache';
import type { WorkflowTemplating } from './templating';

/** Liquid engines by their options: creating one resolves the Intl locale, which costs about a millisecond. */
const engines = new Map<string, Liquid>();
const MAX_ENGINES = 64;

function liquidFor(settings: WorkflowSettings | undefined): Liquid {
  const options = { ...(settings?.liquid ?? {}), ...(settings?.timezone ? { timezone: settings.timezone } : {}) };
  const key = JSON.stringify(options);
  let liquid = engines.get(key);
  if (!liquid) {
    if (engines.size >= MAX_ENGINES) engines.clear();
    liquid = cacheParsedTemplates(createWorkflowLiquid(options));
    engines.set(key, liquid);
  }
  return liquid;
}

/** The runner's templating bound to the spec package; the Liquid engine carries the workflow's limits and timezone. */
export function createWorkflowTemplating(settings: WorkflowSettings | undefined): WorkflowTemplating {
  const liquid = liquidFor(settings);
  return {
    render: (value, context) => renderWorkflowValue(value, context, liquid),
    evaluateExpression: (template, context) => evaluateTypedExpression(template, context, liquid),
    evaluateCondition: (rendered, stepName, context) => evaluateCondition(rendered, stepName, context),
    parseDuration,
    parseSize,
  };
}
