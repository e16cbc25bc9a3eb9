// apiBodyLimit (src/server/api-errors.ts): the same verdicts as hono's bodyLimit, and a body with a
// Content-Length judged by the header alone, without `c.req.raw.body` (on @hono/node-server that
// getter builds a web ReadableStream for every request: issue 13, a push's CPU).
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { apiBodyLimit } from '../../src/server/api-errors';

const LIMIT = 16;

/** An app echoing the body behind apiBodyLimit(LIMIT), and whether anything read `raw.body`. */
function echoApp() {
  const seen = { body: false };
  const app = new Hono();
  app.use(async (c, next) => {
    const raw = c.req.raw;
    c.req.raw = new Proxy(raw, {
      get(target, property) {
        if (property === 'body') seen.body = true;
        const value = Reflect.get(target, property, target) as unknown;
        return typeof value === 'function' ? (value as () => unknown).bind(target) : value;
      },
    });
    await next();
  });
  app.all('/echo', apiBodyLimit(LIMIT), async (c) => c.text(await c.req.text()));
  return { app, seen };
}

const streamOf = (text: string) =>
  new ReadableStream({
    start(controller) {
      controller.enqueue(new TextEncoder().encode(text));
      controller.close();
    },
  });

describe('apiBodyLimit', () => {
  it('passes a body within its declared length without touching the body stream', async () => {
    const { app, seen } = echoApp();
    const reply = await app.request('/echo', {
      method: 'POST',
      body: 'hello',
      headers: { 'Content-Length': '5' },
    });
    expect(reply.status).toBe(200);
    expect(await reply.text()).toBe('hello');
    expect(seen.body).toBe(false);
  });

  it('refuses a declared length over the limit with 413 and Connection: close, unread', async () => {
    const { app, seen } = echoApp();
    const body = 'x'.repeat(LIMIT + 1);
    const reply = await app.request('/echo', {
      method: 'POST',
      body,
      headers: { 'Content-Length': String(body.length) },
    });
    expect(reply.status).toBe(413);
    expect(reply.headers.get('Connection')).toBe('close');
    expect(await reply.json()).toMatchObject({ error: 'payload_too_large' });
    expect(seen.body).toBe(false);
  });

  it('counts a body without a declared length as it streams (413 past the limit)', async () => {
    const { app } = echoApp();
    const over = await app.request('/echo', {
      method: 'POST',
      body: streamOf('y'.repeat(LIMIT + 1)),
      duplex: 'half',
    } as RequestInit);
    expect(over.status).toBe(413);
    expect(over.headers.get('Connection')).toBe('close');
    const within = await app.request('/echo', {
      method: 'POST',
      body: streamOf('y'.repeat(LIMIT)),
      duplex: 'half',
    } as RequestInit);
    expect(within.status).toBe(200);
    expect(await within.text()).toBe('y'.repeat(LIMIT));
  });

  it('streams a body that declares a length and a Transfer-Encoding too', async () => {
    const { app, seen } = echoApp();
    const reply = await app.request('/echo', {
      method: 'POST',
      body: streamOf('z'.repeat(LIMIT + 1)),
      duplex: 'half',
      headers: { 'Content-Length': '1', 'Transfer-Encoding': 'chunked' },
    } as RequestInit);
    expect(reply.status).toBe(413);
    expect(seen.body).toBe(true);
  });

  it('lets a GET through whatever length it declares', async () => {
    const { app } = echoApp();
    const reply = await app.request('/echo', { headers: { 'Content-Length': '999999' } });
    expect(reply.status).toBe(200);
  });
});
