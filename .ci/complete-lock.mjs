// The npm registry reachable here serves Linux builds only, so `npm install` leaves other
// platforms' optional packages (next's swc, tailwind's oxide…) out of package-lock.json, and
// `npm ci` then refuses the lock. This adds the missing entries from their parents' exact pins,
// marked optional with the os/cpu their names carry; npm skips them on this machine.
// Run after changing dependencies: node .ci/complete-lock.mjs && npm install
import { readFileSync, writeFileSync } from "node:fs";

const file = new URL("../package-lock.json", import.meta.url);
const lock = JSON.parse(readFileSync(file, "utf8"));
const packages = lock.packages;
let added = 0;
for (const meta of Object.values(packages)) {
  for (const [name, spec] of Object.entries(meta.optionalDependencies ?? {})) {
    const key = `node_modules/${name}`;
    if (packages[key] || !/^\d+\.\d+\.\d+(-[\w.]+)?$/.test(spec)) continue;
    const os = name.match(/(android|darwin|freebsd|linux|win32|openbsd|sunos|aix|netbsd)/)?.[1];
    const cpu = name.match(/(arm64|x64|ia32|arm|loong64|ppc64|riscv64|s390x)/)?.[1];
    packages[key] = { version: spec, optional: true, ...(os ? { os: [os] } : {}), ...(cpu ? { cpu: [cpu] } : {}) };
    added++;
  }
}
writeFileSync(file, `${JSON.stringify(lock, null, 2)}\n`);
console.log(`package-lock.json: ${added} optional platform package(s) added`);
