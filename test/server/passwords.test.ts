// scrypt password hashes: the stored form carries salt and parameters, verification reads them
// back, and nothing malformed makes verification throw.
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_PASSWORD_COST,
  hashPassword,
  needsRehash,
  verifyPassword,
} from '../../src/server/auth/passwords';

// Tests use a low cost (2^10) so each hash takes about a millisecond.
const COST = 10;
const PASSWORD = 'korrekt hest batteri stift';

describe('hashPassword and verifyPassword', { timeout: 30_000 }, () => {
  it('verifies the password it hashed, in the documented stored form', async () => {
    const stored = await hashPassword(PASSWORD, COST);
    expect(stored).toMatch(/^scrypt\$10\$8\$1\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}$/);
    expect(await verifyPassword(PASSWORD, stored)).toBe(true);
  });

  it('uses a different salt, and so a different hash, each time', async () => {
    const [a, b] = await Promise.all([hashPassword(PASSWORD, COST), hashPassword(PASSWORD, COST)]);
    const salt = (stored: string) => stored.split('$')[4];
    const hash = (stored: string) => stored.split('$')[5];
    expect(salt(a)).not.toBe(salt(b));
    expect(hash(a)).not.toBe(hash(b));
    expect(await verifyPassword(PASSWORD, a)).toBe(true);
    expect(await verifyPassword(PASSWORD, b)).toBe(true);
  });

  it('rejects a wrong password, including one differing by a letter or by case', async () => {
    const stored = await hashPassword(PASSWORD, COST);
    expect(await verifyPassword('korrekt hest batteri stifT', stored)).toBe(false);
    expect(await verifyPassword('korrekt hest batteri stif', stored)).toBe(false);
    expect(await verifyPassword('', stored)).toBe(false);
  });

  it('reads the cost from the stored string, not from the current default', async () => {
    expect(DEFAULT_PASSWORD_COST).toBe(17);
    const cheap = await hashPassword(PASSWORD, COST);
    // verifyPassword has no cost argument at all: it can only have used the stored 10.
    expect(await verifyPassword(PASSWORD, cheap)).toBe(true);
    // The same salt and hash under another cost label no longer match.
    expect(await verifyPassword(PASSWORD, cheap.replace('scrypt$10$', 'scrypt$11$'))).toBe(false);
  });

  it('hashes with the default cost (2^17, 128 MiB: over the 32 MiB scrypt memory default)', async () => {
    const stored = await hashPassword(PASSWORD);
    expect(stored.startsWith('scrypt$17$8$1$')).toBe(true);
    expect(await verifyPassword(PASSWORD, stored)).toBe(true);
  });

  it('returns false, without throwing, for malformed stored strings', async () => {
    const good = await hashPassword(PASSWORD, COST);
    const [, , , , salt, hash] = good.split('$');
    const malformed = [
      '',
      'scrypt',
      'bcrypt$10$8$1$' + salt + '$' + hash,
      `scrypt$10$8$1$${salt}`,
      `scrypt$10$8$1$${salt}$${hash}$extra`,
      `scrypt$x$8$1$${salt}$${hash}`,
      `scrypt$-1$8$1$${salt}$${hash}`,
      `scrypt$0$8$1$${salt}$${hash}`,
      `scrypt$1.5$8$1$${salt}$${hash}`,
      // Absurd costs a corrupt row might ask for: refused before any memory is allocated.
      `scrypt$64$8$1$${salt}$${hash}`,
      `scrypt$10$999$1$${salt}$${hash}`,
      `scrypt$10$8$999$${salt}$${hash}`,
      `scrypt$10$8$1$$${hash}`,
      `scrypt$10$8$1$${salt}$`,
      `scrypt$10$8$1$${salt.slice(0, 8)}$${hash}`,
      `scrypt$10$8$1$${salt}$${hash.slice(0, 8)}`,
      `scrypt$10$8$1$${salt}$${hash.slice(0, -1)}!`,
      `scrypt$10$8$1$${salt}+/$${hash}`,
    ];
    for (const stored of malformed) {
      await expect(verifyPassword(PASSWORD, stored), stored).resolves.toBe(false);
    }
  });

  it('normalises with NFKC, so composed and decomposed letters and full-width forms match', async () => {
    const composed = 'blåbærsyltetøy\u00e5'; // å as one code point
    const decomposed = 'blåbærsyltetøya\u030a'; // a + combining ring above
    expect(composed).not.toBe(decomposed);
    const stored = await hashPassword(composed, COST);
    expect(await verifyPassword(decomposed, stored)).toBe(true);

    const fullWidth = '\uff30\uff41\uff53\uff53\uff17\uff17\uff17\uff17\uff17\uff17'; // Ｐａｓｓ７７７７７７
    expect(await verifyPassword('Pass777777', await hashPassword(fullWidth, COST))).toBe(true);
  });
});

describe('needsRehash', () => {
  it('asks for a new hash when the stored cost is below the current one', async () => {
    const stored = await hashPassword(PASSWORD, COST);
    expect(needsRehash(stored, COST)).toBe(false);
    expect(needsRehash(stored, COST + 1)).toBe(true);
    expect(needsRehash(stored, COST - 1)).toBe(false);
    expect(needsRehash('garbage', COST)).toBe(true);
  });
});
