/**
 * Browser `core.overlays`: flyouts, modals and confirm dialogs opened imperatively with a MountPoint (so a
 * plugin can render anything, React or not). The list of open overlays is state; `OverlayHost` renders it.
 */
import { BehaviorSubject, type Observable } from 'rxjs';
import type { MountPoint } from '../application';

export interface OverlayRef {
  /** Resolves once the overlay is closed (by the user or `close()`). */
  readonly onClose: Promise<void>;
  close(): Promise<void>;
}

export interface OverlayFlyoutOpenOptions {
  size?: 's' | 'm' | 'l';
  maxWidth?: number | boolean;
  ownFocus?: boolean;
  'aria-label'?: string;
  'data-test-subj'?: string;
  /** Called when the user closes the flyout (the flyout closes afterwards). */
  onClose?: () => void;
}

export interface OverlayModalOpenOptions {
  maxWidth?: number | boolean;
  'data-test-subj'?: string;
}

export interface OverlayModalConfirmOptions {
  title?: string;
  confirmButtonText?: string;
  cancelButtonText?: string;
  buttonColor?: 'primary' | 'danger' | 'warning' | 'success';
  'data-test-subj'?: string;
}

export type OpenOverlay =
  | { id: number; kind: 'flyout'; mount: MountPoint; options: OverlayFlyoutOpenOptions; close(): void }
  | { id: number; kind: 'modal'; mount: MountPoint; options: OverlayModalOpenOptions; close(): void }
  | { id: number; kind: 'confirm'; message: string | MountPoint; options: OverlayModalConfirmOptions; resolve(confirmed: boolean): void };

export interface OverlayStart {
  openFlyout(mount: MountPoint, options?: OverlayFlyoutOpenOptions): OverlayRef;
  openModal(mount: MountPoint, options?: OverlayModalOpenOptions): OverlayRef;
  openConfirm(message: string | MountPoint, options?: OverlayModalConfirmOptions): Promise<boolean>;
}

export interface InternalOverlayStart extends OverlayStart {
  getOpen$(): Observable<OpenOverlay[]>;
}

export function createOverlayService(): InternalOverlayStart {
  const open$ = new BehaviorSubject<OpenOverlay[]>([]);
  let nextId = 1;
  const remove = (id: number) => open$.next(open$.getValue().filter((o) => o.id !== id));

  const openClosable = (kind: 'flyout' | 'modal', mount: MountPoint, options: OverlayFlyoutOpenOptions | OverlayModalOpenOptions): OverlayRef => {
    const id = nextId++;
    let resolveClosed: () => void = () => undefined;
    const onClose = new Promise<void>((resolve) => {
      resolveClosed = resolve;
    });
    let closed = false;
    const close = () => {
      if (closed) return;
      closed = true;
      remove(id);
      resolveClosed();
    };
    // Kibana allows one flyout at a time: opening another closes the previous one.
    if (kind === 'flyout') for (const o of open$.getValue()) if (o.kind === 'flyout') o.close();
    const entry = kind === 'flyout' ? { id, kind, mount, options, close } : { id, kind, mount, options, close };
    open$.next([...open$.getValue(), entry as OpenOverlay]);
    return {
      onClose,
      close: async () => {
        close();
        await onClose;
      },
    };
  };

  return {
    openFlyout: (mount, options = {}) => openClosable('flyout', mount, options),
    openModal: (mount, options = {}) => openClosable('modal', mount, options),
    openConfirm(message, options = {}) {
      return new Promise<boolean>((resolve) => {
        const id = nextId++;
        open$.next([
          ...open$.getValue(),
          {
            id,
            kind: 'confirm',
            message,
            options,
            resolve: (confirmed) => {
              remove(id);
              resolve(confirmed);
            },
          },
        ]);
      });
    },
    getOpen$: () => open$.asObservable(),
  };
}
