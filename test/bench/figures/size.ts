// Issue figure 1, size: what the first screen needs before it can show (the entry script, the app
// start it imports at once, the home route's chunk, each with its static imports, and the CSS that
// index.html links — not the chunks loaded later), gzip and brotli; the whole
// app-shell precache; and, from the build's source maps, how much of the critical JS is Preact,
// Dexie and everything else (ours). Sizes are of the built dist/, so `npm run bench` builds first.
import { decode } from '@jridgewell/sourcemap-codec';
import {
  compressedTotals as compressedTotalsOf,
  criticalFiles as criticalFilesOf,
  firstScreenFiles as firstScreenFilesOf,
  gzipSize as gzip,
  precachedUrls as precachedUrlsOf,
  readBuilt,
} from '../../utils/built-app';
import { absolute, atMost, type Figure } from '../figure';
import type { BenchGroup } from '../groups';

/** The build to measure: dist/ unless BENCH_DIST_DIR names another (a helper's own build). */
const DIST = process.env.BENCH_DIST_DIR ?? 'dist';
const KB = 1024;
/** The target for critical JS, and its split: Preact ≈ 5 KB, Dexie ≈ 30 KB, the rest ours. */
const CRITICAL_JS_BUDGET = 50 * KB;
const LIBRARY_BUDGETS = { preact: 5 * KB, dexie: 30 * KB } as const;
/** The offline issue's budget for the whole precached app shell (test/sw/precache.test.ts). */
const PRECACHE_BUDGET = 150 * KB;

const read = (url: string) => readBuilt(DIST, url);

// The definitions live in test/utils/built-app.ts, shared with the size gates (test/sw/).
/** The first route's critical files: index.html's module script, its modulepreloads and every
 * chunk they import statically, and its CSS. */
export const criticalFiles = () => criticalFilesOf(DIST);
/** The app-shell precache list baked into the built sw.js. */
export const precachedUrls = () => precachedUrlsOf(DIST);
const compressedTotals = (urls: readonly string[]) => compressedTotalsOf(DIST, urls);
/** What a first visit runs before a screen can show: the critical JS, the app start it imports at
 * once and the route's screen chunk (`screen`, e.g. HomeScreen). Informational rows, so a tiny
 * entry script cannot hide the app it loads. */
export const firstScreenFiles = (screen?: string) => firstScreenFilesOf(DIST, screen);

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
    if (!text) return;
    const list = parts.get(owner);
    if (list) list.push(text);
    else parts.set(owner, [text]);
  };
  for (const url of urls) {
    const code = (await read(url)).toString('utf8');
    // A chunk without a map (the bundler's runtime helper) is all glue.
    const mapText = await read(`${url}.map`).catch(() => null);
    if (!mapText) {
      add('bundler glue', code);
      continue;
    }
    const map = JSON.parse(mapText.toString('utf8')) as {
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
  // If the entry were a small loader that imports the app dynamically, counting only its static
  // imports would hide the app. The critical JS is what
  // runs before the first screen (home) shows; the entry alone is an informational row.
  const { js: entry, css } = await criticalFiles();
  const js = await firstScreenFiles('HomeScreen');
  const [entryTotals, critical, styles, shell] = await Promise.all([
    compressedTotals(entry),
    compressedTotals(js),
    compressedTotals(css),
    precachedUrls().then(async (urls) => ({
      files: urls.length,
      ...(await compressedTotals(urls)),
    })),
  ]);
  const worker = await compressedTotals(['sw.js']);
  const lessonFiles = await firstScreenFiles('LessonScreen');
  const lesson = await compressedTotals(lessonFiles);

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
      `${sizeMethod}; what runs before the first screen (home) shows: the entry script, the app ` +
        `start it imports at once (main-*.js) and the home route's chunk, each with its static ` +
        `imports; files: ${files(js)} (${kb(critical.raw).toFixed(1)} KB raw)`,
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
      'entry script + its static imports (gzip)',
      kb(entryTotals.gzip),
      'KB',
      'informational',
      null,
      `${sizeMethod}; index.html's module script and modulepreloads with their static imports ` +
        `(the loader that starts the app; part of the critical JS above); files: ${files(entry)}`,
    ),
    absolute(
      'critical JS, lesson route (gzip)',
      kb(lesson.gzip),
      'KB',
      'informational',
      null,
      `${sizeMethod}; as the critical JS, with the lesson player's chunk instead of home's; ` +
        `files: ${files(lessonFiles)} (${kb(lesson.raw).toFixed(1)} KB raw)`,
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
