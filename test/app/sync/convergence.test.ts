// Fault matrix 4, "phone and laptop": a fast-check model test. Two or three devices of one learner
// act on a few lessons and sync in random interleavings, while the network loses requests, loses
// answers after the server committed, answers 502 or 503, delivers a request twice (at once, or a
// stray copy much later) and holds requests or answers back until later commands have run.
// The model is the set of every event any device recorded. Once the network heals and every device
// has synced, every device and the server must hold exactly the fold of those events with the
// shared applyEvent, the server's log must hold each event once, as recorded, and every outbox
// must be empty.
//
// Everything here is real — the learner actions, the sync engine and API client, Dexie over
// fake-indexeddb, the Hono server over SQLite — except the network, which is this file's fetch
// wrapper around the harness's in-process one.
import { Dexie } from 'dexie';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LommekursDB } from '../../../src/client-core/db/db';
import {
  addTimeSpent,
  answerQuestion,
  completeLesson,
  openLesson,
  recordPosition,
  saveReflection,
  shareReflection,
  rateLesson,
  commentOnLesson,
  wishCourse,
  toggleChecklistItem,
} from '../../../src/client-core/db/learner-actions';
import { getSession, readSyncState, storeSession } from '../../../src/client-core/db/sync-state';
import { createApi, type SyncApi } from '../../../src/client-core/sync/api';
import { syncOnce, type SyncOutcome } from '../../../src/client-core/sync/engine';
import { quizLesson } from '../../utils/bundles';
import type { LearnerEvent, LessonRating } from '../../../src/shared/events';
import {
  applyEvent,
  emptyProgress,
  mergeProgress,
  type LessonProgress,
} from '../../../src/shared/progress';
import { BASE_URL, createSyncHarness, type SyncHarness } from '../../utils/sync-harness';

const RUNS = 1000;
const MAX_COMMANDS = 25;

/** Two courses × two lessons; every lesson takes every kind of action. */
const LESSONS = [
  ['kurs-a', 'l1'],
  ['kurs-a', 'l2'],
  ['kurs-b', 'l1'],
  ['kurs-b', 'l2'],
] as const;

/** The quiz every lesson is when a question is answered in it: q1 has one right option, q2 two. */
const quizOf = (lessonId: string) => quizLesson(lessonId);

type Act =
  | { do: 'open' }
  | { do: 'position'; position: number }
  | { do: 'complete' }
  | { do: 'answer'; questionId: string; chosen: string[] }
  | { do: 'toggle'; itemId: string; checked: boolean }
  | { do: 'reflect'; text: string }
  | { do: 'share'; shared: boolean }
  | { do: 'rate'; answer: LessonRating }
  | { do: 'comment'; text: string; forAuthors: boolean }
  | { do: 'wish'; topics: string[]; text: string; forAuthors: boolean }
  | { do: 'time'; seconds: number };

/** What the network does to one request of a sync. */
const FAULTS = [
  'none',
  /** The request never reaches the server. */
  'network',
  /** The server commits; the connection drops before the answer arrives. */
  'drop-after-commit',
  /** The server commits; a proxy replaces the answer with a 502. */
  'status-after-commit',
  /** A proxy answers 503; the server never sees the request. */
  'proxy-503',
  /** The request is delivered twice; the client gets the second answer. */
  'duplicate',
  /** Delivered normally, and a stray copy is delivered again at a later `release`. */
  'echo',
  /** The request reaches the server only at a later `release`. */
  'hold-request',
  /** The server answers at once; the answer reaches the client only at a later `release`. */
  'hold-answer',
] as const;
type FaultName = (typeof FAULTS)[number];

/** Faults after which the client has no answer: the sync must fail and be retried. */
const LOSSY: ReadonlySet<FaultName> = new Set([
  'network',
  'drop-after-commit',
  'status-after-commit',
  'proxy-503',
]);

type Command =
  | { kind: 'act'; device: number; lesson: number; act: Act }
  /** A sync whose `nth` request (0-based: pushes, then pull pages) meets `fault`. */
  | { kind: 'sync'; device: number; fault: FaultName; nth: number; pullLimit?: number }
  /** The device's oldest held request, held answer or stray copy goes on its way. */
  | { kind: 'release'; device: number };

const deviceArbitrary = fc.integer({ min: 0, max: 2 });

