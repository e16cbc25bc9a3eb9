// Server configuration, read once from the environment and validated with zod, so a typo stops
// the server at start with one clear line instead of a confusing failure later.
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { z } from 'zod';

/** The pino levels LOG_LEVEL accepts. */
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
/** One of LOG_LEVELS. */
export type LogLevel = (typeof LOG_LEVELS)[number];

/** The validated server configuration. */
export interface Config {
  port: number;
  host: string;
  /** Absolute path; SQLite lives here (created at start if missing). */
  dataDir: string;
  /** Absolute path of the course sources (`courses/<slug>/`). */
  coursesDir: string;
  /** Absolute path of the built app (`vite build` output). */
  distDir: string;
  logLevel: LogLevel;
  /** PostgreSQL connection URL; null means SQLite in `dataDir`. */
  databaseUrl: string | null;
  /** Server processes sharing the port (node:cluster); 1 means no cluster. */
  workers: number;
  /** Whether to take the client address from X-Forwarded-For (only behind a reverse proxy that
   * sets it; otherwise anyone could dodge the login rate limit by sending the header). */
  trustProxy: boolean;
  /** Where learners reach the app (`https://lommekurs.example.no`), without a trailing slash:
   * the base of links in mails, the passkey origin, and HSTS when it is https. Null when unset
   * (links then use the address the request came in on). */
  publicUrl: string | null;
  /** Send Strict-Transport-Security (HSTS): on when PUBLIC_URL is https, unless HSTS says. */
  hsts: boolean;
  /** Where mail goes: an smtp:// or smtps:// URL (user and password inside it, as nodemailer
   * reads it). Null: mails are written as .eml files under `dataDir/mail/` instead. */
  smtpUrl: string | null;
  /** The From of every mail, e.g. `Lommekurs <noreply@lommekurs.no>`. */
  mailFrom: string;
  /** A session's absolute lifetime in days, however often it is used (ASVS 3.3.2). */
  sessionMaxDays: number;
}

/** A configuration variable with a bad value; `message` is the one line to show the operator. */
export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    readonly value: string,
    readonly expected: string,
  ) {
    super(`Invalid configuration: ${variable}=${JSON.stringify(value)} ${expected}`);
    this.name = 'ConfigError';
  }
}

const directory = z
  .string()
  .min(1)
  .refine((s) => !s.includes('\0'));

const port = z
  .string()
  .regex(/^\d{1,5}$/)
  .transform(Number)
  .pipe(z.number().int().min(0).max(65535));

// Names and IPv4/IPv6 literals; anything with spaces or a scheme is a mistake.
const host = z.string().regex(/^[A-Za-z0-9._:%[\]-]+$/);

const logLevel = z
  .string()
  .transform((s) => s.toLowerCase())
  .pipe(z.enum(LOG_LEVELS));

const databaseUrl = z
  .string()
  .regex(/^postgres(ql)?:\/\/\S+$/)
  .refine((s) => URL.canParse(s));

const workers = z
  .string()
  .regex(/^\d{1,2}$/)
  .transform(Number)
  .pipe(z.number().int().min(1).max(64));

// An absolute http(s) URL with no path, query or fragment: the app's own origin.
const publicUrl = z
  .string()
  .refine((s) => URL.canParse(s))
  .transform((s) => new URL(s))
  .refine((u) => (u.protocol === 'https:' || u.protocol === 'http:') && u.pathname === '/')
  .refine((u) => !u.search && !u.hash && !u.username && !u.password)
  .transform((u) => u.origin);

// smtp:// (STARTTLS when offered) or smtps:// (TLS from the start), with a host.
const smtpUrl = z.string().refine((s) => {
  if (!URL.canParse(s)) return false;
  const url = new URL(s);
  return (url.protocol === 'smtp:' || url.protocol === 'smtps:') && url.hostname !== '';
});

