// WORKERS' default (issue 13): one process on SQLite (one writer), one per core on PostgreSQL.
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/server/config';

const cwd = '/srv/lommekurs';
const DATABASE_URL = 'postgres://lommekurs@db.internal:5432/lommekurs';

describe('WORKERS default', () => {
  it('is 1 on SQLite, however many cores', () => {
    expect(loadConfig({}, cwd, 8).workers).toBe(1);
  });

  it('is the number of cores when DATABASE_URL is PostgreSQL', () => {
    expect(loadConfig({ DATABASE_URL }, cwd, 8).workers).toBe(8);
    expect(loadConfig({ DATABASE_URL }, cwd, 1).workers).toBe(1);
  });

  it('stays within 1…64 on any machine', () => {
    expect(loadConfig({ DATABASE_URL }, cwd, 200).workers).toBe(64);
  });

  it('gives way to WORKERS', () => {
    expect(loadConfig({ DATABASE_URL, WORKERS: '3' }, cwd, 8).workers).toBe(3);
    expect(loadConfig({ WORKERS: '2' }, cwd, 8).workers).toBe(2);
  });
});