const actArbitrary: fc.Arbitrary<Act> = fc.oneof(
  fc.constant<Act>({ do: 'open' }),
  fc.integer({ min: 0, max: 10 }).map<Act>((n) => ({ do: 'position', position: n / 10 })),
  fc.constant<Act>({ do: 'complete' }),
  fc
    .record({
      questionId: fc.constantFrom('q1', 'q2'),
      chosen: fc.subarray(['a', 'b', 'c'], { minLength: 1 }),
    })
    .map<Act>((answer) => ({ do: 'answer', ...answer })),
  fc
    .record({ itemId: fc.constantFrom('i1', 'i2'), checked: fc.boolean() })
    .map<Act>((toggle) => ({ do: 'toggle', ...toggle })),
  fc.constantFrom('', 'Notat 1', 'Notat 2').map<Act>((text) => ({ do: 'reflect', text })),
  fc.boolean().map<Act>((shared) => ({ do: 'share', shared })),
  fc
    .constantFrom<LessonRating>('yes', 'some', 'no', 'skipped')
    .map<Act>((answer) => ({ do: 'rate', answer })),
  fc
    .record({ text: fc.constantFrom('', 'Mangler eksempler'), forAuthors: fc.boolean() })
    .map<Act>((comment) => ({ do: 'comment', ...comment })),
  fc
    .record({
      topics: fc.subarray(['e-faktura-ehf', 'personvern-gdpr', 'ki-i-hverdagen'], { maxLength: 3 }),
      text: fc.constantFrom('', 'Mer om lønn'),
      forAuthors: fc.boolean(),
    })
    .map<Act>((wishes) => ({ do: 'wish', ...wishes })),
  fc.integer({ min: 1, max: 120 }).map<Act>((seconds) => ({ do: 'time', seconds })),
);

const commandArbitrary: fc.Arbitrary<Command> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record({
      kind: fc.constant('act' as const),
      device: deviceArbitrary,
      lesson: fc.integer({ min: 0, max: LESSONS.length - 1 }),
      act: actArbitrary,
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record(
      {
        kind: fc.constant('sync' as const),
        device: deviceArbitrary,
        fault: fc.constantFrom(...FAULTS),
        nth: fc.integer({ min: 0, max: 2 }),
        pullLimit: fc.constantFrom(1, 2),
      },
      { requiredKeys: ['kind', 'device', 'fault', 'nth'] },
    ),
  },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('release' as const), device: deviceArbitrary }),
  },
);

/** The learner action `act` on one lesson of one device; the events it recorded. */
function perform(database: LommekursDB, lesson: number, act: Act): Promise<LearnerEvent[]> {
  const [courseId, lessonId] = LESSONS[lesson]!;
  switch (act.do) {
    case 'open':
      return openLesson(courseId, lessonId, database);
    case 'position':
      return recordPosition(courseId, lessonId, act.position, database);
    case 'complete':
      return completeLesson(courseId, lessonId, database);
    case 'answer':
      return answerQuestion(courseId, quizOf(lessonId), act.questionId, act.chosen, database);
    case 'toggle':
      return toggleChecklistItem(courseId, lessonId, act.itemId, act.checked, database);
    case 'reflect':
      return saveReflection(courseId, lessonId, act.text, database);
    case 'share':
      return shareReflection(courseId, lessonId, act.shared, database);
    case 'rate':
      return rateLesson(courseId, lessonId, act.answer, database);
    case 'comment':
      return commentOnLesson(
        courseId,
        lessonId,
        { text: act.text, forAuthors: act.forAuthors },
        database,
      );
    case 'wish':
      return wishCourse(
        courseId,
        lessonId,
        { topics: act.topics, text: act.text, forAuthors: act.forAuthors },
        database,
      );
    case 'time':
      return addTimeSpent(courseId, lessonId, act.seconds, database);
  }
}

/** A promise the test resolves by hand. */
interface Gate {
  opened: boolean;
  open(): void;
  wait: Promise<void>;
}

function gate(): Gate {
  let open = () => {};
  const wait = new Promise<void>((resolve) => (open = resolve));
  const g: Gate = {
    opened: false,
    wait,
    open() {
      g.opened = true;
      open();
    },
  };
  return g;
}

/** One sync's fate on the network. */
interface Plan {
  fault: FaultName;
  nth: number;
  /** Requests the sync has sent so far. */
  sent: number;
  /** Whether the fault met a request (a sync may send fewer than nth + 1). */
  applied: boolean;
  /** For the holding faults: what a later `release` opens. */
  gate: Gate | null;
}

type Settled = { outcome: SyncOutcome } | { error: unknown };

/** Something a `release` lets go: a held sync, or a stray copy of a request. */
interface Held {
  gate: Gate;
  /** Wait for what the gate let go to finish. */
  finish(): Promise<void>;
}

interface Device {
  database: LommekursDB;
  api: SyncApi;
  /** The plan of the sync running now: one at a time per device, as the origin lock ensures. */
  running: Plan | null;
  /** Syncs started and not yet checked, oldest first. */
  queue: { plan: Plan; done: Promise<Settled> }[];
  /** The last sync started: the next one waits for it. */
  tail: Promise<unknown>;
  /** What `release` will let go, oldest first. */
  held: Held[];
  /** The progress rows after the previous command, by lesson. */
  shown: Map<string, LessonProgress>;
}

