import { EuiFilterButton, EuiPopover, EuiSelectable, type EuiSelectableOption } from '@elastic/eui';
import { useState } from 'react';
import type { FacetBucket } from './alerts_query';

/** A multi-select filter button (EuiFilterGroup style) whose options come from a terms aggregation. */
export function FilterPopover({ label, options, selected, onChange, testSubj }: { label: string; options: FacetBucket[]; selected: string[]; onChange(values: string[]): void; testSubj: string }) {
  const [open, setOpen] = useState(false);
  const keys = new Set(options.map((o) => o.key));
  const all = [...options, ...selected.filter((s) => !keys.has(s)).map((key) => ({ key, doc_count: 0 }))];
  const selectable: EuiSelectableOption[] = all.map((o) => ({
    label: o.key,
    checked: selected.includes(o.key) ? 'on' : undefined,
    append: <span style={{ color: '#69707d' }}>{o.doc_count}</span>,
    'data-test-subj': `${testSubj}-option-${o.key}`,
  }));
  return (
    <EuiPopover
      isOpen={open}
      closePopover={() => setOpen(false)}
      panelPaddingSize="none"
      button={
        <EuiFilterButton iconType="arrowDown" onClick={() => setOpen((o) => !o)} isSelected={open} hasActiveFilters={selected.length > 0} numActiveFilters={selected.length} numFilters={all.length} data-test-subj={testSubj}>
          {label}
        </EuiFilterButton>
      }
    >
      <EuiSelectable
        searchable={all.length > 8}
        options={selectable}
        onChange={(next) => onChange(next.filter((o) => o.checked === 'on').map((o) => o.label))}
        listProps={{ bordered: false }}
        style={{ width: 320 }}
      >
        {(list, search) => (
          <div>
            {search}
            {list}
          </div>
        )}
      </EuiSelectable>
    </EuiPopover>
  );
}
