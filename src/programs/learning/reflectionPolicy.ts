/** When reflection runs by itself, and whether the skills it proposes wait for review. */
import type { AllSettings } from "../../domain/settings.js"

export const DEFAULT_EVERY_STEPS = 25

export interface ReflectionPolicy {
  /** Passes nobody asked for: session exit, every `everySteps` steps, the context filling up. */
  readonly auto: boolean
  /** 0: never by step count. */
  readonly everySteps: number
  readonly skills: "review" | "auto"
}

/**
 * The local file, then the project's, then the user's. Skipping the review of skills is only
 * read from the user's own files: a repository's settings cannot turn it off.
 */
export const reflectionPolicy = (settings: AllSettings): ReflectionPolicy => {
  const { local, project, user } = { local: settings.local.reflection, project: settings.project.reflection, user: settings.user.reflection }
  return {
    auto: local?.auto ?? project?.auto ?? user?.auto ?? true,
    everySteps: local?.everySteps ?? project?.everySteps ?? user?.everySteps ?? DEFAULT_EVERY_STEPS,
    skills: local?.skills ?? user?.skills ?? "review"
  }
}
