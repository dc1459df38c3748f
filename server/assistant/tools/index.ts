import { z } from 'zod/v4';
import type { ChatTool } from '../../../platform/plugins/actions/server';
import { alertCountsTool } from './alert_counts';
import { knowledgeBaseRetrievalTool } from './knowledge_base_retrieval';
import { knowledgeBaseWriteTool } from './knowledge_base_write';
import { openAlertsTool } from './open_alerts';
import type { AssistantTool, ToolContext, ToolOutput } from './types';

export type { AlertsSearch, AlertsSearchHit, AlertsSearchRequest, AlertsSearchResponse, AssistantTool, ToolContext, ToolOutput } from './types';
export { ToolError } from './types';
export { alertCountsTool, knowledgeBaseRetrievalTool, knowledgeBaseWriteTool, openAlertsTool };

export type ParsedArgs = { ok: true; value: unknown } | { ok: false; error: string };

/** A tool with its argument type erased: the loop checks arguments with `parse` before `run`. */
export interface RegisteredTool {
  name: string;
  definition: ChatTool;
  parse(args: unknown): ParsedArgs;
  run(args: unknown, context: ToolContext): Promise<ToolOutput>;
}

export function registerTool<A>(tool: AssistantTool<A>): RegisteredTool {
  const { $schema: _ignored, ...parameters } = z.toJSONSchema(tool.schema, { io: 'input' }) as Record<string, unknown>;
  const parse = (args: unknown): ParsedArgs => {
    const result = tool.schema.safeParse(args);
    if (result.success) return { ok: true, value: result.data };
    const issue = result.error.issues[0];
    return { ok: false, error: `invalid arguments for ${tool.name}: ${issue.path.join('.') || '(root)'}: ${issue.message}` };
  };
  return {
    name: tool.name,
    definition: { name: tool.name, description: tool.description, parameters },
    parse,
    run: async (args, context) => {
      const parsed = tool.schema.safeParse(args);
      if (!parsed.success) throw new Error(`${tool.name} was run with unchecked arguments`);
      return tool.run(parsed.data, context);
    },
  };
}

/** The chat's tools (§8.2); `canWrite` = AI Assistant: All (remember is offered only then). */
export function createAssistantTools(options: { canWrite: boolean }): RegisteredTool[] {
  const tools = [registerTool(alertCountsTool), registerTool(openAlertsTool), registerTool(knowledgeBaseRetrievalTool)];
  if (options.canWrite) tools.push(registerTool(knowledgeBaseWriteTool));
  return tools;
}
