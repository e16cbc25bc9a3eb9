import { fireEvent, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { storeCourse } from '../../src/client-core/db/courses';
import { getLessonProgress } from '../../src/client-core/db/progress';
import { secondsSpent } from '../../src/shared/progress';
import { kontorNn } from '../utils/bundles';
import { renderApp, setupAppTests, stubApi } from '../utils/app';

setupAppTests();

const setVisibility = (state: 'visible' | 'hidden') => {
  Object.defineProperty(document, 'visibilityState', { value: state, configurable: true });
  document.dispatchEvent(new Event('visibilitychange'));
};

const spent = async () => {
  const p = await getLessonProgress('berekraftig-kontor', 'skru-av');
  return p ? secondsSpent(p) : 0;
};

/** Poll with real timers (setInterval may be faked). */
async function until(condition: () => boolean | Promise<boolean>) {
  for (let i = 0; i < 100 && !(await condition()); i++)
    await new Promise((resolve) => setTimeout(resolve, 10));
}

/** The player counts from its effect, which runs after paint: wait until the lesson is opened. */
const opened = () =>
  until(async () => !!(await getLessonProgress('berekraftig-kontor', 'skru-av'))?.openedAt);

afterEach(() => {
  vi.restoreAllMocks();
  Object.defineProperty(document, 'visibilityState', { value: 'visible', configurable: true });
});

describe('time spent in a lesson', () => {
  it('counts visible, active seconds and flushes when hidden and on leaving', async () => {
    stubApi({});
    await storeCourse(kontorNn);
    let now = Date.now();
    vi.spyOn(Date, 'now').mockImplementation(() => now);
    expect(document.visibilityState).toBe('visible');
    const { unmount } = renderApp('/kurs/berekraftig-kontor/skru-av');
    await screen.findByRole('button', { name: 'Merk som lest' });
    await opened();

    now += 42_000;
    setVisibility('hidden');
    await waitFor(async () => expect(await spent()).toBe(42));

    // Hidden time does not count.
    now += 100_000;
    setVisibility('visible');
    now += 10_000;
    fireEvent.keyDown(window, { key: 'ArrowDown' });

    // A phone left on the table: at most five minutes after the last input count.
    now += 20 * 60_000;
    unmount();
    await waitFor(async () => expect(await spent()).toBe(42 + 10 + 5 * 60));
  });

  it('flushes every 30 seconds while the lesson stays open', async () => {
    stubApi({});
    await storeCourse(kontorNn);
    // Only the interval is faked: IndexedDB and the test's waiting use real timers.
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    let now = Date.now();
    vi.spyOn(Date, 'now').mockImplementation(() => now);
    renderApp('/kurs/berekraftig-kontor/skru-av');
    await screen.findByRole('button', { name: 'Merk som lest' });
    await opened();
    expect(vi.getTimerCount()).toBe(1);

    now += 30_000;
    vi.advanceTimersByTime(30_000);
    await until(async () => (await spent()) > 0);
    expect(await spent()).toBe(30);
  });
});
