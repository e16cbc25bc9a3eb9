// Courses that stay true, in real Chromium against the real server: a learner completes a lesson
// offline; the author then changes it (with a `changes` entry) and the server serves the new
// version; once the app has taken the update, the home screen, the course page and the lesson tell
// the learner what changed — also with the server stopped — the completion is kept, and opening
// the lesson ends the notice. axe-core scans every screen with a notice.
import { describe, expect, it } from 'vitest';

import { osloDate } from '../../src/shared/oslo-date';
import { makeTempRoot, writeCourse, type CourseFixture } from '../utils/course-fixture';
import { accessibilityScans } from './harness';
import { browserSession, coursePercent, heading1, openControlled } from './session';

const COURSE = 'kurs-som-endres';
const SUMMARY = 'Loven er vedtatt: plikten gjelder fra 1. januar 2027.';

const { session } = browserSession();

/** The course at version 1, or at version 2 with a change to its first lesson dated today. */
async function catalogue(version: 1 | 2): Promise<string> {
  const today = osloDate(Date.now());
  const root = await makeTempRoot('lommekurs-e2e-changes-');
  const course: CourseFixture = {
    id: COURSE,
    meta: { title: 'Kurs som endres', version },
    lessons: [
      {
        id: 'loven',
        title: 'Hva loven sier',
        body: version === 1 ? 'Det er bare et forslag.\n' : 'Loven er vedtatt.\n',
        frontMatter:
          version === 2
            ? { checked: today, changes: [{ date: today, summary: SUMMARY }] }
            : { checked: today },
      },
      {
        id: 'rutinen',
        title: 'Rutinen',
        body: 'Lag en rutine.\n',
        frontMatter: { checked: today },
      },
    ],
  };
  await writeCourse(root, course);
  return root;
}

const { scanned, expectAccessible } = accessibilityScans();

const NOTICE = '1 leksjon du har tatt, er oppdatert';

describe('a lesson changed after the learner completed it', () => {
  it('is told on home, course and lesson after the update, offline too, until opened', async () => {
    const first = await session.serve({ coursesDir: await catalogue(1) });
    const { context, page } = await session.newPage();
    await openControlled(page, first.url);
    await page.goto(`${first.url}/kurs/${COURSE}`);
    await heading1(page, 'Kurs som endres').waitFor();
    // A course without media is on the device, whole, once its page has been opened.
    await page.getByText('Tilgjengelig uten nett', { exact: true }).first().waitFor();

    // Offline, with the server stopped: the learner completes the first lesson.
    await first.close(0);
    await context.setOffline(true);
    await page.goto(`${first.url}/kurs/${COURSE}/loven`);
    await heading1(page, 'Hva loven sier').waitFor();
    await page.getByRole('button', { name: 'Merk som lest', exact: true }).click();
    await page.getByRole('heading', { name: 'Leksjonen er fullført' }).waitFor();

    // The author publishes version 2; back online, the app takes the update.
    await context.setOffline(false);
    const second = await session.serve({ coursesDir: await catalogue(2), port: first.port });
    await page.goto(`${second.url}/kurs`);
    await page.goto(`${second.url}/kurs/${COURSE}`);
    await page.getByText('Oppdatering tilgjengelig').first().waitFor();
    await page.getByRole('button', { name: /^Oppdater kurset \(/ }).click();
    await expect
      .poll(() => page.getByText('Oppdatering tilgjengelig').count(), { timeout: 20_000 })
      .toBe(0);
    await page.getByRole('region', { name: NOTICE }).waitFor();

    // From here on the device alone: the server is stopped and the network is off.
    await second.close(0);
    await context.setOffline(true);

    await page.goto(`${second.url}/kurs/${COURSE}`);
    const courseNotice = page.getByRole('region', { name: NOTICE });
    await courseNotice.waitFor();
    expect(await courseNotice.textContent()).toContain(SUMMARY);
    const firstLesson = page
      .getByRole('region', { name: 'Leksjoner' })
      .getByRole('listitem')
      .first();
    expect(await firstLesson.textContent()).toContain('Fullført');
    expect(await firstLesson.textContent()).toContain('Oppdatert');
    expect(await coursePercent(page)).toBe('50');
    await expectAccessible(page, 'course');

    await page.goto(`${second.url}/`);
    const homeNotice = page.getByRole('region', { name: NOTICE });
    await homeNotice.waitFor();
    expect(await homeNotice.textContent()).toContain(SUMMARY);
    await expectAccessible(page, 'home');

    await homeNotice.getByRole('link', { name: 'Kurs som endres: Hva loven sier' }).click();
    await heading1(page, 'Hva loven sier').waitFor();
    const lessonNotice = page.getByRole('region', { name: /^Oppdatert \d+\. \p{L}+ \d{4}$/u });
    await lessonNotice.waitFor();
    expect(await lessonNotice.textContent()).toContain(SUMMARY);
    await page.getByText('Loven er vedtatt.', { exact: true }).waitFor();
    await expectAccessible(page, 'lesson');

    // Opened: the notice is gone from home and the course; the completion is kept.
    await page.goto(`${second.url}/`);
    await page.getByRole('heading', { name: 'Kurs du har begynt på' }).waitFor();
    expect(await page.getByRole('region', { name: NOTICE }).count()).toBe(0);
    await page.goto(`${second.url}/kurs/${COURSE}`);
    await heading1(page, 'Kurs som endres').waitFor();
    expect(await coursePercent(page)).toBe('50');
    expect(await page.getByRole('region', { name: NOTICE }).count()).toBe(0);
    expect(await firstLesson.textContent()).not.toContain('Oppdatert');
    console.info(
      `lesson changes: notice on course, home and lesson offline after the update; completion kept (50 %); cleared after opening; axe violations ${JSON.stringify(scanned)}`,
    );
  });
});
