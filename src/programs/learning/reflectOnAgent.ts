/**
 * One reflection pass on an agent, as `/reflect`, `--reflect` and the session's own triggers run
 * it: this server's shared blocks (read from the settings files now: they may have been created
 * since the session started), the history since the previous pass (the ledger), propose_skill,
 * and afterwards the ledger moved on and the proposals stored. A failure is one line.
 */
import type * as FileSystem from "@effect/platform/FileSystem"
import type * as Path from "@effect/platform/Path"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import { type AllSettings, serverKey } from "../../domain/settings.js"
import type { ProposeOutcome } from "../../skills/proposals.js"
import { LettaApi } from "../../services/LettaApi.js"
import { Workspace } from "../../services/Workspace.js"
import { storedBlockIds } from "../memoryBlocks.js"
import { type PassResult, reflect } from "./reflection.js"
import { lastSeenBy, recordPass } from "./reflectionLedger.js"
import { reflectionPolicy } from "./reflectionPolicy.js"
import { skillProposalTool } from "./skillProposals.js"

export type ReflectionServices = LettaApi | Workspace | FileSystem.FileSystem | Path.Path

export interface ReflectionOutcome extends PassResult {
  /** What became of the skills the pass proposed. */
  readonly skills: ReadonlyArray<ProposeOutcome>
}

export const reflectOnAgent = (agentId: string, settings: AllSettings, seconds?: number): Effect.Effect<Either.Either<ReflectionOutcome, string>, never, ReflectionServices> =>
  Effect.gen(function* () {
    const api = yield* LettaApi
    const { homeDir, projectDir } = yield* Workspace
    const server = serverKey(api.baseUrl)
    const blockIds: Record<string, string> = {}
    for (const [label, id] of Object.entries(storedBlockIds(settings, server))) if (id !== undefined) blockIds[label] = id
    const skills = yield* skillProposalTool({ projectDir, homeDir, agentId })
    const result = yield* Effect.either(reflect(agentId, blockIds, yield* lastSeenBy(homeDir, server, agentId), skills.tool, seconds))
    if (Either.isLeft(result)) return Either.left(result.left)
    const { newestId } = result.right
    if (newestId !== undefined) yield* recordPass(homeDir, server, agentId, newestId)
    const proposed = result.right.ran ? yield* skills.settle(reflectionPolicy(settings).skills) : []
    return Either.right({ ...result.right, skills: proposed })
  })
