/** `workflows.http.allowedHosts` matching (workflow-engine §2.3): `*`, exact hosts, or `*.domain` for its subdomains. */

const normalise = (host: string) => host.trim().toLowerCase().replace(/^\[(.*)\]$/, '$1').replace(/\.$/, '');

/**
 * `hostname` is the URL's host without port; `hostWithPort` (optional) lets an entry name a port too.
 * `*.example.com` matches `a.example.com` and `a.b.example.com`, not `example.com` itself.
 */
export function isHostAllowed(allowedHosts: readonly string[], hostname: string, hostWithPort?: string): boolean {
  const host = normalise(hostname);
  const withPort = hostWithPort === undefined ? undefined : normalise(hostWithPort);
  return allowedHosts.some((rawEntry) => {
    const entry = normalise(rawEntry);
    if (entry === '*') return true;
    if (entry.startsWith('*.')) {
      const suffix = entry.slice(1);
      return host.endsWith(suffix) && host.length > suffix.length;
    }
    return entry === host || (withPort !== undefined && entry === withPort);
  });
}