// An address or `Name <address>`, on one line (a newline would inject mail headers).
const mailFrom = z
  .string()
  .max(320)
  .regex(/^(?:[^<>\r\n"]*<[^\s@<>]+@[^\s@<>]+>|[^\s@<>]+@[^\s@<>]+)$/);

// Whole days, 1 to 400 (a cap over a year would be no cap).
const sessionMaxDays = z
  .string()
  .regex(/^\d{1,3}$/)
  .transform(Number)
  .pipe(z.number().int().min(1).max(400));

const flag = z
  .string()
  .transform((s) => s.toLowerCase())
  .pipe(z.enum(['0', '1', 'true', 'false', 'yes', 'no']))
  .transform((s) => s === '1' || s === 'true' || s === 'yes');

type Env = Readonly<Record<string, string | undefined>>;

/** One variable: unset or blank means the default; a bad value throws a ConfigError. */
function read<T>(
  env: Env,
  name: string,
  fallback: string,
  schema: z.ZodType<T, string>,
  expected: string,
): T {
  const raw = env[name];
  const value = raw === undefined || raw.trim() === '' ? fallback : raw.trim();
  const result = schema.safeParse(value);
  if (!result.success) throw new ConfigError(name, raw ?? value, expected);
  return result.data;
}

/** Reads and validates the configuration from `env`; relative paths are resolved against `cwd`.
 * `cores` is the WORKERS default when DATABASE_URL is set. */
export function loadConfig(
  env: Env,
  cwd: string = process.cwd(),
  cores: number = availableParallelism(),
): Config {
  const dir = (name: string, fallback: string): string =>
    resolve(cwd, read(env, name, fallback, directory, 'must be a directory path'));
  return {
    port: read(env, 'PORT', '8080', port, 'must be an integer between 0 and 65535'),
    host: read(env, 'HOST', '0.0.0.0', host, 'must be a host name or an IP address'),
    dataDir: dir('DATA_DIR', 'data'),
    coursesDir: dir('COURSES_DIR', 'courses'),
    distDir: dir('DIST_DIR', 'dist'),
    logLevel: read(env, 'LOG_LEVEL', 'info', logLevel, `must be one of ${LOG_LEVELS.join(', ')}`),
    databaseUrl: env.DATABASE_URL?.trim()
      ? read(env, 'DATABASE_URL', '', databaseUrl, 'must be a postgres:// or postgresql:// URL')
      : null,
    // PostgreSQL takes writes from many processes at once: one per core by default (issue 13).
    // SQLite has one writer, so more processes only queue for its lock: one.
    workers: read(
      env,
      'WORKERS',
      env.DATABASE_URL?.trim() ? String(Math.min(64, Math.max(1, cores))) : '1',
      workers,
      'must be an integer between 1 and 64',
    ),
    trustProxy: read(env, 'TRUST_PROXY', 'false', flag, 'must be true or false'),
    hsts: read(
      env,
      'HSTS',
      env.PUBLIC_URL?.trim().toLowerCase().startsWith('https:') ? 'true' : 'false',
      flag,
      'must be true or false',
    ),
    publicUrl: env.PUBLIC_URL?.trim()
      ? read(
          env,
          'PUBLIC_URL',
          '',
          publicUrl,
          'must be an http(s) origin such as https://lommekurs.no',
        )
      : null,
    smtpUrl: env.SMTP_URL?.trim()
      ? read(env, 'SMTP_URL', '', smtpUrl, 'must be an smtp:// or smtps:// URL with a host')
      : null,
    mailFrom: read(
      env,
      'MAIL_FROM',
      'Lommekurs <noreply@localhost>',
      mailFrom,
      'must be an address such as noreply@lommekurs.no or "Lommekurs <noreply@lommekurs.no>"',
    ),
    sessionMaxDays: read(
      env,
      'SESSION_MAX_DAYS',
      '90',
      sessionMaxDays,
      'must be a whole number of days between 1 and 400',
    ),
  };
}
