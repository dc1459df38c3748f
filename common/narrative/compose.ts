import type { AlertFieldReader } from '../workflows/field_access';

/**
 * Building blocks shared by the strategies (triage-steps §3.2). Builders only emit a separator together with the
 * piece it introduces, so absent fields never leave a dangling comma or `with`.
 */

/** `[<prefix><value><suffix>]`: the piece when the value is present, otherwise nothing. */
export const opt = (value: string | number | undefined, prefix = ' ', suffix = ''): string =>
  value === undefined ? '' : `${prefix}${value}${suffix}`;

/** `{ctx}` = `[ by <user.name>][ on <host.name>]`. */
export const ctx = (alert: AlertFieldReader): string => opt(alert.text('user.name'), ' by ') + opt(alert.text('host.name'), ' on ');

/** `{suffix}`: ` created <severity> alert[ <rule>].`, else ` <rule>.`, else nothing. */
export function suffix(alert: AlertFieldReader): string {
  const severity = alert.text('kibana.alert.severity');
  const rule = alert.text('kibana.alert.rule.name');
  if (severity !== undefined) return ` created ${severity} alert${rule === undefined ? '.' : ` ${rule}.`}`;
  return rule === undefined ? '' : ` ${rule}.`;
}

/** `<ip>[:<port>]`, or undefined without the ip (a port alone is meaningless). */
export function endpoint(alert: AlertFieldReader, side: 'source' | 'destination'): string | undefined {
  const ip = alert.text(`${side}.ip`);
  if (ip === undefined) return undefined;
  return ip + opt(alert.text(`${side}.port`), ':');
}

/**
 * `tidy` runs on every narrative: whitespace runs (newlines included) become one space, trailing `,`/`;`/spaces
 * go, and the result is trimmed. Nothing else is rewritten: `. ` and ` :` inside values survive.
 */
export function tidy(narrative: string): string {
  return narrative
    .replace(/\s+/g, ' ')
    .replace(/[\s,;]+$/, '')
    .trim();
}
