/** Quick prompt badges: a click replaces the composer text (never sends); "+ Add" opens the settings tab. */
import { EuiBadge, EuiButtonEmpty, EuiContextMenuItem, EuiContextMenuPanel, EuiFlexGroup, EuiFlexItem, EuiPopover } from '@elastic/eui';
import { useState } from 'react';
import { useIntl } from 'react-intl';
import type { QuickPrompt } from '../../api';
import { messages as t } from '../translations';
import { quickPromptSlots } from './quick_prompts';

export function QuickPromptBar({ prompts, width, onPick, onAdd }: { prompts: QuickPrompt[]; width: number; onPick(p: QuickPrompt): void; onAdd?: () => void }) {
  const intl = useIntl();
  const [open, setOpen] = useState(false);
  const slots = quickPromptSlots(width);
  const shown = prompts.slice(0, slots);
  const rest = prompts.slice(slots);
  return (
    <EuiFlexGroup gutterSize="xs" wrap={false} responsive={false} alignItems="center" data-test-subj="assistantQuickPrompts">
      {shown.map((p) => (
        <EuiFlexItem grow={false} key={p.id}>
          <EuiBadge color={p.color} onClick={() => onPick(p)} onClickAriaLabel={p.name} data-test-subj={`assistantQuickPrompt-${p.id}`}>
            {p.name}
          </EuiBadge>
        </EuiFlexItem>
      ))}
      {rest.length > 0 && (
        <EuiFlexItem grow={false}>
          <EuiPopover
            isOpen={open}
            closePopover={() => setOpen(false)}
            panelPaddingSize="none"
            button={<EuiButtonEmpty size="xs" iconType="boxesHorizontal" aria-label={intl.formatMessage(t.moreQuickPrompts)} onClick={() => setOpen((o) => !o)} />}
          >
            <EuiContextMenuPanel
              items={rest.map((p) => (
                <EuiContextMenuItem
                  key={p.id}
                  onClick={() => {
                    setOpen(false);
                    onPick(p);
                  }}
                >
                  {p.name}
                </EuiContextMenuItem>
              ))}
            />
          </EuiPopover>
        </EuiFlexItem>
      )}
      {onAdd && (
        <EuiFlexItem grow={false}>
          <EuiButtonEmpty size="xs" onClick={onAdd} data-test-subj="assistantAddQuickPrompt">
            {intl.formatMessage(t.addQuickPrompt)}
          </EuiButtonEmpty>
        </EuiFlexItem>
      )}
    </EuiFlexGroup>
  );
}
