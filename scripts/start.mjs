// `npm start`: build the app and compile the server (scripts/build-server.mjs) if either build is
// missing or older than its sources, then run the compiled server, `node dist-server/main.js`
// (embedded database, courses from COURSES_DIR or ./courses). No TypeScript loader at run time.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ensureServerBuilt, SERVER_OUT_DIR, staleness } from './build-server.mjs';

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

// Settings the app is built with (vite.config.ts `define`): a build made with other values is stale.
const BUILD_ENV_FILE = 'dist/.build-env.json';
const buildEnv = JSON.stringify({
  PRIVACY_CONTROLLER: process.env.PRIVACY_CONTROLLER?.trim() ?? '',
});
const builtEnv = existsSync(BUILD_ENV_FILE) ? readFileSync(BUILD_ENV_FILE, 'utf8') : null;

const app = staleness(BUILT, SOURCES);
if (app.stale || (app.builtAt > 0 && builtEnv !== buildEnv)) {
  console.log(
    app.builtAt ? 'Rebuilding the app (its sources or settings changed)…' : 'Building the app…',
  );
  const build = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
  writeFileSync(BUILD_ENV_FILE, buildEnv);
}
if (!process.env.PRIVACY_CONTROLLER?.trim()) {
  console.warn(
    'PRIVACY_CONTROLLER is not set: the privacy page (/personvern) names no data controller. ' +
      'Set it to your name, organisation number and contact address before learners use this server.',
  );
}

await ensureServerBuilt();
const SERVER_MAIN = join(SERVER_OUT_DIR, 'main.js');

// --enable-source-maps: stack traces in the log name the TypeScript lines.
const server = spawn(process.execPath, ['--enable-source-maps', SERVER_MAIN], {
  stdio: 'inherit',
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
