// Helpers for the server tests: a throwaway built app, a logger whose lines the test can read,
// and small response helpers.
import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createLogger, type Logger } from '../../src/server/logger';

export interface LogLine {
  level: number;
  msg: string;
  [field: string]: unknown;
}

/** A debug-level logger that keeps every line, parsed, in `lines`. */
export function captureLogger(): { logger: Logger; lines: LogLine[] } {
  const lines: LogLine[] = [];
  const logger = createLogger('debug', {
    write: (line: string) => {
      lines.push(JSON.parse(line) as LogLine);
    },
  });
  return { logger, lines };
}

/** A new empty temp folder; remove it with `removeTemp`. */
export const makeTemp = (prefix: string): Promise<string> =>
  mkdtemp(join(tmpdir(), `lommekurs-${prefix}-`));

export const removeTemp = (dir: string): Promise<void> => rm(dir, { recursive: true, force: true });

// Big enough (several KB) that compression applies, and it compresses well.
export const APP_JS = `${Array.from(
  { length: 120 },
  (_, i) => `export function lesson${i}(state) { return state.lessons[${i}] ?? null; }`,
).join('\n')}\n`;

export const INDEX_HTML = `<!doctype html>
<html lang="nb">
  <head>
    <meta charset="utf-8" />
    <title>Lommekurs</title>
    <link rel="manifest" href="/manifest.webmanifest" />
    <link rel="stylesheet" href="/assets/index-Dx9kQ2aB.css" />
    <script type="module" src="/assets/index-ABC123.js"></script>
  </head>
  <body><div id="app"></div></body>
</html>
`;

export const MANIFEST = JSON.stringify({
  name: 'Lommekurs',
  start_url: '/',
  display: 'standalone',
});

/** Binary bytes that must never be compressed (random, so incompressible anyway). */
export const FONT = randomBytes(4096);
export const ICON = randomBytes(2048);

/** The files of a small vite build, by path inside dist/. */
export const DIST_FILES: Readonly<Record<string, string | Uint8Array>> = {
  'index.html': INDEX_HTML,
  'assets/index-ABC123.js': APP_JS,
  'assets/index-Dx9kQ2aB.css': 'body { margin: 0 }\n'.repeat(100),
  'assets/inter-Kq81xZ0p.woff2': FONT,
  'assets/readme.txt': 'not hashed\n',
  'sw.js': `self.addEventListener('install', () => {});\n${APP_JS}`,
  'registerSW.js': "navigator.serviceWorker.register('/sw.js')\n",
  'workbox-5a5d9309.js': APP_JS,
  'manifest.webmanifest': MANIFEST,
  'icon-192.png': ICON,
  'logo.svg': `<svg xmlns="http://www.w3.org/2000/svg">${'<rect width="1" height="1"/>'.repeat(80)}</svg>`,
};

/** Writes DIST_FILES into a new temp folder and returns its path. */
export async function makeDist(): Promise<string> {
  const dir = await makeTemp('dist');
  for (const [path, content] of Object.entries(DIST_FILES)) {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), content);
  }
  return dir;
}

/** The body of a response as bytes. */
export const bytesOf = async (response: Response): Promise<Buffer> =>
  Buffer.from(await response.arrayBuffer());
