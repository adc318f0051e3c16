/**
 * Startup: from spawning the process to its first getUpdates, against a Bot API on loopback that answers
 * at once; under tsx (`npm start`) and compiled (`node dist/main.js`, built first with `npm run build`
 * when dist/ is missing or older than a file under src/).
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { FastApi } from "./lib/fastApi.js";
import { quick, report, summary } from "./lib/stats.js";

const ROUNDS = quick ? 3 : 5;
const root = new URL("..", import.meta.url).pathname;

async function once(args: string[]): Promise<number> {
  const api = new FastApi();
  let resolveFirst!: (t: number) => void;
  const first = new Promise<number>((r) => (resolveFirst = r));
  const server = createServer((req, res) => {
    const method = (req.url ?? "").split("/").pop() ?? "";
    let body = "";
    req.on("data", (c) => (body += c));
    req.on("end", async () => {
      if (method === "getUpdates") {
        resolveFirst(performance.now());
        res.end(JSON.stringify({ ok: true, result: [] }));
        return;
      }
      const answer = await api.fetch(`x/${method}`, { body: body || undefined });
      res.setHeader("content-type", "application/json");
      res.end(JSON.stringify(await answer.json()));
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const port = (server.address() as AddressInfo).port;
  const dataDir = mkdtempSync(join(tmpdir(), "nomad-kz-bench-start-"));
  const t0 = performance.now();
  const child = spawn(process.execPath, args, {
    cwd: root,
    env: { ...process.env, BOT_TOKEN: "123456:BENCH-TOKEN-abcdefghijklmnopqrstuvwxyz", BOT_API_ROOT: `http://127.0.0.1:${port}`, DATA_DIR: dataDir, DATA_KEY: "07".repeat(32), LOG_LEVEL: "silent", NBK_RATES_URL: "off" },
    stdio: "ignore",
  });
  const timeout = setTimeout(() => resolveFirst(NaN), 30_000);
  const at = await first;
  clearTimeout(timeout);
  child.kill("SIGKILL");
  await new Promise((r) => child.once("exit", r));
  server.closeAllConnections();
  server.close();
  rmSync(dataDir, { recursive: true, force: true });
  return at - t0;
}

async function rounds(args: string[]): Promise<number[]> {
  await once(args); // warm-up: disk caches
  const out: number[] = [];
  for (let i = 0; i < ROUNDS; i++) out.push(await once(args));
  return out;
}

/** Builds dist/ unless it is newer than every file under src/; false when the build failed. */
function ensureBuilt(): boolean {
  const built = join(root, "dist/main.js");
  const newest = Math.max(...readdirSync(join(root, "src"), { recursive: true }).map((f) => statSync(join(root, "src", String(f))).mtimeMs));
  if (existsSync(built) && statSync(built).mtimeMs >= newest) return true;
  process.stderr.write("dist/ missing or older than src/: npm run build\n");
  const r = spawnSync("npm", ["run", "build"], { cwd: root, stdio: ["ignore", "ignore", "inherit"] });
  return existsSync(built) && (r.status === 0 || statSync(built).mtimeMs >= newest);
}

const tsx = await rounds(["--import", "tsx", "src/main.ts"]);
const compiled = ensureBuilt() ? await rounds(["dist/main.js"]) : undefined;
report({ startup_ms_tsx: summary(tsx), ...(compiled ? { startup_ms: summary(compiled) } : { startup_ms: null, startup_note: "npm run build made no dist/main.js" }) });
