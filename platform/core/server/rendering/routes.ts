import fs from 'node:fs';
import { z } from 'zod/v4';
import type { IRouter } from '../http';
import { BundleStore, contentTypeOf, isContentHashed } from './bundles';
import { renderBundlesMissingPage, renderPage } from './render_page';
import type { InjectedMetadata } from './render_page';

export const BUNDLES_PATH = '/bundles';

/** The page shell for every UI path and the static bundles it loads. */
export function registerRenderingRoutes(
  router: IRouter,
  options: { bundles: BundleStore; metadata(request: Parameters<Parameters<IRouter['get']>[1]>[1], spaceId: string, user: InjectedMetadata['user']): InjectedMetadata }
): void {
  const page: Parameters<IRouter['get']>[1] = async (context, request, response) => {
    const core = await context.core;
    const manifest = options.bundles.manifest();
    const headers = { 'content-type': 'text/html; charset=utf-8' };
    if (!manifest) return response.custom({ statusCode: 503, body: renderBundlesMissingPage(options.bundles.dir), headers });
    const metadata = options.metadata(request, core.spaces.getSpaceId(), core.security.authc.getCurrentUser());
    return response.ok({ body: renderPage({ metadata, manifest, bundlesPath: BUNDLES_PATH }), headers });
  };
  const pageOptions = { authRequired: 'optional' as const, access: 'public' as const };
  for (const path of ['/', '/login', '/app', '/app/{path*}']) {
    router.get({ path, validate: false, options: pageOptions }, page);
  }

  router.get(
    {
      path: `${BUNDLES_PATH}/{path*}`,
      validate: { params: z.object({ path: z.string() }) },
      options: { authRequired: false, access: 'public' },
    },
    async (_context, request, response) => {
      const found = options.bundles.resolve(request.params.path);
      if (!found) return response.notFound({ body: `Bundle file ${request.params.path} not found` });
      const etag = `"${found.size.toString(16)}-${Math.floor(found.mtimeMs).toString(16)}"`;
      const cacheControl = isContentHashed(found.file) ? 'public, max-age=31536000, immutable' : 'no-cache';
      const headers = { 'content-type': contentTypeOf(found.file), 'cache-control': cacheControl, etag };
      if (request.headers['if-none-match'] === etag) return response.custom({ statusCode: 304, headers });
      return response.ok({ body: fs.createReadStream(found.file), headers });
    }
  );
}
