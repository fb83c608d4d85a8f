import type { SqlDatabase } from './sql'

/**
 * The schema, as plain versioned SQL, applied in order and never edited once
 * released: a change is a new entry. Columns hold what is filtered, sorted,
 * constrained or counted; `doc` holds the whole domain record as JSON.
 */
export const MIGRATIONS: { version: number; name: string; sql: string }[] = [
  {
    version: 1,
    name: 'core tables',
    sql: `
CREATE SEQUENCE record_ids START 1001;

CREATE TABLE users (
  id text PRIMARY KEY,
  seq bigserial NOT NULL,
  name text NOT NULL,
  phone text NOT NULL DEFAULT '',
  role text NOT NULL CHECK (role IN ('resident', 'elder', 'volunteer', 'staff')),
  grid_code text,
  openid text UNIQUE,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX users_phone ON users (phone) WHERE phone <> '';
CREATE INDEX users_grid ON users (grid_code, seq);

CREATE TABLE sessions (
  token_hash text PRIMARY KEY,
  user_id text NOT NULL REFERENCES users (id),
  expires_at timestamptz NOT NULL
);
CREATE INDEX sessions_expiry ON sessions (expires_at);

CREATE TABLE communities (
  code text PRIMARY KEY,
  seq bigserial NOT NULL,
  name text NOT NULL
);

CREATE TABLE grids (
  code text PRIMARY KEY,
  seq bigserial NOT NULL,
  community_code text NOT NULL REFERENCES communities (code),
  doc jsonb NOT NULL
);

CREATE TABLE wishes (
  id text PRIMARY KEY,
  seq bigserial NOT NULL,
  owner_id text NOT NULL REFERENCES users (id),
  grid_code text NOT NULL,
  status text NOT NULL,
  category text NOT NULL,
  claimed_by text,
  doc jsonb NOT NULL
);
CREATE INDEX wishes_owner ON wishes (owner_id, seq DESC);
CREATE INDEX wishes_open ON wishes (grid_code, status, seq DESC);
CREATE INDEX wishes_status ON wishes (status, seq DESC);
CREATE INDEX wishes_claimed ON wishes (claimed_by, seq DESC);

CREATE TABLE clinics (
  id text PRIMARY KEY,
  seq bigserial NOT NULL,
  date text NOT NULL,
  specialty text NOT NULL,
  doc jsonb NOT NULL
);
CREATE INDEX clinics_date ON clinics (date);

CREATE TABLE bookings (
  id text PRIMARY KEY,
  seq bigserial NOT NULL,
  session_id text NOT NULL REFERENCES clinics (id),
  slot_id text NOT NULL,
  account_id text NOT NULL REFERENCES users (id),
  status text NOT NULL,
  patient_key text NOT NULL,
  doc jsonb NOT NULL
);
CREATE INDEX bookings_session ON bookings (session_id, seq);
CREATE INDEX bookings_account ON bookings (account_id, seq);
-- The last line behind the rule: one active booking per patient per session.
CREATE UNIQUE INDEX bookings_one_per_patient ON bookings (session_id, patient_key) WHERE status <> 'cancelled';

CREATE TABLE postings (
  id text PRIMARY KEY,
  seq bigserial NOT NULL,
  status text NOT NULL,
  expires_on text NOT NULL,
  doc jsonb NOT NULL
);
CREATE INDEX postings_listed ON postings (status, seq DESC);

CREATE TABLE applications (
  id text PRIMARY KEY,
  seq bigserial NOT NULL,
  posting_id text NOT NULL REFERENCES postings (id),
  applicant_id text NOT NULL REFERENCES users (id),
  doc jsonb NOT NULL,
  -- The last line behind the rule: one application per resident per posting.
  UNIQUE (posting_id, applicant_id)
);
CREATE INDEX applications_applicant ON applications (applicant_id, seq DESC);

CREATE TABLE idempotency (
  user_id text NOT NULL,
  key text NOT NULL,
  fingerprint text NOT NULL,
  status integer,
  body jsonb,
  created_at timestamptz NOT NULL,
  PRIMARY KEY (user_id, key)
);
CREATE INDEX idempotency_age ON idempotency (created_at);
`,
  },
  {
    version: 2,
    name: 'role changes',
    sql: `
-- Append-only: who changed whose role, when, from what to what.
CREATE TABLE role_changes (
  id text PRIMARY KEY,
  seq bigserial NOT NULL,
  user_id text NOT NULL REFERENCES users (id),
  doc jsonb NOT NULL
);
CREATE INDEX role_changes_user ON role_changes (user_id, seq DESC);
`,
  },
  {
    version: 3,
    name: 'a booking names its clinic',
    sql: `
-- "session" is kept for signing in; a booking's sitting is its clinic.
ALTER TABLE bookings RENAME COLUMN session_id TO clinic_id;
ALTER INDEX bookings_session RENAME TO bookings_clinic;
UPDATE bookings SET doc = (doc - 'sessionId') || jsonb_build_object('clinicId', doc->'sessionId') WHERE doc ? 'sessionId';
`,
  },
  {
    version: 4,
    name: 'messages',
    sql: `
-- 消息: one row per account and event (a retried change never tells twice).
CREATE TABLE messages (
  id text PRIMARY KEY,
  seq bigserial NOT NULL,
  account_id text NOT NULL REFERENCES users (id),
  event_key text NOT NULL,
  -- China time, ISO 8601, as the API shows it; null while unread.
  read_at text,
  doc jsonb NOT NULL
);
CREATE UNIQUE INDEX messages_one_per_event ON messages (account_id, event_key);
CREATE INDEX messages_account ON messages (account_id, seq DESC);
CREATE INDEX messages_unread ON messages (account_id) WHERE read_at IS NULL;
`,
  },
  {
    version: 5,
    name: 'closed accounts',
    sql: `
-- 注销账号: set when the person closed the account; China time, ISO 8601.
ALTER TABLE users ADD COLUMN closed_at text;
`,
  },
  {
    version: 6,
    name: 'audit trail',
    sql: `
-- 操作记录: written in the transaction of the change it tells of; append-only.
-- at is China time (ISO 8601, as the API shows it), so left(at, 10) is the China day.
CREATE TABLE audit_log (
  seq bigserial PRIMARY KEY,
  at text NOT NULL,
  actor_id text NOT NULL,
  resident_id text,
  doc jsonb NOT NULL
);
CREATE INDEX audit_log_actor ON audit_log (actor_id, seq DESC);
CREATE INDEX audit_log_resident ON audit_log (resident_id, seq DESC);
CREATE FUNCTION audit_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'audit_log is append-only'; END $$;
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_change();
`,
  },
  {
    version: 7,
    name: 'phones found by keyed hash',
    sql: `
-- Phones are stored sealed (server/fieldCipher.ts); they are found by an HMAC of the number,
-- and staff's search by the last four digits reads phone_last4. The server seals existing rows at start.
ALTER TABLE users ADD COLUMN phone_hash text;
ALTER TABLE users ADD COLUMN phone_last4 text NOT NULL DEFAULT '';
DROP INDEX users_phone;
CREATE UNIQUE INDEX users_phone_hash ON users (phone_hash) WHERE phone_hash <> '';
`,
  },
  {
    version: 8,
    name: 'photos',
    sql: `
-- Photos: the bytes are in the photo folder (server/photoFolder.ts), not here.
-- wish_id is set once, by the wish that takes the photo; created_at is China time (ISO 8601).
CREATE TABLE photos (
  id text PRIMARY KEY,
  owner_id text NOT NULL,
  wish_id text,
  type text NOT NULL,
  size integer NOT NULL,
  created_at text NOT NULL,
  -- WeChat's media check (mediaCheckAsync): its trace id, and its verdict once pushed back.
  verdict text NOT NULL DEFAULT 'unchecked' CHECK (verdict IN ('unchecked', 'checking', 'pass', 'risky')),
  check_trace text
);
CREATE INDEX photos_owner ON photos (owner_id);
CREATE INDEX photos_wish ON photos (wish_id);
CREATE UNIQUE INDEX photos_check_trace ON photos (check_trace);
`,
  },
  {
    version: 9,
    name: 'subscribe messages outbox',
    sql: `
-- WeChat one-time subscriptions: each accept of a template allows one send to the account.
CREATE TABLE subscribe_grants (
  account_id text NOT NULL REFERENCES users (id),
  template_id text NOT NULL,
  remaining integer NOT NULL CHECK (remaining >= 0),
  PRIMARY KEY (account_id, template_id)
);
-- Subscribe messages to send, written in the transaction of the message they carry.
-- One row per account and event, like messages; a worker claims due rows with a lease
-- (state 'sending', next_attempt_at = when the lease ends) and marks them sent or failed.
CREATE TABLE outbox (
  id bigserial PRIMARY KEY,
  account_id text NOT NULL REFERENCES users (id),
  event_key text NOT NULL,
  openid text NOT NULL,
  template_id text NOT NULL,
  page text NOT NULL,
  data jsonb NOT NULL,
  state text NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'sending', 'sent', 'failed')),
  attempts integer NOT NULL DEFAULT 0,
  next_attempt_at timestamptz NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  sent_at timestamptz,
  last_error text
);
CREATE UNIQUE INDEX outbox_one_per_event ON outbox (account_id, event_key);
CREATE INDEX outbox_due ON outbox (next_attempt_at) WHERE state IN ('pending', 'sending');
`,
  },
  {
    version: 10,
    name: 'matters and mediation',
    sql: `
-- 有事先商量: matters residents raise with their grid. Versions are numbered by issue; a gap is fine.
CREATE TABLE matters (
  id text PRIMARY KEY,
  seq bigserial NOT NULL,
  owner_id text NOT NULL REFERENCES users (id),
  grid_code text NOT NULL,
  status text NOT NULL,
  kind text NOT NULL,
  public boolean NOT NULL,
  doc jsonb NOT NULL
);
CREATE INDEX matters_owner ON matters (owner_id, seq DESC);
CREATE INDEX matters_grid ON matters (grid_code, seq DESC);
CREATE INDEX matters_public ON matters (grid_code, seq DESC) WHERE public AND kind <> '邻里纠纷';
-- 我也遇到: the primary key is the rule, one per account and matter.
CREATE TABLE matter_affected (
  matter_id text NOT NULL REFERENCES matters (id) ON DELETE CASCADE,
  account_id text NOT NULL REFERENCES users (id),
  PRIMARY KEY (matter_id, account_id)
);
CREATE INDEX matter_affected_account ON matter_affected (account_id);
-- 调解预约: a booking locks its slot's row, then counts; the index is the last line behind one place per account.
CREATE TABLE mediation_slots (
  id text PRIMARY KEY,
  seq bigserial NOT NULL,
  date text NOT NULL,
  doc jsonb NOT NULL
);
CREATE INDEX mediation_slots_date ON mediation_slots (date);
CREATE TABLE mediation_bookings (
  id text PRIMARY KEY,
  seq bigserial NOT NULL,
  slot_id text NOT NULL REFERENCES mediation_slots (id),
  account_id text NOT NULL REFERENCES users (id),
  status text NOT NULL,
  doc jsonb NOT NULL
);
CREATE INDEX mediation_bookings_slot ON mediation_bookings (slot_id, seq);
CREATE INDEX mediation_bookings_account ON mediation_bookings (account_id, seq DESC);
CREATE UNIQUE INDEX mediation_bookings_one_per_account ON mediation_bookings (slot_id, account_id) WHERE status = 'booked';
`,
  },
  {
    version: 11,
    name: 'volunteer activities, certificates and function rooms',
    sql: `
-- 志愿活动: doc holds the activity, with the secret its live check-in code is derived from.
CREATE TABLE activities (
  id text PRIMARY KEY,
  seq bigserial NOT NULL,
  date text NOT NULL,
  doc jsonb NOT NULL
);
CREATE INDEX activities_date ON activities (date);

-- Sign-ups are decided with the activity row locked; the index is the last line behind one per person.
CREATE TABLE activity_signups (
  id text PRIMARY KEY,
  seq bigserial NOT NULL,
  activity_id text NOT NULL REFERENCES activities (id),
  account_id text NOT NULL REFERENCES users (id),
  status text NOT NULL,
  doc jsonb NOT NULL
);
CREATE INDEX activity_signups_activity ON activity_signups (activity_id, seq);
CREATE INDEX activity_signups_account ON activity_signups (account_id, seq);
CREATE UNIQUE INDEX activity_signups_one_per_person ON activity_signups (activity_id, account_id) WHERE status <> 'cancelled';

-- 出具证明: each certificate is a snapshot of the service record, checked publicly by its code.
CREATE TABLE certificates (
  code text PRIMARY KEY,
  account_id text NOT NULL REFERENCES users (id),
  doc jsonb NOT NULL
);
CREATE INDEX certificates_account ON certificates (account_id);

-- 功能室预约: a booking is decided with the room's row (then the account's) locked;
-- the index is the last line behind one booking per person per hour.
CREATE TABLE rooms (
  id text PRIMARY KEY,
  seq bigserial NOT NULL,
  doc jsonb NOT NULL
);
CREATE TABLE room_bookings (
  id text PRIMARY KEY,
  seq bigserial NOT NULL,
  room_id text NOT NULL REFERENCES rooms (id),
  account_id text NOT NULL REFERENCES users (id),
  date text NOT NULL,
  start text NOT NULL,
  status text NOT NULL,
  doc jsonb NOT NULL
);
CREATE INDEX room_bookings_room ON room_bookings (room_id, date, seq);
CREATE INDEX room_bookings_account ON room_bookings (account_id, seq);
CREATE UNIQUE INDEX room_bookings_one_per_hour ON room_bookings (room_id, date, start, account_id) WHERE status <> 'cancelled';
CREATE TABLE room_closures (
  id text PRIMARY KEY,
  seq bigserial NOT NULL,
  room_id text NOT NULL REFERENCES rooms (id),
  ends_at timestamptz NOT NULL,
  doc jsonb NOT NULL
);
CREATE INDEX room_closures_room ON room_closures (room_id, ends_at);
`,
  },
  {
    version: 12,
    name: 'grid council meetings, matter merges and photos, the judges station roster',
    sql: `
-- 网格议事会: doc holds the meeting with its agenda; adding an item or a decision locks the row.
CREATE TABLE meetings (
  id text PRIMARY KEY,
  seq bigserial NOT NULL,
  grid_code text NOT NULL,
  status text NOT NULL,
  doc jsonb NOT NULL
);
CREATE INDEX meetings_grid ON meetings (grid_code, status);
CREATE INDEX meetings_agenda ON meetings USING gin ((doc->'agenda') jsonb_path_ops);

-- 法官工作站: the rotating judges and 金牌调解员, each with their duty shifts (the card's duty rule).
CREATE TABLE station_members (
  id text PRIMARY KEY,
  seq bigserial NOT NULL,
  doc jsonb NOT NULL
);
`,
  },
  {
    version: 13,
    name: 'live door codes, photos and walk-in visits of rooms; in-service party members',
    sql: `
-- A room's door code changes every 30 seconds, derived from a secret of its own (never shown).
UPDATE rooms SET doc = jsonb_set(doc, '{secret}', to_jsonb(replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', '')))
  WHERE NOT doc ? 'secret';
-- A picture of each room (a URL); none until staff add one.
UPDATE rooms SET doc = jsonb_set(doc, '{photo}', 'null'::jsonb) WHERE NOT doc ? 'photo';

-- 母婴室: short walk-in visits (我在使用 → 离开, or over by themselves after 30 minutes).
-- Started with the room's row locked, so a room for one never has two inside.
CREATE TABLE room_visits (
  id text PRIMARY KEY,
  seq bigserial NOT NULL,
  room_id text NOT NULL REFERENCES rooms (id),
  account_id text NOT NULL REFERENCES users (id),
  ends_at timestamptz NOT NULL,
  ended_at timestamptz,
  doc jsonb NOT NULL
);
CREATE INDEX room_visits_room ON room_visits (room_id, ends_at) WHERE ended_at IS NULL;

-- 在职党员: marked by the person on 我的; activities open to in-service party members admit them.
ALTER TABLE users ADD COLUMN party_member boolean NOT NULL DEFAULT false;
`,
  },
]

/** Any fixed number: the advisory lock that lets one process migrate at a time. */
const MIGRATION_LOCK = 4_223_501

/**
 * Applies the pending migrations, each in its own transaction, holding an
 * advisory lock so two processes starting together do not race. A second
 * run finds nothing to do. `upTo` stops at a version (tests of an upgrade).
 */
export async function migrate(database: SqlDatabase, upTo = Infinity): Promise<number[]> {
  const conn = await database.connect()
  const applied: number[] = []
  try {
    await conn.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK])
    await conn.query('CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())')
    const done = new Set((await conn.query<{ version: number }>('SELECT version FROM schema_migrations')).rows.map((r) => Number(r.version)))
    for (const m of MIGRATIONS) {
      if (done.has(m.version) || m.version > upTo) continue
      await conn.query('BEGIN')
      try {
        for (const statement of m.sql.split(/;\s*\n/).map((s) => s.trim()).filter(Boolean)) await conn.query(statement)
        await conn.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [m.version, m.name])
        await conn.query('COMMIT')
      } catch (error) {
        await conn.query('ROLLBACK')
        throw error
      }
      applied.push(m.version)
    }
  } finally {
    await conn.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined)
    conn.release()
  }
  return applied
}
