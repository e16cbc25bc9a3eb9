// Issue 15, acceptance 1, end to end in Chromium against the real server. Learners answer "Var
// dette nyttig for deg?" in the app: Ada (an account, online) also comments and, at the end of
// the course, answers "Hva vil du lære mer om?"; Bo (an account) answers offline and syncs once
// back online; Cato (no account) answers offline and says yes to "Kan svarene dine sendes
// anonymt?" (his answers go once he is online again); Dag (no account) says no. The rest of the
// numbers come through the real HTTP API, as the app sends them: eight more learners, four in
// each of two gardens, and four anonymous answers. Then:
// - the analyst (granted with the admin command) sees the counts on /innsikt, exact numbers in
//   the page's tables; the garden of four reads "færre enn 5" in every cell;
// - the advisor of the other garden sees only their garden, and the API refuses them the other
//   (403);
// - Dag is not counted and nothing of his left the device: his browser sent no request that
//   carries data, his answers still wait in its outbox, and no table of the server's database
//   holds his comment or a "Nei"; the anonymous rows are exactly Cato's answers and the four
//   sent through the API;
// - axe-core finds 0 violations on the new screens, and the tables keep whole words at 360 px.
// With SCREENSHOTS=1 it also writes /innsikt at 360 × 740 px to docs/screenshots/insight.png.
import { randomUUID } from 'node:crypto';
import { rm } from 'node:fs/promises';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, sqliteFileIn, type Database } from '../../src/server/db/database';
import { runAdmin } from '../../src/server/network/admin-command';
import type { AnonymousEvent } from '../../src/shared/anonymous-feedback';
import type { EventPayload, EventType, LearnerEvent } from '../../src/shared/events';
import type { CourseInsight } from '../../src/shared/insight-protocol';
import { CONSENT_TEXT_VERSION } from '../../src/shared/network-protocol';
import { makeTempRoot, writeCourse } from '../utils/course-fixture';
import { makeEvent, newClientId, pushBody } from '../utils/learners';
import { dumpAllTables, valuesOf } from '../utils/table-dump';
import { accessibilityScans, type AppServer } from './harness';
import { browserSession, heading1, openControlled } from './session';
import {
  PASSWORD,
  downloadCourse,
  readDeviceSync,
  signIn,
  signUp,
  storedEvents,
  syncStatus,
} from './sync-helpers';
import { NARROW, screenshot } from './screenshots';

let coursesDir: string;
const { session } = browserSession(() => ({ coursesDir }));
const { scanned, expectAccessible } = accessibilityScans();

/** A two-lesson course: finishing it is two taps, so "Hva vil du lære mer om?" is near. */
const COURSE = {
  id: 'trygg-betaling',
  title: 'Trygg betaling av fakturaer',
  lessons: [
    { id: 'sjekk-kontonummeret', title: 'Sjekk kontonummeret' },
    { id: 'ring-leverandoren', title: 'Ring leverandøren' },
  ],
} as const;
const [L1, L2] = COURSE.lessons;

const GARDEN_A = { name: 'Fjordhagen næringshage', county: 'Vestland' };
const GARDEN_B = { name: 'Nordlys næringshage', county: 'Nordland' };
const ADVISOR_A = 'radgiver@fjordhagen.example';
const ADVISOR_B = 'radgiver@nordlys.example';
const ANALYST = 'analytiker@digitalnorway.example';
const ADA = 'ada@fjordfisk.example';
const BO = 'bo@fjordbakeri.example';
const ADA_COMMENT = 'Et eksempel på en falsk faktura manglet.';
const CATO_COMMENT = 'Mer om hvordan banken varsler om nye kontonumre.';
const DAG_COMMENT = 'Dag-skriver-dette-og-det-skal-aldri-forlate-telefonen';
/** Seconds each seeded learner spent in a lesson: 3 whole minutes. */
const SEEDED_SECONDS = 200;
const FEWER = 'færre enn 5';

