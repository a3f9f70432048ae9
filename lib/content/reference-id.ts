/** The short name a page uses to cite a reference. Apart from references.ts (which reads files) so the editor can use it. */
import { z } from "zod";

const ID_FORMAT = "a short name in lowercase letters, digits and dashes, e.g. staats-2018";

export const referenceIdSchema = z
  .string({ error: (issue) => (issue.input === undefined ? `is missing: write ${ID_FORMAT}` : `must be ${ID_FORMAT}`) })
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: `must be ${ID_FORMAT}` });
