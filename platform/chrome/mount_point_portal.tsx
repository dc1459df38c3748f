import { useEffect, useRef } from 'react';
import type { MountPoint } from '../core/public';

/** Renders a MountPoint (React or not) into a wrapper element and unmounts it on change or removal. */
export function MountPointPortal({ mount, className, 'data-test-subj': testSubj }: { mount: MountPoint; className?: string; 'data-test-subj'?: string }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = ref.current;
    if (!el) return undefined;
    const unmount = mount(el);
    // Unmount after React finished this commit: unmounting a nested root synchronously warns.
    return () => {
      queueMicrotask(unmount);
    };
  }, [mount]);
  return <div ref={ref} className={className} data-test-subj={testSubj} />;
}
