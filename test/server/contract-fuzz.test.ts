// A property-based fuzz of every operation of the OpenAPI document (src/server/openapi), generated
// from the document's own schemas with fast-check: valid-shaped and malformed bodies, path
// parameters and query values — ids such as `constructor`, `__proto__` and `toString`, NUL, lone
// surrogates, emails with odd Unicode — with and without a live session. Every answer must be a
// documented status with a documented content type and body (ajv), and never a 5xx.
import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { fileMailer } from '../../src/server/mail/mailer';
import { hashPassword } from '../../src/server/auth/passwords';
import { createSession } from '../../src/server/sessions/sessions';
import type { OpenApiOperation } from '../../src/server/openapi/document';
import { contractDocument, contractProblems, readReply } from '../utils/contract';
import { contractRecorder } from '../utils/contract-recorder';
import { createTestLearner } from '../utils/learners';
import {
  HOSTILE_STRINGS,
  malformedArbitrary,
  schemaArbitrary,
  type JsonSchema,
} from '../utils/schema-arbitrary';
import { openTestDatabase } from '../utils/test-database';
import { PASSWORD, T0, TEST_PASSWORD_COST } from './account-support';
import {
  contractApp,
  FIXTURE_COURSE,
  FIXTURE_LESSONS,
  FIXTURE_MEDIA,
  fixtureCatalogue,
} from './contract-support';
import { captureLogger, makeTemp, removeTemp } from './support';

/** Cases per operation (the issue asks for at least 200). */
const CASES = 200;
/** Fixed, so a failure can be replayed; FUZZ_SEED=<n> tries another. */
const SEED = Number(process.env.FUZZ_SEED ?? 20261202);

// This file checks every reply itself.
contractRecorder.enabled = false;

const database = await openTestDatabase();
const catalogue = await fixtureCatalogue();
const mailDir = await makeTemp('contract-mail');
const clock = { now: T0 };
const app = contractApp(database, catalogue.courses, clock, {
  mailer: fileMailer({ dir: mailDir, from: 'kurs@example.no', logger: captureLogger().logger }),
});
const passwordHash = await hashPassword(PASSWORD, TEST_PASSWORD_COST);
afterAll(async () => {
  await database.close();
  await catalogue.remove();
  await removeTemp(mailDir);
});

interface PoolLearner {
  userId: string;
  email: string;
}

// Learners the cases sign in as; one erased by a case is replaced.
const pool: PoolLearner[] = [];
async function newLearner(): Promise<PoolLearner> {
  const email = `fuzz-${pool.length}-${Math.random().toString(36).slice(2, 8)}@example.no`;
  const { userId } = await createTestLearner(database.db, email);
  await database.db
    .updateTable('users')
    .set({ password_hash: passwordHash })
    .where('id', '=', userId)
    .execute();
  return { userId, email };
}
for (let i = 0; i < 4; i++) pool.push(await newLearner());

/** A live session of a pool learner (a new one: a case may end it). */
async function liveToken(n: number): Promise<string> {
  const index = n % pool.length;
  const exists = await database.db
    .selectFrom('users')
    .select('id')
    .where('id', '=', pool[index].userId)
    .executeTakeFirst();
  if (!exists) pool[index] = await newLearner();
  return (await createSession(database.db, pool[index].userId, clock.now)).token;
}

/** A path segment percent-encoded as a browser would, lone surrogates as their (invalid)
 * three UTF-8-style bytes, so every string can be sent. */
function encodeSegment(text: string): string {
  let out = '';
  for (const char of text) {
    const unit = char.charCodeAt(0);
    if (char.length === 1 && unit >= 0xd800 && unit <= 0xdfff) {
      out += [0xe0 | (unit >> 12), 0x80 | ((unit >> 6) & 0x3f), 0x80 | (unit & 0x3f)]
        .map((b) => `%${b.toString(16).toUpperCase()}`)
        .join('');
    } else {
      out += encodeURIComponent(char);
    }
  }
  return out;
}

