/**
 * The temp files letta writes next to a file it replaces, then renames over it: the file tools'
 * `.<name>.letta-<pid>-<hex>.tmp` (older versions wrote `.<name>.letta-<hex>.tmp`) and the
 * settings files' `<name>.json.<pid>.<hex>.tmp`. A crash between creating and renaming one
 * leaves it behind: searches never show them, and the next run that writes in that directory
 * removes the ones nobody is writing any more.
 */
import { nodeCrypto } from "../platform/builtins.js"
import * as FileSystem from "@effect/platform/FileSystem"
import * as Path from "@effect/platform/Path"
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"
import { pidExists } from "../platform/processes.js"

const FILE_TOOL_TEMP = /^\..+\.letta-(?:(\d+)-)?[0-9a-f]{12}\.tmp$/
const SETTINGS_TEMP = /^.+\.json\.(\d+)\.[0-9a-f]{12}\.tmp$/

/** Without an owner pid in its name, a temp file this old is abandoned (a write takes seconds). */
export const ORPHAN_AFTER_MS = 10 * 60 * 1000
/** With a live pid in its name, only this old: that pid has been reused by another process. */
export const REUSED_PID_AFTER_MS = 60 * 60 * 1000

/**
 * The temp file name the file tools write `base` through, owned by this process. A long name is
 * shortened: with the suffix it would pass the 255-byte limit and the write would fail.
 */
export const fileToolTempName = (base: string): string => {
  const stem = Buffer.byteLength(base) > 200 ? base.slice(0, 50) : base
  return `.${stem}.letta-${process.pid}-${nodeCrypto().randomBytes(6).toString("hex")}.tmp`
}

/** True for a name letta gives its temp files. */
export const isLettaTempName = (name: string): boolean => FILE_TOOL_TEMP.test(name) || SETTINGS_TEMP.test(name)

/** The pid that created temp file `name`, when its name says. */
const ownerPid = (name: string): number | undefined => {
  const digits = FILE_TOOL_TEMP.exec(name)?.[1] ?? SETTINGS_TEMP.exec(name)?.[1]
  return digits === undefined ? undefined : Number(digits)
}

/**
 * Whether temp file `name`, last modified `ageMs` ago, is abandoned: its owner is dead, or it
 * is older than any write could take. Never one this process or another live one is writing.
 */
export const isStaleTemp = (name: string, ageMs: number): boolean => {
  const pid = ownerPid(name)
  if (pid === undefined) return ageMs > ORPHAN_AFTER_MS
  if (pid === process.pid) return false
  return !pidExists(pid) || ageMs > REUSED_PID_AFTER_MS
}

/** Directories swept by this process: once per run is enough, and a big directory costs a listing. */
const swept = new Set<string>()

/**
 * Removes the abandoned letta temp files in `directory`, once per run, with the given services
 * (for layers that hold them already). Never fails: a file it cannot look at or remove is left
 * for another time.
 */
export const sweepStaleTempsWith = (fs: FileSystem.FileSystem, path: Path.Path, directory: string): Effect.Effect<void> =>
  Effect.gen(function* () {
    if (swept.has(directory)) return
    swept.add(directory)
    const names = yield* fs.readDirectory(directory)
    const now = Date.now()
    for (const name of names) {
      if (!isLettaTempName(name)) continue
      const file = path.join(directory, name)
      yield* Effect.gen(function* () {
        const info = yield* fs.stat(file)
        if (info.type !== "File") return
        const modified = Option.match(info.mtime, { onNone: () => now, onSome: (date) => date.getTime() })
        if (isStaleTemp(name, now - modified)) yield* fs.remove(file)
      }).pipe(Effect.ignore)
    }
  }).pipe(Effect.ignore)

/** Removes the abandoned letta temp files in `directory`, once per run; never fails. */
export const sweepStaleTemps = (directory: string): Effect.Effect<void, never, FileSystem.FileSystem | Path.Path> =>
  Effect.flatMap(Effect.all([FileSystem.FileSystem, Path.Path]), ([fs, path]) => sweepStaleTempsWith(fs, path, directory))
