// After `tsc -p tsconfig.build.json`: copies the data files that src/ reads at run time next to its
// compiled code (dist/ mirrors src/), so paths found relative to a module work in both. tsc copies only
// JSON that is imported; the FAQ search data is read with readFileSync.
import { copyFileSync, mkdirSync, readdirSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const src = join(root, "src");
const dist = join(root, "dist");
let copied = 0;
for (const entry of readdirSync(src, { recursive: true, withFileTypes: true })) {
  if (!entry.isFile() || !entry.name.endsWith(".json")) continue;
  const from = join(entry.parentPath ?? entry.path, entry.name);
  const to = join(dist, relative(src, from));
  mkdirSync(dirname(to), { recursive: true });
  copyFileSync(from, to);
  copied++;
}
process.stdout.write(`copied ${copied} data files to dist/\n`);
