import { spawn, type ChildProcess } from "node:child_process";
import { createWriteStream } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const PROJECT_ROOT = fileURLToPath(new URL("../..", import.meta.url));

export interface Started {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  exited: Promise<number | null>;
  /** Sends a signal to the whole process group (npm, tsx and node). */
  signal(sig: NodeJS.Signals): void;
}

/**
 * Runs `npm start` as a person would, in its own process group, with the given settings. With
 * `TEST_PROCESS_LOG_DIR` set, each process's output is also written to `npm-start-<pid>.log` there (the tests
 * keep it only in memory, and print only what fails: this is for looking into a long run afterwards).
 */
export function npmStart(env: Record<string, string>, input?: string): Started {
  const child = spawn("npm", ["start"], {
    cwd: PROJECT_ROOT,
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "/tmp", LANG: "en_US.UTF-8", ...env },
    stdio: ["pipe", "pipe", "pipe"],
    detached: true,
  });
  let out = "";
  let err = "";
  child.stdout!.on("data", (d: Buffer) => (out += d.toString("utf8")));
  child.stderr!.on("data", (d: Buffer) => (err += d.toString("utf8")));
  if (process.env.TEST_PROCESS_LOG_DIR) {
    const file = createWriteStream(join(process.env.TEST_PROCESS_LOG_DIR, `npm-start-${child.pid}.log`));
    child.stdout!.pipe(file, { end: false });
    child.stderr!.pipe(file, { end: false });
    child.on("close", () => file.end());
  }
  if (input !== undefined) child.stdin!.end(input);
  // "close", not "exit": npm may exit before the node process it started, which writes to the same pipes; its
  // last lines (the "stopping" log at SIGTERM) are read only once every process holding them has ended.
  const exited = new Promise<number | null>((resolve) => child.on("close", (code) => resolve(code)));
  return {
    child,
    stdout: () => out,
    stderr: () => err,
    exited,
    signal: (sig) => {
      try {
        process.kill(-child.pid!, sig);
      } catch {
        // already gone
      }
    },
  };
}

/** Waits until `check` holds, polling; throws with `describe()` after the timeout. */
export async function eventually(check: () => boolean, describe: () => string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting: ${describe()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** The lines a process wrote itself, without npm's own notices (e.g. warnings about the machine's npm config). */
export function ownLines(output: string): string[] {
  return output.split("\n").filter((line) => line.trim() !== "" && !/^npm (warn|notice|error)\b/.test(line));
}
