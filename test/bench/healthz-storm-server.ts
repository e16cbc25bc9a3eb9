// The server side of the healthz-storm figure, in a process of its own (so the bench's own work
// never sits on the server's event loop): the real app over a file-backed SQLite database in a
// temp folder, one course with a quiz in its catalogue, one learner. Prints one JSON line,
// `{ url, token }`, then serves until it is killed.
import { createServer } from 'node:http';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { AddressInfo } from 'node:net';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { getRequestListener } from '@hono/node-server';
import { createApp } from '../../src/server/app';
import { openDatabase } from '../../src/server/db/database';
import { createLogger } from '../../src/server/logger';
import { createTestLearner } from '../utils/learners';
import { outlineCatalogue } from '../utils/sync-catalogue';

/** The course the storm answers: one quiz lesson, one question. */
export const STORM_COURSE = { courseId: 'kurs', lessonId: 'quiz', questionId: 'q1', option: 'a' };

async function main(): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'lommekurs-storm-'));
  const database = await openDatabase({
    sqliteFile: process.env.STORM_SQLITE_FILE ?? join(dir, 'lommekurs.sqlite'),
  });
  const app = createApp({
    catalogue: [],
    distDir: join(dir, 'no-dist'),
    logger: createLogger('silent'),
    database,
    syncCatalogue: outlineCatalogue([
      [
        STORM_COURSE.courseId,
        [[STORM_COURSE.lessonId, { questions: { [STORM_COURSE.questionId]: ['a', 'b'] } }]],
      ],
    ]),
    // The push rate and daily quota would refuse most of the storm before it reaches the fold;
    // lifted here, so the figure measures the fold itself (the worst case: a learner below the
    // limits, or many learners at once).
    pushRules: { pushesPerMinute: 1_000_000, eventsPerDay: 1_000_000_000 },
  });
  const learner = await createTestLearner(database.db);
  const server = createServer(getRequestListener(app.fetch));
  server.listen(0, '127.0.0.1', () => {
    const { port } = server.address() as AddressInfo;
    if (process.env.STORM_CPU_REPORT) {
      const delay = monitorEventLoopDelay({ resolution: 1 });
      delay.enable();
      process.on('SIGTERM', () => {
        process.stderr.write(
          `event loop delay p99 ${(delay.percentile(99) / 1e6).toFixed(1)} ms, max ${(delay.max / 1e6).toFixed(1)} ms\n`,
        );
        process.exit(0);
      });
    }
    process.stdout.write(
      `${JSON.stringify({ url: `http://127.0.0.1:${port}`, token: learner.token })}\n`,
    );
  });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) void main();