const gatewayAnswer = (status: number) =>
  new Response(JSON.stringify({ error: `proxy_${status}`, message: 'From the network' }), {
    status,
    headers: { 'Content-Type': 'application/json' },
  });

/** Sorted by lesson, so lists from the devices, the server and the model compare. */
const byLesson = (rows: LessonProgress[]) =>
  [...rows].sort((a, b) =>
    a.courseId === b.courseId
      ? a.lessonId.localeCompare(b.lessonId)
      : a.courseId.localeCompare(b.courseId),
  );

const keyOf = ({ courseId, lessonId }: { courseId: string; lessonId: string }) =>
  JSON.stringify([courseId, lessonId]);

/** The model: every lesson's progress is the fold of all its recorded events. */
function modelOf(events: readonly LearnerEvent[]): LessonProgress[] {
  const lessons = new Map<string, LessonProgress>();
  for (const event of events) {
    const key = keyOf(event);
    const current = lessons.get(key) ?? emptyProgress(event.courseId, event.lessonId);
    lessons.set(key, applyEvent(current, event));
  }
  return byLesson([...lessons.values()]);
}

let harness: SyncHarness;
beforeAll(async () => {
  harness = await createSyncHarness();
});
afterAll(() => harness.close());

let runNumber = 0;

/** One run: fresh devices and a fresh learner, the commands, the healing, the checks. */
async function runScenario(deviceCount: number, commands: readonly Command[]): Promise<void> {
  runNumber += 1;
  harness.requests.length = 0;
  const recorded: LearnerEvent[] = [];
  const echoes: Promise<number>[] = [];
  const devices: Device[] = [];

  /** A device's network: the harness's fetch, with the running sync's fault applied. */
  async function send(
    device: Device,
    input: Parameters<typeof fetch>[0],
    init: RequestInit | undefined,
  ): Promise<Response> {
    const plan = device.running;
    const fault = plan !== null && plan.sent++ === plan.nth ? plan.fault : 'none';
    if (plan !== null && fault !== 'none') plan.applied = true;
    const deliver = () => harness.fetch(input, init);
    switch (fault) {
      case 'none':
        return deliver();
      case 'network':
        throw new TypeError('Failed to fetch');
      case 'proxy-503':
        return gatewayAnswer(503);
      case 'drop-after-commit':
        await deliver();
        throw new TypeError('Failed to fetch');
      case 'status-after-commit':
        await deliver();
        return gatewayAnswer(502);
      case 'duplicate':
        await deliver();
        return deliver();
      case 'echo': {
        const copy = gate();
        const delivered = copy.wait.then(deliver).then((answer) => answer.status);
        echoes.push(delivered);
        device.held.push({ gate: copy, finish: () => delivered.then(() => {}) });
        return deliver();
      }
      case 'hold-request':
        await plan!.gate!.wait;
        return deliver();
      case 'hold-answer': {
        const answer = await deliver();
        await plan!.gate!.wait;
        return answer;
      }
    }
  }

  /** Check the syncs of a device that have finished or can finish now, oldest first; stops at a
   * sync still held by a gate no `release` has opened. */
  async function settle(device: Device): Promise<void> {
    while (device.queue.length > 0 && (device.queue[0]!.plan.gate?.opened ?? true)) {
      const { plan, done } = device.queue.shift()!;
      const settled = await done;
      if ('error' in settled) throw settled.error;
      const { outcome } = settled;
      if (plan.applied && LOSSY.has(plan.fault)) {
        expect(outcome).toMatchObject({ kind: 'failed', retry: true });
      } else {
        expect(outcome).toMatchObject({ kind: 'synced', rejected: 0 });
      }
    }
  }

  function startSync(device: Device, { fault, nth, pullLimit }: Command & { kind: 'sync' }) {
    const holds = fault === 'hold-request' || fault === 'hold-answer';
    const plan: Plan = { fault, nth, sent: 0, applied: false, gate: holds ? gate() : null };
    if (plan.gate) device.held.push({ gate: plan.gate, finish: () => settle(device) });
    const done = device.tail.then(async (): Promise<Settled> => {
      device.running = plan;
      try {
        return {
          outcome: await syncOnce({ database: device.database, api: device.api, pullLimit }),
        };
      } catch (error) {
        return { error };
      } finally {
        device.running = null;
      }
    });
    device.tail = done;
    device.queue.push({ plan, done });
  }

  /** Between commands, no device's progress ever goes backwards: each lesson it showed is still
   * there and contains what it showed before (whatever the syncs in flight have applied). */
  async function checkNothingLost(): Promise<void> {
    for (const device of devices) {
      const now = new Map((await device.database.progress.toArray()).map((p) => [keyOf(p), p]));
      for (const [key, before] of device.shown) {
        const after = now.get(key) ?? emptyProgress(before.courseId, before.lessonId);
        expect(mergeProgress(before, after)).toEqual(after);
      }
      device.shown = now;
    }
  }

  async function release(device: Device): Promise<void> {
    const held = device.held.shift();
    if (!held) return;
    held.gate.open();
    await held.finish();
  }

  try {
    for (let i = 0; i < deviceCount; i++) {
      const database = new LommekursDB(`convergence-${runNumber}-${i}`);
      await database.open();
      const device: Device = {
        database,
        api: createApi({ baseUrl: BASE_URL, fetch: (input, init) => send(device, input, init) }),
        running: null,
        queue: [],
        tail: Promise.resolve(),
        held: [],
        shown: new Map(),
      };
      devices.push(device);
    }
    const learner = await harness.signedInLearner(devices[0]!.database);
    const session = (await getSession(devices[0]!.database))!;
    for (const device of devices.slice(1)) await storeSession(device.database, session);

    for (const command of commands) {
      const device = devices[command.device % deviceCount]!;
      switch (command.kind) {
        case 'act':
          recorded.push(...(await perform(device.database, command.lesson, command.act)));
          break;
        case 'sync':
          startSync(device, command);
          await settle(device);
          break;
        case 'release':
          await release(device);
          break;
      }
      await checkNothingLost();
    }

    // Heal the network: let everything held go, then sync every device with no faults until its
    // outbox is empty, then once more so each device pulls what the others pushed after it.
    for (const device of devices) {
      while (device.held.length > 0) await release(device);
      await settle(device);
      expect(device.queue).toEqual([]);
    }
    // A stray copy of a push is acknowledged and changes nothing; of a pull, it is answered.
    expect(await Promise.all(echoes)).toEqual(echoes.map(() => 200));
    for (const device of devices) {
      expect(await syncOnce({ database: device.database, api: device.api })).toMatchObject({
        kind: 'synced',
        rejected: 0,
      });
      expect(await device.database.outbox.count()).toBe(0);
    }
    for (const device of devices) {
      expect(await syncOnce({ database: device.database, api: device.api })).toMatchObject({
        kind: 'synced',
        pushed: 0,
        rejected: 0,
      });
    }

    const model = modelOf(recorded);
    const serverRows = await harness.server.db
      .selectFrom('progress')
      .select('data')
      .where('user_id', '=', learner.userId)
      .execute();
    // updatedAt is not normalised: every side folds the same events with the same applyEvent, so
    // it is the latest event time everywhere (the server keeps its own write time in updated_at).
    expect(byLesson(serverRows.map((row) => JSON.parse(row.data) as LessonProgress))).toEqual(
      model,
    );
    for (const device of devices) {
      expect(byLesson(await device.database.progress.toArray())).toEqual(model);
      expect(await device.database.outbox.count()).toBe(0);
      expect((await readSyncState(device.database)).rejected).toEqual([]);
    }

    // The log holds each recorded event exactly once, exactly as recorded: the ids are distinct,
    // and the stored time is the device's (the clocks are sane, so the server clamped nothing).
    // Sorted here, not in SQL: a database's collation may not order ids as JavaScript does.
    const byId = <T extends { id: string }>(list: T[]) =>
      [...list].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    const logged = byId(
      await harness.server.db
        .selectFrom('events')
        .select(['id', 'at', 'body'])
        .where('user_id', '=', learner.userId)
        .execute(),
    );
    const expected = byId(recorded);
    expect(new Set(recorded.map((e) => e.id)).size).toBe(recorded.length);
    expect(logged.map((row) => row.id)).toEqual(expected.map((e) => e.id));
    expect(logged.map((row) => row.at)).toEqual(expected.map((e) => e.at));
    expect(logged.map((row) => JSON.parse(row.body) as unknown)).toEqual(expected);
  } finally {
    // A failed check may leave syncs held: let them finish before their databases go.
    for (const device of devices) {
      for (const held of device.held) held.gate.open();
      for (const { plan } of device.queue) plan.gate?.open();
    }
    await Promise.allSettled([...devices.map((d) => d.tail), ...echoes]);
    for (const device of devices) {
      device.database.close();
      await Dexie.delete(device.database.name);
    }
  }
}

describe('phone and laptop', () => {
  it(`two or three devices converge to the model under lost, duplicated and delayed pushes and pulls (${RUNS} runs)`, async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 2, max: 3 }),
        fc.array(commandArbitrary, { minLength: 1, maxLength: MAX_COMMANDS, size: 'max' }),
        runScenario,
      ),
      { numRuns: RUNS },
    );
  }, 600_000);
});
