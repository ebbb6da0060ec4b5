// The helper behind the build's patches to dependencies' source (lazyPlatformBuiltins.mjs,
// tuiBundle.mjs); no patch itself. An esbuild plugin that rewrites the files a filter matches. Each patch checks that the text it replaces is still there, so an upgrade
// that changes a patched file fails the build instead of shipping a broken bundle.
import { readFile } from "node:fs/promises"

/** `text` with `from` replaced by `to`; throws when `from` is no longer in `file`. */
export const replaceOnce = (text, from, to, file) => {
  if (!text.includes(from)) throw new Error(`source patch: ${file} changed; cannot find:\n${from}`)
  return text.replace(from, to)
}

/** `patches`: `{ filter, patch: (text, file) => text }`; a file matched by several gets them all, in order. */
export const sourcePatchPlugin = (name, patches) => ({
  name,
  setup(build) {
    for (const { filter } of patches) {
      build.onLoad({ filter }, async (args) => {
        let contents = await readFile(args.path, "utf8")
        for (const { filter: other, patch } of patches) if (other.test(args.path)) contents = patch(contents, args.path)
        return { contents, loader: "js" }
      })
    }
  }
})
