/**
 * The LocalStore over one SQLite file (@effect/sql + better-sqlite3): WAL journal so readers
 * never wait for a writer, foreign keys on, a busy timeout so processes take turns, and every
 * write transaction opened with BEGIN IMMEDIATE (localStore/access.ts). This file opens the
 * database and puts the store together from its queries in localStore/: agents, blocks, messages, runs.
 */
import * as SqlClient from "@effect/sql/SqlClient"
import * as SqliteClient from "@effect/sql-sqlite-node/SqliteClient"
import * as Reactivity from "@effect/experimental/Reactivity"
import { mkdirSync } from "node:fs"
import { dirname } from "node:path"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import { StoreError } from "../domain/errors.js"
import { LocalStore, type LocalStoreShape } from "../services/LocalStore.js"
import { storeAccess } from "./localStore/access.js"
import { agentQueries } from "./localStore/agentQueries.js"
import { blockQueries } from "./localStore/blockQueries.js"
import { messageQueries } from "./localStore/messageQueries.js"
import { migrate, recoverRuns } from "./localStore/open.js"
import { runQueries } from "./localStore/runQueries.js"

const make = (path: string) =>
  Effect.gen(function* () {
    const sql = yield* SqlClient.SqlClient
    const access = storeAccess(sql, path)
    const store: LocalStoreShape = {
      path,
      ...agentQueries(sql, access),
      ...blockQueries(sql, access),
      ...messageQueries(sql, access),
      ...runQueries(sql, access)
    }
    return store
  })

/** The store in the database at `path` (its directory made, the file created and migrated on first use). */
export const LocalStoreSqlite = (path: string): Layer.Layer<LocalStore, StoreError> =>
  Layer.scoped(
    LocalStore,
    Effect.gen(function* () {
      yield* Effect.try({
        try: () => mkdirSync(dirname(path), { recursive: true, mode: 0o700 }),
        catch: (cause) => new StoreError({ path, problem: `cannot create its directory: ${cause instanceof Error ? cause.message : String(cause)}` })
      })
      // better-sqlite3 throws from its constructor (unreadable file, not a database): a typed failure, not a crash.
      const client = yield* SqliteClient.make({ filename: path, prepareCacheSize: 64 }).pipe(
        Effect.catchAllDefect((cause) =>
          Effect.fail(new StoreError({ path, problem: cause instanceof Error ? cause.message : String(cause) }))
        )
      )
      yield* migrate(client, path)
      yield* recoverRuns(client, path)
      return yield* Effect.provideService(make(path), SqlClient.SqlClient, client)
    }).pipe(Effect.provide(Reactivity.layer))
  )
