/**
 * How the store's queries reach the database: `read` runs a query as is, `write` runs it in a
 * BEGIN IMMEDIATE transaction (a deferred one that reads first could not upgrade to a write while
 * another process commits; IMMEDIATE waits its turn instead). Both turn SQL errors into StoreErrors.
 */
import * as SqlClient from "@effect/sql/SqlClient"
import type { SqlError } from "@effect/sql/SqlError"
import * as Effect from "effect/Effect"
import * as Scope from "effect/Scope"
import { StoreError } from "../../domain/errors.js"

/** The timestamp a write records. */
export const now = () => new Date().toISOString()

/** `read` and `write` over `sql`, failing with StoreErrors that name the database at `path`. */
export const storeAccess = (sql: SqlClient.SqlClient, path: string) => {
  const fail = (problem: string) => (error: SqlError) =>
    new StoreError({ path, problem: `${problem}: ${describeSqlError(error)}` })

  /** BEGIN IMMEDIATE transactions on the client's single connection. */
  const writeTransaction = SqlClient.makeWithTransaction({
    transactionTag: SqlClient.TransactionConnection,
    spanAttributes: [],
    acquireConnection: Effect.flatMap(Scope.make(), (scope) =>
      Effect.map(Scope.extend(sql.reserve, scope), (connection) => [scope, connection] as const)
    ),
    begin: (connection) => connection.executeUnprepared("BEGIN IMMEDIATE", [], undefined),
    savepoint: (connection, id) => connection.executeUnprepared(`SAVEPOINT effect_sql_${id}`, [], undefined),
    commit: (connection) => connection.executeUnprepared("COMMIT", [], undefined),
    rollback: (connection) => connection.executeUnprepared("ROLLBACK", [], undefined),
    rollbackSavepoint: (connection, id) => connection.executeUnprepared(`ROLLBACK TO SAVEPOINT effect_sql_${id}`, [], undefined)
  })
  const write = <A, R>(what: string, effect: Effect.Effect<A, SqlError, R>) => Effect.mapError(writeTransaction(effect), fail(`could not ${what}`))
  const read = <A, R>(what: string, effect: Effect.Effect<A, SqlError, R>) => Effect.mapError(effect, fail(`could not ${what}`))
  return { read, write }
}

export type StoreAccess = ReturnType<typeof storeAccess>

const describeSqlError = (error: SqlError): string => {
  const cause: unknown = error.cause
  return cause instanceof Error ? cause.message : error.message
}
