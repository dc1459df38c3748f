import { EuiLoadingSpinner } from '@elastic/eui';
import { lazy, Suspense, useEffect, useState, type ComponentProps } from 'react';
import { useAssistantState } from '../service';

/** The flyout's code is a separate chunk, fetched the first time the flyout opens, so pages that never open it pay nothing. */
const AssistantFlyout = lazy(async () => ({ default: (await import('./assistant_flyout')).AssistantFlyout }));

export function LazyAssistantFlyout(props: ComponentProps<typeof AssistantFlyout>) {
  const isOpen = useAssistantState((s) => s.isOpen);
  const [wanted, setWanted] = useState(isOpen);
  useEffect(() => {
    if (isOpen) setWanted(true);
  }, [isOpen]);
  if (!wanted) return null;
  return (
    <Suspense fallback={<EuiLoadingSpinner size="l" data-test-subj="assistantFlyoutLoading" />}>
      <AssistantFlyout {...props} />
    </Suspense>
  );
}
