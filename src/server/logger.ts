// The server's one structured logger (pino, JSON lines on stdout). Nothing here logs request
// headers, query strings or bodies; the redaction below guards fields later modules might add.
import { pino, type DestinationStream, type Logger } from 'pino';
import type { LogLevel } from './config';

/** The pino logger type, re-exported so modules need not import pino. */
export type { Logger };

const SECRET_FIELDS = ['authorization', 'cookie', 'password', 'token', 'secret'];

/** A pino logger at `level`, writing to `destination` (stdout by default; tests pass a stream). */
export function createLogger(level: LogLevel, destination?: DestinationStream): Logger {
  const options = {
    level,
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: {
      paths: [...SECRET_FIELDS, ...SECRET_FIELDS.map((f) => `*.${f}`)],
      censor: '[redacted]',
    },
  };
  return destination ? pino(options, destination) : pino(options);
}
