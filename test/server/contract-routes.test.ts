// The OpenAPI contract (src/server/openapi) against the app: every mounted route is an operation
// of the document and every operation a mounted route; the document is served, cacheable; its
// schemas compile; the recorder that checks every server test's replies is really watching; and
// docs/sync-protocol.md names what the document names.
import { readFile } from 'node:fs/promises';
import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_ERROR_CODES } from '../../src/shared/api-error-codes';
import { learnerEventSchema } from '../../src/shared/events';
import { buildOpenApiDocument, toJsonSchema } from '../../src/server/openapi/document';
import { ALL_OPERATIONS } from '../../src/server/openapi/operations';
import { openTestDatabase } from '../utils/test-database';
import {
  contractDocument,
  contractProblems,
  DOCUMENT_METHODS,
  readReply,
  validatorFor,
} from '../utils/contract';
import { contractRecorder } from '../utils/contract-recorder';
import { call } from './account-support';
import { contractApp, fixtureCatalogue } from './contract-support';

const database = await openTestDatabase();
const catalogue = await fixtureCatalogue();
let app: Hono;
beforeAll(() => {
  app = contractApp(database, catalogue.courses);
});
afterAll(async () => {
  await database.close();
  await catalogue.remove();
});

/** `METHOD /path/{param}` of every route the app mounts: Hono's `:id` becomes `{id}`, a
 * trailing `*` `{path}`; middleware, the 405 catch-alls (ALL) and the built app (`*`) are not
 * operations. */
function mountedOperations(hono: Hono): string[] {
  const found = new Set<string>();
  for (const route of hono.routes) {
    if (route.method === 'ALL' || route.path === '*' || route.path === '/*') continue;
    const path = route.path
      .replace(/:([A-Za-z0-9_]+)(\{[^}]*\})?/g, '{$1}')
      .replace(/\/\*$/, '/{path}');
    found.add(`${route.method} ${path}`);
  }
  return [...found].sort();
}

function documentedOperations(): string[] {
  const doc = contractDocument();
  return Object.entries(doc.paths)
    .flatMap(([path, item]) => Object.keys(item).map((method) => `${method.toUpperCase()} ${path}`))
    .sort();
}

describe('routes and document', () => {
  it('documents every mounted route, and mounts every documented one', () => {
    const mounted = mountedOperations(app);
    const documented = documentedOperations();
    const undocumented = mounted.filter((op) => !documented.includes(op));
    const unmounted = documented.filter((op) => !mounted.includes(op));
    expect({ undocumented, unmounted }).toEqual({ undocumented: [], unmounted: [] });
    console.log(
      `contract routes: ${mounted.length} mounted routes, ${documented.length} operations`,
    );
  });

  it('has one operation per method and path, each path parameter declared', () => {
    const doc = contractDocument();
    const ids = new Set<string>();
    for (const [path, item] of Object.entries(doc.paths)) {
      const inPath = [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]).sort();
      for (const method of Object.keys(item)) {
        expect(DOCUMENT_METHODS).toContain(method);
        const operation = item[method];
        expect(ids.has(operation.operationId), operation.operationId).toBe(false);
        ids.add(operation.operationId);
        const declared = operation.parameters
          .filter((p) => p.in === 'path')
          .map((p) => p.name)
          .sort();
        expect(declared, `${method} ${path}`).toEqual(inPath);
      }
    }
  });

  it('gives every bearer operation a 401 with WWW-Authenticate, and every 401 the header', () => {
    for (const [path, item] of Object.entries(contractDocument().paths)) {
      for (const [method, operation] of Object.entries(item)) {
        if (operation.security.length > 0)
          expect(operation.responses['401'], `${method} ${path}`).toBeDefined();
        const unauthorized = operation.responses['401'];
        if (unauthorized) {
          expect(unauthorized.headers?.['WWW-Authenticate']?.required, `${method} ${path}`).toBe(
            true,
          );
        }
      }
    }
  });

  it('compiles every schema of the document with ajv (JSON Schema 2020-12)', () => {
    let schemas = 0;
    for (const [path, item] of Object.entries(contractDocument().paths)) {
      for (const [method, operation] of Object.entries(item)) {
        const bodies = [
          ...Object.values(operation.requestBody?.content ?? {}),
          ...Object.values(operation.responses).flatMap((r) => Object.values(r.content ?? {})),
          ...operation.parameters,
        ];
        for (const [i, { schema }] of bodies.entries()) {
          expect(() => validatorFor(`compile ${method} ${path} ${i}`, schema)).not.toThrow();
          schemas += 1;
        }
      }
    }
    expect(schemas).toBeGreaterThan(50);
  });

  it('lists only known error codes', () => {
    const text = JSON.stringify(contractDocument().paths);
    const used = new Set<string>();
    for (const match of text.matchAll(/"error":\{"type":"string","enum":\[([^\]]*)\]/g)) {
      for (const code of JSON.parse(`[${match[1]}]`) as string[]) used.add(code);
    }
    for (const code of used) expect(API_ERROR_CODES).toContain(code);
  });

  it('refuses a registry that describes one route twice', () => {
    const [first] = ALL_OPERATIONS;
    expect(() => buildOpenApiDocument([first, { ...first, operationId: 'again' }])).toThrow(
      /twice/,
    );
  });
});

