import { ContentError } from "@/lib/content/errors";

/** The problems a content check reports to staff; fails the test when the check accepts the content. */
export function contentProblemsOf(check: () => unknown): readonly string[] {
  try {
    check();
  } catch (error) {
    if (error instanceof ContentError) return error.problems;
    throw error;
  }
  throw new Error("expected the content to be rejected");
}
