import type { WorkflowSettings } from '../../../../packages/workflows/definition';
import { parseDuration, parseSize } from '../../../../packages/workflows/duration';
import { evaluateCondition } from '../../../../packages/workflows/kql';
import { createWorkflowLiquid, evaluateTypedExpression, renderWorkflowValue } from '../../../../packages/workflows/liquid';
import type { WorkflowTemplating } from './templating';

/** The runner's templating bound to the spec package: one Liquid engine per run (its limits and timezone). */
export function createWorkflowTemplating(settings: WorkflowSettings | undefined): WorkflowTemplating {
  const liquid = createWorkflowLiquid({ ...(settings?.liquid ?? {}), ...(settings?.timezone ? { timezone: settings.timezone } : {}) });
  return {
    render: (value, context) => renderWorkflowValue(value, context, liquid),
    evaluateExpression: (template, context) => evaluateTypedExpression(template, context, liquid),
    evaluateCondition: (rendered, stepName, context) => evaluateCondition(rendered, stepName, context),
    parseDuration,
    parseSize,
  };
}
