/**
 * `npm run db:migrate`: applies the store's migrations now (servers also apply them at start), for a deploy
 * step that runs before new servers take traffic. PostgreSQL with DATABASE_URL, otherwise SQLite in DATA_DIR.
 */
import { openStore } from "@/lib/appointments/runtime";
import { getServerEnv } from "@/lib/env";

async function main() {
  const env = getServerEnv();
  const store = await openStore(env);
  await store.close();
  console.log(`Migrations applied to ${env.DATABASE_URL ? "the PostgreSQL database in DATABASE_URL" : `the SQLite database in ${env.DATA_DIR}`}.`);
}

main().catch((error: unknown) => {
  console.error(`Could not migrate: ${(error as Error).message}`);
  process.exitCode = 1;
});
