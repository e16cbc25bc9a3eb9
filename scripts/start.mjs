// `npm start`: build the app and compile the server (scripts/build-server.mjs) if either build is
// missing or older than its sources, then run the compiled server, `node dist-server/main.js`
// (embedded database, courses from COURSES_DIR or ./courses). No TypeScript loader at run time.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { buildServer, SERVER_OUT_DIR, SERVER_SOURCES } from './build-server.mjs';

const SOURCES = [
  'index.html',
  'vite.config.ts',
  'package-lock.json',
  'public',
  'src/app',
  'src/client-core',
  'src/sw',
  'src/shared',
];
const BUILT = 'dist/index.html';

/** Newest modification time under a file or folder. */
function newest(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce(
    (max, name) => Math.max(max, newest(join(path, name))),
    stat.mtimeMs,
  );
}

/** When `file` was built (0 when it is missing), and whether any of `sources` is newer. */
function staleness(file, sources) {
  const builtAt = existsSync(file) ? statSync(file).mtimeMs : 0;
  return { builtAt, stale: sources.some((source) => newest(source) > builtAt) };
}

const app = staleness(BUILT, SOURCES);
if (app.stale) {
  console.log(app.builtAt ? 'Rebuilding the app (its sources changed)…' : 'Building the app…');
  const build = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const SERVER_MAIN = join(SERVER_OUT_DIR, 'main.js');
const compiled = staleness(SERVER_MAIN, SERVER_SOURCES);
if (compiled.stale) {
  console.log(compiled.builtAt ? 'Recompiling the server…' : 'Compiling the server…');
  await buildServer(SERVER_OUT_DIR);
}

// --enable-source-maps: stack traces in the log name the TypeScript lines.
const server = spawn(process.execPath, ['--enable-source-maps', SERVER_MAIN], {
  stdio: 'inherit',
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
