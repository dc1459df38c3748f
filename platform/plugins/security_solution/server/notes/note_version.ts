/** Saved-object style versions: base64 of `[seq_no, primary_term]`, opaque to clients. */
export function encodeNoteVersion(seqNo: number, primaryTerm: number): string {
  return Buffer.from(JSON.stringify([seqNo, primaryTerm])).toString('base64');
}

export function decodeNoteVersion(version: string): { seqNo: number; primaryTerm: number } | undefined {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(version, 'base64').toString('utf8'));
    if (Array.isArray(parsed) && parsed.length === 2 && parsed.every((n) => Number.isInteger(n) && n >= 0)) {
      return { seqNo: parsed[0] as number, primaryTerm: parsed[1] as number };
    }
  } catch {
    return undefined;
  }
  return undefined;
}
