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

/** Middleware that adds SECURITY_HEADERS to the response, including errors and 304s. */
export function securityHeaders(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) c.res.headers.set(name, value);
  };
}
