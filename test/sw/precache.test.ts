// Checks the *built* app, built once here: what the service worker precaches is exactly the app
// shell, and the size gates — the app shell, the first route's critical JS and sw.js, each
// compressed, fail when they grow past their budget (measured as test/bench/figures/size.ts
// measures them: one definition in test/utils/built-app.ts) — and sw.js carries no UI library.
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  chunkHolding,
  compressedTotals,
  firstScreenFiles,
  mappedSources,
  precacheManifest,
  type PrecacheEntry,
} from '../utils/built-app';

const KB = 1024;
// Raised from 150 KB to 160 KB with issue 11 (quizzes that test, course reset, device export and
// wipe, home on any device, catalogue search, course-complete screen, dark mode and text size:
// +9 KB gzip, most of it in the first chunk). Moving those screens out of the first chunk is issue
// 13's work; this gate still stops any growth beyond that.
// Raised to 180 KB with issue 12: the account screens' new parts (recovery, passkeys, devices,
// password change: ~100 new strings in each of nb, nn and en, still bundled in the first chunk,
// +7.7 KB gzip there) and their lazy chunks. Splitting the strings by screen is issue 13's work.
// Lowered to 165 KB with issue 13 (161.2 KB measured): the precache no longer lists the manifest
// and icon-192.png twice nor holds the 512 px install icons (vite.config.ts).
// Lowered to 155 KB with issue 13's item 8: the PNG install icons (icon-192.png,
// apple-touch-icon.png, 7.1 KB gzip) are the browser's, kept by the worker at run time, not
// precached (148.9 KB on the commit before the critical-JS split, 152.8 KB with it: its chunks
// cost about 4 KB). The offline budget is 150 KB.
// Issue 13 item 3 (the nb split, 2026-12-02): 151.9 KB on main (ac65507) with the split, was
// 152.8 KB. Raised to 180 KB the same evening by issue 14's learner screens (joining with consent,
// the privacy page, the garden section of Settings, their texts and wire schemas: ≈ 23 KB gzip,
// measured 175 KB); the advisor screens (≈ 27 KB) are not precached (assets/advisor/, below).
// The issue's offline budget is 150 KB: the learners' new screens are its next cut.
// Raised to 182 KB by issue 15's "Hva vil du lære mer om?" (178.5 KB before it, 181.0 KB with it,
// measured 2026-12-03): the question, its texts and the shared text field ≈ 1.3 KB gzip net, the
// topic list in nb, nn and en (courses/topics.yml, built in so it works offline) ≈ 0.6 KB, the
// event's schema in the sync and merge chunks and the exports ≈ 0.5 KB. Critical JS unchanged.
// Then 183.3 KB with issue 15's anonymous answers beside it (the one-time question, its texts, the
// sender in the sync chunk: ≈ 2.3 KB gzip): raised to 185 KB. Both must work offline, so they are
// precached; the cut towards 150 KB stays issue 13's (the learners' network screens first).
// Issue 15's insight page (2026-12-03): 184.7 KB. The page is not precached (assets/advisor/);
// the learners' shell holds only its link's check in Settings with the access schema (0.4 KB
// gzip), its route and its stylesheet (0.6 KB, as the advisor screens' stylesheets are).
// Then 185.5 KB once the Personvern page said in nb, nn and en what issue 15 asks, where it goes,
// who sees the totals and the minimum group (+0.8 KB gzip; the CI of a5b58d7 failed here at
// 190,002 bytes): raised to 187 KB.
// Issue 16 raised it to 217 KB. Its "Ukemål og studieplan" alone measured 200.6 KB: the
// screen's chunk (goal, plan form, saved plan, its texts in nb, nn and en: 6.3 KB gzip), the
// calendar file's chunk, loaded on "Legg i kalenderen" (ical-generator and the Oslo time zone:
// 9.1 KB gzip) and the link in Settings (0.2 KB). Both chunks are precached because the plan and
// its .ics file must work offline; neither is in the critical JS (+0.07 KB there: the route). The
// cut towards 150 KB stays issue 13's. Its spaced review and weekly goal alone measured 199.3 KB
// (186.3 KB before): the review screen works offline, so its chunk is precached — ts-fsrs, the
// scheduler, ≈ 6.7 KB gzip of it; the store, the home cards, the screen and their texts in nb, nn
// and en ≈ 5.3 KB — and the player parts it shares with the lesson screen became chunks of their
// own (≈ 1 KB). With the study plan: 215.5 KB measured, budget 217 KB. Critical JS: see below.
// Lowered to 178 KB by issue 13's cut (2026-12-03, 215.8 → 176.8 KB measured, 83 → 34 files): the
// screens whose whole purpose needs the server left the shell for assets/online/, kept by the
// worker once opened (vite.config.ts, ONLINE: sign-in and account with @simplewebauthn/browser
// 3.6 KB, the account-deleted notice 1.5 KB, the join screen); the advisor stylesheets no longer
// leak into it (1.8 KB); the .ics file is written without ical-generator (8.9 → 1.4 KB); the
// first paint, the storage layer, the download buttons and the lesson player are one chunk each
// (EAGER_CHUNKS; 83 → 47 files before the rest, −14 KB). Settings' garden part stays (2.7 KB, with
// the join form and the account fields it shows, ≈ 13 KB): it shows the device's memberships
// offline, and Settings opened offline makes no request. Everything a learner does offline stays,
// the privacy statement too (5.4 KB). What is left — Dexie 30 KB, zod 9 KB, the first chunk 29 KB,
// ts-fsrs 6.6 KB, the dictionaries — is the learner's offline app: the 150 KB needs cuts
// there (issue 13 follow-up).
const PRECACHE_BUDGET = 178 * KB;
/** Issue 13: sw.js, importing only src/client-core and Workbox, measured 48.4 KB gzip, then
 * 50.5 KB with the batched push format (Workbox, Dexie, zod, the sync engine); the budget leaves
 * about 3 KB for growth. */
