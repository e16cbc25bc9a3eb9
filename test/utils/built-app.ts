// What a built app (`vite build`'s output folder) holds, measured one way for everyone: the first
// route's critical files, the service worker's precache list, compressed sizes, and the sources a
// built script's map names. The size bench (test/bench/figures/size.ts) reports these figures and
// the size gates (test/sw/precache.test.ts, test/sw/worker-bundle.test.ts) fail on them.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

/** Bytes of `body` gzipped at level 9 (what the figures and the gates quote). */
export const gzipSize = (body: Uint8Array): number => gzipSync(body, { level: 9 }).length;

/** Bytes of `body` compressed with brotli at quality 11. */
export const brotliSize = (body: Uint8Array): number =>
  brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;

/** A built file by its URL path (`assets/x.js` or `/assets/x.js`). */
export const readBuilt = (dist: string, url: string): Promise<Buffer> =>
  readFile(join(dist, url.replace(/^\//, '')));

const attributes = (html: string, pattern: RegExp) =>
  [...html.matchAll(pattern)].map((match) => match[1]!.replace(/^\//, ''));

/** Static imports of a built chunk: `import{…}from"./x.js"` and `import"./x.js"`, never
 * `import(`. */
export const staticImports = (code: string): string[] =>
  [...code.matchAll(/\bimport\s*(?:[\w${}\s,*]+?\s*from\s*)?["'](\.\/[^"']+)["']/g)].map(
    (match) => match[1]!,
  );

/** `urls` and every chunk they import statically, transitively. */
export async function withStaticImports(dist: string, urls: readonly string[]): Promise<string[]> {
  const queue = [...urls];
  const js = new Set<string>();
  while (queue.length > 0) {
    const url = queue.shift()!;
    if (js.has(url)) continue;
    js.add(url);
    const code = (await readBuilt(dist, url)).toString('utf8');
    const dir = url.slice(0, url.lastIndexOf('/') + 1);
    queue.push(...staticImports(code).map((path) => dir + path.slice(2)));
  }
  return [...js];
}

/** The first route's critical files: index.html's module script, its modulepreloads and every
 * chunk they import statically (followed, in case a preload link is missing), and its CSS. */
export async function criticalFiles(dist: string): Promise<{ js: string[]; css: string[] }> {
  const html = await readFile(join(dist, 'index.html'), 'utf8');
  const js = await withStaticImports(dist, [
    ...attributes(html, /<script[^>]*type="module"[^>]*src="([^"]+)"/g),
    ...attributes(html, /<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g),
  ]);
  const css = attributes(html, /<link[^>]*rel="stylesheet"[^>]*href="([^"]+)"/g);
  return { js, css };
}

// Dynamic imports of a built chunk: `import("./x.js")` (rolldown writes backticks).
const dynamicImports = (code: string) =>
  [...code.matchAll(/\bimport\(\s*["'`](\.\/[^"'`]+)["'`]\s*\)/g)].map((match) => match[1]!);

/** The built chunk (`assets/….js`) that holds a module, e.g. a screen's, found through the chunks'
 * source maps (`source` ends the module's path): the bundler names a chunk after a group (e.g.
 * `lesson`) or a module. */
export async function chunkHolding(dist: string, source: string): Promise<string> {
  const assets = await readdir(join(dist, 'assets'));
  for (const name of assets.filter((a) => a.endsWith('.js.map'))) {
    const map = JSON.parse(await readFile(join(dist, 'assets', name), 'utf8')) as {
      sources: string[];
    };
    if (map.sources.some((s) => s.endsWith(source)))
      return `assets/${name.slice(0, -'.map'.length)}`;
  }
  throw new Error(`no chunk of ${dist} holds ${source}`);
}

/** What a first visit runs before a screen can show, beyond the critical files: the chunks the
 * critical JS imports dynamically at once (the app start, main-*.js), and for a route the chunk of
 * its screen (`screen` names its module, e.g. HomeScreen), each with its static imports.
 * So a tiny entry script cannot hide the app it loads. */
export async function firstScreenFiles(dist: string, screen?: string): Promise<string[]> {
  const { js } = await criticalFiles(dist);
  const start: string[] = [...js];
  for (const url of js) {
    const code = (await readBuilt(dist, url)).toString('utf8');
    const dir = url.slice(0, url.lastIndexOf('/') + 1);
    for (const path of dynamicImports(code))
      if (/^\.\/main-/.test(path)) start.push(dir + path.slice(2));
  }
  if (screen) start.push(await chunkHolding(dist, `src/app/screens/${screen}.tsx`));
  return withStaticImports(dist, start);
}

/** One entry of the precache manifest Workbox bakes into sw.js. */
export interface PrecacheEntry {
  url: string;
  revision: string | null;
}

/** The app-shell precache manifest baked into the built sw.js. */
export async function precacheManifest(dist: string): Promise<PrecacheEntry[]> {
  const sw = await readFile(join(dist, 'sw.js'), 'utf8');
  const list = /\[\{"revision":.*?\}\]/.exec(sw);
  if (!list) throw new Error(`no precache manifest found in ${join(dist, 'sw.js')}`);
  return JSON.parse(list[0]) as PrecacheEntry[];
}

/** The URLs of the app-shell precache list. */
export async function precachedUrls(dist: string): Promise<string[]> {
  return (await precacheManifest(dist)).map((entry) => entry.url);
}

/** Raw, gzip and brotli bytes of built files, each compressed on its own and summed. */
export async function compressedTotals(
  dist: string,
  urls: readonly string[],
): Promise<{ raw: number; gzip: number; brotli: number }> {
  let raw = 0;
  let gzip = 0;
  let brotli = 0;
  for (const url of urls) {
    const body = await readBuilt(dist, url);
    raw += body.length;
    gzip += gzipSize(body);
    brotli += brotliSize(body);
  }
  return { raw, gzip, brotli };
}

/** The source files a built script's map (`<url>.map`) names. */
export async function mappedSources(dist: string, url: string): Promise<string[]> {
  const map = JSON.parse((await readBuilt(dist, `${url}.map`)).toString('utf8')) as {
    sources: string[];
  };
  return map.sources;
}
