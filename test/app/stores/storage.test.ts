// The storage handle's knowledge before its chunk loads: on a new device (boot found no database)
// the lists may show their empty state at once; from the chunk's arrival its queries are the truth.
import { beforeEach, describe, expect, it, vi } from 'vitest';

const freshModule = () => import('../../../src/app/state/storage');

describe('knownEmpty', () => {
  beforeEach(() => vi.resetModules());

  it('holds on a new device until the storage layer has loaded', async () => {
    const storage = await freshModule();
    storage.noteNewDevice(true);
    expect(storage.knownEmpty()).toBe(true);
    const loading = storage.loadStorage();
    expect(storage.knownEmpty()).toBe(true);
    await loading;
    expect(storage.knownEmpty()).toBe(false);
  });

  it('never holds on a device with a database', async () => {
    const storage = await freshModule();
    storage.noteNewDevice(false);
    expect(storage.knownEmpty()).toBe(false);
    await storage.loadStorage();
    expect(storage.knownEmpty()).toBe(false);
  });
});
