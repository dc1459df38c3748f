export { AssistantService, MAX_CONTEXTS_PER_MESSAGE, type AssistantServiceDeps, type SendOptions } from './assistant_service';
export { draftKey, flyoutWidthKey, lastConversationKey, safeGet, safeSet, showAnonymizedKey, streamingKey, type KeyValueStorage } from './browser_storage';
export { DEEP_LINK_PARAM, takeDeepLink } from './deep_link';
export { isComposing, isMacPlatform, isSendKey, isShowAnonymizedShortcut, isToggleShortcut, type KeyLike, type NavigatorLike } from './keyboard';
export { installToggleShortcut } from './shortcut';
export { AssistantServiceContext, useAssistantService, useAssistantState } from './use_assistant_state';
export * from './types';
