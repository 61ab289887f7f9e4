// A Node 24 for the ai@7 generation (its packages declare Node >= 22): this Node when it is new enough, else
// the one compat pins, through compat/node24.mjs (shared with compat/run.mjs, which installs the same folder).
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** The binary, or why there is none. The section run on it prints its exact version. */
export type NodeBinary = { path: string } | { missing: string };

interface Node24Installer {
  /** Installs the pinned Node 24 when missing or stale; resolves to its binary, throws saying what to do. */
  ensureNode24: () => Promise<string>;
}

const major = (version: string) => Number(version.replace(/^v/, '').split('.')[0]);

/** Resolves to why not instead of rejecting, so the caller can say it and run the generation on this Node. */
export async function findNode24(repoRoot: string): Promise<NodeBinary> {
  if (major(process.version) >= 22) return { path: process.execPath };
  try {
    // A plain .mjs beside compat/run.mjs, loaded as it is rather than bundled.
    const installer = (await import(
      pathToFileURL(join(repoRoot, 'compat', 'node24.mjs')).href
    )) as Node24Installer;
    return { path: await installer.ensureNode24() };
  } catch (error) {
    return { missing: error instanceof Error ? error.message : String(error) };
  }
}
