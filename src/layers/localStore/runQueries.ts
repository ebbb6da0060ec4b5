/** The store's run rows: a run's start, its finish, its status, and cancelling an agent's running runs. */
import type * as SqlClient from "@effect/sql/SqlClient"
import * as Effect from "effect/Effect"
import type { RunStatus } from "../../domain/localState.js"
import type { LocalStoreShape } from "../../services/LocalStore.js"
import { now, type StoreAccess } from "./access.js"

export const runQueries = (
  sql: SqlClient.SqlClient,
  { read, write }: StoreAccess
): Pick<LocalStoreShape, "startRun" | "finishRun" | "runStatus" | "cancelRuns"> => ({
  startRun: (agentId, runId) =>
    write("start the run", sql`INSERT INTO runs (id, agent_id, status, pid, created_at) VALUES (${runId}, ${agentId}, 'running', ${process.pid}, ${now()})`),

  finishRun: (runId, status, stopReason) =>
    write(
      "finish the run",
      sql`UPDATE runs SET status = ${status}, stop_reason = ${stopReason ?? null}, finished_at = ${now()} WHERE id = ${runId} AND status = 'running'`
    ),

  runStatus: (runId) =>
    read("read the run", Effect.map(sql<{ status: RunStatus }>`SELECT status FROM runs WHERE id = ${runId}`, (rows) => rows[0]?.status)),

  cancelRuns: (agentId, runIds) =>
    write(
      "cancel the run",
      runIds.length === 0
        ? sql`UPDATE runs SET status = 'cancelled', stop_reason = 'cancelled', finished_at = ${now()} WHERE agent_id = ${agentId} AND status = 'running'`
        : sql`UPDATE runs SET status = 'cancelled', stop_reason = 'cancelled', finished_at = ${now()}
              WHERE agent_id = ${agentId} AND status = 'running' AND id IN ${sql.in(runIds)}`
    )
})
