// Simulates a full disk in IndexedDB the way browsers report it: the writes succeed, then the
// transaction aborts at commit with a QuotaExceededError as its `error`, which Dexie turns into an
// AbortError whose `inner` is that error (https://github.com/dexie/Dexie.js/issues/776).
import { quotaError } from './cache-storage';

/** Make the transaction of the next write to `storeName` (of a value `which` accepts) abort with
 * QuotaExceededError once that write has succeeded. Give the last write of a transaction, so the
 * abort comes where a browser's would: at commit. */
export function failNextWriteWithQuota(
  storeName: string,
  which: (value: unknown) => boolean = () => true,
): void {
  const proto = (globalThis as unknown as { IDBObjectStore: { prototype: IDBObjectStore } })
    .IDBObjectStore.prototype;
  const originals = { put: proto.put, add: proto.add };
  const restore = () => {
    proto.put = originals.put;
    proto.add = originals.add;
  };
  const wrap = (method: 'put' | 'add') =>
    function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
      const request = originals[method].apply(this, args);
      if (this.name === storeName && which(args[0])) {
        restore();
        const transaction = this.transaction;
        request.addEventListener('success', () => {
          Object.defineProperty(transaction, 'error', { get: quotaError, configurable: true });
          transaction.abort();
        });
      }
      return request;
    };
  proto.put = wrap('put');
  proto.add = wrap('add');
}
