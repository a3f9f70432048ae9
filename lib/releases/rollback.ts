/** Which kept release a rollback goes to: the one named, or the newest one built before the live one. */
import { short, type SiteLayout } from "./layout";

export function rollbackTarget(layout: SiteLayout, wanted?: string): { commit: string } | { error: string } {
  const releases = layout.releases();
  const live = layout.live()?.commit;
  if (wanted) {
    const matches = releases.filter((release) => release.commit.startsWith(wanted.toLowerCase()));
    if (matches.length !== 1) {
      return { error: `${wanted} ${matches.length === 0 ? "is not a kept release" : "names more than one release"}; kept: ${releases.map((release) => short(release.commit)).join(", ") || "none"}` };
    }
    return { commit: matches[0]!.commit };
  }
  const liveIndex = releases.findIndex((release) => release.commit === live);
  const previous = liveIndex === -1 ? undefined : releases[liveIndex + 1];
  return previous ? { commit: previous.commit } : { error: "there is no kept release older than the live one to roll back to" };
}
