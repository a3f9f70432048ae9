/**
 * vitest global setup: one PostgreSQL server for the whole run (scripts/lib/throwaway-postgres.ts), its URL handed to the
 * tests as `inject("postgresUrl")`. Each test makes a database of its own on it.
 */
import type { TestProject } from "vitest/node";
import { startTestPostgres } from "../../scripts/lib/throwaway-postgres";

declare module "vitest" {
  export interface ProvidedContext {
    postgresUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const postgres = await startTestPostgres();
  project.provide("postgresUrl", postgres.url);
  return () => postgres.stop();
}
