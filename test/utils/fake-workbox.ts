// A stand-in for workbox-window's Workbox (the browser's service worker lifecycle, which jsdom
// lacks): the test announces a waiting or controlling worker, and sees what the app asked for.
import { vi } from 'vitest';
import type { WorkboxLike } from '../../src/app/offline/service-worker';

type Listener = (event: { isUpdate?: boolean }) => void;

export class FakeWorkbox implements WorkboxLike {
  private listeners = new Map<string, Listener[]>();
  register = vi.fn(async () => undefined);
  messageSkipWaiting = vi.fn();
  /** Looking for a new version finds nothing unless `onUpdate` announces one. */
  onUpdate: () => void = () => {};
  update = vi.fn(async () => {
    this.onUpdate();
  });
  addEventListener(type: string, listener: Listener) {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }
  emit(type: 'waiting' | 'controlling', event: { isUpdate?: boolean } = { isUpdate: true }) {
    for (const listener of this.listeners.get(type) ?? []) listener(event);
  }
}
