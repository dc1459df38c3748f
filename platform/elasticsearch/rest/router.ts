/**
 * The routing table: path patterns with `{param}` segments (a final `{*}` matches one or more trailing
 * segments), most literal match first, and the ES answers for unknown paths (400 "no handler found")
 * and wrong methods (405).
 */
import type { RestHandler } from './types';

export interface RouteDefinition {
  methods: readonly string[];
  path: string;
  /** Query parameters the endpoint accepts besides the common ones. */
  params: readonly string[];
  handler: RestHandler;
}

interface CompiledRoute extends RouteDefinition {
  segments: string[];
  literalCount: number;
}

export type RouteMatch =
  | { kind: 'found'; route: RouteDefinition; pathParams: Record<string, string> }
  | { kind: 'method_not_allowed'; allowed: string[] }
  | { kind: 'not_found' };

function splitPath(path: string): string[] {
  return path.split('/').filter((s) => s.length > 0);
}

export class Router {
  private readonly routes: CompiledRoute[] = [];

  add(route: RouteDefinition): void {
    const segments = splitPath(route.path);
    this.routes.push({ ...route, segments, literalCount: segments.filter((s) => !s.startsWith('{')).length });
  }

  addAll(routes: readonly RouteDefinition[]): void {
    for (const r of routes) this.add(r);
  }

  match(method: string, path: string): RouteMatch {
    const segments = splitPath(path);
    const candidates: Array<{ route: CompiledRoute; pathParams: Record<string, string> }> = [];
    for (const route of this.routes) {
      const tail = route.segments[route.segments.length - 1] === '{*}';
      if (tail ? segments.length < route.segments.length : route.segments.length !== segments.length) continue;
      const pathParams: Record<string, string> = {};
      let ok = true;
      for (let i = 0; i < route.segments.length; i++) {
        const pattern = route.segments[i];
        if (pattern === '{*}') break;
        if (pattern.startsWith('{')) {
          pathParams[pattern.slice(1, -1)] = decodeSegment(segments[i]);
        } else if (pattern !== segments[i]) {
          ok = false;
          break;
        }
      }
      if (ok) candidates.push({ route, pathParams });
    }
    if (candidates.length === 0) return { kind: 'not_found' };
    // A path some exact route knows answers 405 for other methods, never a tail-wildcard route.
    const exact = candidates.filter((c) => c.route.segments[c.route.segments.length - 1] !== '{*}');
    if (exact.length > 0 && exact.length < candidates.length) candidates.splice(0, candidates.length, ...exact);
    // More literal segments first, and literal segments earlier in the path first.
    candidates.sort((a, b) => specificity(b.route) - specificity(a.route));
    const effectiveMethod = method === 'HEAD' ? ['HEAD', 'GET'] : [method];
    for (const m of effectiveMethod) {
      const hit = candidates.find((c) => c.route.methods.includes(m));
      if (hit) return { kind: 'found', route: hit.route, pathParams: hit.pathParams };
    }
    const allowed = new Set<string>();
    for (const c of candidates) for (const m of c.route.methods) allowed.add(m);
    return { kind: 'method_not_allowed', allowed: [...allowed].sort() };
  }
}

function specificity(route: CompiledRoute): number {
  // Tail wildcards only catch what no exact-length route matches.
  if (route.segments[route.segments.length - 1] === '{*}') return route.literalCount;
  let score = route.literalCount * 1000;
  route.segments.forEach((s, i) => {
    if (!s.startsWith('{')) score += 100 - i;
  });
  return score;
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
