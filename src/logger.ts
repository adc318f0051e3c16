import pino, { type DestinationStream, type Logger } from "pino";
import type { LogLevel } from "./config.js";

export type { Logger };

/**
 * Paths that may carry secrets or what people typed. Logs keep ids and update types only;
 * these paths are censored wherever they appear (two levels deep covers our update summaries).
 */
export const REDACTED_PATHS = [
  "token",
  "BOT_TOKEN",
  "DATA_KEY",
  "key",
  "text",
  "caption",
  "*.token",
  "*.BOT_TOKEN",
  "*.DATA_KEY",
  "*.key",
  "*.text",
  "*.caption",
  "*.first_name",
  "*.last_name",
  "*.username",
  "*.phone_number",
  "*.data",
  "*.*.text",
  "*.*.caption",
  "*.*.first_name",
  "*.*.last_name",
  "*.*.username",
  "*.*.data",
];

/** Bot tokens can leak inside error messages and URLs (`/bot123:ABC/sendMessage`). */
const TOKEN_PATTERN = /\d{5,}:[A-Za-z0-9_-]{20,}/g;

export function scrubSecrets(s: string): string {
  return s.replace(TOKEN_PATTERN, "[token]");
}

export interface LoggerOptions {
  level: LogLevel;
  /** Where JSON lines go; defaults to stdout (pretty when it is a terminal). */
  destination?: DestinationStream;
  pretty?: boolean;
}

/** Builds the process logger: pino JSON with redaction, pretty-printed in an interactive terminal. */
export function createLogger(opts: LoggerOptions): Logger {
  const options: pino.LoggerOptions = {
    level: opts.level,
    redact: { paths: REDACTED_PATHS, censor: "[redacted]" },
    serializers: {
      // An allow-list: grammY errors carry the request payload (the text sent to a user).
      err: (err: unknown) => {
        const e = (err ?? {}) as { name?: string; message?: string; stack?: string; error_code?: number; method?: string };
        return {
          type: e.name ?? typeof err,
          message: scrubSecrets(String(e.message ?? err)),
          stack: e.stack === undefined ? undefined : scrubSecrets(e.stack),
          error_code: e.error_code,
          method: e.method,
        };
      },
    },
  };
  if (opts.destination) return pino(options, opts.destination);
  if (opts.pretty) {
    return pino({ ...options, transport: { target: "pino-pretty", options: { colorize: true, destination: 2 } } });
  }
  return pino(options);
}
