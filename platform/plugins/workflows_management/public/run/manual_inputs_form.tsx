/** The Manual tab: one control per declared input, or the inputs as JSON. */
import { EuiComboBox, EuiFieldNumber, EuiFieldText, EuiForm, EuiFormRow, EuiSelect, EuiSwitch, EuiText, EuiTextArea } from '@elastic/eui';
import { useIntl } from 'react-intl';
import type { InputField, InputFormValues } from '../lib/input_form';
import { runMessages } from './translations';

export interface ManualInputsFormProps {
  fields: readonly InputField[];
  values: InputFormValues;
  errors: Record<string, string>;
  onChange(values: InputFormValues): void;
  jsonMode: boolean;
  onJsonModeChange(json: boolean): void;
  jsonText: string;
  jsonError?: string;
  onJsonTextChange(text: string): void;
}

export function ManualInputsForm(props: ManualInputsFormProps) {
  const intl = useIntl();
  const { fields, values, errors, onChange } = props;
  const set = (name: string, value: InputFormValues[string]) => onChange({ ...values, [name]: value });

  return (
    <EuiForm component="div" data-test-subj="manualInputsForm">
      <EuiSwitch
        label={intl.formatMessage(runMessages.jsonToggle)}
        checked={props.jsonMode}
        onChange={(e) => props.onJsonModeChange(e.target.checked)}
        data-test-subj="runInputsJsonToggle"
      />
      {props.jsonMode ? (
        <EuiFormRow label={intl.formatMessage(runMessages.jsonLabel)} isInvalid={Boolean(props.jsonError)} error={props.jsonError} fullWidth>
          <EuiTextArea
            fullWidth
            rows={10}
            value={props.jsonText}
            isInvalid={Boolean(props.jsonError)}
            onChange={(e) => props.onJsonTextChange(e.target.value)}
            style={{ fontFamily: 'monospace' }}
            data-test-subj="runInputsJson"
          />
        </EuiFormRow>
      ) : fields.length === 0 ? (
        <EuiText size="s" color="subdued">
          <p>{intl.formatMessage(runMessages.noInputs)}</p>
        </EuiText>
      ) : (
        fields.map((field) => {
          const error = errors[field.name];
          const value = values[field.name];
          const common = { isInvalid: Boolean(error), 'data-test-subj': `runInput-${field.name}` };
          let control;
          switch (field.kind) {
            case 'switch':
              control = <EuiSwitch label={field.name} checked={value === true} onChange={(e) => set(field.name, e.target.checked)} data-test-subj={`runInput-${field.name}`} />;
              break;
            case 'number':
              control = <EuiFieldNumber {...common} value={typeof value === 'string' ? value : ''} onChange={(e) => set(field.name, e.target.value)} />;
              break;
            case 'select':
              control = (
                <EuiSelect
                  {...common}
                  hasNoInitialSelection={!value}
                  options={field.options.map((o) => ({ value: o, text: o }))}
                  value={typeof value === 'string' ? value : ''}
                  onChange={(e) => set(field.name, e.target.value)}
                />
              );
              break;
            case 'combo': {
              const selected = Array.isArray(value) ? value : [];
              control = (
                <EuiComboBox
                  {...common}
                  options={field.options.map((o) => ({ label: o }))}
                  selectedOptions={selected.map((label) => ({ label }))}
                  onChange={(options) => set(field.name, options.map((o) => o.label))}
                  onCreateOption={(label) => set(field.name, [...selected, label])}
                />
              );
              break;
            }
            default:
              control = <EuiFieldText {...common} value={typeof value === 'string' ? value : ''} onChange={(e) => set(field.name, e.target.value)} />;
          }
          return (
            <EuiFormRow
              key={field.name}
              label={field.required ? `${field.name} *` : field.name}
              helpText={field.description}
              isInvalid={Boolean(error)}
              error={error}
              fullWidth
            >
              {control}
            </EuiFormRow>
          );
        })
      )}
    </EuiForm>
  );
}
