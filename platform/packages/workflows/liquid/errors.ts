/** A template that fails to parse or render (workflow-engine §3.2). */
export class TemplateRenderError extends Error {
  readonly type = 'TemplateRenderError';

  constructor(message: string) {
    super(stripLiquidPosition(message));
    this.name = 'TemplateRenderError';
  }
}

/** LiquidJS appends `, line:N, col:M` to its messages; the workflow UI points at the YAML position instead. */
export function stripLiquidPosition(message: string): string {
  return message.replace(/, line:\d+, col:\d+\s*$/, '');
}

export const UNSUPPORTED_TAGS_MESSAGE = 'Template contains unsupported tags.';
/** Checked before parsing: file-based tags are never allowed. */
export const UNSUPPORTED_TAG_PATTERN = /\{%-?\s*(include|render|layout)/;
