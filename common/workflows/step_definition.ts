import type { z } from 'zod/v4';

/**
 * The part of a step definition shared by server and public (workflow-engine §0.1): the server adds `handler`, the
 * public side adds `icon`. Shaped like `BaseStepDefinition` of `@kbn/workflows-extensions/common`.
 */
export interface CommonStepDefinition<TInput extends z.ZodType, TOutput extends z.ZodType> {
  readonly id: string;
  readonly label: string;
  readonly description: string;
  readonly category: 'kibana';
  readonly stability: 'tech_preview';
  readonly inputSchema: TInput;
  readonly outputSchema: TOutput;
  readonly documentation: {
    /** Markdown shown in the workflow editor. */
    readonly details: string;
    readonly url?: string;
    /** YAML snippets. */
    readonly examples: readonly string[];
  };
}
