/** Mounts the app that owns the current URL into its own element and unmounts it when the user leaves. */
import { EuiEmptyPrompt, EuiLoadingSpinner } from '@elastic/eui';
import { useEffect, useRef, useState } from 'react';
import { createScopedHistory, type InternalCoreStart } from '../../core/public';

type MountState = { status: 'mounting' } | { status: 'mounted' } | { status: 'not-found' } | { status: 'error'; message: string };

export function AppContainer({ core, pathname }: { core: InternalCoreStart; pathname: string }) {
  const resolved = core.application.resolve(pathname);
  const appId = resolved?.app.id;
  const ref = useRef<HTMLDivElement>(null);
  const [state, setState] = useState<MountState>({ status: 'mounting' });

  useEffect(() => {
    const el = ref.current;
    if (!resolved || !el) {
      setState({ status: 'not-found' });
      return undefined;
    }
    let unmount: (() => void) | undefined;
    let cancelled = false;
    setState({ status: 'mounting' });
    const element = document.createElement('div');
    element.className = 'kbnAppWrapper';
    element.setAttribute('data-test-subj', `appContainer-${resolved.app.id}`);
    el.appendChild(element);
    Promise.resolve(
      resolved.app.mount({
        element,
        appBasePath: resolved.appBasePath,
        history: createScopedHistory(core.history, resolved.appBasePath),
        setHeaderActionMenu: (mount) => core.chrome.setHeaderActionMenu(mount),
      }),
    ).then(
      (fn) => {
        if (cancelled) fn();
        else {
          unmount = fn;
          setState({ status: 'mounted' });
        }
      },
      (error: unknown) => {
        if (!cancelled) setState({ status: 'error', message: `Application "${resolved.app.title}" failed to mount: ${(error as Error).message}` });
      },
    );
    return () => {
      cancelled = true;
      core.chrome.setHeaderActionMenu(undefined);
      const fn = unmount;
      queueMicrotask(() => {
        fn?.();
        element.remove();
      });
    };
    // Remount only when the app changes, not on every path change inside it.
  }, [appId]);

  return (
    <div style={{ flex: 1, minWidth: 0 }}>
      {state.status === 'mounting' && (
        <div style={{ padding: 48, textAlign: 'center' }}>
          <EuiLoadingSpinner size="xl" data-test-subj="appLoading" />
        </div>
      )}
      {state.status === 'not-found' && (
        <EuiEmptyPrompt data-test-subj="appNotFoundPageContent" iconType="warning" title={<h2>Application not found</h2>} body={<p>No application is registered for {pathname}.</p>} />
      )}
      {state.status === 'error' && (
        <EuiEmptyPrompt data-test-subj="appMountError" color="danger" iconType="error" title={<h2>Application error</h2>} body={<p>{state.message}</p>} />
      )}
      <div ref={ref} />
    </div>
  );
}
