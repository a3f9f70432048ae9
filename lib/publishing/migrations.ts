/**
 * The publishing tables' migrations: SQL files in ./migrations/{sqlite,postgres}/, applied by Kysely's Migrator
 * with a migration table of their own (publishing_migrations), so they never mix with the appointments' list.
 * The appointment stores call this right after their own migrations, so the server's start, `npm run db:migrate`,
 * the staff tools and the tests all bring both up to date on the same connection.
 */
import fs from "node:fs";
import path from "node:path";
import { sql } from "kysely";
import { Migrator, type Migration, type MigrationProvider } from "kysely/migration";
import type { AuthDatabase } from "@/lib/appointments/store";

const MIGRATIONS_ROOT = path.join(process.cwd(), "lib", "publishing", "migrations");

/**
 * A migration file's statements. better-sqlite3 runs one statement per query, so a file is split at each `;` that
 * ends a line: these files hold no trigger or function body, where a `;` would end a line inside a statement.
 */
function statementsOf(script: string): string[] {
  return script
    .split(/;\s*$/m)
    .map((statement) => statement.replace(/^\s*--.*$/gm, "").trim())
    .filter(Boolean);
}

class SqlFileMigrations implements MigrationProvider {
  constructor(private readonly kind: AuthDatabase["type"]) {}

  async getMigrations(): Promise<Record<string, Migration>> {
    const dir = path.join(MIGRATIONS_ROOT, this.kind);
    const migrations: Record<string, Migration> = {};
    for (const name of fs.readdirSync(dir).filter((file) => file.endsWith(".sql")).sort()) {
      const script = fs.readFileSync(path.join(dir, name), "utf8");
      migrations[name] = {
        up: async (db) => {
          for (const statement of statementsOf(script)) await sql.raw(statement).execute(db);
        },
      };
    }
    return migrations;
  }
}

/** Applies the publishing migrations not yet applied; throws with the one that failed and why. */
export async function applyPublishingMigrations(db: AuthDatabase["db"], kind: AuthDatabase["type"]): Promise<void> {
  const migrator = new Migrator({
    db,
    provider: new SqlFileMigrations(kind),
    migrationTableName: "publishing_migrations",
    migrationLockTableName: "publishing_migrations_lock",
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((result) => result.status === "Error")?.migrationName;
    throw new Error(`The publishing tables could not be migrated${failed ? ` (${failed})` : ""}: ${(error as Error).message ?? String(error)}`);
  }
}
