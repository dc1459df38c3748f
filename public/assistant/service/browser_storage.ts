/**
 * localStorage / sessionStorage access that never throws (private mode, quota, disabled storage): the
 * assistant must keep working without them.
 */
export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export function safeGet(storage: KeyValueStorage | undefined, key: string): string | undefined {
  try {
    return storage?.getItem(key) ?? undefined;
  } catch {
    return undefined;
  }
}

export function safeSet(storage: KeyValueStorage | undefined, key: string, value: string | undefined): void {
  try {
    if (value === undefined || value === '') storage?.removeItem(key);
    else storage?.setItem(key, value);
  } catch {
    // Storage full or disabled: the draft only lives in memory then.
  }
}

/** §1.8: last conversation per space and owner. */
export const lastConversationKey = (spaceId: string, ownerKey: string) => `securityAiAssistant.lastConversation.${spaceId}.${ownerKey}`;

/** §1.5: composer draft per conversation (sessionStorage). */
export const draftKey = (spaceId: string, conversationKey: string) => `securityAiAssistant.draft.${spaceId}.${conversationKey}`;

/** §5.7: "Show anonymized values" is per user (localStorage). */
export const showAnonymizedKey = (ownerKey: string) => `securityAiAssistant.showAnonymized.${ownerKey}`;

/** §2 Conversations tab: streaming on/off, per space and user (absent = on). */
export const streamingKey = (spaceId: string, ownerKey: string) => `securityAiAssistant.streaming.${spaceId}.${ownerKey}`;

/** §1.2: history panel open/closed and flyout width. */
export const flyoutWidthKey = 'securityAiAssistant.flyoutWidth';
