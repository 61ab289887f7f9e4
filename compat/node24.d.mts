/** `node24-<platform>-<arch>`: the compat leg whose lock pins Node 24 for this platform. */
export declare const node24Id: string;
/** compat/.work/node24-<platform>-<arch>: where compat/run.mjs and ensureNode24 install it. */
export declare const node24Dir: string;
/**
 * The absolute path of a Node 24 binary for this platform, installed from the pinned lock when missing or stale.
 * Rejects, saying what to do, when none is pinned for this platform or npm cannot install it.
 */
export declare function ensureNode24(): Promise<string>;
