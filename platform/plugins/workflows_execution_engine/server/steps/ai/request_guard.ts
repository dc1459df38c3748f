import type { ChatMessage } from '../../../../actions/server';
import type { AiRequestGuard, AiRequestGuardContext, AiRequestGuardFactory } from '../../contract';
import { StepError } from '../errors';
import type { AgentAttachment } from '../types';

/** The registered guard factories, read when a step runs (plugins register them during setup). */
export type AiRequestGuardSource = () => readonly AiRequestGuardFactory[];

type Scrub = (text: string) => string;

const reasonOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** A guard that could not be built or applied: the step fails and nothing reaches the model. */
export class AiRequestGuardError extends StepError {
  constructor(phase: 'create' | 'scrub' | 'restore', cause: unknown) {
    const what = phase === 'restore' ? "restoring the model's answer" : 'guarding the request';
    const tail = phase === 'restore' ? '' : '; nothing was sent to the model';
    super('AiRequestGuardError', `The AI request guard failed while ${what}${tail}: ${reasonOf(cause)}`, { phase, reason: reasonOf(cause) }, { cause });
  }
}

/**
 * Every registered guard as one: scrub in registration order, restore in reverse. `undefined` when no factory wants
 * to guard this request. A throwing factory becomes AiRequestGuardError (the step fails closed).
 */
export async function openRequestGuard(factories: readonly AiRequestGuardFactory[], context: AiRequestGuardContext): Promise<AiRequestGuard | undefined> {
  if (factories.length === 0) return undefined;
  let created: Array<AiRequestGuard | undefined>;
  try {
    created = await Promise.all(factories.map((factory) => factory(context)));
  } catch (error) {
    throw new AiRequestGuardError('create', error);
  }
  const guards = created.filter((guard): guard is AiRequestGuard => guard !== undefined);
  if (guards.length === 0) return undefined;
  return {
    scrub: (text) => {
      try {
        return guards.reduce((out, guard) => guard.scrub(out), text);
      } catch (error) {
        throw new AiRequestGuardError('scrub', error);
      }
    },
    restore: (value) => {
      try {
        return guards.reduceRight((out, guard) => guard.restore(out), value);
      } catch (error) {
        throw new AiRequestGuardError('restore', error);
      }
    },
  };
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

const looksLikeJson = (text: string) => {
  const t = text.trim();
  return (t.startsWith('{') && t.endsWith('}')) || (t.startsWith('[') && t.endsWith(']'));
};

/**
 * Scrubs one string. JSON text (an alert passed through `| json`, tool-call arguments) is scrubbed by its string
 * leaves and re-serialised, so escaping (`\"`, `\\`) can never hide a value from whole-word matching.
 */
export function scrubText(text: string, scrub: Scrub): string {
  if (looksLikeJson(text)) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      // Not JSON after all: scrubbed as free text below.
      return scrub(text);
    }
    return JSON.stringify(scrubValue(parsed, scrub));
  }
  return scrub(text);
}

/** Deep-scrubs every string and key of a JSON-like value. */
export function scrubValue(value: unknown, scrub: Scrub): unknown {
  if (typeof value === 'string') return scrubText(value, scrub);
  if (Array.isArray(value)) return value.map((item) => scrubValue(item, scrub));
  if (isRecord(value)) return Object.fromEntries(Object.entries(value).map(([key, child]) => [scrub(key), scrubValue(child, scrub)]));
  return value;
}

/** Attachments as the model will see them: ids and data scrubbed (the type is a step vocabulary word, kept). */
export function scrubAttachments(attachments: readonly AgentAttachment[], scrub: Scrub): AgentAttachment[] {
  return attachments.map((attachment) => ({
    ...attachment,
    ...(attachment.id === undefined ? {} : { id: scrub(attachment.id) }),
    data: scrubValue(attachment.data, scrub),
  }));
}

/** Every message's content and every echoed tool-call argument. */
export function scrubMessages(messages: readonly ChatMessage[], scrub: Scrub): ChatMessage[] {
  return messages.map((message): ChatMessage => {
    switch (message.role) {
      case 'assistant':
        return {
          ...message,
          content: scrub(message.content),
          ...(message.toolCalls ? { toolCalls: message.toolCalls.map((call) => ({ ...call, arguments: scrubText(call.arguments, scrub) })) } : {}),
        };
      case 'tool':
        return { ...message, content: scrubText(message.content, scrub) };
      default:
        return { ...message, content: scrub(message.content) };
    }
  });
}

/** The texts a guard factory inspects: system prompt first, then each message and its tool-call arguments. */
export function outgoingTextOf(system: string | undefined, messages: readonly ChatMessage[]): string[] {
  const texts = system === undefined ? [] : [system];
  for (const message of messages) {
    texts.push(message.content);
    if (message.role === 'assistant') for (const call of message.toolCalls ?? []) texts.push(call.arguments);
  }
  return texts;
}

/** The model's text with tokens mapped back (unchanged without a guard). */
export function restoreText(guard: AiRequestGuard | undefined, text: string): string {
  if (!guard) return text;
  const restored = guard.restore(text);
  if (typeof restored !== 'string') throw new AiRequestGuardError('restore', new Error('restore() of a text did not return a string'));
  return restored;
}

/** A structured answer with tokens mapped back deep (unchanged without a guard). */
export const restoreValue = (guard: AiRequestGuard | undefined, value: unknown): unknown => (guard ? guard.restore(value) : value);