beforeAll(async () => {
  coursesDir = await makeTempRoot('lommekurs-e2e-voice-');
  // Checked today, so the server does not warn that the lessons are due for a new check.
  const today = new Date().toISOString().slice(0, 10);
  await writeCourse(coursesDir, {
    id: COURSE.id,
    meta: {
      title: COURSE.title,
      summary: 'To korte leksjoner om å betale riktig mottaker.',
      audience: 'Små bedrifter som betaler fakturaer',
    },
    lessons: [
      {
        ...L1,
        frontMatter: { checked: today },
        body: 'Sammenlign kontonummeret på fakturaen med det i avtalen eller på tidligere fakturaer.\n',
      },
      {
        ...L2,
        frontMatter: { checked: today },
        body: 'Har kontonummeret endret seg, ring leverandøren på et nummer dere hadde fra før.\n',
      },
    ],
  });
});
afterAll(() => rm(coursesDir, { recursive: true, force: true }));

/** `npm run admin -- …args` as the operator runs it on the server's data folder (in this
 * process: the same code as the compiled command, without compiling it). */
async function admin(server: AppServer, ...args: string[]): Promise<string> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runAdmin(
    args,
    { DATA_DIR: server.dataDir, PUBLIC_URL: server.url, LOG_LEVEL: 'warn' },
    { out: (line) => out.push(line), err: (line) => err.push(line) },
  );
  expect(code, err.join('\n')).toBe(0);
  return out.join('\n');
}

