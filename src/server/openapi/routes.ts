// GET /api/v1/openapi.json: the machine-readable contract, cacheable like the course API (ETag,
// 304, `no-cache`), built from the registry on first request and kept.
import { Hono } from 'hono';
import { methodNotAllowed } from '../api-errors';
import type { CompressionCache } from '../compression';
import { contentEtag } from '../conditional';
import { sendEntity } from '../send-entity';
import { openApiDocument } from './document';

/** Where the document is served. */
export const OPENAPI_PATH = '/api/v1/openapi.json';

/** The document's route, with its full path (mount at `/`). */
export function openApiRoutes({ compression }: { compression: CompressionCache }): Hono {
  let entity: { body: Uint8Array; etag: string } | undefined;
  const routes = new Hono();
  routes.get(OPENAPI_PATH, (c) => {
    if (!entity) {
      const body = new TextEncoder().encode(JSON.stringify(openApiDocument()));
      entity = { body, etag: contentEtag(body) };
    }
    return sendEntity(
      c,
      {
        key: 'openapi',
        ...entity,
        contentType: 'application/json; charset=utf-8',
        cacheControl: 'no-cache',
      },
      compression,
    );
  });
  routes.all(OPENAPI_PATH, (c) => methodNotAllowed(c));
  return routes;
}
