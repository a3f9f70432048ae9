/** `npm run requests -- …`: the requests tool (scripts/requests.ts), from source or compiled (./lib/launch-tool.mjs). */
import { launchTool } from "./lib/launch-tool.mjs";

await launchTool("requests");
