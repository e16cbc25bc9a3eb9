// The connectivity store: the browser's "offline" is believed, requests report what they saw.
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  createConnectivityStore,
  isConnectionFailure,
} from '../../../src/app/offline/connectivity';
import { CourseApiError } from '../../../src/app/offline/course-api';
import { stubOnLine } from '../../utils/browser';

afterEach(() => vi.restoreAllMocks());

describe('the connectivity store', () => {
  it('starts from navigator.onLine', () => {
    expect(createConnectivityStore().online.value).toBe(true);
    stubOnLine(false);
    expect(createConnectivityStore().online.value).toBe(false);
  });

  it('noteReachable and noteFailure: only a connection failure marks it offline', () => {
    const store = createConnectivityStore();
    store.noteFailure(new CourseApiError('http', 500));
    expect(store.online.value).toBe(true);
    store.noteFailure(new CourseApiError('timeout'));
    expect(store.online.value).toBe(false);
    store.noteReachable(true);
    expect(store.online.value).toBe(true);
    store.noteFailure(new CourseApiError('network'));
    expect(store.online.value).toBe(false);
    expect(isConnectionFailure(new Error('network'))).toBe(false);
  });

  it('watch follows the browser events, runs onReconnect, and stops', () => {
    const store = createConnectivityStore();
    const onReconnect = vi.fn();
    const stop = store.watch(onReconnect);
    dispatchEvent(new Event('offline'));
    expect(store.online.value).toBe(false);
    dispatchEvent(new Event('online'));
    expect(store.online.value).toBe(true);
    expect(onReconnect).toHaveBeenCalledTimes(1);
    stop();
    dispatchEvent(new Event('offline'));
    expect(store.online.value).toBe(true);
    expect(onReconnect).toHaveBeenCalledTimes(1);
  });
});
