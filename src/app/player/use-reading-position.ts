// Remembers how far down a reading lesson the learner has scrolled, and brings them back there.
// Position is the share of the text above the bottom of the viewport (0–1). Writes are throttled
// to one per RECORD_EVERY_MS while scrolling, plus one when the lesson closes or the page hides.
import type { RefObject } from 'preact';
import { useEffect } from 'preact/hooks';
import { recordPosition } from '../../client-core/db/learner-actions';

export const RECORD_EVERY_MS = 5_000;

function measure(element: HTMLElement) {
  const rect = element.getBoundingClientRect();
  const top = rect.top + scrollY;
  return { top, height: Math.max(1, rect.height) };
}

/** Position (0–1) of the viewport's bottom edge through the element. */
function positionOf(element: HTMLElement): number {
  const { top, height } = measure(element);
  return Math.min(1, Math.max(0, (scrollY + innerHeight - top) / height));
}

/** Track the reading position in `ref`'s element and scroll back to `resume` (0–1) on mount. */
export function useReadingPosition(
  ref: RefObject<HTMLElement | null>,
  courseId: string,
  lessonId: string,
  resume: number | null,
): void {
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    if (resume !== null && resume > 0 && resume < 1) {
      const { top, height } = measure(element);
      scrollTo({ top: Math.max(0, top + resume * height - innerHeight), behavior: 'instant' });
    }

    let recorded = resume ?? 0;
    let latest = recorded;
    let lastWrite = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;

    const write = () => {
      clearTimeout(timer);
      timer = undefined;
      if (Math.abs(latest - recorded) < 0.01) return;
      recorded = latest;
      lastWrite = Date.now();
      recordPosition(courseId, lessonId, latest).catch((error: unknown) => console.error(error));
    };
    const onScroll = () => {
      latest = positionOf(element);
      const wait = lastWrite + RECORD_EVERY_MS - Date.now();
      if (wait <= 0) write();
      else timer ??= setTimeout(write, wait);
    };
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') write();
    };

    addEventListener('scroll', onScroll, { passive: true });
    addEventListener('pagehide', write);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      removeEventListener('scroll', onScroll);
      removeEventListener('pagehide', write);
      document.removeEventListener('visibilitychange', onVisibility);
      write();
    };
    // Resume once per mount; later changes of `resume` come from our own writes.
  }, [courseId, lessonId]);
}