const SW_BUDGET = 54 * KB;
/** Issue 13: the critical JS, what runs before the first screen (home) shows — the entry, the app
 * start it imports at once, the home route's chunk and their static imports — as the bench
 * measures it (test/bench/figures/size.ts). 102 KB gzip before issue 13, 87.8 KB after its first
 * part, 38.6 KB once the storage layer (Dexie) and the sync controller (engine, accounts, zod) left
 * it for chunks loaded in parallel with and right after the first paint; the issue's target is
 * 50 KB. Then 33.5 KB (issue 13 item 3): the strings of the lazily loaded screens left the nb
 * dictionary for their features' own texts, and the account-deleted notice loads when shown
 * (33.2 KB for the split alone on ac65507; issue 14's additions to the first chunk ≈ 1 KB). This
 * gate stops growth, about 4 % above, and fails when nn or en is imported statically into the
 * first chunk (+3.3 KB gzip; issue 13 acceptance 2). Issue 16 asks that it not grow: 34,677 bytes
 * before it; its routes, the home cards' and the app badge's import stubs added 0.3 KB, and the
 * Safari notice with its texts left for a chunk only Safari tabs load (34,569 bytes after). Then
 * 30,841 bytes in 2 files instead of 16: the first chunk's modules that lazy chunks import too had
 * each been split into a chunk of their own (vite.config.ts, `first-paint`). The gate is about 2 %
 * above that. */
const CRITICAL_JS_BUDGET = 31_500;

/** UI libraries the service worker must never bundle (issue 13, "a worker-safe core"). */
const UI_LIBRARIES = /node_modules\/(preact|preact-iso|@preact\/signals[^/]*|workbox-window)\//;

let outDir: string;
let precached: PrecacheEntry[];

beforeAll(async () => {
  outDir = await mkdtemp(join(tmpdir(), 'lommekurs-build-'));
  // A production build, as `vite build` and the bench make it: Vitest sets NODE_ENV=test, which
  // Vite keeps, and the worker would then carry Workbox's development logging (+6 KB gzip).
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ logLevel: 'silent', mode: 'production', build: { outDir, emptyOutDir: true } });
  } finally {
    process.env.NODE_ENV = nodeEnv;
  }
  precached = await precacheManifest(outDir);
}, 120_000);

afterAll(() => rm(outDir, { recursive: true, force: true }));

const kb = (n: number) => `${(n / KB).toFixed(1)} KB`;
const used = (bytes: number, budget: number) =>
  `budget ${kb(budget)}, ${((bytes / budget) * 100).toFixed(0)} % used`;

