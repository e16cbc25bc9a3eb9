// `npm run bench`: every benchmark figure, one group after another (they share two cores, so
// running them at once would measure the contention), then one table on stdout and the same as
// JSON in bench-results.json (git-ignored). A group that throws is reported and the rest still
// run. Nothing here fails on a slow run: it measures and reports (docs/performance.md).
import { writeFile } from 'node:fs/promises';
import { cpus, totalmem } from 'node:os';
import { formatTable, type Figure } from './figure';
import { groups } from './groups';

const RESULTS_FILE = 'bench-results.json';

async function main(): Promise<void> {
  const only = process.argv.slice(2);
  const selected = only.length ? groups.filter((g) => only.includes(g.name)) : groups;
  const figures: Figure[] = [];
  const failures: { group: string; error: string }[] = [];
  const started = Date.now();
  for (const group of selected) {
    const t0 = Date.now();
    process.stderr.write(`bench: ${group.name} …\n`);
    try {
      const measured = await group.measure();
      figures.push(...measured);
      process.stderr.write(
        `bench: ${group.name} done in ${((Date.now() - t0) / 1000).toFixed(0)} s\n`,
      );
    } catch (error) {
      const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
      failures.push({ group: group.name, error: message });
      process.stderr.write(`bench: ${group.name} FAILED: ${message}\n`);
    }
  }
  const machine = {
    date: new Date().toISOString(),
    node: process.version,
    cpus: `${cpus().length} × ${cpus()[0]?.model ?? 'unknown'}`,
    memory: `${(totalmem() / 2 ** 30).toFixed(0)} GiB`,
    seconds: Math.round((Date.now() - started) / 1000),
  };
  console.log(formatTable(figures));
  console.log(
    `\n${figures.filter((f) => f.met === true).length} met, ` +
      `${figures.filter((f) => f.met === false).length} missed, ` +
      `${failures.length} group(s) failed; ${machine.seconds} s on ${machine.cpus}, ${machine.node}`,
  );
  await writeFile(RESULTS_FILE, `${JSON.stringify({ machine, figures, failures }, null, 2)}\n`);
  if (failures.length > 0) process.exitCode = 1;
}

void main();
