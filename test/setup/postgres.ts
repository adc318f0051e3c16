import { execFileSync } from "node:child_process";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    /** A PostgreSQL server for the tests, or "" when none could be started. */
    databaseUrl: string;
  }
}

const BANNER = "=".repeat(78);
let started: string | undefined;

/**
 * Gives the PostgreSQL tests a server: TEST_DATABASE_URL when set (CI starts one), else a throwaway one from
 * scripts/pg-test-server.sh, stopped after the run. When none can be started the tests that need it skip,
 * and this says so loudly (so does each of them). `TEST_DATABASE_URL=none` asks for no PostgreSQL at all (a fast
 * SQLite-only run): the same loud skip, without trying to start one.
 */
export function setup(project: TestProject): () => void {
  const asked = process.env.TEST_DATABASE_URL;
  let url = asked === "none" ? "" : (asked ?? "");
  if (!url && asked !== "none") {
    try {
      url = execFileSync("bash", ["scripts/pg-test-server.sh", "start"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"], env: { ...process.env, PG_TEST_NO_INSTALL: "1", PG_TEST_OWNER: String(process.pid) } }).trim();
      started = url || undefined;
    } catch {
      url = "";
    }
  }
  if (!url) process.stderr.write(`\n${BANNER}\n!!! NO POSTGRESQL: every PostgreSQL test is SKIPPED (set TEST_DATABASE_URL or install postgresql)\n${BANNER}\n\n`);
  project.provide("databaseUrl", url);
  return () => {
    if (started) execFileSync("bash", ["scripts/pg-test-server.sh", "stop", started], { stdio: "ignore" });
    started = undefined;
  };
}
