import { pathToFileURL } from "node:url";

/** True when the module at `moduleUrl` is the script Node was asked to run (ESM has no require.main). */
export function isMain(moduleUrl: string): boolean {
  const entry = process.argv[1];
  return !!entry && pathToFileURL(entry).href === moduleUrl;
}
