/// <reference types="vitest/config" />
// Build of the PWA (Preact + a Workbox service worker through vite-plugin-pwa) and the Vitest
// projects: `app` (components, IndexedDB through fake-indexeddb, in jsdom) and `node` (shared
// logic, service-worker rules and the built precache list, the course compiler, the server).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig, runnerImport, type Plugin } from 'vite';
import preact from '@preact/preset-vite';
import { VitePWA } from 'vite-plugin-pwa';
import { webManifest } from './src/app/manifest.ts';
import type * as Topics from './src/content/topics.ts';

// Shown in the settings screen; APP_VERSION lets a build (and the update tests) carry its own.
const appVersion =
  process.env.APP_VERSION ??
  (JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version;

/** Code fetched when first opened, then kept (issues 13–15): the screens whose whole purpose needs
 * the server — the advisor screens and the insight page (issues 14, 15), signing in, creating an
 * account and recovering it, the account's security and devices, passkeys (with
 * @simplewebauthn/browser, which sync/passkeys.ts loads for a ceremony), the GDPR export and
 * deletion, e-mail verification, the account-deleted notice (shown on a server answer), joining a
 * business garden with its consent. Their chunks go to assets/online/, which the precache leaves
 * out (globIgnores below); the worker keeps each from its first use (src/sw/routes.ts,
 * 'online-code'), so it opens offline afterwards. Settings' garden part is not one of them: it
 * shows the device's memberships offline (test/e2e/language-offline.e2e.ts: no request).
 * ONLINE names the lazily imported ways in; a chunk is online-only when none of its modules is
 * reached from the app's entry without a lazy import of one of them (`onlineChunks`): a module
 * learner code imports statically, or lazily from elsewhere (e.g. sync/account.ts →
 * advisor/forget-copy.ts at sign-out, the consent text the privacy page shows), stays in the
 * shell. test/sw/precache.test.ts checks that no precached chunk imports an assets/online/ chunk
 * statically. */
const ONLINE =
  /[\\/]src[\\/]app[\\/](advisor[\\/]|insight[\\/]|screens[\\/](AccountScreen|RecoveryScreens)\.tsx$|components[\\/](AccountSecurity|AccountDeletedNotice|AccountOnline)\.tsx$|network[\\/]JoinScreen\.tsx$)|[\\/]node_modules[\\/]@simplewebauthn[\\/]browser[\\/]/;
const learnerReachable = new Set<string>();
const allModules: string[] = [];
/** Whether a chunk of these modules is online-only. The bundler's own modules (its runtime,
 * `\0…`) stay in the shell. */
const onlineOnly = (ids: readonly string[]) =>
  ids.length > 0 && ids.every((id) => !learnerReachable.has(id) && !id.startsWith('\0'));
/** Whether a stylesheet belongs to online-only modules only: the modules named as its source, or
 * for the stylesheet of a chunk of CSS alone (advisor.css), the CSS module of that name. */
const onlineStylesheet = (asset: { names: string[]; originalFileNames: string[] }) => {
  const sources =
    asset.originalFileNames.length > 0
      ? asset.originalFileNames.map((file) => resolve(file))
      : allModules.filter((id) => asset.names.some((name) => id.endsWith(`/${name}`)));
  return asset.names.every((name) => name.endsWith('.css')) && onlineOnly(sources);
};

/** Marks every module the app's entry reaches through static imports, and through lazy imports of
 * anything but an online-only way in. */
const onlineChunks: Plugin = {
  name: 'lommekurs-online-chunks',
  apply: 'build',
  buildEnd() {
    learnerReachable.clear();
    allModules.splice(0, Infinity, ...this.getModuleIds());
    const queue = allModules.filter((id) => this.getModuleInfo(id)?.isEntry);
    while (queue.length > 0) {
      const id = queue.pop()!;
      if (learnerReachable.has(id)) continue;
      learnerReachable.add(id);
      const info = this.getModuleInfo(id);
      queue.push(
        ...(info?.importedIds ?? []),
        ...(info?.dynamicallyImportedIds ?? []).filter((lazy) => !ONLINE.test(lazy)),
      );
    }
  },
};

/** "Hva vil du lære mer om?" offers the topics of courses/topics.yml (issue 15): a dozen short
 * labels, built into the chunk that asks (`import topics from 'virtual:course-topics'`), so they
 * are on the device with the app and work offline; no request, no storage. The course compiler
 * reads the file (through Vite's module runner: the config itself imports no TypeScript that
 * Node could not load), and a mistake in it fails the build, and the tests, as
 * `file:line: message`. */
const TOPICS_MODULE = 'virtual:course-topics';
const courseTopics: Plugin = {
  name: 'lommekurs-course-topics',
  resolveId: (id) => (id === TOPICS_MODULE ? `\0${TOPICS_MODULE}` : undefined),
  async load(id) {
    if (id !== `\0${TOPICS_MODULE}`) return undefined;
    const { module } = await runnerImport<typeof Topics>(resolve('src/content/topics.ts'));
    const file = resolve('courses', module.TOPICS_FILE);
    this.addWatchFile(file);
    return `export default ${JSON.stringify(await module.loadTopics(file))};`;
  },
};
/** Chunks made of what some modules reach through static imports, each less what the chunks
 * before it hold. Left to itself the bundler split out every module that a lazy chunk imports too
 * (preact, the router, zod, …) into a chunk of its own (rolldown#10731): sixteen requests before
 * the first paint, six for the storage layer and fourteen for the lesson player, more than a
 * browser fetches at once over HTTP/1.1. */
const EAGER_CHUNKS: { name: string; roots: RegExp | 'entries' }[] = [
  // The page's entry script and its static imports: the first paint.
  { name: 'first-paint', roots: 'entries' },
  // The storage layer (Dexie and the queries) the first chunk loads at once (state/storage.ts).
  { name: 'storage', roots: /[\\/]src[\\/]app[\\/]state[\\/]storage-api\.ts$/ },
  // The download buttons the catalogue and course screens show (components/lazy-downloads.ts).
  { name: 'downloads', roots: /[\\/]src[\\/]app[\\/]components[\\/]Download(Controls|All)\.tsx$/ },
  // The lesson player, which every start loads once idle (main.tsx): the screens that share its
  // parts lose nothing by finding them there.
  { name: 'lesson', roots: /[\\/]src[\\/]app[\\/]screens[\\/]LessonScreen\.tsx$/ },
];
const eagerModules = new Map<string, Set<string>>(EAGER_CHUNKS.map((c) => [c.name, new Set()]));
const eagerChunks: Plugin = {
  name: 'lommekurs-eager-chunks',
  apply: 'build',
  buildEnd() {
    const claimed = new Set<string>();
    const ids = [...this.getModuleIds()];
    for (const { name, roots } of EAGER_CHUNKS) {
      const modules = eagerModules.get(name)!;
      modules.clear();
      const queue = ids.filter((id) =>
        roots === 'entries' ? this.getModuleInfo(id)?.isEntry : roots.test(id),
      );
      while (queue.length > 0) {
        const id = queue.pop()!;
        if (modules.has(id) || claimed.has(id)) continue;
        modules.add(id);
        queue.push(...(this.getModuleInfo(id)?.importedIds ?? []));
      }
      for (const id of modules) claimed.add(id);
    }
  },
};
/** The codeSplitting group of an eager chunk. */
const eagerGroup = (name: string) => ({
  name,
  includeDependenciesRecursively: false,
  test: (id: string) => eagerModules.get(name)!.has(id),
});
const apiTarget = `http://127.0.0.1:${process.env.API_PORT ?? '8080'}`;

export default defineConfig({
  define: {
    __APP_VERSION__: JSON.stringify(appVersion),
    __PRIVACY_CONTROLLER__: JSON.stringify(process.env.PRIVACY_CONTROLLER?.trim() ?? ''),
  },
  plugins: [
    preact(),
    onlineChunks,
    eagerChunks,
    courseTopics,
    VitePWA({
      strategies: 'injectManifest',
      srcDir: 'src/sw',
      filename: 'sw.ts',
      registerType: 'prompt',
      injectRegister: false,
      manifest: webManifest,
      // The manifest's icons are fetched by the browser when it installs the app; the one the
      // pages show (icon.svg, the favicon) comes in through globPatterns. Adding them here too
      // listed icon-192.png and the manifest twice, and the 512 px icons.
      // The plugin adds manifest.webmanifest to the precache itself (not in globPatterns).
      includeManifestIcons: false,
      injectManifest: {
        // The app shell only: course content never comes from the build; the PNG icons (the
        // manifest's, Safari's apple-touch-icon) and the screenshots are fetched by the browser
        // when it installs the app, not shown by a page: the worker keeps the PNG icons at run
        // time (src/sw/routes.ts, 'icon'), not in the precache (issue 13: shell ≤ 150 KB gzip).
        globPatterns: ['**/*.{js,css,html,svg,woff2}'],
        // The password strength estimator (zxcvbn-ts word lists, ~450 kB) is fetched when a
        // new-password field is first typed in, online: it is no part of the offline shell.
        // The online-only screens (assets/online/, see ONLINE and chunkFileNames) are no part of
        // the offline shell: the worker keeps them once opened.
        globIgnores: ['screenshots/**', 'assets/password-estimator-*.js', 'assets/online/**'],
      },
      devOptions: { enabled: false },
    }),
  ],
  build: {
    target: 'es2022',
    // Maps are written for our own tools (test/bench reads them from disk) but linked from no
    // file, and the server refuses *.map: no public source maps (issue 12).
    sourcemap: 'hidden',
    rolldownOptions: {
      output: {
        // Chunks of online-only modules go to assets/online/, which the precache leaves out
        // (globIgnores above), and so do their stylesheets. The password strength estimator
        // keeps its own rule (globIgnores): fetched each time, never kept.
        chunkFileNames: (chunk) =>
          onlineOnly(chunk.moduleIds) && !chunk.name.startsWith('password-estimator')
            ? 'assets/online/[name]-[hash].js'
            : 'assets/[name]-[hash].js',
        assetFileNames: (asset) =>
          onlineStylesheet(asset)
            ? 'assets/online/[name]-[hash][extname]'
            : 'assets/[name]-[hash][extname]',
        codeSplitting: {
          groups: [
            eagerGroup('first-paint'),
            eagerGroup('storage'),
            eagerGroup('downloads'),
            // Spaced review and the weekly goal (issue 16): the home cards, the review screen, the
            // app badge, their store and the schedule with ts-fsrs in one chunk, loaded after the
            // first paint (lazy-review.ts, the stub Home imports, stays in the first chunk). Left
            // to itself the bundler made five chunks of them, and the first chunk lists every
            // chunk's name for its preloads: 0.14 KB gzip more critical JS than with this group.
            {
              name: 'review',
              includeDependenciesRecursively: false,
              test: /src[\\/]app[\\/]review[\\/](?!lazy-review)|src[\\/]shared[\\/](review-schedule|weekly-goal)\.ts$|src[\\/]client-core[\\/]db[\\/]review\.ts$|node_modules[\\/]ts-fsrs[\\/]/,
            },
            eagerGroup('lesson'),
            // The topic list of "Hva vil du lære mer om?" stays in the precached chunk it shares with
            // the lesson question's texts, though the insight page (not precached) reads its labels
            // too: alone it would be one more precached chunk (≈ 0.1 KB gzip more, issue 15).
            {
              name: 'feedback-texts',
              includeDependenciesRecursively: false,
              test: /src[\\/]app[\\/]player[\\/]feedback-texts\.ts$|^\0virtual:course-topics$/,
            },
          ],
        },
      },
    },
  },
  server: {
    proxy: { '/api': apiTarget, '/healthz': apiTarget },
  },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'app',
          environment: 'jsdom',
          include: ['test/app/**/*.test.{ts,tsx}', 'test/client-core/**/*.test.ts'],
          setupFiles: ['test/utils/setup-app.ts'],
          // IndexedDB in jsdom is slow, and `npm test` runs every project at once on two cores
          // (the sync model test among them): a generous limit, not a speed assertion.
          testTimeout: 30_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'node',
          environment: 'node',
          include: [
            'test/shared/**/*.test.ts',
            'test/sw/**/*.test.ts',
            'test/content/**/*.test.ts',
            'test/server/**/*.test.ts',
          ],
          // Checks every reply of the server tests against the OpenAPI contract.
          setupFiles: ['test/utils/contract-recorder.ts'],
        },
      },
    ],
  },
});
