import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/server/config';

const cwd = '/srv/lommekurs';

describe('loadConfig', () => {
  it('uses the defaults for an empty environment, with paths resolved against cwd', () => {
    expect(loadConfig({}, cwd)).toEqual({
      port: 8080,
      host: '0.0.0.0',
      dataDir: resolve(cwd, 'data'),
      coursesDir: resolve(cwd, 'courses'),
      distDir: resolve(cwd, 'dist'),
      logLevel: 'info',
      databaseUrl: null,
      workers: 1,
      trustProxy: false,
      publicUrl: null,
      hsts: false,
      smtpUrl: null,
      mailFrom: 'Lommekurs <noreply@localhost>',
      sessionMaxDays: 90,
    });
  });

  it('reads every variable', () => {
    const config = loadConfig(
      {
        PORT: '0',
        HOST: '127.0.0.1',
        DATA_DIR: '/var/lib/lommekurs',
        COURSES_DIR: 'content/courses',
        DIST_DIR: 'build',
        LOG_LEVEL: 'WARN',
        DATABASE_URL: 'postgres://lommekurs:secret@db.internal:5432/lommekurs',
        WORKERS: '4',
        TRUST_PROXY: 'true',
        PUBLIC_URL: 'https://Lommekurs.example.no/',
        SMTP_URL: 'smtps://lommekurs:secret@smtp.example.no:465',
        MAIL_FROM: 'Lommekurs <noreply@lommekurs.example.no>',
        SESSION_MAX_DAYS: '30',
      },
      cwd,
    );
    expect(config).toEqual({
      port: 0,
      host: '127.0.0.1',
      dataDir: '/var/lib/lommekurs',
      coursesDir: resolve(cwd, 'content/courses'),
      distDir: resolve(cwd, 'build'),
      logLevel: 'warn',
      databaseUrl: 'postgres://lommekurs:secret@db.internal:5432/lommekurs',
      workers: 4,
      trustProxy: true,
      publicUrl: 'https://lommekurs.example.no',
      hsts: true,
      smtpUrl: 'smtps://lommekurs:secret@smtp.example.no:465',
      mailFrom: 'Lommekurs <noreply@lommekurs.example.no>',
      sessionMaxDays: 30,
    });
  });

  it.each(['0', '401', '1.5', 'ninety'])('rejects SESSION_MAX_DAYS=%s', (value) => {
    expect(() => loadConfig({ SESSION_MAX_DAYS: value }, cwd)).toThrow(
      `Invalid configuration: SESSION_MAX_DAYS="${value}" must be a whole number of days`,
    );
  });

  it.each(['0', '65', 'two'])('rejects WORKERS=%s', (value) => {
    expect(() => loadConfig({ WORKERS: value }, cwd)).toThrow(
      `Invalid configuration: WORKERS="${value}" must be an integer between 1 and 64`,
    );
  });

  it.each([
    'lommekurs.no',
    'ftp://lommekurs.no',
    'https://lommekurs.no/app',
    'https://x@lommekurs.no',
  ])('rejects PUBLIC_URL=%s', (value) => {
    expect(() => loadConfig({ PUBLIC_URL: value }, cwd)).toThrow(
      `Invalid configuration: PUBLIC_URL="${value}" must be an http(s) origin`,
    );
  });

  it.each(['smtp.example.no', 'https://smtp.example.no', 'smtp://'])(
    'rejects SMTP_URL=%s',
    (value) => {
      expect(() => loadConfig({ SMTP_URL: value }, cwd)).toThrow(
        `Invalid configuration: SMTP_URL="${value}" must be an smtp:// or smtps:// URL`,
      );
    },
  );

  it.each(['Lommekurs', 'a@b.no\nBcc: x@y.no', 'Lommekurs <noreply>'])(
    'rejects MAIL_FROM=%j',
    (value) => {
      expect(() => loadConfig({ MAIL_FROM: value }, cwd)).toThrow(
        'Invalid configuration: MAIL_FROM=',
      );
    },
  );

  it('rejects a TRUST_PROXY that is not a yes or no', () => {
    expect(() => loadConfig({ TRUST_PROXY: 'maybe' }, cwd)).toThrow(
      'Invalid configuration: TRUST_PROXY="maybe" must be true or false',
    );
  });

  it.each(['mysql://db/lommekurs', 'postgres://', 'localhost:5432'])(
    'rejects DATABASE_URL=%s',
    (value) => {
      expect(() => loadConfig({ DATABASE_URL: value }, cwd)).toThrow(
        `Invalid configuration: DATABASE_URL="${value}" must be a postgres:// or postgresql:// URL`,
      );
    },
  );

  it('treats a blank variable as unset', () => {
    expect(loadConfig({ PORT: '', LOG_LEVEL: '  ' }, cwd)).toMatchObject({
      port: 8080,
      logLevel: 'info',
    });
  });

  it.each(['abc', '-1', '65536', '80.5', '1e3', '99999999'])('rejects PORT=%s', (value) => {
    expect(() => loadConfig({ PORT: value }, cwd)).toThrow(
      `Invalid configuration: PORT="${value}" must be an integer between 0 and 65535`,
    );
  });

  it('accepts the whole port range', () => {
    expect(loadConfig({ PORT: '65535' }, cwd).port).toBe(65535);
  });

  it('rejects an unknown LOG_LEVEL with the list of levels', () => {
    let error: unknown;
    try {
      loadConfig({ LOG_LEVEL: 'verbose' }, cwd);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect(error).toMatchObject({ variable: 'LOG_LEVEL', value: 'verbose' });
    expect((error as Error).message).toBe(
      'Invalid configuration: LOG_LEVEL="verbose" must be one of fatal, error, warn, info, debug, trace, silent',
    );
  });

  it('rejects a HOST that is not a host name or address', () => {
    expect(() => loadConfig({ HOST: 'http://localhost' }, cwd)).toThrow(
      'Invalid configuration: HOST="http://localhost" must be a host name or an IP address',
    );
  });

  it('rejects a directory path with a NUL byte', () => {
    expect(() => loadConfig({ DIST_DIR: 'di\0st' }, cwd)).toThrow(
      'Invalid configuration: DIST_DIR="di\\u0000st" must be a directory path',
    );
  });
});
