// The app's half of the device tokens (src/app/db/device-tokens.ts): a registration or sign-in
// keeps the token the server hands out, per email; the next login sends it and keeps the new
// one. Against the real server (test/utils/sync-harness.ts).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LommekursDB } from '../../../src/client-core/db/db';
import { getDeviceToken } from '../../../src/client-core/db/device-tokens';
import type { SyncController } from '../../../src/app/sync/controller';
import { createSyncHarness, type SyncHarness } from '../../utils/sync-harness';

const EMAIL = 'kari@example.test';
const PASSWORD = 'riktig hest batteri';

let harness: SyncHarness;
let device: LommekursDB;
let sync: SyncController;
beforeEach(async () => {
  harness = await createSyncHarness();
  device = await harness.newClientDb();
  sync = harness.controller(device);
});
afterEach(() => harness.close());

const loginBodies = () =>
  harness.requests
    .filter((request) => request.path === '/api/v1/auth/login')
    .map((request) => request.body as Record<string, unknown>);

describe('device tokens', () => {
  it('are kept per email across sign-out, sent with the next login, and replaced by the new one', async () => {
    await sync.register(EMAIL, PASSWORD);
    await sync.syncNow();
    const first = await getDeviceToken(device, EMAIL);
    expect(first).toMatch(/^[A-Za-z0-9_-]{43}$/);

    await sync.signOut();
    expect(await getDeviceToken(device, EMAIL)).toBe(first);
    await sync.signIn(` ${EMAIL.toUpperCase()} `, PASSWORD);
    expect(loginBodies()).toEqual([
      { email: ` ${EMAIL.toUpperCase()} `, password: PASSWORD, deviceToken: first },
    ]);
    const second = await getDeviceToken(device, EMAIL);
    expect(second).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(second).not.toBe(first);
    // Another account on the same device has none yet.
    expect(await getDeviceToken(device, 'ola@example.test')).toBeUndefined();
  });
});