describe('the built service worker precaches the app shell', () => {
  it('holds index.html, the manifest, the favicon and every JS and CSS file of the build', async () => {
    const urls = precached.map((entry) => entry.url);
    const assets = await readdir(join(outDir, 'assets'));
    // The password strength estimator (zxcvbn-ts word lists) loads online when a new password is
    // typed: the one chunk left out of the offline shell (vite.config.ts globIgnores).
    const code = assets
      .filter((name) => /\.(js|css)$/.test(name) && !name.startsWith('password-estimator-'))
      .map((name) => `assets/${name}`);
    expect(assets.some((name) => name.startsWith('password-estimator-'))).toBe(true);
    expect(precached.map((entry) => entry.url).join()).not.toContain('password-estimator-');
    expect(code.length).toBeGreaterThanOrEqual(2);
    expect(urls).toEqual(expect.arrayContaining(['index.html', 'manifest.webmanifest', ...code]));
    expect(urls).toContain('icons/icon.svg');
    // The PNG icons are the browser's, for installing the app; the worker keeps them at run time.
    expect(urls.filter((url) => url.endsWith('.png'))).toEqual([]);
  });

  // Issue 13: the screens whose whole purpose needs the server — the advisor screens (issue 14),
  // the insight page (issue 15), signing in and the account, recovery, passkeys, joining a garden
  // — are out of the offline shell (assets/online/, see vite.config.ts, with their stylesheets);
  // the worker keeps them once used (src/sw/routes.ts).
  // What a learner uses offline stays precached.
  it('leaves the online-only screens out, and no precached script imports them statically', async () => {
    const online = await readdir(join(outDir, 'assets', 'online'));
    const onlineCode = online.filter((name) => /\.(js|css)$/.test(name));
    for (const screen of [
      'GardenScreen',
      'InsightScreen',
      'papaparse',
      'AccountScreen',
      'AccountOnline',
      'RecoveryScreens',
      'JoinScreen',
      'AccountDeletedNotice',
    ])
      expect(onlineCode, screen).toContainEqual(
        expect.stringMatching(new RegExp(`^${screen}[-.].*\\.js$`)),
      );
    expect(onlineCode).toContainEqual(expect.stringMatching(/^advisor-.*\.css$/));
    const urls = precached.map((entry) => entry.url);
    expect(urls.filter((url) => url.startsWith('assets/online/'))).toEqual([]);
    // The one stylesheet of the shell is the app's own.
    expect(urls.filter((url) => url.endsWith('.css'))).toEqual([
      expect.stringMatching(/^assets\/index-[\w-]+\.css$/),
    ]);
    // A learner's offline screens stay, and so does what shows an online-only screen offline.
    for (const screen of [
      'SettingsScreen',
      'lesson', // the lesson player's chunk (vite.config.ts, EAGER_CHUNKS)
      'StudyPlanScreen',
      'study-plan-ics',
      'review',
      'PrivacyScreen',
      'OnlineFirst',
    ])
      expect(urls, screen).toContainEqual(expect.stringMatching(new RegExp(`^assets/${screen}-`)));
    for (const url of urls.filter((u) => u.endsWith('.js'))) {
      const code = await readFile(join(outDir, url), 'utf8');
      // A static import is `from"./online/…"` (or `import"./online/…"`); the lazy routes'
      // `import(\`./online/…\`)` are dynamic and fine.
      expect(code, url).not.toMatch(/(from|import)\s*["']\.\/online\//);
      // The browser side of WebAuthn (@simplewebauthn/browser) is the passkey screens' alone.
      const sources = await mappedSources(outDir, url).catch(() => []); // the bundler's own: none
      expect(sources.join(), url).not.toContain('@simplewebauthn');
    }
  });

  it('holds no course content, source maps, screenshots or the worker itself', () => {
    for (const { url } of precached) {
      expect(url).not.toMatch(/^(api\/|courses\/|screenshots\/)|\.map$|^sw\.js$/);
    }
  });

  // Issue 12: no public source maps. The maps are written (test/bench reads them from disk) but
  // no served file links to one, and the server refuses *.map (test/server/headers-connections).
  it('links no source map from any built script', async () => {
    const assets = await readdir(join(outDir, 'assets'));
    const scripts = [...assets.map((name) => `assets/${name}`), 'sw.js'].filter((f) =>
      f.endsWith('.js'),
    );
    expect(assets.some((name) => name.endsWith('.js.map'))).toBe(true);
    for (const file of scripts) {
      expect(await readFile(join(outDir, file), 'utf8'), file).not.toContain('sourceMappingURL');
    }
  });

  it('fits the budget compressed, and prints its size', async () => {
    const shell = await compressedTotals(
      outDir,
      precached.map((entry) => entry.url),
    );
    console.info(
      `app-shell precache: ${precached.length} files, ${kb(shell.raw)} raw, ${kb(shell.gzip)} gzip (${used(shell.gzip, PRECACHE_BUDGET)})`,
    );
    expect(shell.gzip).toBeLessThanOrEqual(PRECACHE_BUDGET);
  });
});

describe('size gates (issue 13: budgets are gates)', () => {
  it('the critical JS (what runs before the home screen shows) fits its budget, gzip', async () => {
    const js = await firstScreenFiles(outDir, 'HomeScreen');
    const critical = await compressedTotals(outDir, js);
    console.info(
      `critical JS (home): ${js.length} files, ${kb(critical.raw)} raw, ${kb(critical.gzip)} gzip (${used(critical.gzip, CRITICAL_JS_BUDGET)})`,
    );
    expect(js.length).toBeGreaterThanOrEqual(1);
    expect(critical.gzip).toBeLessThanOrEqual(CRITICAL_JS_BUDGET);
  });

  // Issue 16: the study plan is a screen of its own, reached from Settings: neither its chunk nor
  // the calendar file's runs before the home screen shows, and both are
  // precached, so the plan and its .ics file work offline.
  it('keeps the study plan and its calendar file out of the critical JS, and precaches them', async () => {
    const js = await firstScreenFiles(outDir, 'HomeScreen');
    expect(js.filter((url) => /\/(StudyPlanScreen|study-plan-ics)-/.test(url))).toEqual([]);
    expect(precached.map((entry) => entry.url)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^assets\/StudyPlanScreen-.*\.js$/),
        expect.stringMatching(/^assets\/study-plan-ics-.*\.js$/),
      ]),
    );
  });

  // Every screen's data waits for the storage layer (src/app/state/storage.ts): it carries Dexie
  // and the queries, not the validation of what is recorded or sent (zod, with the sync
  // controller's chunk). One import of a constant once put all of zod into it.
  it('keeps zod out of the storage chunk', async () => {
    // The database module is the storage chunk's (storage-api.ts only re-exports, so has no code).
    const storage = await chunkHolding(outDir, 'src/client-core/db/db.ts');
    const sources = await mappedSources(outDir, storage);
    const { gzip } = await compressedTotals(outDir, [storage]);
    console.info(`storage chunk: ${sources.length} modules, ${kb(gzip)} gzip`);
    expect(sources.some((source) => source.includes('node_modules/dexie/'))).toBe(true);
    expect(sources.filter((source) => source.includes('node_modules/zod/'))).toEqual([]);
  });

  it('sw.js fits its budget, gzip', async () => {
    const worker = await compressedTotals(outDir, ['sw.js']);
    console.info(
      `sw.js: ${kb(worker.raw)} raw, ${kb(worker.gzip)} gzip (${used(worker.gzip, SW_BUDGET)})`,
    );
    expect(worker.gzip).toBeLessThanOrEqual(SW_BUDGET);
  });
});

describe('the built service worker imports no UI', () => {
  // From sw.js's source map: every module the bundler put into the worker.
  it('has no Preact, signals, preact-iso, workbox-window or src/app module in sw.js', async () => {
    const sources = await mappedSources(outDir, 'sw.js');
    const libraries = [
      ...new Set(
        sources.map((s) => /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(s)?.[1] ?? 'src (ours)'),
      ),
    ].sort();
    console.info(`sw.js is built from ${sources.length} modules of: ${libraries.join(', ')}`);
    expect(sources.length).toBeGreaterThan(10);
    expect(sources.some((source) => source.includes('node_modules/workbox-precaching/'))).toBe(
      true,
    );
    expect(sources.filter((source) => UI_LIBRARIES.test(source))).toEqual([]);
    expect(sources.filter((source) => /(^|\/)src\/app\//.test(source))).toEqual([]);
  });
});
