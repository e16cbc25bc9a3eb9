// The app-update store: the learner's choice drives every step; nothing reloads by itself.
import { describe, expect, it, vi } from 'vitest';
import { createUpdateStore } from '../../../src/app/offline/update';
import { FakeWorkbox } from '../../utils/fake-workbox';

function connected() {
  const store = createUpdateStore();
  const workbox = new FakeWorkbox();
  const reload = vi.fn();
  store.connect(workbox, reload);
  return { store, workbox, reload };
}

describe('the app-update store', () => {
  it('starts with nothing waiting, and its actions do nothing before a worker is connected', async () => {
    const store = createUpdateStore();
    expect(store.status.value).toBe('none');
    store.applyUpdate();
    store.dismissUpdate();
    expect(store.status.value).toBe('none');
    expect(await store.checkForUpdate()).toBe(false);
    expect(await store.updateRequired()).toBe(false);
  });

  it('connect registers once; a waiting worker becomes "ready"', () => {
    const { store, workbox } = connected();
    store.connect(new FakeWorkbox(), () => {});
    expect(workbox.register).toHaveBeenCalledTimes(1);
    workbox.emit('waiting');
    expect(store.status.value).toBe('ready');
  });

  it('applyUpdate sends SKIP_WAITING once and reloads once, only after the new worker controls', () => {
    const { store, workbox, reload } = connected();
    workbox.emit('waiting');
    store.applyUpdate();
    store.applyUpdate();
    expect(store.status.value).toBe('applying');
    expect(workbox.messageSkipWaiting).toHaveBeenCalledTimes(1);
    expect(reload).not.toHaveBeenCalled();
    workbox.emit('controlling');
    workbox.emit('controlling');
    expect(reload).toHaveBeenCalledTimes(1);
  });

  it('dismissUpdate keeps the old version; a later "waiting" does not bring the offer back', () => {
    const { store, workbox, reload } = connected();
    workbox.emit('waiting');
    store.dismissUpdate();
    expect(store.status.value).toBe('dismissed');
    workbox.emit('waiting');
    expect(store.status.value).toBe('dismissed');
    expect(workbox.messageSkipWaiting).not.toHaveBeenCalled();
    expect(reload).not.toHaveBeenCalled();
  });

  it('dismissUpdate does not cancel an update being applied', () => {
    const { store, workbox } = connected();
    workbox.emit('waiting');
    store.applyUpdate();
    store.dismissUpdate();
    expect(store.status.value).toBe('applying');
  });

  it('another tab activated the new version: "ready", and applying reloads without SKIP_WAITING', () => {
    const { store, workbox, reload } = connected();
    workbox.emit('controlling', { isUpdate: false });
    expect(store.status.value).toBe('none');
    workbox.emit('controlling', { isUpdate: true });
    expect(store.status.value).toBe('ready');
    expect(reload).not.toHaveBeenCalled();
    store.applyUpdate();
    expect(workbox.messageSkipWaiting).not.toHaveBeenCalled();
    expect(reload).toHaveBeenCalledTimes(1);
  });

  it('checkForUpdate asks the worker; updateRequired (426) also brings back a dismissed offer', async () => {
    const { store, workbox, reload } = connected();
    expect(await store.checkForUpdate()).toBe(true);
    expect(workbox.update).toHaveBeenCalledTimes(1);
    workbox.emit('waiting');
    store.dismissUpdate();
    expect(await store.updateRequired()).toBe(true);
    expect(workbox.update).toHaveBeenCalledTimes(2);
    expect(store.status.value).toBe('ready');
    expect(reload).not.toHaveBeenCalled();
  });
});
