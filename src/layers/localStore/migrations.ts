/**
 * The database's schema, as numbered migrations. `PRAGMA user_version` says how many have run;
 * they run on open inside one `BEGIN IMMEDIATE` transaction, so processes starting together on a
 * new file take turns and each migration runs once. Never edit a migration that has shipped: add one.
 */
export const MIGRATIONS: ReadonlyArray<ReadonlyArray<string>> = [
  // 1: agents, blocks with their history, messages with full-text search, runs.
  [
    `CREATE TABLE agents (
      id TEXT PRIMARY KEY,
      name TEXT NOT NULL,
      system TEXT NOT NULL,
      model TEXT NOT NULL,
      tags TEXT NOT NULL,
      tools TEXT NOT NULL,
      created_at TEXT NOT NULL,
      last_stop_reason TEXT,
      pending TEXT,
      context_start_seq INTEGER NOT NULL DEFAULT 0
    )`,
    `CREATE TABLE blocks (
      id TEXT PRIMARY KEY,
      label TEXT NOT NULL,
      value TEXT NOT NULL,
      description TEXT NOT NULL,
      char_limit INTEGER NOT NULL,
      read_only INTEGER NOT NULL DEFAULT 0,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    )`,
    `CREATE TABLE block_changes (
      block_id TEXT NOT NULL REFERENCES blocks(id) ON DELETE CASCADE,
      n INTEGER NOT NULL,
      at TEXT NOT NULL,
      value TEXT NOT NULL,
      previous TEXT,
      description TEXT NOT NULL,
      source TEXT NOT NULL,
      agent_id TEXT,
      tool TEXT,
      tool_call_id TEXT,
      PRIMARY KEY (block_id, n)
    )`,
    `CREATE TABLE agent_blocks (
      agent_id TEXT NOT NULL REFERENCES agents(id) ON DELETE CASCADE,
      block_id TEXT NOT NULL REFERENCES blocks(id) ON DELETE CASCADE,
      position INTEGER NOT NULL,
      PRIMARY KEY (agent_id, block_id)
    )`,
    `CREATE TABLE messages (
      seq INTEGER PRIMARY KEY AUTOINCREMENT,
      id TEXT NOT NULL UNIQUE,
      agent_id TEXT NOT NULL REFERENCES agents(id) ON DELETE CASCADE,
      run_id TEXT,
      otid TEXT,
      role TEXT NOT NULL,
      created_at TEXT NOT NULL,
      body TEXT NOT NULL,
      search_text TEXT NOT NULL,
      tokens INTEGER NOT NULL
    )`,
    `CREATE INDEX messages_by_agent ON messages(agent_id, seq)`,
    `CREATE INDEX messages_by_otid ON messages(agent_id, otid) WHERE otid IS NOT NULL`,
    `CREATE INDEX summaries_by_agent ON messages(agent_id, seq) WHERE role = 'summary'`,
    `CREATE VIRTUAL TABLE messages_fts USING fts5(search_text, content='messages', content_rowid='seq', tokenize='unicode61')`,
    `CREATE TRIGGER messages_fts_insert AFTER INSERT ON messages BEGIN
      INSERT INTO messages_fts(rowid, search_text) VALUES (new.seq, new.search_text);
    END`,
    `CREATE TRIGGER messages_fts_delete AFTER DELETE ON messages BEGIN
      INSERT INTO messages_fts(messages_fts, rowid, search_text) VALUES ('delete', old.seq, old.search_text);
    END`,
    `CREATE TABLE runs (
      id TEXT PRIMARY KEY,
      agent_id TEXT NOT NULL REFERENCES agents(id) ON DELETE CASCADE,
      status TEXT NOT NULL,
      stop_reason TEXT,
      pid INTEGER NOT NULL,
      created_at TEXT NOT NULL,
      finished_at TEXT
    )`,
    `CREATE INDEX runs_running ON runs(status) WHERE status = 'running'`
  ],
  // 2: each agent's message count (summaries left out), kept by triggers: the context's memory
  // metadata line needs it every step, and counting a long history is not free.
  [
    `ALTER TABLE agents ADD COLUMN message_count INTEGER NOT NULL DEFAULT 0`,
    `UPDATE agents SET message_count = (SELECT COUNT(*) FROM messages WHERE messages.agent_id = agents.id AND messages.role != 'summary')`,
    `CREATE TRIGGER messages_count_insert AFTER INSERT ON messages WHEN new.role != 'summary' BEGIN
      UPDATE agents SET message_count = message_count + 1 WHERE id = new.agent_id;
    END`,
    `CREATE TRIGGER messages_count_delete AFTER DELETE ON messages WHEN old.role != 'summary' BEGIN
      UPDATE agents SET message_count = message_count - 1 WHERE id = old.agent_id;
    END`
  ]
]