/** Segments sent as they are: encoded NUL, broken UTF-8, encoded slash and dots. */
const RAW_SEGMENTS = [
  '%00',
  '%ED%A0%80',
  '%E0%A4%A',
  '%FF',
  '%2F',
  '%2e%2e',
  '..',
  '.',
  'a%20b',
  '%5C',
];
const QUERY_VALUES = [
  '0',
  '1',
  '200',
  '500',
  '501',
  '-1',
  '1.5',
  '1e2',
  '01',
  'abc',
  '',
  '9'.repeat(30),
];

const doc = contractDocument();
const known = { emails: [] as string[], passwords: [PASSWORD], ids: fixtureIds() };
const refreshKnown = () => known.emails.splice(0, known.emails.length, ...pool.map((p) => p.email));
refreshKnown();

// The fixture's question, option and checklist-item ids, so that pushed answers and ticks name
// things that exist (the server refuses events about unknown ones) often enough to be stored.
function fixtureIds(): Record<string, string[]> {
  const ids: Record<string, string[]> = { questionId: [], chosen: [], itemId: [] };
  for (const lesson of catalogue.courses[0].bundle.lessons) {
    if (lesson.kind === 'quiz') {
      for (const question of lesson.questions) {
        ids.questionId.push(question.id);
        ids.chosen.push(...question.options.map((option) => option.id));
      }
    }
    if (lesson.kind === 'checklist') ids.itemId.push(...lesson.items.map((item) => item.id));
  }
  return ids;
}

function paramArbitrary(name: string, schema: JsonSchema): fc.Arbitrary<string> {
  const usual =
    name === 'path'
      ? fc.constantFrom(...FIXTURE_MEDIA.map((p) => p.split('/').map(encodeSegment).join('/')))
      : name === 'id'
        ? fc.constantFrom(FIXTURE_COURSE, FIXTURE_COURSE, FIXTURE_COURSE, ...FIXTURE_LESSONS)
        : fc.constant(FIXTURE_COURSE);
  return fc.oneof(
    { arbitrary: usual, weight: 3 },
    { arbitrary: fc.constantFrom(...HOSTILE_STRINGS).map(encodeSegment), weight: 3 },
    {
      arbitrary: schemaArbitrary(schema, doc as never, known).map((v) => encodeSegment(String(v))),
      weight: 2,
    },
    { arbitrary: fc.constantFrom(...RAW_SEGMENTS), weight: 2 },
  );
}

function queryArbitrary(schema: JsonSchema): fc.Arbitrary<string> {
  return fc.oneof(
    fc.constantFrom(...QUERY_VALUES),
    fc.constantFrom(...HOSTILE_STRINGS),
    fc.string({ maxLength: 30, unit: 'binary' }),
    schemaArbitrary(schema, doc as never, known).map(String),
  );
}

interface Body {
  text: string | Uint8Array<ArrayBuffer>;
  contentType: string | null;
  encoding: string | null;
}

function bodyArbitrary(operation: OpenApiOperation): fc.Arbitrary<Body | undefined> {
  const schema = operation.requestBody?.content['application/json']?.schema;
  const junk = fc.oneof(
    fc.constantFrom('', '{', 'null', '[]', '{"a":', '"\\u0000"', '\u0000', '{"__proto__":{"x":1}}'),
    fc.string({ maxLength: 60, unit: 'binary' }),
  );
  const json = (value: fc.Arbitrary<unknown>) => value.map((v) => JSON.stringify(v) ?? 'null');
  const texts: fc.WeightedArbitrary<string>[] = [{ arbitrary: junk, weight: 2 }];
  if (schema) {
    const valid = schemaArbitrary(schema, doc as never, known).map(cohere);
    texts.push(
      { arbitrary: json(valid), weight: 12 },
      { arbitrary: json(malformedArbitrary(valid)), weight: 6 },
    );
    const limit = operation['x-max-body-bytes'];
    if (limit) texts.push({ arbitrary: fc.constant(`"${'x'.repeat(limit)}"`), weight: 1 });
  }
  const encodings = operation['x-content-encodings'] ?? [];
  const body = fc
    .tuple(
      fc.oneof(...texts),
      fc.constantFrom<string | null>(
        'application/json',
        'application/json',
        'application/json',
        'text/plain',
        null,
      ),
      fc.oneof(
        { arbitrary: fc.constant(null), weight: 8 },
        {
          arbitrary: fc.constantFrom<string | null>(...encodings, 'br', 'gzip, deflate'),
          weight: 2,
        },
      ),
    )
    .map(([text, contentType, encoding]): Body => ({
      text: encoding && encodings.includes(encoding) ? new Uint8Array(gzipSync(text)) : text,
      contentType,
      encoding,
    }));
  // Operations without a body are sent one now and then too.
  return schema ? body : fc.option(body, { freq: 5, nil: undefined });
}

