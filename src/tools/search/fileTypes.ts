/**
 * File types for Grep's `type` parameter: ripgrep's names, our own (deliberately small) glob
 * lists. The same lists are given to rg (`--type-add`), so both engines pick the same files.
 */
export const FILE_TYPES: Readonly<Record<string, ReadonlyArray<string>>> = {
  c: ["*.c", "*.h"],
  cpp: ["*.cpp", "*.cc", "*.cxx", "*.c++", "*.hpp", "*.hh", "*.hxx", "*.h++", "*.inl"],
  cs: ["*.cs"],
  css: ["*.css", "*.scss", "*.sass", "*.less"],
  dart: ["*.dart"],
  docker: ["Dockerfile", "Dockerfile.*", "*.dockerfile"],
  elixir: ["*.ex", "*.exs"],
  go: ["*.go"],
  haskell: ["*.hs", "*.lhs"],
  html: ["*.html", "*.htm"],
  java: ["*.java"],
  js: ["*.js", "*.jsx", "*.mjs", "*.cjs"],
  json: ["*.json", "*.jsonc", "*.json5"],
  kotlin: ["*.kt", "*.kts"],
  lua: ["*.lua"],
  make: ["Makefile", "makefile", "GNUmakefile", "*.mk", "*.mak"],
  md: ["*.md", "*.markdown", "*.mdx"],
  php: ["*.php"],
  py: ["*.py", "*.pyi"],
  rb: ["*.rb", "*.rake", "Gemfile", "Rakefile"],
  rust: ["*.rs"],
  scala: ["*.scala", "*.sc"],
  sh: ["*.sh", "*.bash", "*.zsh"],
  sql: ["*.sql"],
  svelte: ["*.svelte"],
  swift: ["*.swift"],
  toml: ["*.toml"],
  ts: ["*.ts", "*.tsx", "*.mts", "*.cts"],
  txt: ["*.txt"],
  vue: ["*.vue"],
  xml: ["*.xml", "*.xsd", "*.xsl", "*.svg"],
  yaml: ["*.yaml", "*.yml"],
  zig: ["*.zig"]
}

/** Other names for the same types. */
const ALIASES: Readonly<Record<string, string>> = {
  markdown: "md",
  python: "py",
  ruby: "rb",
  rs: "rust",
  javascript: "js",
  typescript: "ts",
  yml: "yaml",
  csharp: "cs",
  kt: "kotlin",
  golang: "go"
}

export const fileTypeGlobs = (name: string): ReadonlyArray<string> | undefined =>
  FILE_TYPES[name] ?? FILE_TYPES[ALIASES[name] ?? ""]

export const FILE_TYPE_NAMES: ReadonlyArray<string> = Object.keys(FILE_TYPES)
