// The connection around a reply. Two things the app's routes cannot do themselves:
// - A reply sent before the request body has arrived says `Connection: close`. The server then
//   drops the connection (@hono/node-server drains an unread body for at most 500 ms); a
//   keep-alive client told nothing would send its next request on that dying connection and see
//   "socket hang up".
// - The replies Node and @hono/node-server make themselves, outside the app (a request line or
//   header Node cannot parse; a Host that makes no URL), carry the same security headers and a
//   JSON error body as every other reply, and close the connection.
import type { IncomingMessage, Server } from 'node:http';
import type { Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { STATUS_CODES } from 'node:http';
import { RequestError } from '@hono/node-server';
import type { MiddlewareHandler } from 'hono';
import type { ApiError } from './api-errors';
import { securityHeadersFor, type SecurityHeaderOptions } from './security-headers';

const BODYLESS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** How long a closing connection keeps reading (and discarding) a body still on its way. */
export const LINGER_MS = 2000;

/**
 * After the reply, Node closes a `Connection: close` socket at once. If the client is still
 * sending its body, closing with unread bytes makes the kernel answer with a reset, and the
 * client may lose the reply it was about to read (it sees ECONNRESET instead of the 413). So
 * this socket only half-closes: the reply and a FIN go out, the rest of the body is read and
 * dropped (by the request's own drain) until the client closes its side or LINGER_MS pass, as
 * nginx's `lingering_close` does.
 */
function lingerWhenClosing(socket: Socket): void {
  const closing = socket as Socket & { destroySoon?: () => void };
  closing.destroySoon = () => {
    if (socket.destroyed) return;
    socket.end();
    const timer = setTimeout(() => socket.destroy(), LINGER_MS);
    timer.unref();
    socket.once('close', () => clearTimeout(timer));
  };
}

/** Middleware: `Connection: close` on a reply to a request whose body has not fully arrived
 * when the reply is made (under @hono/node-server; in-process requests have no connection). */
export function closeWhenBodyUnread(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    const incoming = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming;
    const unread = incoming && !BODYLESS.has(c.req.method) && !incoming.complete;
    if (unread || c.res.headers.get('Connection')?.toLowerCase() === 'close') {
      c.res.headers.set('Connection', 'close');
      if (incoming) lingerWhenClosing(incoming.socket);
    }
  };
}

/** The JSON error reply the server makes outside the app, as header lines and a body. */
function errorReply(
  status: number,
  options: SecurityHeaderOptions,
): { headers: Record<string, string>; body: string } {
  const error: ApiError =
    status >= 500
      ? { error: 'internal_error', message: 'Something went wrong on the server' }
      : { error: 'bad_request', message: `The request could not be read (${status})` };
  return {
    headers: {
      ...securityHeadersFor(options),
      'Content-Type': 'application/json; charset=utf-8',
      'Cache-Control': 'no-store',
      Connection: 'close',
    },
    body: JSON.stringify(error),
  };
}

/** For @hono/node-server's `errorHandler`: the reply when it cannot even make a Request (a Host
 * header that makes no URL, an absolute URL that does not parse), 400; 500 if the app threw
 * outside its own error handler (it never should). */
export function requestErrorReply(options: SecurityHeaderOptions): (error: unknown) => Response {
  return (error) => {
    const status = error instanceof RequestError ? 400 : 500;
    const { headers, body } = errorReply(status, options);
    return new Response(body, { status, headers });
  };
}

// Node's own choices (lib/_http_server.js), so only the headers and body change.
const statusOfClientError = (code: string | undefined): number =>
  code === 'HPE_HEADER_OVERFLOW' ? 431 : code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : 400;

/** Answers requests Node's parser refuses with the security headers, instead of Node's bare
 * `400 Bad Request`. Written as raw bytes: there is no request object to answer through. */
export function answerClientErrors(server: Server, options: SecurityHeaderOptions): void {
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    // As Node: never write into a reply already on its way, nor to a socket that is gone.
    const inFlight = (socket as { _httpMessage?: { headersSent?: boolean } })._httpMessage;
    if (error.code === 'ECONNRESET' || !socket.writable || inFlight?.headersSent) {
      socket.destroy();
      return;
    }
    const status = statusOfClientError(error.code);
    const { headers, body } = errorReply(status, options);
    const lines = Object.entries({ ...headers, 'Content-Length': String(Buffer.byteLength(body)) })
      .map(([name, value]) => `${name}: ${value}\r\n`)
      .join('');
    socket.end(`HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\n${lines}\r\n${body}`, () =>
      socket.destroy(),
    );
  });
}