// Makes a generated push coherent often enough to pass validation: the events carry the push's
// clientId, a recent time and the fixture course's ids, as a real device's would.
function cohere(value: unknown): unknown {
  const body = value as { clientId?: unknown; schemaVersion?: unknown; events?: unknown };
  if (typeof body !== 'object' || body === null || !Array.isArray(body.events)) return value;
  // Two pushes in three are made coherent; the third stays as generated.
  const flavour = typeof body.clientId === 'string' ? body.clientId.length % 3 : 0;
  if (flavour === 0) return value;
  body.schemaVersion = 1;
  for (const [i, event] of (body.events as Record<string, unknown>[]).entries()) {
    if (typeof event !== 'object' || event === null) continue;
    event.clientId = body.clientId;
    event.at = T0 - i * 1000;
    event.courseId = FIXTURE_COURSE;
    event.lessonId = FIXTURE_LESSONS[(i + flavour) % FIXTURE_LESSONS.length];
  }
  return value;
}

interface Case {
  auth: 'live' | 'none' | 'garbage';
  session: number;
  params: Record<string, string>;
  query: [string, string][];
  head: boolean;
  headers: Record<string, string>;
  body: Body | undefined;
}

function caseArbitrary(method: string, operation: OpenApiOperation): fc.Arbitrary<Case> {
  const params = Object.fromEntries(
    operation.parameters
      .filter((p) => p.in === 'path')
      .map((p) => [p.name, paramArbitrary(p.name, p.schema)]),
  );
  const query = operation.parameters
    .filter((p) => p.in === 'query')
    .map((p) =>
      fc.option(
        queryArbitrary(p.schema).map((v) => [p.name, v] as [string, string]),
        { nil: undefined },
      ),
    );
  const bearer = operation.security.length > 0;
  return fc
    .record({
      auth: bearer
        ? fc.constantFrom('live', 'live', 'live', 'none', 'garbage')
        : fc.constantFrom('none', 'none', 'garbage'),
      session: fc.nat(),
      params: fc.record(params),
      query: fc
        .tuple(
          fc.tuple(...query),
          fc.option(fc.tuple(fc.constantFrom('x', '__proto__', 'constructor'), fc.string()), {
            nil: undefined,
          }),
        )
        .map(([own, extra]) =>
          [...own, extra].filter((q): q is [string, string] => q !== undefined),
        ),
      head: method === 'get' ? fc.boolean() : fc.constant(false),
      headers: fc.record(
        {
          'If-None-Match': fc.constantFrom('*', '"x"', 'W/"x"', 'garbage', '""'),
          'If-Modified-Since': fc.constantFrom('Thu, 01 Jan 2099 00:00:00 GMT', 'yesterday', ''),
          'Accept-Encoding': fc.constantFrom('gzip', 'br', 'identity', 'gzip;q=0, br'),
        },
        { requiredKeys: [] },
      ),
      body: bodyArbitrary(operation),
    })
    .map((c) => (c.head ? { ...c, body: undefined } : c));
}

function urlOf(path: string, c: Case): string {
  const filled = path.replace(/\{([^}]+)\}/g, (_, name: string) => c.params[name] ?? 'x');
  const query = c.query.map(([k, v]) => `${encodeSegment(k)}=${encodeSegment(v)}`).join('&');
  return query ? `${filled}?${query}` : filled;
}

