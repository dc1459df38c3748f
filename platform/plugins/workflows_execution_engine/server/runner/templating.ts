/**
 * What the runner needs from the workflow spec package (§3, §4), behind one interface so the runner has one seam
 * to the Liquid engine and the KQL evaluator. `createWorkflowTemplating` binds it to `platform/packages/workflows`.
 */
export interface WorkflowTemplating {
  /** §3.2: null/numbers/booleans unchanged, arrays and objects recursively, `${{ }}` typed, other strings rendered. */
  render(value: unknown, context: Record<string, unknown>): Promise<unknown>;
  /** §3.3: the text between the first `{{` and the last `}}` evaluated with its type. */
  evaluateExpression(template: string, context: Record<string, unknown>): Promise<unknown>;
  /** §2.1 rules on an already rendered condition (boolean, empty → false, string → KQL); throws on a bad type or KQL. */
  evaluateCondition(rendered: unknown, stepName: string, context: Record<string, unknown>): boolean;
  /** `^\d+(ms|[smhdw])$` and the `wait` grammar → milliseconds; throws on anything else. */
  parseDuration(value: string): number;
  /** `^\d+(b|kb|mb|gb)$` → bytes. */
  parseSize(value: string): number;
}
