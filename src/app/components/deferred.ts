// A component whose code is loaded on first use, without suspending the screen around it: it
// renders nothing until its chunk has arrived (from the service worker's precache, so quickly),
// and a sentence with a reload button if the chunk cannot be loaded (`Failed`: ChunkNotice, or
// OnlineFirstPart for an online-only part).
import { h, type ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { ChunkNotice } from './ChunkNotice';

export type Deferred<P> = ComponentType<P> & { preload(): Promise<unknown> };

/** Wrap a dynamic import of a component. */
export function deferred<P extends object>(
  load: () => Promise<ComponentType<P>>,
  Failed: ComponentType<{ text?: string }> = ChunkNotice,
): Deferred<P> {
  let loaded: ComponentType<P> | null = null;
  let pending: Promise<void> | null = null;
  const preload = () =>
    (pending ??= load().then(
      (component) => {
        loaded = component;
      },
      (error: unknown) => {
        pending = null;
        throw error;
      },
    ));

  function DeferredComponent(props: P) {
    const [, setVersion] = useState(0);
    const [failed, setFailed] = useState(false);
    useEffect(() => {
      // The chunk may have arrived between this render and the effect: render again then.
      if (loaded) {
        setVersion((n) => n + 1);
        return;
      }
      let current = true;
      preload().then(
        () => current && setVersion((n) => n + 1),
        (error: unknown) => {
          console.error(error);
          if (current) setFailed(true);
        },
      );
      return () => {
        current = false;
      };
    }, []);
    if (loaded) return h(loaded, props);
    return failed ? h(Failed, {}) : null;
  }
  return Object.assign(DeferredComponent, { preload });
}
