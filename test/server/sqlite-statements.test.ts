// The SQLite connection keeps its prepared statements (issue 13): one prepare per SQL text, a
// bounded number kept, and a stream never shares a statement with a query.
import SQLite from 'better-sqlite3';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { keptStatements } from '../../src/server/db/database';

describe('keptStatements', () => {
  const sqlite = new SQLite(':memory:');
  sqlite.exec('CREATE TABLE t (n INTEGER)');
  afterEach(() => vi.restoreAllMocks());

  it('prepares each SQL text once and reuses it', () => {
    const prepare = vi.spyOn(sqlite, 'prepare');
    const db = keptStatements(sqlite);
    for (let n = 0; n < 5; n++) db.prepare('INSERT INTO t (n) VALUES (?)').run([n]);
    expect(db.prepare('SELECT count(*) AS c FROM t').all([])).toEqual([{ c: 5 }]);
    expect(prepare).toHaveBeenCalledTimes(2);
  });

  it('keeps at most `size` statements, dropping the least recently used', () => {
    const prepare = vi.spyOn(sqlite, 'prepare');
    const db = keptStatements(sqlite, 2);
    const select = (k: number) => db.prepare(`SELECT ${k} AS k`).all([]);
    select(1);
    select(2);
    select(1); // 1 is now the most recent
    select(3); // drops 2
    select(1);
    select(2); // prepared again
    expect(prepare.mock.calls.map(([text]) => text)).toEqual([
      'SELECT 1 AS k',
      'SELECT 2 AS k',
      'SELECT 3 AS k',
      'SELECT 2 AS k',
    ]);
  });

  it('gives a stream a statement of its own', () => {
    const db = keptStatements(sqlite);
    const text = 'SELECT n FROM t ORDER BY n';
    const stream = db.prepare(text).iterate([]);
    stream.next();
    // The same text as a query while the stream is open: no "statement is busy" error.
    expect(db.prepare(text).all([])).toHaveLength(5);
    stream.return?.();
  });
});
