// Security headers on every response, API and app alike. The policy allows no inline script or
// style, so the built app must load everything from its own files (vite-plugin-pwa's inline
// registration is off for this reason: `injectRegister: false`).
import type { MiddlewareHandler } from 'hono';

/** The Content-Security-Policy sent with every response. No `manifest-src`: WebKit does not know
 * it and logs a console error on every page, and `default-src 'self'` already limits the
 * manifest to this origin. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** Powerful browser features the app never uses, switched off for every origin. Only features
 * Chromium knows: an unknown one ('bluetooth', never a policy-controlled feature) makes it log
 * "Unrecognized feature" on every page. */
export const PERMISSIONS_POLICY = [
  'accelerometer=()',
  'camera=()',
  'display-capture=()',
  'geolocation=()',
  'gyroscope=()',
  'hid=()',
  'magnetometer=()',
  'microphone=()',
  'midi=()',
  'payment=()',
  'serial=()',
  'usb=()',
  'xr-spatial-tracking=()',
].join(', ');

/** Every security header and its exact value. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'X-Frame-Options': 'DENY',
  'Permissions-Policy': PERMISSIONS_POLICY,
};

/** Strict-Transport-Security when the app is reached over https: browsers then refuse plain
 * http to this host (and its subdomains) for a year, so a network cannot strip TLS on a later
 * visit. Not `preload`: that is a promise to a browser list the operator must make themselves. */
export const HSTS_VALUE = 'max-age=31536000; includeSubDomains';

/** Whether to send HSTS (config.hsts: on when PUBLIC_URL is https, or HSTS=true). */
export interface SecurityHeaderOptions {
  hsts?: boolean;
}

/** SECURITY_HEADERS, with Strict-Transport-Security when `hsts` is on. */
export function securityHeadersFor({ hsts = false }: SecurityHeaderOptions = {}): Readonly<
  Record<string, string>
> {
  return hsts ? { ...SECURITY_HEADERS, 'Strict-Transport-Security': HSTS_VALUE } : SECURITY_HEADERS;
}

/** Middleware that adds the security headers to the response, including errors and 304s. The
 * server's own replies outside the app (a request Node cannot parse) get them in
 * connections.ts. */
export function securityHeaders(options: SecurityHeaderOptions = {}): MiddlewareHandler {
  const headers = Object.entries(securityHeadersFor(options));
  return async (c, next) => {
    await next();
    for (const [name, value] of headers) c.res.headers.set(name, value);
  };
}
