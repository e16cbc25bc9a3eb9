// Keeps keyboard focus in a region whose controls change under it: when the focused control is
// removed (the "Last ned" button becomes a progress bar, "Avbryt" disappears when the download
// ends), focus moves to the region's first enabled button, or the region itself, instead of
// falling back to the top of the page. Focus the learner moved elsewhere is never taken back.
import type { RefObject } from 'preact';
import { useEffect, useLayoutEffect, useRef } from 'preact/hooks';

/** Call in the component that owns `root` (which needs tabIndex={-1}); `key` changes with what
 * the region shows. */
export function useFocusRescue(root: RefObject<HTMLElement | null>, key: unknown): void {
  const last = useRef<HTMLElement | null>(null);

  useEffect(() => {
    const element = root.current;
    if (!element) return;
    const onIn = (event: FocusEvent) => {
      last.current = event.target as HTMLElement;
    };
    const onOut = (event: FocusEvent) => {
      const target = event.target as HTMLElement;
      const next = event.relatedTarget as Node | null;
      if (next && element.contains(next)) return;
      // Removal blurs an element that is no longer connected; the learner moving away does not.
      queueMicrotask(() => {
        if (target.isConnected && last.current === target) last.current = null;
      });
    };
    element.addEventListener('focusin', onIn);
    element.addEventListener('focusout', onOut);
    return () => {
      element.removeEventListener('focusin', onIn);
      element.removeEventListener('focusout', onOut);
    };
  }, []);

  useLayoutEffect(() => {
    const element = root.current;
    const previous = last.current;
    if (!element || !previous || previous.isConnected) return;
    const active = document.activeElement;
    if (active && active !== document.body) return;
    const target = element.querySelector<HTMLElement>('button:not([disabled])') ?? element;
    target.focus();
  }, [key]);
}