describe('GET /api/v1/openapi.json', () => {
  it('serves the document, cacheable with an ETag', async () => {
    const response = await app.request('/api/v1/openapi.json');
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toMatch(/^application\/json/);
    expect(response.headers.get('Cache-Control')).toBe('no-cache');
    const etag = response.headers.get('ETag');
    expect(etag).toMatch(/^"[A-Za-z0-9_-]+"$/);
    const served = (await response.json()) as ReturnType<typeof buildOpenApiDocument>;
    expect(served).toEqual(JSON.parse(JSON.stringify(contractDocument())));
    expect(served.openapi).toBe('3.1.0');

    const again = await app.request('/api/v1/openapi.json', {
      headers: { 'If-None-Match': etag! },
    });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
  });

  it('answers another method with 405', async () => {
    const response = await app.request('/api/v1/openapi.json', { method: 'POST' });
    expect(response.status).toBe(405);
  });
});

describe('the recorder that watches the server tests', () => {
  it('checks the replies of every app createApp makes', async () => {
    const before = contractRecorder.checked;
    await app.request('/api/v1/courses');
    await Promise.all(contractRecorder.pending);
    expect(contractRecorder.checked).toBe(before + 1);
  });

  it('finds an undocumented status, a wrong body and a missing header', async () => {
    const reply = (status: number, body: unknown, headers: Record<string, string> = {}) =>
      readReply(
        new Response(JSON.stringify(body), {
          status,
          headers: { 'Content-Type': 'application/json', ...headers },
        }),
      );
    expect(contractProblems('GET', '/api/v1/courses', await reply(418, {}))).toEqual([
      expect.stringMatching(/status 418 is not documented/),
    ]);
    expect(
      contractProblems(
        'GET',
        '/api/v1/me',
        await reply(401, { error: 'unauthorized', message: 'x' }),
      ),
    ).toEqual(['lacks the WWW-Authenticate header']);
    const wrong = await reply(404, { error: 'not_a_code', message: 'x' });
    expect(contractProblems('GET', '/api/v1/courses/x', wrong)[0]).toMatch(/does not match/);
    expect(contractProblems('DELETE', '/api/v1/courses', await reply(200, {}))[0]).toMatch(
      /not 405/,
    );
  });
});

describe('docs/sync-protocol.md', () => {
  it('names every documented path and says where the contract is', async () => {
    const text = await readFile('docs/sync-protocol.md', 'utf8');
    expect(text).toContain('/api/v1/openapi.json');
    const missing = Object.keys(contractDocument().paths).filter((path) => !text.includes(path));
    expect(missing).toEqual([]);
  });

  it('writes down the event field limits the schema has', async () => {
    const text = (await readFile('docs/sync-protocol.md', 'utf8')).replace(/\s+/g, ' ');
    const schema = JSON.stringify(toJsonSchema(learnerEventSchema, 'input'));
    const limits = (field: string) =>
      new RegExp(`"${field}":\\{"type":"string","minLength":(\\d+),"maxLength":(\\d+)`).exec(
        schema,
      )!;
    const [, clientMin, clientMax] = limits('clientId');
    const [, idMin, idMax] = limits('courseId');
    expect(text).toContain(`${clientMin}–${clientMax} characters`);
    expect(text).toContain(`${idMin}–${idMax} characters`);
    expect(schema).toContain('"maxItems":20');
    expect(text).toMatch(/at most 20 option ids/);
    expect(schema).toContain('"maxLength":20000');
    expect(text).toMatch(/at most 20,000 characters/);
    expect(schema).toContain('"maximum":10000000');
    expect(text).toMatch(/at most 10,000,000/);
  });
});

describe('POST /api/v1/auth/login', () => {
  it('answers wrong credentials 401 with WWW-Authenticate, as every other 401', async () => {
    const response = await call(app, 'POST', '/api/v1/auth/login', {
      body: { email: 'ingen@firma.no', password: 'feil passord her' },
    });
    expect(response.status).toBe(401);
    expect(response.headers.get('WWW-Authenticate')).toBe('Bearer');
    expect(await response.json()).toMatchObject({ error: 'invalid_credentials' });
  });
});
