/** Renders core.overlays (flyouts, modals, confirms) and core.notifications.toasts. */
import {
  EuiConfirmModal,
  EuiFlyout,
  EuiGlobalToastList,
  EuiModal,
} from '@elastic/eui';
import type { InternalCoreStart, OpenOverlay } from '../../core/public';
import { MountPointPortal } from '../mount_point_portal';
import { useObservable } from '../use_observable';

function OverlayView({ overlay }: { overlay: OpenOverlay }) {
  switch (overlay.kind) {
    case 'flyout':
      return (
        <EuiFlyout
          size={overlay.options.size ?? 'm'}
          maxWidth={overlay.options.maxWidth}
          ownFocus={overlay.options.ownFocus}
          aria-label={overlay.options['aria-label'] ?? 'Flyout'}
          data-test-subj={overlay.options['data-test-subj']}
          onClose={() => {
            overlay.options.onClose?.();
            overlay.close();
          }}
        >
          <MountPointPortal mount={overlay.mount} />
        </EuiFlyout>
      );
    case 'modal':
      return (
        <EuiModal maxWidth={overlay.options.maxWidth} data-test-subj={overlay.options['data-test-subj']} onClose={overlay.close}>
          <MountPointPortal mount={overlay.mount} />
        </EuiModal>
      );
    case 'confirm':
      return (
        <EuiConfirmModal
          title={overlay.options.title}
          confirmButtonText={overlay.options.confirmButtonText ?? 'Confirm'}
          cancelButtonText={overlay.options.cancelButtonText ?? 'Cancel'}
          buttonColor={overlay.options.buttonColor ?? 'primary'}
          data-test-subj={overlay.options['data-test-subj'] ?? 'confirmModal'}
          onCancel={() => overlay.resolve(false)}
          onConfirm={() => overlay.resolve(true)}
        >
          {typeof overlay.message === 'string' ? <p>{overlay.message}</p> : <MountPointPortal mount={overlay.message} />}
        </EuiConfirmModal>
      );
  }
}

export function OverlayHost({ core }: { core: InternalCoreStart }) {
  const open = useObservable(core.overlays.getOpen$(), []);
  const toasts = useObservable(core.notifications.toasts.get$(), []);
  return (
    <>
      {open.map((o) => (
        <OverlayView key={o.id} overlay={o} />
      ))}
      <EuiGlobalToastList
        toasts={toasts.map((t) => ({ id: t.id, title: t.title, text: t.text, color: t.color, iconType: t.iconType, 'data-test-subj': t['data-test-subj'] }))}
        dismissToast={(t) => core.notifications.toasts.remove(t.id)}
        toastLifeTimeMs={6000}
      />
    </>
  );
}
