// @ts-check
/**
 * Thrown when Next's build output is not what the zero-JavaScript step knows how to read. The build stops with
 * this message rather than ship a page half stripped: after a Next upgrade, this is where to look.
 */
export class UnrecognisedBuildOutputError extends Error {
  /** @param {string} file the output file, relative to the project, @param {string} problem what was not as expected */
  constructor(file, problem) {
    super(
      `${file}: ${problem}. The step that removes Next's JavaScript from pages that need none (lib/zero-javascript) ` +
        "does not recognise this build output, so the build stops instead of shipping a page half stripped. " +
        "If Next.js was upgraded, check what changed in its output and update lib/zero-javascript and its fixtures.",
    );
    this.name = "UnrecognisedBuildOutputError";
  }
}
