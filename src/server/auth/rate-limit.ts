// Attempt limits for login and registration, so a password cannot be guessed at speed: fixed
// windows per account (normalised email) and per client address, counted in memory.
// With several server instances behind one address the limits are per instance (N instances
// allow up to N times the attempts); an attacker still gets only a few guesses per minute, and
// scrypt's cost is paid per guess either way. A shared store (the database, Redis) would make
// them global; not worth it yet.
// Memory stays bounded: expired windows are swept once per window length, and beyond `maxKeys`
// live keys the oldest window is dropped (its key simply starts afresh).
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';
import { isIP } from 'node:net';

/** At most `limit` attempts per `windowMs`. */
export interface RateRule {
  limit: number;
  windowMs: number;
}

const FIFTEEN_MINUTES = 15 * 60_000;

/** Per account: a handful of typos is fine, a dictionary is not. */
export const EMAIL_RULE: RateRule = { limit: 10, windowMs: FIFTEEN_MINUTES };
/** Per address: higher, since a workshop's learners may share one network address. */
export const IP_RULE: RateRule = { limit: 30, windowMs: FIFTEEN_MINUTES };

/** How many keys one limiter keeps before it forgets the oldest. */
export const MAX_KEYS = 100_000;

interface Window {
  count: number;
  resetAt: number;
}

/** Fixed-window attempt counters per key, on a clock the caller supplies. */
export class FixedWindowLimiter {
  private readonly windows = new Map<string, Window>();
  private nextSweepAt = 0;

  constructor(
    private readonly rule: RateRule,
    private readonly maxKeys = MAX_KEYS,
  ) {}

  /** Milliseconds until `key` may try again; 0 when it may now. */
  waitFor(key: string, now: number): number {
    const window = this.live(key, now);
    return window && window.count >= this.rule.limit ? window.resetAt - now : 0;
  }

  /** Counts one attempt for `key` (opening a window if none is open). */
  take(key: string, now: number): void {
    this.sweep(now);
    const window = this.live(key, now);
    if (window) {
      window.count++;
      return;
    }
    if (this.windows.size >= this.maxKeys) {
      // Map iterates in insertion order: the first key is the oldest window.
      const oldest = this.windows.keys().next();
      if (!oldest.done) this.windows.delete(oldest.value);
    }
    this.windows.set(key, { count: 1, resetAt: now + this.rule.windowMs });
  }

  /** Returns an attempt taken in the current window (e.g. for a login that succeeded). */
  giveBack(key: string, now: number): void {
    const window = this.live(key, now);
    if (window && window.count > 0) window.count--;
  }

  /** Keys currently held (for tests of the memory bound). */
  get size(): number {
    return this.windows.size;
  }

  private live(key: string, now: number): Window | undefined {
    const window = this.windows.get(key);
    if (window && window.resetAt <= now) {
      this.windows.delete(key);
      return undefined;
    }
    return window;
  }

  private sweep(now: number): void {
    if (now < this.nextSweepAt) return;
    for (const [key, window] of this.windows) {
      if (window.resetAt <= now) this.windows.delete(key);
    }
    this.nextSweepAt = now + this.rule.windowMs;
  }
}

/** One limiter and the key a request is counted under. */
export type LimitCheck = readonly [FixedWindowLimiter, string];

/** Takes one attempt under every check, or none when any is used up: then how many seconds to
 * wait (for Retry-After). All or nothing, so a refused request does not eat the other budgets. */
export function takeAttempt(checks: readonly LimitCheck[], now: number): number {
  const waitMs = Math.max(0, ...checks.map(([limiter, key]) => limiter.waitFor(key, now)));
  if (waitMs > 0) return Math.max(1, Math.ceil(waitMs / 1000));
  for (const [limiter, key] of checks) limiter.take(key, now);
  return 0;
}

/** Gives back an attempt taken by takeAttempt under every check. */
export function giveBackAttempt(checks: readonly LimitCheck[], now: number): void {
  for (const [limiter, key] of checks) limiter.giveBack(key, now);
}

/** Stands for every request whose address is unknown (in-process `app.request()` in tests). */
export const UNKNOWN_ADDRESS = 'unknown';

/** The client's address as a limit key. Behind a reverse proxy (`trustProxy`), the last
 * X-Forwarded-For entry — the one our proxy appended; earlier ones are the client's to forge. */
export function clientAddress(c: Context, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = c.req.header('X-Forwarded-For')?.split(',').at(-1)?.trim();
    if (forwarded) return addressKey(forwarded);
  }
  let remote: string | undefined;
  try {
    remote = getConnInfo(c).remote.address;
  } catch {
    // No Node socket behind this request (app.request in tests, another runtime).
  }
  return remote ? addressKey(remote) : UNKNOWN_ADDRESS;
}

/** An address as a limit key: IPv4 as is (also when IPv4-mapped), IPv6 by its /64 prefix,
 * since one subscriber usually holds a whole /64 and could otherwise rotate through it. */
export function addressKey(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return mapped[1];
  if (isIP(address) !== 6) return address;
  return `${ipv6Groups(address).slice(0, 4).join(':')}::/64`;
}

/** The eight groups of a valid IPv6 address, without leading zeros ("::" expanded). */
function ipv6Groups(address: string): string[] {
  let text = address.split('%')[0].toLowerCase();
  const dotted = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (dotted) {
    const [a, b, c, d] = dotted.slice(1).map(Number);
    const embedded = `${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
    text = text.slice(0, dotted.index) + embedded;
  }
  const [head, tail] = text.split('::');
  const headGroups = head ? head.split(':') : [];
  const tailGroups = tail ? tail.split(':') : [];
  const zeros = Array<string>(8 - headGroups.length - tailGroups.length).fill('0');
  return [...headGroups, ...zeros, ...tailGroups].map((group) => parseInt(group, 16).toString(16));
}
