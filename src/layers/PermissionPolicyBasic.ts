/**
 * A first, deliberately conservative permission policy: modes, and rules matched by tool NAME
 * only. A deny rule for a tool — with or without a specifier — denies every call of that tool;
 * an allow rule with a specifier allows nothing (specifiers need the full rule engine). Read
 * inside the project (or an additional directory) is allowed; everything else asks.
 */
import { Effect, Layer } from "effect"
import { FileSystem } from "@effect/platform/FileSystem"
import type { PermissionMode } from "../domain/config.js"
import type { PermissionDecision } from "../domain/permissions.js"
import { absolutePath, isInside } from "../domain/paths.js"
import type { AllSettings } from "../domain/settings.js"
import { PermissionPolicy } from "../services/PermissionPolicy.js"
import { Workspace } from "../services/Workspace.js"
import { dirname } from "node:path"

export interface BasicPolicyConfig {
  readonly mode: PermissionMode
  readonly allowedTools: ReadonlyArray<string>
  readonly disallowedTools: ReadonlyArray<string>
  readonly settings: AllSettings
}

interface NamedRule {
  readonly tool: string
  readonly bare: boolean
  readonly text: string
  readonly source: string
}

const parseRule = (text: string, source: string): NamedRule => {
  const trimmed = text.trim()
  const open = trimmed.indexOf("(")
  const tool = open === -1 ? trimmed : trimmed.slice(0, open).trim()
  const spec = open === -1 ? "" : trimmed.slice(open + 1, trimmed.lastIndexOf(")")).trim()
  return { tool, bare: spec.length === 0 || spec === "*" || spec === ":*", text: trimmed, source }
}

const EDIT_FAMILY = new Set(["Write", "Edit", "MultiEdit"])
const READ_ONLY_DEFAULTS = new Set(["Read", "Glob", "Grep", "LS"])

export const PermissionPolicyBasic = (config: BasicPolicyConfig): Layer.Layer<PermissionPolicy, never, Workspace | FileSystem> =>
  Layer.effect(
    PermissionPolicy,
    Effect.gen(function* () {
      const workspace = yield* Workspace
      const fs = yield* FileSystem
      const { local, project, user } = config.settings
      const sources = [
        ["user settings", user.permissions],
        ["project settings", project.permissions],
        ["local settings", local.permissions]
      ] as const
      const deny: Array<NamedRule> = config.disallowedTools.map((r) => parseRule(r, "--disallowedTools"))
      const allow: Array<NamedRule> = config.allowedTools.map((r) => parseRule(r, "--allowedTools"))
      const directories = [workspace.projectDir]
      for (const [source, permissions] of sources) {
        for (const rule of permissions?.deny ?? []) deny.push(parseRule(rule, source))
        for (const rule of permissions?.allow ?? []) allow.push(parseRule(rule, source))
        for (const dir of permissions?.additionalDirectories ?? []) directories.push(absolutePath(workspace.projectDir, dir))
      }

      /** realpath of the longest existing prefix, so symlinks cannot lead out of the project. */
      const realPath = (path: string): Effect.Effect<string> =>
        fs.realPath(path).pipe(
          Effect.catchAll(() => {
            const parent = dirname(path)
            return parent === path ? Effect.succeed(path) : Effect.map(realPath(parent), (real) => `${real}${path.slice(parent.length)}`)
          })
        )
      const realDirectories = Effect.cached(Effect.forEach(directories, realPath))

      const readInsideAllowedDirectories = (args: Readonly<Record<string, unknown>> | undefined) =>
        Effect.gen(function* () {
          const raw = args?.["file_path"] ?? args?.["path"]
          if (typeof raw !== "string") return false
          const target = yield* realPath(absolutePath(workspace.projectDir, raw))
          const dirs = yield* yield* realDirectories
          return dirs.some((dir) => isInside(dir, target))
        })

      const decide = (toolName: string, args: Readonly<Record<string, unknown>> | undefined): Effect.Effect<PermissionDecision> =>
        Effect.gen(function* () {
          const denied = deny.find((rule) => rule.tool === toolName)
          if (denied !== undefined) {
            return {
              _tag: "Deny",
              decidedBy: `${denied.text} (${denied.source})`,
              reason: `Permission denied by rule ${denied.text} (${denied.source})`
            } as const
          }
          switch (config.mode) {
            case "bypassPermissions":
              return { _tag: "Allow", decidedBy: "bypassPermissions mode" } as const
            case "plan":
              if (toolName === "Bash" || EDIT_FAMILY.has(toolName)) {
                return { _tag: "Deny", decidedBy: "plan mode", reason: "Plan mode is active: only read-only tools may run" } as const
              }
              break
            case "acceptEdits":
              if (EDIT_FAMILY.has(toolName)) return { _tag: "Allow", decidedBy: "acceptEdits mode" } as const
              break
            case "default":
              break
          }
          const allowed = allow.find((rule) => rule.tool === toolName && rule.bare)
          if (allowed !== undefined) return { _tag: "Allow", decidedBy: `${allowed.text} (${allowed.source})` } as const
          if (READ_ONLY_DEFAULTS.has(toolName) && (yield* readInsideAllowedDirectories(args))) {
            return { _tag: "Allow", decidedBy: "default: read inside the project" } as const
          }
          if (toolName === "TodoWrite") return { _tag: "Allow", decidedBy: "default: TodoWrite" } as const
          return { _tag: "Ask", decidedBy: "default: needs approval" } as const
        })

      return { mode: config.mode, decide: ({ args, toolName }) => decide(toolName, args) }
    })
  )
