/** `npm run staff -- …`: staff accounts (scripts/staff.ts), from source or compiled (./lib/launch-tool.mjs). */
import { launchTool } from "./lib/launch-tool.mjs";

await launchTool("staff");
