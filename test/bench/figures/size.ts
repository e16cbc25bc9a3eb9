// Issue figure 1, size: what the first route needs before it can run (the entry script, its static
// imports and the CSS that index.html links — not the lazy chunks), gzip and brotli; the whole
// app-shell precache; and, from the build's source maps, how much of the critical JS is Preact,
// Dexie and everything else (ours). Sizes are of the built dist/, so `npm run bench` builds first.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { decode } from '@jridgewell/sourcemap-codec';
import { absolute, atMost, type Figure } from '../figure';
import type { BenchGroup } from '../groups';

const DIST = 'dist';
const KB = 1024;
/** The target for critical JS, and its split: Preact ≈ 5 KB, Dexie ≈ 30 KB, the rest ours. */
const CRITICAL_JS_BUDGET = 50 * KB;
const LIBRARY_BUDGETS = { preact: 5 * KB, dexie: 30 * KB } as const;
/** The offline issue's budget for the whole precached app shell (test/sw/precache.test.ts). */
const PRECACHE_BUDGET = 150 * KB;

const gzip = (body: Uint8Array) => gzipSync(body, { level: 9 }).length;
const brotli = (body: Uint8Array) =>
  brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
const read = (url: string) => readFile(join(DIST, url.replace(/^\//, '')));

const attributes = (html: string, pattern: RegExp) =>
  [...html.matchAll(pattern)].map((match) => match[1]!.replace(/^\//, ''));

// Static imports of a built chunk: `import{…}from"./x.js"` and `import"./x.js"`, never `import(`.
const staticImports = (code: string) =>
  [...code.matchAll(/\bimport\s*(?:[\w${}\s,*]+?\s*from\s*)?["'](\.\/[^"']+)["']/g)].map(
    (match) => match[1]!,
  );

/** The first route's critical files: index.html's module script, its modulepreloads and every
 * chunk they import statically (followed, in case a preload link is missing), and its CSS. */
export async function criticalFiles(): Promise<{ js: string[]; css: string[] }> {
  const html = await readFile(join(DIST, 'index.html'), 'utf8');
  const queue = [
    ...attributes(html, /<script[^>]*type="module"[^>]*src="([^"]+)"/g),
    ...attributes(html, /<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g),
  ];
  const js = new Set<string>();
  while (queue.length > 0) {
    const url = queue.shift()!;
    if (js.has(url)) continue;
    js.add(url);
    const code = (await read(url)).toString('utf8');
    const dir = url.slice(0, url.lastIndexOf('/') + 1);
    queue.push(...staticImports(code).map((path) => dir + path.slice(2)));
  }
  const css = attributes(html, /<link[^>]*rel="stylesheet"[^>]*href="([^"]+)"/g);
  return { js: [...js], css };
}

/** The app-shell precache list baked into the built dist/sw.js. */
export async function precachedUrls(): Promise<string[]> {
  const sw = await readFile(join(DIST, 'sw.js'), 'utf8');
  const list = /\[\{"revision":.*?\}\]/.exec(sw);
  if (!list) throw new Error('no precache manifest found in dist/sw.js');
  return (JSON.parse(list[0]) as { url: string }[]).map((entry) => entry.url);
}

async function compressedTotals(urls: readonly string[]) {
  let raw = 0;
  let gz = 0;
  let br = 0;
  for (const url of urls) {
    const body = await read(url);
    raw += body.length;
    gz += gzip(body);
    br += brotli(body);
  }
  return { raw, gzip: gz, brotli: br };
}

// Who a source file belongs to: the npm package it came from, or "ours" for src/.
function ownerOf(source: string): string {
  const inPackage = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(source);
  return inPackage ? inPackage[1]! : 'ours';
}

/** The generated code of the given chunks, split by owner via their source maps: each mapping
 * segment owns the generated text up to the next segment on its line. */
export async function codeByOwner(urls: readonly string[]): Promise<Map<string, string>> {
  const parts = new Map<string, string[]>();
  const add = (owner: string, text: string) => {
    if (text) parts.set(owner, [...(parts.get(owner) ?? []), text]);
  };
  for (const url of urls) {
    const code = (await read(url)).toString('utf8');
    const map = JSON.parse((await read(`${url}.map`)).toString('utf8')) as {
      sources: string[];
      mappings: string;
    };
    const owners = map.sources.map(ownerOf);
    const lines = code.split('\n');
    decode(map.mappings).forEach((segments, index) => {
      const line = lines[index] ?? '';
      // Code before a line's first mapping (and lines without any) is the bundler's glue.
      add('bundler glue', line.slice(0, segments[0]?.[0] ?? line.length));
      segments.forEach((segment, i) => {
        const text = line.slice(segment[0], segments[i + 1]?.[0] ?? line.length);
        add(segment.length > 1 ? owners[segment[1]!]! : 'bundler glue', text);
      });
    });
  }
  return new Map([...parts].map(([owner, texts]) => [owner, texts.join('\n')]));
}

const kb = (bytes: number) => bytes / KB;

async function measure(): Promise<Figure[]> {
  const { js, css } = await criticalFiles();
  const [critical, styles, shell] = await Promise.all([
    compressedTotals(js),
    compressedTotals(css),
    precachedUrls().then(async (urls) => ({
      files: urls.length,
      ...(await compressedTotals(urls)),
    })),
  ]);
  const worker = await compressedTotals(['sw.js']);

  // Each owner's code compressed on its own, then scaled so the shares add up to the real total
  // (compressing a part alone loses the dictionary it shares with the rest).
  const owners = await codeByOwner(js);
  const alone = new Map([...owners].map(([owner, text]) => [owner, gzip(Buffer.from(text))]));
  const aloneSum = [...alone.values()].reduce((a, b) => a + b, 0);
  const share = (owner: string) => ((alone.get(owner) ?? 0) * critical.gzip) / aloneSum;
  const libraries = Object.keys(LIBRARY_BUDGETS);
  const others = [...alone.keys()].filter((owner) => !libraries.includes(owner));
  const othersGzip = others.reduce((sum, owner) => sum + share(owner), 0);
  const breakdown = [...alone.keys()]
    .sort((a, b) => share(b) - share(a))
    .map((owner) => `${owner} ${kb(share(owner)).toFixed(1)}`)
    .join(', ');

  const files = (list: string[]) => list.join(', ');
  const sizeMethod =
    'bytes of the built dist/ files, each compressed on its own (gzip level 9, brotli quality 11) ' +
    'and summed; KB = 1024 bytes; deterministic, N = 1';
  const budget = (label: string, bytes: number) => ({
    kind: 'budget' as const,
    label,
    value: kb(bytes),
  });
  const shareMethod =
    `gzip share of the critical JS by source-map owner: each owner's generated code gzipped ` +
    `alone, scaled so the shares sum to the ${kb(critical.gzip).toFixed(1)} KB total ` +
    `(alone they sum to ${kb(aloneSum).toFixed(1)} KB); all owners, KB: ${breakdown}`;
  const remainder = CRITICAL_JS_BUDGET - LIBRARY_BUDGETS.preact - LIBRARY_BUDGETS.dexie;
  return [
    atMost(
      'critical JS (gzip)',
      kb(critical.gzip),
      'KB',
      budget('issue budget', CRITICAL_JS_BUDGET),
      1,
      `${sizeMethod}; files: ${files(js)} (${kb(critical.raw).toFixed(1)} KB raw)`,
    ),
    absolute(
      'critical JS (brotli)',
      kb(critical.brotli),
      'KB',
      'informational',
      null,
      `${sizeMethod}; files: ${files(js)}`,
    ),
    atMost(
      'critical JS: Preact share (gzip)',
      kb(share('preact')),
      'KB',
      budget('Preact in the budget', LIBRARY_BUDGETS.preact),
      1,
      `${shareMethod}; "preact" is node_modules/preact (core and hooks)`,
    ),
    atMost(
      'critical JS: Dexie share (gzip)',
      kb(share('dexie')),
      'KB',
      budget('Dexie in the budget', LIBRARY_BUDGETS.dexie),
      1,
      `${shareMethod}; "dexie" is node_modules/dexie`,
    ),
    atMost(
      'critical JS: ours + other libraries (gzip)',
      kb(othersGzip),
      'KB',
      budget('50 − 5 − 30', remainder),
      1,
      `${shareMethod}; everything but preact and dexie: ${others.join(', ')}`,
    ),
    absolute(
      'critical CSS (gzip)',
      kb(styles.gzip),
      'KB',
      'informational',
      null,
      `${sizeMethod}; files: ${files(css)} (${kb(styles.raw).toFixed(1)} KB raw)`,
    ),
    absolute(
      'critical CSS (brotli)',
      kb(styles.brotli),
      'KB',
      'informational',
      null,
      `${sizeMethod}; files: ${files(css)}`,
    ),
    atMost(
      'app-shell precache (gzip)',
      kb(shell.gzip),
      'KB',
      budget('offline budget', PRECACHE_BUDGET),
      1,
      `${sizeMethod}; the ${shell.files} files of dist/sw.js's precache manifest ` +
        `(${kb(shell.raw).toFixed(1)} KB raw, ${kb(shell.brotli).toFixed(1)} KB brotli); ` +
        'budget from the offline issue (test/sw/precache.test.ts)',
    ),
    absolute(
      'service worker sw.js (gzip)',
      kb(worker.gzip),
      'KB',
      'informational',
      null,
      `${sizeMethod}; dist/sw.js itself (${kb(worker.raw).toFixed(1)} KB raw, ` +
        `${kb(worker.brotli).toFixed(1)} KB brotli), fetched by the browser outside the precache`,
    ),
  ];
}

/** The "size" group (issue figure 1). */
export const size: BenchGroup = { name: 'size', measure };
