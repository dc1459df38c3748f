/** CPU time of the engine process from `/proc/<pid>/stat`, robust to other load on a shared machine. */

/** Linux reports utime/stime in clock ticks; USER_HZ is 100 on every mainstream architecture. */
const CLOCK_TICKS_PER_SECOND = 100;

/** utime + stime in seconds from the text of `/proc/<pid>/stat`, or undefined if it does not parse. */
export function cpuSecondsFromStat(text: string): number | undefined {
  // The command name (field 2) is in parentheses and may hold spaces: fields are counted after it.
  const close = text.lastIndexOf(')');
  if (close < 0) return undefined;
  const fields = text.slice(close + 2).trim().split(/\s+/);
  // After the name: state(3) ... utime(14) stime(15), i.e. indexes 11 and 12 here.
  const utime = Number(fields[11]);
  const stime = Number(fields[12]);
  if (!Number.isFinite(utime) || !Number.isFinite(stime)) return undefined;
  return (utime + stime) / CLOCK_TICKS_PER_SECOND;
}
