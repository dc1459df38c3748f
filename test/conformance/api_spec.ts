import fs from 'node:fs';
import path from 'node:path';
import { API_ROUTES, type BodyKind } from './api_routes';
import { isRecord } from './object_path';

export interface ApiPath {
  path: string;
  methods: string[];
  parts: string[];
}

export interface ApiSpec {
  name: string;
  paths: ApiPath[];
  /** Accepted query parameters; undefined when unknown (our own table), so nothing is validated. */
  params: ReadonlySet<string> | undefined;
  body: BodyKind;
}

function partsOf(template: string): string[] {
  return [...template.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]);
}

export function specFromRoutes(name: string): ApiSpec | undefined {
  const entry = API_ROUTES[name];
  if (entry === undefined) return undefined;
  const paths = entry.routes.map((route) => {
    const [methods, template] = route.split(' ');
    return { path: template, methods: methods.split(','), parts: partsOf(template) };
  });
  return { name, paths, params: undefined, body: entry.body };
}

/** Parses one file of Elasticsearch's rest-api-spec (`{name: {url: {paths}, params, body}}`). */
export function specFromJson(json: unknown): ApiSpec | undefined {
  if (!isRecord(json)) return undefined;
  const entries = Object.entries(json).filter(([key]) => key !== '$schema');
  if (entries.length !== 1) return undefined;
  const [name, definition] = entries[0];
  if (!isRecord(definition) || !isRecord(definition.url) || !Array.isArray(definition.url.paths)) return undefined;
  const paths: ApiPath[] = [];
  for (const p of definition.url.paths) {
    if (!isRecord(p) || typeof p.path !== 'string' || !Array.isArray(p.methods)) continue;
    paths.push({ path: p.path, methods: p.methods.map(String), parts: isRecord(p.parts) ? Object.keys(p.parts) : partsOf(p.path) });
  }
  const params = new Set(isRecord(definition.params) ? Object.keys(definition.params) : []);
  let body: BodyKind = 'none';
  if (isRecord(definition.body)) {
    if (definition.body.serialize === 'bulk') body = 'ndjson';
    else body = definition.body.required === true ? 'required' : 'optional';
  }
  return { name, paths, params, body };
}

/** API specs from `<dir>/<name>.json` when that directory exists, else our routing table. */
export class ApiRegistry {
  private readonly cache = new Map<string, ApiSpec | undefined>();

  constructor(private readonly specDir: string | undefined) {}

  static forTestsRoot(root: string): ApiRegistry {
    const dir = path.join(root, 'api');
    return new ApiRegistry(fs.existsSync(dir) ? dir : undefined);
  }

  get usesOfficialSpecs(): boolean {
    return this.specDir !== undefined;
  }

  get(name: string): ApiSpec | undefined {
    if (this.cache.has(name)) return this.cache.get(name);
    let spec: ApiSpec | undefined;
    if (this.specDir !== undefined) {
      const file = path.join(this.specDir, `${name}.json`);
      if (fs.existsSync(file)) spec = specFromJson(JSON.parse(fs.readFileSync(file, 'utf8')));
    }
    spec ??= specFromRoutes(name);
    this.cache.set(name, spec);
    return spec;
  }
}