/** One request to the server's API, as a client of it; the status and the parsed body. */
async function api<T = Record<string, unknown>>(
  server: AppServer,
  method: string,
  path: string,
  { token, body }: { token?: string; body?: unknown } = {},
): Promise<{ status: number; body: T }> {
  const response = await fetch(`${server.url}${path}`, {
    method,
    headers: {
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      ...(token === undefined ? {} : { Authorization: `Bearer ${token}` }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : null) as T };
}

/** A request that must answer `status`; its body. */
async function expectApi<T = Record<string, unknown>>(
  server: AppServer,
  status: number,
  method: string,
  path: string,
  options: { token?: string; body?: unknown } = {},
): Promise<T> {
  const reply = await api<T>(server, method, path, options);
  expect(reply.status, `${method} ${path}: ${JSON.stringify(reply.body)}`).toBe(status);
  return reply.body;
}

/** A new account through POST /api/v1/auth/register; its session token. */
const register = async (server: AppServer, email: string): Promise<string> =>
  (
    await expectApi<{ token: string }>(server, 201, 'POST', '/api/v1/auth/register', {
      body: { email, password: PASSWORD },
    })
  ).token;

/** A garden made with the admin command, with the invite of its first advisor, who signs up and
 * accepts it through the API and makes a join code. */
async function gardenWithAdvisor(
  server: AppServer,
  garden: { name: string; county: string },
  advisorEmail: string,
): Promise<{ id: string; advisorToken: string; code: string; joinLink: string }> {
  const created = await admin(
    server,
    'garden create',
    '--name',
    garden.name,
    '--county',
    garden.county,
    '--advisor-email',
    advisorEmail,
  );
  const id = /id: (\S+)/.exec(created)?.[1];
  const inviteToken = /#token=([A-Za-z0-9_-]{22})/.exec(created)?.[1];
  expect(id && inviteToken, created).toBeTruthy();
  const advisorToken = await register(server, advisorEmail);
  await expectApi(server, 200, 'POST', '/api/v1/network/invites/accept', {
    token: advisorToken,
    body: { token: inviteToken },
  });
  const joinCode = await expectApi<{ code: string; link: string }>(
    server,
    201,
    'POST',
    `/api/v1/network/gardens/${id}/join-codes`,
    { token: advisorToken, body: {} },
  );
  return { id: id!, advisorToken, code: joinCode.code, joinLink: joinCode.link };
}

/** What one device of a learner does, as the app records it: events of one client, in order. */
class Device {
  readonly clientId = newClientId();
  private seq = 0;
  private at = Date.now() - 10 * 60_000;
  readonly events: LearnerEvent[] = [];

  record<T extends EventType>(type: T, lessonId: string, payload: EventPayload<T>): this {
    this.at += 1000;
    this.events.push(
      makeEvent(type, payload, {
        clientId: this.clientId,
        seq: ++this.seq,
        at: this.at,
        courseId: COURSE.id,
        lessonId,
      }),
    );
    return this;
  }

  /** Reads a lesson to its end and answers "Var dette nyttig for deg?" with Ja. */
  readAndRate(lessonId: string): this {
    return this.record('lesson.opened', lessonId, {})
      .record('lesson.progressed', lessonId, { position: 1 })
      .record('time.spent', lessonId, { seconds: SEEDED_SECONDS })
      .record('lesson.completed', lessonId, {})
      .record('lesson.rated', lessonId, { answer: 'yes' });
  }
}

/** A learner made through the API: an account, joined to the garden of `code` with consent,
 * and their device's events pushed. */
async function seedLearner(
  server: AppServer,
  { email, code, firm, device }: { email: string; code: string; firm: string; device: Device },
): Promise<void> {
  const token = await register(server, email);
  await expectApi(server, 200, 'POST', '/api/v1/network/join', {
    token,
    body: { code, firm: { name: firm }, displayName: email, consentVersion: CONSENT_TEXT_VERSION },
  });
  await expectApi(server, 200, 'POST', '/api/v1/sync/push', {
    token,
    body: pushBody(device.clientId, device.events),
  });
}

/** A phone-sized context and page that report page errors into `problems`. */
async function phone(
  name: string,
  problems: string[],
): Promise<{ context: BrowserContext; page: Page }> {
  const opened = await session.newPage();
  opened.page.on('pageerror', (error) => problems.push(`${name}: ${error.message}`));
  return opened;
}

/** Join the garden of `joinLink` through the consent screen. */
async function joinGarden(page: Page, joinLink: string, name: string, firm: string) {
  await page.goto(joinLink);
  await page.getByRole('button', { name: `Bli med i ${GARDEN_A.name}` }).waitFor();
  await page.getByLabel('Navnet rådgiverne ser').fill(name);
  const otherFirm = page.getByRole('radio', { name: 'Et annet firma' });
  if (await otherFirm.isVisible()) await otherFirm.check();
  await page.getByLabel('Firmaets navn').fill(firm);
  await page.getByRole('button', { name: `Bli med i ${GARDEN_A.name}` }).click();
  await page.getByRole('heading', { name: `Du er med i ${GARDEN_A.name}` }).waitFor();
}

/** From the course page (in-app links, as offline), open a lesson and mark it as read. */
async function readLesson(page: Page, lesson: { title: string }): Promise<void> {
  await page.getByRole('link', { name: lesson.title, exact: true }).click();
  await heading1(page, lesson.title).waitFor();
  await page.getByRole('button', { name: 'Merk som lest', exact: true }).click();
}

/** The course page, through the app's own links. */
async function toCourse(page: Page): Promise<void> {
  await page.getByRole('navigation').getByRole('link', { name: 'Kurs', exact: true }).click();
  await page.getByRole('link', { name: COURSE.title, exact: true }).first().click();
  await heading1(page, COURSE.title).waitFor();
}

const ratingQuestion = (page: Page) =>
  page.getByRole('group', { name: 'Var dette nyttig for deg?' });
const commentBox = (page: Page) => page.getByRole('region', { name: 'Hva manglet?' });

/** Answer the rating, then write a comment the course authors may read and send it. */
async function rateAndComment(page: Page, answer: 'Ja' | 'Litt' | 'Nei', comment: string) {
  await ratingQuestion(page).getByRole('button', { name: answer, exact: true }).click();
  const box = commentBox(page);
  await box.getByRole('heading', { name: 'Hva manglet?' }).waitFor();
  return {
    box,
    send: async () => {
      await box.getByLabel('Kommentar (valgfritt)').fill(comment);
      await box.getByRole('checkbox', { name: 'Kan leses av kursforfatterne' }).check();
      await box.getByRole('button', { name: 'Send', exact: true }).click();
      await page.getByText('Takk for svaret!', { exact: true }).waitFor();
    },
  };
}

/** The cells of an insight table's body, row by row (the row's heading first). */
function tableCells(page: Page, id: string): Promise<string[][]> {
  return page
    .locator(`#${id} tbody tr`)
    .evaluateAll((rows) =>
      rows.map((row) =>
        [...row.querySelectorAll('th, td')].map((cell) => cell.textContent?.trim() ?? ''),
      ),
    );
}

/** Both insight tables, once they show `expected` (the page asks again after a filter). */
async function expectTables(
  page: Page,
  expected: { funnel: string[][]; answers: string[][] },
): Promise<void> {
  await expect
    .poll(async () => ({
      funnel: await tableCells(page, 'insight-funnel-table'),
      answers: await tableCells(page, 'insight-answers-table'),
    }))
    .toEqual(expected);
}

/** The words inside `selector` that are split over two lines (at 360 px a table should keep
 * whole words and scroll sideways in its region instead). */
function splitWords(page: Page, selector: string): Promise<string[]> {
  return page.locator(selector).evaluateAll((elements) => {
    const split: string[] = [];
    for (const element of elements) {
      const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        for (const word of (node.textContent ?? '').matchAll(/\S+/g)) {
          const range = document.createRange();
          range.setStart(node, word.index);
          range.setEnd(node, word.index + word[0].length);
          const lines = new Set([...range.getClientRects()].map((rect) => Math.round(rect.top)));
          if (lines.size > 1) split.push(word[0]);
        }
      }
    }
    return split;
  });
}

describe("learners' voice", () => {
  it('answers online, offline and anonymously reach the analyst as counts of 5 or more; a no stays on the device', async () => {
    const started = Date.now();
    const server = await session.serve();
    const problems: string[] = [];
    const database: Database = await openDatabase({ sqliteFile: sqliteFileIn(server.dataDir) });
    session.defer(() => database.close());

    // 1. The operator's admin command: two gardens, each with its first advisor's invite, and an
    //    analyst. The advisors accept and make join codes (the API, as their app would).
    const gardenA = await gardenWithAdvisor(server, GARDEN_A, ADVISOR_A);
    const gardenB = await gardenWithAdvisor(server, GARDEN_B, ADVISOR_B);
    await register(server, ANALYST);
    expect(await admin(server, 'role grant', '--email', ANALYST, '--role', 'analyst')).toContain(
      `${ANALYST} is analyst.`,
    );

    // 2. Eight learners through the API: four in garden A finish the course (both lessons "Ja",
    //    "Hva vil du lære mer om?" on the last), four in garden B read lesson 1 ("Ja"). And four
    //    devices without an account send a "Ja" anonymously, as the app's sender does.
    for (let i = 1; i <= 4; i++) {
      const device = new Device().readAndRate(L1.id).readAndRate(L2.id);
      device.record('course.wished', L2.id, {
        topics: ['e-faktura-ehf', 'informasjonssikkerhet'],
        text: '',
        forAuthors: false,
      });
      await seedLearner(server, {
        email: `elev${i}@fjordhagen.example`,
        code: gardenA.code,
        firm: `Fjordfirma ${i} AS`,
        device,
      });
      await seedLearner(server, {
        email: `elev${i}@nordlys.example`,
        code: gardenB.code,
        firm: `Nordfirma ${i} AS`,
        device: new Device().readAndRate(L1.id),
      });
    }
    const anonymousSeeded: AnonymousEvent[] = Array.from({ length: 4 }, (_, i) => ({
      id: randomUUID(),
      type: 'lesson.rated',
      courseId: COURSE.id,
      lessonId: L1.id,
      at: Date.now() - (i + 1) * 60_000,
      payload: { answer: 'yes' },
    }));
    for (const event of anonymousSeeded) {
      const stored = await expectApi<{ accepted: string[] }>(
        server,
        200,
        'POST',
        '/api/v1/feedback/anonymous',
        { body: { events: [event] } },
      );
      expect(stored.accepted).toEqual([event.id]);
    }

    // 3. Dag, no account: answers "Nei" with a comment for the authors, and says no to sending
    //    anonymously. Every request his browser makes is recorded.
    const dag = await phone('dag', problems);
    const dagRequests: string[] = [];
    dag.context.on('request', (request) => {
      dagRequests.push(`${request.method()} ${new URL(request.url()).pathname}`);
    });
    await openControlled(dag.page, server.url);
    await downloadCourse(dag.page, server.url, COURSE);
    await readLesson(dag.page, L1);
    await ratingQuestion(dag.page).waitFor();
    const dagAnswer = await rateAndComment(dag.page, 'Nei', DAG_COMMENT);
    const dagAnonymous = dagAnswer.box.getByRole('group', {
      name: 'Kan svarene dine sendes anonymt?',
    });
    await dagAnonymous.getByRole('button', { name: 'Nei, behold dem her' }).click();
    await dagAnswer.box.getByText('Svarene dine blir på denne enheten.').waitFor();
    await expectAccessible(dag.page, 'anonymous question, answered no');
    await dagAnswer.send();

    // 4. Cato, no account, offline: "Ja", then yes to sending anonymously, then a comment for
    //    the authors. Nothing can go until he is online again; then the sender sends both.
    const anonymousRows = () =>
      database.db.selectFrom('anonymous_feedback').selectAll().orderBy('type').execute();
    const cato = await phone('cato', problems);
    await openControlled(cato.page, server.url);
    await downloadCourse(cato.page, server.url, COURSE);
    await cato.context.setOffline(true);
    await readLesson(cato.page, L1);
    await ratingQuestion(cato.page).waitFor();
    const catoAnswer = await rateAndComment(cato.page, 'Ja', CATO_COMMENT);
    const catoAnonymous = catoAnswer.box.getByRole('group', {
      name: 'Kan svarene dine sendes anonymt?',
    });
    await catoAnonymous.waitFor();
    await expectAccessible(cato.page, 'comment box with the anonymous question');
    await catoAnonymous.getByRole('button', { name: 'Ja, send anonymt' }).click();
    await catoAnswer.box.getByText('Svarene dine sendes anonymt.').waitFor();
    await catoAnswer.send();
    await expectAccessible(cato.page, 'thanks, sent anonymously');
    expect(await anonymousRows()).toHaveLength(4);
    // Online again: the rating and the comment arrive, beside the four seeded rows.
    await cato.context.setOffline(false);
    await expect.poll(async () => (await anonymousRows()).length, { timeout: 20_000 }).toBe(6);

    // 5. Ada, an account in garden A: lesson 1 "Ja" with a comment; lesson 2 "Ja" without one,
    //    which finishes the course, and "Hva vil du lære mer om?".
    const ada = await phone('ada', problems);
    await openControlled(ada.page, server.url);
    await signUp(ada.page, server.url, ADA);
    await downloadCourse(ada.page, server.url, COURSE);
    await joinGarden(ada.page, gardenA.joinLink, 'Ada Fjeld', 'Fjordfisk AS');
    await toCourse(ada.page);
    await readLesson(ada.page, L1);
    await ratingQuestion(ada.page).waitFor();
    await expectAccessible(ada.page, 'rating question');
    const adaAnswer = await rateAndComment(ada.page, 'Ja', ADA_COMMENT);
    // Signed in: no anonymous question; the answer syncs with the account.
    await expectAccessible(ada.page, 'comment box');
    expect(await ada.page.getByText('Kan svarene dine sendes anonymt?').count()).toBe(0);
    await adaAnswer.send();
    await ada.page.getByRole('link', { name: 'Neste leksjon', exact: true }).click();
    await heading1(ada.page, L2.title).waitFor();
    await ada.page.getByRole('button', { name: 'Merk som lest', exact: true }).click();
    const wishes = ada.page.getByRole('region', { name: 'Hva vil du lære mer om?' });
    await wishes.waitFor();
    await ratingQuestion(ada.page).waitFor();
    await expectAccessible(ada.page, 'course finished: Hva vil du lære mer om?');
    await ratingQuestion(ada.page).getByRole('button', { name: 'Ja', exact: true }).click();
    await commentBox(ada.page)
      .getByRole('button', { name: 'Hopp over kommentaren', exact: true })
      .click();
    await wishes.getByRole('checkbox', { name: 'E-faktura og EHF' }).check();
    await wishes.getByRole('checkbox', { name: 'Personvern og GDPR' }).check();
    await wishes.getByRole('button', { name: 'Send', exact: true }).click();
    await wishes.waitFor({ state: 'detached' });
    await syncStatus(ada.page).getByRole('button', { name: 'Synkroniser nå', exact: true }).click();
    await syncStatus(ada.page).getByText('Alt er synkronisert', { exact: true }).waitFor();
    expect(storedEvents(server.dataDir, ADA).map((e) => e.type)).toEqual(
      expect.arrayContaining(['lesson.rated', 'lesson.commented', 'course.wished']),
    );

    // 6. Bo, an account in garden A: answers offline ("Ja", no comment); the answer waits on the
    //    device until he is online again, then syncs.
    const bo = await phone('bo', problems);
    await openControlled(bo.page, server.url);
    await signUp(bo.page, server.url, BO);
    await downloadCourse(bo.page, server.url, COURSE);
    await joinGarden(bo.page, gardenA.joinLink, 'Bo Strand', 'Fjordbakeriet AS');
    await toCourse(bo.page);
    await bo.context.setOffline(true);
    await readLesson(bo.page, L1);
    await ratingQuestion(bo.page).getByRole('button', { name: 'Ja', exact: true }).click();
    await commentBox(bo.page)
      .getByRole('button', { name: 'Hopp over kommentaren', exact: true })
      .click();
    await bo.page.getByText('Takk for svaret!', { exact: true }).waitFor();
    const boWaiting = (await readDeviceSync(bo.page)).outbox.map((e) => e.type);
    expect(boWaiting).toContain('lesson.rated');
    expect(storedEvents(server.dataDir, BO).map((e) => e.type)).not.toContain('lesson.rated');
    await bo.context.setOffline(false);
    await syncStatus(bo.page).getByRole('button', { name: 'Synkroniser nå', exact: true }).click();
    await syncStatus(bo.page).getByText('Alt er synkronisert', { exact: true }).waitFor();
    expect(storedEvents(server.dataDir, BO).map((e) => e.type)).toEqual(
      expect.arrayContaining(['lesson.opened', 'lesson.completed', 'lesson.rated']),
    );

    // 7. The analyst on /innsikt, reached from Settings: the whole network. Lesson 1: Ada, Bo
    //    and the four of garden A (6, all "Ja"); garden B's four add nothing (fewer than 5 in
    //    their garden); Dag has no account and sent nothing. Lesson 2: Ada and four (5). Median
    //    minutes: the seeded learners' 3.
    const analyst = await phone('analyst', problems);
    await openControlled(analyst.page, server.url);
    await signIn(analyst.page, server.url, ANALYST);
    await downloadCourse(analyst.page, server.url, COURSE);
    await analyst.page.goto(`${server.url}/innstillinger`);
    await analyst.page
      .getByRole('link', { name: 'Innsikt: hva kursdeltakerne gjør og mener, i tall' })
      .click();
    await heading1(analyst.page, 'Innsikt').waitFor();
    await analyst.page.getByText('Du ser hele nettverket.').waitFor();
    const networkTables = {
      funnel: [
        [L1.title, '6', '6', '3'],
        [L2.title, '5', '5', '3'],
      ],
      answers: [
        [L1.title, '6', FEWER, FEWER],
        [L2.title, '5', FEWER, FEWER],
      ],
    };
    await expectTables(analyst.page, networkTables);
    const gardenFilter = analyst.page.getByLabel('Næringshage', { exact: true });
    expect(await gardenFilter.locator('option').allInnerTexts()).toEqual([
      'Alle næringshager',
      GARDEN_A.name,
      GARDEN_B.name,
    ]);
    await expectAccessible(analyst.page, 'insight, analyst');
    expect(analyst.page.viewportSize()).toEqual(NARROW);
    expect(await splitWords(analyst.page, '.insight-table')).toEqual([]);
    await screenshot(
      analyst.page,
      'insight',
      analyst.page.getByRole('heading', { name: 'Startet og fullført' }),
      'start',
    );

    // Garden B has four learners: every cell reads "færre enn 5".
    await gardenFilter.selectOption({ label: GARDEN_B.name });
    const heldBack = (lesson: { title: string }) => [lesson.title, FEWER, FEWER, FEWER];
    await expectTables(analyst.page, {
      funnel: [heldBack(L1), heldBack(L2)],
      answers: [heldBack(L1), heldBack(L2)],
    });
    await expectAccessible(analyst.page, 'insight, analyst, garden of four');
    await gardenFilter.selectOption({ label: GARDEN_A.name });
    await expectTables(analyst.page, networkTables);

    // The same reply through the API: the anonymous answers (Cato's "Ja" and the four sent
    // above: 5; no "Nei": Dag's stayed home), the topics (5 chose e-faktura-ehf; fewer chose the
    // others), and the texts for the authors (Ada's and Cato's comments; never Dag's).
    const analystToken = (
      await expectApi<{ token: string }>(server, 200, 'POST', '/api/v1/auth/login', {
        body: { email: ANALYST, password: PASSWORD },
      })
    ).token;
    const network = await expectApi<CourseInsight>(
      server,
      200,
      'GET',
      `/api/v1/insight/courses/${COURSE.id}`,
      { token: analystToken },
    );
    expect(network.lessons.map(({ lessonId, anonymous }) => ({ lessonId, anonymous }))).toEqual([
      { lessonId: L1.id, anonymous: { yes: 5, some: null, no: null } },
      { lessonId: L2.id, anonymous: { yes: null, some: null, no: null } },
    ]);
    expect(network.topics).toEqual([
      { topicId: 'e-faktura-ehf', learners: 5 },
      { topicId: 'informasjonssikkerhet', learners: null },
      { topicId: 'personvern-gdpr', learners: null },
    ]);
    const texts = await expectApi<{ texts: { text: string }[] }>(
      server,
      200,
      'GET',
      `/api/v1/insight/courses/${COURSE.id}/texts`,
      { token: analystToken },
    );
    expect(texts.texts.map((t) => t.text).sort()).toEqual([ADA_COMMENT, CATO_COMMENT].sort());

    // 8. The advisor of garden A sees their garden only; the API refuses them garden B.
    const advisor = await phone('advisor', problems);
    await openControlled(advisor.page, server.url);
    await signIn(advisor.page, server.url, ADVISOR_A);
    await advisor.page.goto(`${server.url}/innsikt`);
    await heading1(advisor.page, 'Innsikt').waitFor();
    await advisor.page.getByText('Du ser 1 næringshage: den du er rådgiver i.').waitFor();
    // The course is not on the advisor's phone: its lessons are numbered.
    await expectTables(advisor.page, {
      funnel: [
        ['Leksjon 1', '6', '6', '3'],
        ['Leksjon 2', '5', '5', '3'],
      ],
      answers: [
        ['Leksjon 1', '6', FEWER, FEWER],
        ['Leksjon 2', '5', FEWER, FEWER],
      ],
    });
    expect(
      await advisor.page
        .getByLabel('Næringshage', { exact: true })
        .locator('option')
        .allInnerTexts(),
    ).toEqual(['Alle næringshager', GARDEN_A.name]);
    expect(
      await advisor.page.getByLabel('Fylke', { exact: true }).locator('option').allInnerTexts(),
    ).toEqual(['Alle fylker', GARDEN_A.county]);
    await expectAccessible(advisor.page, 'insight, advisor');
    const refused = await api(
      server,
      'GET',
      `/api/v1/insight/courses/${COURSE.id}?garden=${gardenB.id}`,
      { token: gardenA.advisorToken },
    );
    expect(refused.status).toBe(403);
    expect(
      (
        await api(server, 'GET', `/api/v1/insight/courses/${COURSE.id}/texts`, {
          token: gardenA.advisorToken,
        })
      ).status,
    ).toBe(403);
    // Garden B's advisor: four learners, every number held back.
    const fourOnly = await expectApi<CourseInsight>(
      server,
      200,
      'GET',
      `/api/v1/insight/courses/${COURSE.id}`,
      { token: gardenB.advisorToken },
    );
    for (const lesson of fourOnly.lessons) {
      expect(lesson).toMatchObject({
        started: null,
        completed: null,
        medianMinutes: null,
        answers: { yes: null, some: null, no: null },
        anonymous: null,
      });
    }

    // 9. Dag: nothing of his left the device. His browser sent only GETs (the app, the course),
    //    never to the feedback or sync routes, even after a reload that syncs again; his answers
    //    still wait in its outbox.
    await dag.page.reload();
    await heading1(dag.page, L1.title).waitFor();
    await dag.page.waitForTimeout(1500);
    const dagSent = dagRequests.filter((line) => !line.startsWith('GET '));
    expect(dagSent).toEqual([]);
    expect(dagRequests.filter((line) => /\/api\/v1\/(feedback|sync)\//.test(line))).toEqual([]);
    const dagOutbox = (await readDeviceSync(dag.page)).outbox
      .filter((e) => e.type === 'lesson.rated' || e.type === 'lesson.commented')
      .map((e) => e.type)
      .sort();
    expect(dagOutbox).toEqual(['lesson.commented', 'lesson.rated']);

    // ... and the server's tables say the same: the anonymous rows are exactly the yes-sayers'
    // answers (Cato's rating and comment, the four seeded ratings), no row anywhere holds Dag's
    // comment, and no stored answer is a "Nei".
    const anonymous = await anonymousRows();
    expect(
      anonymous.map(({ type, lesson_id, answer, text, for_authors }) => ({
        type,
        lesson_id,
        answer,
        text,
        for_authors,
      })),
    ).toEqual([
      {
        type: 'lesson.commented',
        lesson_id: L1.id,
        answer: null,
        text: CATO_COMMENT,
        for_authors: 1,
      },
      ...Array.from({ length: 5 }, () => ({
        type: 'lesson.rated',
        lesson_id: L1.id,
        answer: 'yes',
        text: null,
        for_authors: null,
      })),
    ]);
    const seededIds = new Set(anonymousSeeded.map((event) => event.id));
    expect(anonymous.filter((row) => seededIds.has(row.event_id))).toHaveLength(4);
    const dump = await dumpAllTables(database);
    const everything = valuesOf(dump);
    expect(everything.filter(({ value }) => value.includes(DAG_COMMENT))).toEqual([]);
    expect(everything.filter(({ value }) => value.includes(CATO_COMMENT)).length).toBeGreaterThan(
      0,
    );
    const ratings = dump.events!.filter((row) => row.type === 'lesson.rated');
    // Ada 2, Bo 1, garden A's four 2 each, garden B's four 1 each.
    expect(ratings).toHaveLength(15);
    expect(
      ratings.map(
        (row) => (JSON.parse(String(row.body)) as { payload: { answer: string } }).payload.answer,
      ),
    ).toEqual(Array(15).fill('yes'));
    expect(dump.progress!.map((row) => row.insight_rating).filter((r) => r === 'no')).toEqual([]);
    expect(dump.users!.map((row) => row.email).sort()).toEqual(
      [
        ADA,
        BO,
        ANALYST,
        ADVISOR_A,
        ADVISOR_B,
        ...[1, 2, 3, 4].flatMap((i) => [`elev${i}@fjordhagen.example`, `elev${i}@nordlys.example`]),
      ].sort(),
    );

    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    console.info(
      `learner voice: analyst lesson 1 ${JSON.stringify(networkTables.funnel[0])} ` +
        `${JSON.stringify(networkTables.answers[0])}; anonymous rows ${anonymous.length}; ` +
        `Dag's requests ${dagRequests.length}, none but GET; ${seconds} s; ` +
        `axe-core violations: ${JSON.stringify(scanned)}`,
    );
    expect(Object.keys(scanned)).toHaveLength(9);
    expect(problems).toEqual([]);
  }, 300_000);
});