async function send(
  path: string,
  method: string,
  c: Case,
): Promise<{ url: string; verb: string; response: Response }> {
  const verb = c.head ? 'HEAD' : method.toUpperCase();
  const headers: Record<string, string> = { ...c.headers };
  if (c.auth === 'live') headers.Authorization = `Bearer ${await liveToken(c.session)}`;
  if (c.auth === 'garbage')
    headers.Authorization = ['Bearer x', 'Basic Zm9vOmJhcg==', 'Bearer ' + 'A'.repeat(43)][
      c.session % 3
    ];
  const init: RequestInit = { method: verb, headers };
  if (c.body && verb !== 'GET' && verb !== 'HEAD') {
    init.body = c.body.text;
    if (c.body.contentType) headers['Content-Type'] = c.body.contentType;
    if (c.body.encoding) headers['Content-Encoding'] = c.body.encoding;
  }
  const url = urlOf(path, c);
  return { url, verb, response: await app.request(url, init) };
}

const summary = (c: Case, url: string, verb: string) =>
  JSON.stringify({
    request: `${verb} ${url}`,
    auth: c.auth,
    headers: c.headers,
    body:
      typeof c.body?.text === 'string' ? c.body.text.slice(0, 300) : c.body ? '<gzip>' : undefined,
    contentType: c.body?.contentType,
    encoding: c.body?.encoding,
  });

// Pushes first, so the pulls and exports after them read progress the fuzz wrote (prototype-named
// ids among it: the defect the external fuzzer found showed as `null`s in exactly those).
const operations = Object.entries(doc.paths)
  .flatMap(([path, item]) =>
    Object.entries(item).map(([method, operation]) => ({ path, method, operation })),
  )
  .sort(
    (a, b) =>
      Number(b.operation.operationId === 'pushEvents') -
      Number(a.operation.operationId === 'pushEvents'),
  );
const totals = { cases: 0, failures: 0 };

describe('contract fuzz', () => {
  it.each(operations.map((o, i) => [`${o.method.toUpperCase()} ${o.path}`, { ...o, i }] as const))(
    '%s answers only what the document says, never 5xx',
    async (_, { path, method, operation, i }) => {
      const failures: string[] = [];
      const statuses: Record<number, number> = {};
      let cases = 0;
      await fc.assert(
        fc.asyncProperty(caseArbitrary(method, operation), async (c) => {
          refreshKnown();
          const { url, verb, response } = await send(path, method, c);
          const reply = await readReply(response);
          cases += 1;
          statuses[reply.status] = (statuses[reply.status] ?? 0) + 1;
          const problems = contractProblems(verb, url, reply);
          if (reply.status >= 500) problems.push(`a ${reply.status} (never allowed)`);
          if (problems.length > 0 && failures.length < 5) {
            const body = Buffer.from(reply.bytes).toString('utf8').slice(0, 300);
            failures.push(
              `${verb} ${url} → ${reply.status}: ${problems.join('; ')}\n  case ${summary(c, url, verb)}\n  reply ${body}`,
            );
          } else if (problems.length > 0) failures.push('…');
          return true;
        }),
        { numRuns: CASES, seed: SEED + i, endOnFailure: true },
      );
      totals.cases += cases;
      totals.failures += failures.length;
      console.log(
        `contract fuzz: ${operation.operationId} (${method.toUpperCase()} ${path}): ${cases} cases, ` +
          `${failures.length} failures; statuses ${JSON.stringify(statuses)}`,
      );
      expect(cases).toBeGreaterThanOrEqual(CASES);
      expect(failures.filter((f) => f !== '…').slice(0, 5), `${failures.length} failures`).toEqual(
        [],
      );
    },
    120_000,
  );

  afterAll(() => {
    console.log(
      `contract fuzz: ${operations.length} operations × ${CASES} cases = ${totals.cases}, ${totals.failures} failures`,
    );
  });
});
