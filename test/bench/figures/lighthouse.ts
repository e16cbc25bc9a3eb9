// Figure 8, Lighthouse 12.8.2 with its mobile defaults (Moto G Power form factor, simulated slow
// 4G and 4× CPU): performance, accessibility, best practices and SEO of the first route, against
// the real server, median of RUNS runs (each a cold load: Lighthouse resets storage). Audits
// that keep a category below its target are printed to stderr and named in the figure's method.
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { CHROME_PATH, startAppServer } from '../../e2e/harness';
import { absolute, median, type Figure } from '../figure';
import type { BenchGroup } from '../groups';

const RUNS = 3;
const CATEGORIES = [
  ['performance', 95],
  ['accessibility', 100],
  ['best-practices', 100],
  ['seo', 100],
] as const;

const FLAGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export const lighthouseScores: BenchGroup = {
  name: 'lighthouse',
  async measure() {
    const server = await startAppServer();
    const chrome = await chromeLauncher.launch({ chromePath: CHROME_PATH, chromeFlags: FLAGS });
    try {
      const scores = new Map<string, number[]>(CATEGORIES.map(([id]) => [id, []]));
      const failing = new Map<string, Set<string>>();
      const errors: string[] = [];
      for (let run = 0; run < RUNS; run += 1) {
        const result = await lighthouse(`${server.url}/`, {
          port: chrome.port,
          logLevel: 'error',
          output: 'json',
        });
        if (!result) throw new Error('Lighthouse returned no result');
        const { lhr } = result;
        for (const [id, target] of CATEGORIES) {
          const category = lhr.categories[id];
          // A run that could not score (a runtime error, e.g. NO_FCP) is left out, not counted 0.
          if (!category || category.score === null) {
            errors.push(`${id}: ${lhr.runtimeError?.code ?? 'no score'}`);
            continue;
          }
          const score = Math.round(category.score * 100);
          scores.get(id)!.push(score);
          if (score >= target) continue;
          for (const ref of category.auditRefs) {
            const audit = lhr.audits[ref.id];
            if (!audit || audit.score === null || audit.score >= 1 || ref.weight === 0) continue;
            const line = `${audit.id} (${audit.title}${audit.displayValue ? `: ${audit.displayValue}` : ''})`;
            if (!failing.has(id)) failing.set(id, new Set());
            failing.get(id)!.add(line);
          }
        }
      }
      const figures: Figure[] = CATEGORIES.map(([id, target]) => {
        const measured = scores.get(id)!;
        const value = measured.length ? median(measured) : 0;
        const audits = [...(failing.get(id) ?? [])];
        if (audits.length) process.stderr.write(`lighthouse ${id}: ${audits.join('; ')}\n`);
        return absolute(
          `Lighthouse ${id}`,
          value,
          '/100',
          `≥ ${target}`,
          value >= target,
          `Lighthouse 12.8.2, mobile defaults (simulated throttling), median of ${RUNS} ` +
            `(${scores.get(id)!.join(', ')}), ${server.url}/ on the real server, headless ` +
            `Chromium` +
            (errors.length ? `; runs without a score: ${errors.join(', ')}` : '') +
            (audits.length ? `; audits below 1 in runs under target: ${audits.join('; ')}` : ''),
        );
      });
      return figures;
    } finally {
      chrome.kill();
      await server.close(0);
    }
  },
};
