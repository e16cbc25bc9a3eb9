// What every end-to-end test needs: the real server on an ephemeral loopback port serving the
// built app and the courses, a real Chromium, and an axe-core accessibility scan.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { loadConfig } from '../../src/server/config';
import { startServer, type RunningServer } from '../../src/server/server';
import { createLogger } from '../../src/server/logger';

export const CHROME_PATH = process.env.CHROME_PATH ?? '/usr/bin/chromium';

// Without the background-networking flags Chromium keeps calling home, which this machine's
// closed network refuses; QUIC is off so every request is plain HTTP we can observe.
const CHROME_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface AppServer extends RunningServer {
  dataDir: string;
  /** Stop at once, cutting downloads in flight, as a crash or a lost connection would. */
  kill(): Promise<void>;
}

export interface AppServerOptions {
  coursesDir?: string;
  distDir?: string;
  /** 0 (default) for an ephemeral port; a restart must reuse the port to keep the origin. */
  port?: number;
  /** More configuration variables (e.g. SMTP_URL of an SMTP server the test started). */
  env?: Record<string, string>;
}

/** The real server on 127.0.0.1, with a throwaway data folder. */
export async function startAppServer(options: AppServerOptions = {}): Promise<AppServer> {
  // E2E_DIST_DIR: a build elsewhere than dist/, so two builds in one work tree do not collide.
  const {
    coursesDir = 'courses',
    distDir = process.env.E2E_DIST_DIR ?? 'dist',
    port = 0,
    env = {},
  } = options;
  const dataDir = await mkdtemp(join(tmpdir(), 'lommekurs-e2e-'));
  const config = loadConfig({
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    COURSES_DIR: coursesDir,
    DIST_DIR: distDir,
    ...env,
  });
  const server = await startServer(config, createLogger('warn'));
  const stop = async (graceMs?: number) => {
    await server.close(graceMs);
    await rm(dataDir, { recursive: true, force: true });
  };
  return { ...server, dataDir, close: stop, kill: () => stop(0) };
}

/** A browser context with a profile on disk, as a person's browser has (a plain context is
 * incognito-like, and Chromium does not offer installation there). Closing it removes the profile. */
export async function launchPersistentChromium(): Promise<BrowserContext> {
  const profile = await mkdtemp(join(tmpdir(), 'lommekurs-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROME_PATH,
    headless: true,
    args: CHROME_FLAGS,
  });
  const close = context.close.bind(context);
  context.close = async (options) => {
    await close(options);
    await rm(profile, { recursive: true, force: true });
  };
  return context;
}

/** Debian's Chromium, headless. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROME_PATH, headless: true, args: CHROME_FLAGS });
}

const require = createRequire(import.meta.url);
let axeSource: string | undefined;

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** Run axe-core (WCAG 2.1 A and AA rules) on the page as it is now. The script is evaluated
 * through the DevTools protocol, so the page's strict CSP stays on. */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  axeSource ??= await readFile(require.resolve('axe-core/axe.min.js'), 'utf8');
  // Evaluating the 500 kB script takes about as long as a scan: once per loaded document.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: { run: (ctx: Document, opts: object) => Promise<{ violations: AxeViolation[] }> };
      }
    ).axe;
    const result = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
      // Only violations are reported: skipping the passes and the incomplete halves a scan.
      resultTypes: ['violations'],
    });
    return result.violations.map(({ id, impact, help, nodes }) => ({
      id,
      impact,
      help,
      nodes: nodes.map((n) => ({ target: n.target })),
    }));
  });
}

/** A readable summary of violations for a failing assertion. */
export const describeViolations = (violations: AxeViolation[]): string =>
  violations
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
    )
    .join('\n');

/** An axe-core scan that fails the test on any violation and keeps a count per screen scanned,
 * for the figures a test prints. */
export function accessibilityScans(): {
  scanned: Record<string, number>;
  expectAccessible: (page: Page, screen: string) => Promise<void>;
} {
  const scanned: Record<string, number> = {};
  return {
    scanned,
    async expectAccessible(page, screen) {
      const violations = await axeViolations(page);
      scanned[screen] = violations.length;
      expect(violations, `${screen}:\n${describeViolations(violations)}`).toEqual([]);
    },
  };
}
