import type { IRouter } from '../http';

export type ServiceLevel = 'available' | 'degraded' | 'unavailable' | 'critical';

export interface StatusSnapshot {
  name: string;
  uuid: string;
  version: { number: string; build_flavor: 'traditional' };
  status: {
    overall: { level: ServiceLevel; summary: string };
    core: Record<string, { level: ServiceLevel; summary: string }>;
    plugins: Record<string, { level: ServiceLevel; summary: string }>;
  };
}

/** Kibana's `/api/status`: 200 when available, 503 otherwise (unauthenticated, for readiness probes). */
export function registerStatusRoute(router: IRouter, snapshot: () => StatusSnapshot): void {
  router.get(
    { path: '/api/status', validate: false, options: { authRequired: false, access: 'public' } },
    async (_context, _request, response) => {
      const body = snapshot();
      return body.status.overall.level === 'available' ? response.ok({ body }) : response.custom({ statusCode: 503, body });
    }
  );
}
