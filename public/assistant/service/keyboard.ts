/** Keyboard rules of the flyout (§1.1, §1.5), as pure predicates over a KeyboardEvent's fields. */

export interface NavigatorLike {
  platform?: string;
  userAgentData?: { platform?: string };
}

/** §1.1: `navigator.userAgentData?.platform ?? navigator.platform` matched against Mac/iPhone/iPad. */
export function isMacPlatform(nav: NavigatorLike | undefined): boolean {
  const platform = nav?.userAgentData?.platform ?? nav?.platform ?? '';
  return /Mac|iPhone|iPad/.test(platform);
}

export interface KeyLike {
  key: string;
  metaKey: boolean;
  ctrlKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
  isComposing?: boolean;
  /** 229 while an IME is composing, in browsers that do not set isComposing on every event. */
  keyCode?: number;
  code?: string;
}

export function isComposing(e: KeyLike): boolean {
  return e.isComposing === true || e.keyCode === 229;
}

/** Cmd+; on macOS, Ctrl+; elsewhere; never while an IME composes. */
export function isToggleShortcut(e: KeyLike, mac: boolean): boolean {
  if (isComposing(e) || e.key !== ';') return false;
  return mac ? e.metaKey && !e.ctrlKey : e.ctrlKey && !e.metaKey;
}

/** Alt+A: "Show anonymized values". On macOS Option+A types "å", so the physical key is checked too. */
export function isShowAnonymizedShortcut(e: KeyLike): boolean {
  if (isComposing(e) || !e.altKey || e.ctrlKey || e.metaKey) return false;
  return e.key.toLowerCase() === 'a' || e.code === 'KeyA';
}

/** Enter sends; Shift+Enter is a newline; never while an IME composes. */
export function isSendKey(e: KeyLike): boolean {
  return e.key === 'Enter' && !e.shiftKey && !e.altKey && !e.ctrlKey && !e.metaKey && !isComposing(e);
}
