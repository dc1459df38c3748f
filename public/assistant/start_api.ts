/** The assistant part of the plugin's public start contract: other plugins open the flyout and offer contexts. */
import type { AssistantService, InvestigationTarget, OpenOptions, PromptContext } from './service';

/**
 * What other plugins get on our start contract (§1.1 `assistant.open`, §1.4 `registerPromptContext`). The service
 * exists once the current user is known, so calls made before that are applied then, in order.
 */
export interface AssistantStartApi {
  /** Opens the flyout: a conversation, or a new draft with contexts, a prefilled prompt and replacements. */
  open(options?: OpenOptions): void;
  /** Offers a context as a pill; the returned function unregisters it (call it on unmount). */
  registerPromptContext(context: PromptContext): () => void;
  /** §1.6 "Add query to investigation" target; returns its unregister function. */
  registerInvestigationTarget(target: InvestigationTarget): () => void;
  /** The service itself (conversations, streams, state), once it exists. */
  getService(): Promise<AssistantService>;
}

/** Defers each call until the service exists; an unregister called before that cancels the registration. */
export function createAssistantStartApi(service: Promise<AssistantService>): AssistantStartApi {
  const deferredRegistration = (register: (s: AssistantService) => () => void) => {
    let cancelled = false;
    let unregister: (() => void) | undefined;
    void service.then((s) => {
      if (!cancelled) unregister = register(s);
    });
    return () => {
      cancelled = true;
      unregister?.();
    };
  };
  return {
    open: (options) => void service.then((s) => s.open(options)),
    registerPromptContext: (context) => deferredRegistration((s) => s.registerPromptContext(context)),
    registerInvestigationTarget: (target) => deferredRegistration((s) => s.registerInvestigationTarget(target)),
    getService: () => service,
  };
}
