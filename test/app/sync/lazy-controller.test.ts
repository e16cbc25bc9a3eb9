// The sync controller handle of the first chunk (src/app/sync/lazy-controller.ts): before the
// controller's chunk is there it shows "not known yet", and an action called meanwhile is not lost.
import { signal } from '@preact/signals';
import { describe, expect, it, vi } from 'vitest';
import type { SyncController } from '../../../src/app/sync/controller';
import { lazySyncController } from '../../../src/app/sync/lazy-controller';

function fakeController() {
  const status = signal({
    running: false,
    lastSyncedAt: 5,
    problem: null,
    rejected: 1,
    nextRetryAt: null,
  });
  const stop = vi.fn();
  const fake = {
    status,
    account: signal(null),
    pending: signal(3),
    start: vi.fn(() => stop),
    signIn: vi.fn(async () => {}),
    pendingAmong: vi.fn(async (ids: string[]) => ids.slice(1)),
  };
  return { fake, stop, controller: fake as unknown as SyncController };
}

describe('lazySyncController', () => {
  it('shows nothing known while loading, then the controller’s signals', async () => {
    const { controller } = fakeController();
    let resolve!: (c: SyncController) => void;
    const sync = lazySyncController(() => new Promise((r) => (resolve = r)));
    expect(sync.account.value).toBeUndefined();
    expect(sync.pending.value).toBe(0);
    expect(sync.status.value).toMatchObject({ problem: null, lastSyncedAt: null, rejected: 0 });
    resolve(controller);
    await vi.waitFor(() => expect(sync.account.value).toBeNull());
    expect(sync.pending.value).toBe(3);
    expect(sync.status.value).toMatchObject({ lastSyncedAt: 5, rejected: 1 });
  });

  it('runs an action called while loading once the controller is there, and starts it', async () => {
    const { fake, stop, controller } = fakeController();
    let resolve!: (c: SyncController) => void;
    const sync = lazySyncController(() => new Promise((r) => (resolve = r)));
    const stopSync = sync.start();
    const signedIn = sync.signIn('a@example.no', 'secret', {});
    const pending = sync.pendingAmong(['a', 'b']);
    expect(fake.signIn).not.toHaveBeenCalled();
    resolve(controller);
    await signedIn;
    expect(fake.signIn).toHaveBeenCalledWith('a@example.no', 'secret', {});
    expect(await pending).toEqual(['b']);
    expect(fake.start).toHaveBeenCalledTimes(1);
    stopSync();
    expect(stop).toHaveBeenCalledTimes(1);
    // Loaded: straight through.
    await sync.signIn('b@example.no', 'other');
    expect(fake.signIn).toHaveBeenLastCalledWith('b@example.no', 'other');
  });

  it('does not start a controller stopped before it loaded', async () => {
    const { fake, controller } = fakeController();
    const sync = lazySyncController(async () => controller);
    sync.start()();
    await Promise.resolve();
    await Promise.resolve();
    expect(fake.start).not.toHaveBeenCalled();
  });
});
