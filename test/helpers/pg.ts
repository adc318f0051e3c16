import { randomBytes } from "node:crypto";
import pg from "pg";
import { inject } from "vitest";
import { PG_IMPERSONAL_TABLES } from "../../src/store/pg.js";
import { pgPersonColumns } from "../../src/store/pgPersonalData.js";
import type { StoreAccess } from "./storeAccess.js";

/** The test PostgreSQL server (test/setup/postgres.ts), or undefined when none could be started. */
export const PG_URL: string | undefined = inject("databaseUrl") || undefined;

if (!PG_URL) process.stderr.write("!!! PostgreSQL tests in this file are SKIPPED: no PostgreSQL server could be started\n");

const created: string[] = [];

/** Runs `sql` on the test server's maintenance database (creating and dropping databases). */
async function onServer(...sql: string[]): Promise<void> {
  if (!PG_URL) throw new Error("no PostgreSQL for tests");
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  try {
    for (const statement of sql) await admin.query(statement);
  } finally {
    await admin.end();
  }
}

/** Creates a database named afresh with `options` after its name; its URL. */
async function createDatabase(options = ""): Promise<string> {
  const name = `nomad_test_${randomBytes(6).toString("hex")}`;
  await onServer(`CREATE DATABASE ${name} ${options}`);
  created.push(name);
  const url = new URL(PG_URL!);
  url.pathname = `/${name}`;
  return url.toString();
}

/** A new, empty database on the test server; its URL. Dropped by `dropTestDatabases`. */
export function freshDatabase(): Promise<string> {
  return createDatabase();
}

/**
 * A new database copied from `template` (CREATE DATABASE … TEMPLATE: a file copy, faster than migrating an
 * empty one); its URL. Dropped by `dropTestDatabase` or `dropTestDatabases`. No session may be connected to
 * the template while it is copied.
 */
export function cloneDatabase(template: string): Promise<string> {
  return createDatabase(`TEMPLATE ${new URL(template).pathname.slice(1)} STRATEGY FILE_COPY`);
}

/** Drops one database made by `freshDatabase` or `cloneDatabase` (its pools must be closed). */
export async function dropTestDatabase(url: string): Promise<void> {
  const name = new URL(url).pathname.slice(1);
  const at = created.indexOf(name);
  if (!PG_URL || at < 0) return;
  created.splice(at, 1);
  await onServer(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
}

/** Drops the databases this file created (their pools must be closed). */
export async function dropTestDatabases(): Promise<void> {
  if (!PG_URL || created.length === 0) return;
  await onServer(...created.splice(0).map((name) => `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
}

/** Every cell of every table of the database at `url`, for scans of what is stored. */
export async function pgCells(url: string): Promise<Array<{ table: string; column: string; value: unknown }>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const tables = (await client.query<{ t: string }>("SELECT table_name AS t FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'")).rows;
    const cells: Array<{ table: string; column: string; value: unknown }> = [];
    for (const { t } of tables) {
      for (const row of (await client.query(`SELECT * FROM "${t}"`)).rows as Array<Record<string, unknown>>) {
        for (const [column, value] of Object.entries(row)) cells.push({ table: t, column, value: typeof value === "string" && /^-?\d+$/.test(value) && column !== "key" ? Number(value) : value });
      }
    }
    return cells;
  } finally {
    await client.end();
  }
}

/** Runs one statement on the database at `url` (to damage a row, or read one raw). */
export async function pgRaw(url: string, text: string, values: unknown[] = []): Promise<Array<Record<string, unknown>>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(text, values)).rows;
  } finally {
    await client.end();
  }
}

/** Raw access to the database at `url`, as `sqliteAccess` gives it for SQLite. */
export function pgAccess(url: string): StoreAccess {
  return {
    engine: "postgres",
    cells: () => pgCells(url),
    sql: (text, params = []) => {
      let n = 0;
      return pgRaw(url, text.replace(/\?/g, () => `$${++n}`), params);
    },
    personColumns: async () => {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        return await pgPersonColumns(client);
      } finally {
        await client.end();
      }
    },
    impersonal: PG_IMPERSONAL_TABLES,
  };
}
