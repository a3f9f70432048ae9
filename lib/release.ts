/**
 * What this build serves: the commit it was built from and when that commit was made (the time of the content).
 * Set at build time by next.config.ts (from the release path's SITE_COMMIT, or the checkout's HEAD), so the
 * prerendered pages and /api/health say the same. The web editor reads it to say "live since …".
 */
export interface ServedRelease {
  /** A full commit id, or "unknown" for a build made outside a git checkout. */
  commit: string;
  committedAt: string | null;
}

export const servedRelease: ServedRelease = {
  commit: process.env.SITE_COMMIT || "unknown",
  committedAt: process.env.SITE_COMMITTED_AT || null,
};

/** For the page source: no secret, only what anyone could read in the public repository's history. */
export function generatorTag({ commit, committedAt }: ServedRelease = servedRelease): string {
  return `Mocek Spine website, commit ${commit}${committedAt ? ` of ${committedAt}` : ""}`;
}
