/** What a client tool gives back, and the calls the pipeline hands to the tools. */

export interface ToolOutput {
  readonly status: "success" | "error"
  /** What the agent reads (`tool_return`). */
  readonly text: string
  readonly stdout?: ReadonlyArray<string>
  readonly stderr?: ReadonlyArray<string>
}

export const toolSuccess = (text: string): ToolOutput => ({ status: "success", text })
export const toolError = (text: string): ToolOutput => ({ status: "error", text })

export const ALL_TOOL_NAMES = [
  "Bash",
  "BashOutput",
  "KillBash",
  "Read",
  "Write",
  "Edit",
  "MultiEdit",
  "Glob",
  "Grep",
  "LS",
  "TodoWrite",
  "ExitPlanMode",
  "Skill"
] as const
