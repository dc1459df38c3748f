/** Installs the global Cmd+; / Ctrl+; toggle (capture phase, so it works inside inputs); returns the uninstaller. */
import { isToggleShortcut } from './keyboard';

export function installToggleShortcut(win: Pick<Window, 'addEventListener' | 'removeEventListener'>, mac: boolean, toggle: () => void): () => void {
  const onKeyDown = (event: KeyboardEvent) => {
    if (!isToggleShortcut(event, mac)) return;
    event.preventDefault();
    toggle();
  };
  win.addEventListener('keydown', onKeyDown, true);
  return () => win.removeEventListener('keydown', onKeyDown, true);
}
