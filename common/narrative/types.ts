import type { AlertFieldReader } from '../workflows/field_access';

export type NarrativeStrategyId =
  | 'threat_match'
  | 'machine_learning'
  | 'dns'
  | 'cloud'
  | 'authentication'
  | 'registry'
  | 'network'
  | 'file'
  | 'summary'
  | 'process';

/** One way of telling an alert's story; the registry picks the first match by descending priority. */
export interface NarrativeStrategy {
  readonly id: NarrativeStrategyId;
  readonly priority: number;
  matches(alert: AlertFieldReader): boolean;
  /** The narrative before `tidy`. */
  render(alert: AlertFieldReader): string;
}

export interface Narrative {
  readonly strategy: NarrativeStrategyId;
  readonly text: string;
}
