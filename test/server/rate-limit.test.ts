// The attempt limiter on its own: windows open, fill, expire and are swept; several budgets are
// taken all or nothing; client addresses become keys (IPv6 by /64). The HTTP side (429 and
// Retry-After from the login and register routes) is in accounts.test.ts.
import { describe, expect, it } from 'vitest';
import {
  addressKey,
  FixedWindowLimiter,
  giveBackAttempt,
  takeAttempt,
} from '../../src/server/auth/rate-limit';

const rule = { limit: 3, windowMs: 60_000 };
const T0 = 1_800_000_000_000;

describe('FixedWindowLimiter', () => {
  it('allows `limit` attempts per window, then reports the wait until the window ends', () => {
    const limiter = new FixedWindowLimiter(rule);
    for (let i = 0; i < 3; i++) {
      expect(limiter.waitFor('kari', T0 + i)).toBe(0);
      limiter.take('kari', T0 + i);
    }
    expect(limiter.waitFor('kari', T0 + 10_000)).toBe(50_000);
    // Another key has its own window.
    expect(limiter.waitFor('ola', T0 + 10_000)).toBe(0);
    // When the window ends, the key starts afresh.
    expect(limiter.waitFor('kari', T0 + 60_000)).toBe(0);
  });

  it('gives back an attempt within the window', () => {
    const limiter = new FixedWindowLimiter(rule);
    for (let i = 0; i < 3; i++) limiter.take('kari', T0);
    limiter.giveBack('kari', T0 + 1);
    expect(limiter.waitFor('kari', T0 + 1)).toBe(0);
  });

  it('sweeps expired windows, so memory follows live keys only', () => {
    const limiter = new FixedWindowLimiter(rule);
    for (let i = 0; i < 500; i++) limiter.take(`user${i}@example.no`, T0);
    expect(limiter.size).toBe(500);
    limiter.take('late@example.no', T0 + rule.windowMs);
    expect(limiter.size).toBe(1);
  });

  it('holds at most maxKeys keys, forgetting the oldest first', () => {
    const limiter = new FixedWindowLimiter(rule, 100);
    for (let i = 0; i < 3; i++) limiter.take('first', T0);
    for (let i = 0; i < 250; i++) limiter.take(`key${i}`, T0 + 1);
    expect(limiter.size).toBe(100);
    expect(limiter.waitFor('first', T0 + 2)).toBe(0);
    // The newest keys are still counted.
    for (let i = 0; i < 2; i++) limiter.take('key249', T0 + 2);
    expect(limiter.waitFor('key249', T0 + 2)).toBeGreaterThan(0);
  });
});

describe('takeAttempt', () => {
  it('takes from every budget, or from none when one is used up, and rounds the wait up', () => {
    const perEmail = new FixedWindowLimiter({ limit: 1, windowMs: 60_000 });
    const perIp = new FixedWindowLimiter({ limit: 5, windowMs: 60_000 });
    expect(
      takeAttempt(
        [
          [perEmail, 'kari'],
          [perIp, '192.0.2.1'],
        ],
        T0,
      ),
    ).toBe(0);
    const wait = takeAttempt(
      [
        [perEmail, 'kari'],
        [perIp, '192.0.2.1'],
      ],
      T0 + 500,
    );
    expect(wait).toBe(60); // 59.5 s left, rounded up
    // The refused attempt did not eat into the address's budget: 4 more fit, not 3.
    for (let i = 0; i < 4; i++) expect(takeAttempt([[perIp, '192.0.2.1']], T0 + 600)).toBe(0);
    expect(takeAttempt([[perIp, '192.0.2.1']], T0 + 600)).toBeGreaterThan(0);
  });

  it('giveBackAttempt returns the attempt to every budget', () => {
    const perEmail = new FixedWindowLimiter({ limit: 1, windowMs: 60_000 });
    const checks = [[perEmail, 'kari']] as const;
    expect(takeAttempt(checks, T0)).toBe(0);
    giveBackAttempt(checks, T0 + 1);
    expect(takeAttempt(checks, T0 + 2)).toBe(0);
  });
});

describe('addressKey', () => {
  it('keeps IPv4 addresses, unwraps IPv4-mapped IPv6 and groups IPv6 by /64', () => {
    expect(addressKey('192.0.2.7')).toBe('192.0.2.7');
    expect(addressKey('::ffff:192.0.2.7')).toBe('192.0.2.7');
    expect(addressKey('2001:db8:aa:bb:1:2:3:4')).toBe('2001:db8:aa:bb::/64');
    expect(addressKey('2001:0db8:00aa:00bb:ffff::1')).toBe('2001:db8:aa:bb::/64');
    expect(addressKey('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(addressKey('::1')).toBe('0:0:0:0::/64');
    expect(addressKey('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
    expect(addressKey('64:ff9b::192.0.2.7')).toBe('64:ff9b:0:0::/64');
    // Two addresses in one /64 share a budget; the next /64 does not.
    expect(addressKey('2001:db8:aa:bb::9')).toBe(addressKey('2001:db8:aa:bb:ffff:ffff:ffff:ffff'));
    expect(addressKey('2001:db8:aa:bc::9')).not.toBe(addressKey('2001:db8:aa:bb::9'));
  });
});
