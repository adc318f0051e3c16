import type { SqliteDb } from "../../src/store/sqlite.js";
import { IMPERSONAL_TABLES, personColumns } from "../../src/store/sqlitePersonalData.js";
import { everyCell, type Cell } from "./personalSession.js";

export type { Cell };

/** Raw access to what an engine stored, the same on both: for scans of every cell and for damaging a row (PostgreSQL's is `pgAccess` in pg.ts). */
export interface StoreAccess {
  engine: "sqlite" | "postgres";
  /** Every cell of every table, as stored. */
  cells(): Promise<Cell[]>;
  /** One SQL statement with `?` placeholders, run on the engine itself; the rows it returns. */
  sql(text: string, params?: unknown[]): Promise<Array<Record<string, unknown>>>;
  /** Every table and the columns by which its rows refer to a person, as the engine's erasure walks them. */
  personColumns(): Promise<Map<string, string[]>>;
  /** Tables the engine declares to hold nothing about any person. */
  impersonal: ReadonlySet<string>;
}

export function sqliteAccess(db: SqliteDb): StoreAccess {
  return {
    engine: "sqlite",
    cells: async () => everyCell(db),
    sql: async (text, params = []) => {
      const st = db.prepare(text);
      return st.reader ? (st.all(...params) as Array<Record<string, unknown>>) : (st.run(...params), []);
    },
    personColumns: async () => personColumns(db),
    impersonal: IMPERSONAL_TABLES,
  };
}
