// The compiled server for tests and benchmarks: scripts/build-server.mjs run into a fresh folder
// inside the project (under node_modules/.tmp), because the build keeps npm packages external and
// Node finds them only from a folder below the project's node_modules.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';

const projectRoot = resolve(import.meta.dirname, '../..');

/** A compiled server: its entry file and a way to delete the build. */
export interface CompiledServer {
  /** Absolute path of the compiled main.js. */
  main: string;
  /** Absolute path of the compiled admin command, admin.js. */
  admin: string;
  remove(): Promise<void>;
}

/** A server process started by `runNode`: its output so far, and its exit code once it exits. */
export interface NodeRun {
  child: ChildProcess;
  exited: Promise<number | null>;
  out(): string;
  err(): string;
}

/** Runs `node …args` in the project folder with `env` added, collecting its output. */
export function runNode(args: readonly string[], env: Record<string, string>): NodeRun {
  const child = spawn(process.execPath, args, {
    cwd: projectRoot,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
  return { child, exited, out: () => stdout, err: () => stderr };
}

/** Compiles src/server/main.ts as `npm start` does, into a temporary folder. */
export async function buildCompiledServer(): Promise<CompiledServer> {
  const parent = join(projectRoot, 'node_modules/.tmp');
  await mkdir(parent, { recursive: true });
  const dir = await mkdtemp(join(parent, 'server-'));
  await promisify(execFile)(process.execPath, ['scripts/build-server.mjs', dir], {
    cwd: projectRoot,
  });
  return {
    main: join(dir, 'main.js'),
    admin: join(dir, 'admin.js'),
    remove: () => rm(dir, { recursive: true, force: true }),
  };
}
