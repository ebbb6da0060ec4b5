/**
 * Opening the database: pragmas, numbered migrations (serialised across processes), and the
 * recovery of runs whose process died (SIGKILL, power loss) while they were running.
 */
import type * as SqlClient from "@effect/sql/SqlClient"
import * as Effect from "effect/Effect"
import { StoreError } from "../../domain/errors.js"
import { MIGRATIONS } from "./migrations.js"
import { pidExists } from "../../platform/processes.js"

const PRAGMAS = [
  "PRAGMA foreign_keys = ON",
  // Processes wait up to this long for each other's write transactions.
  "PRAGMA busy_timeout = 15000",
  // With WAL, NORMAL loses no committed transaction when a process dies; only a power cut may.
  "PRAGMA synchronous = NORMAL"
]

const problem = (cause: unknown): string => {
  const inner = typeof cause === "object" && cause !== null && "cause" in cause ? cause.cause : cause
  return inner instanceof Error ? inner.message : String(inner)
}

export const migrate = (sql: SqlClient.SqlClient, path: string) =>
  Effect.gen(function* () {
    for (const pragma of PRAGMAS) yield* sql.unsafe(pragma)
    const version = (yield* sql<{ user_version: number }>`PRAGMA user_version`)[0]?.user_version ?? 0
    if (version === MIGRATIONS.length) return
    if (version > MIGRATIONS.length) {
      return yield* new StoreError({
        path,
        problem: `it was written by a newer letta (schema ${version}; this letta knows up to ${MIGRATIONS.length}). Upgrade letta; the file was not changed.`
      })
    }
    // Another process may be migrating this very moment: BEGIN IMMEDIATE waits for it, then the
    // version is read again inside the transaction.
    yield* sql.unsafe("BEGIN IMMEDIATE")
    const apply = Effect.gen(function* () {
      const current = (yield* sql<{ user_version: number }>`PRAGMA user_version`)[0]?.user_version ?? 0
      for (let index = current; index < MIGRATIONS.length; index++) {
        for (const statement of MIGRATIONS[index]!) yield* sql.unsafe(statement)
      }
      yield* sql.unsafe(`PRAGMA user_version = ${MIGRATIONS.length}`)
    })
    yield* apply.pipe(
      Effect.zipRight(sql.unsafe("COMMIT")),
      Effect.tapError(() => Effect.ignore(sql.unsafe("ROLLBACK")))
    )
  }).pipe(Effect.catchTag("SqlError", (error) => Effect.fail(new StoreError({ path, problem: problem(error) }))))

/** Runs left `running` by a process that no longer exists are closed as failed. */
export const recoverRuns = (sql: SqlClient.SqlClient, path: string) =>
  Effect.gen(function* () {
    const running = yield* sql<{ id: string; pid: number }>`SELECT id, pid FROM runs WHERE status = 'running'`
    const dead = running.filter((run) => run.pid !== process.pid && !pidExists(run.pid))
    if (dead.length === 0) return
    yield* sql`UPDATE runs SET status = 'failed', stop_reason = 'error', finished_at = ${new Date().toISOString()}
               WHERE status = 'running' AND id IN ${sql.in(dead.map((run) => run.id))}`
  }).pipe(Effect.catchTag("SqlError", (error) => Effect.fail(new StoreError({ path, problem: problem(error) }))))
