/**
 * Whether anything in an analysed line, wrapper contents and nested scripts included, could not
 * be judged statically, and the first reason why (for messages).
 */
import type { ShellAnalysis, SimpleCommand } from "./bash.js"
import { firstDefined } from "./bashRules.js"

/** Whether anything in the line could not be judged statically (so a deny rule might miss it). */
export const hasOpaquePart = (analysis: ShellAnalysis): boolean =>
  analysis.opaque !== undefined || analysis.commands.some(commandHasOpaquePart)

const commandHasOpaquePart = (command: SimpleCommand): boolean => {
  if (command.opaque !== undefined) return true
  const inner = command.inner
  if (inner === undefined) return false
  switch (inner._tag) {
    case "Transparent":
      return commandHasOpaquePart(inner.command)
    case "Guarded":
      return inner.commands.some(commandHasOpaquePart)
    case "SelfOnly":
      return inner.candidates.some(commandHasOpaquePart)
    case "Script":
      return hasOpaquePart(inner.analysis)
  }
}

/** The first reason a line is opaque, for messages. */
export const opaqueReason = (analysis: ShellAnalysis): string | undefined =>
  analysis.opaque ?? firstDefined(analysis.commands, commandOpaqueReason)

const commandOpaqueReason = (command: SimpleCommand): string | undefined => {
  if (command.opaque !== undefined) return command.opaque
  const inner = command.inner
  if (inner === undefined) return undefined
  switch (inner._tag) {
    case "Transparent":
      return commandOpaqueReason(inner.command)
    case "Guarded":
      return firstDefined(inner.commands, commandOpaqueReason)
    case "SelfOnly":
      return firstDefined(inner.candidates, commandOpaqueReason)
    case "Script":
      return opaqueReason(inner.analysis)
  }
}
