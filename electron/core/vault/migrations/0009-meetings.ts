import type { Migration } from './migration';

/**
 * Meetings (casustafels): a meeting, its agenda items (a dossier or a loose signal each, in order),
 * and the actions agreed per item.
 *
 * - Participants are a JSON array on the meeting: a list of names and organisations that is
 *   always read and written whole, and is not searched on.
 * - An item names exactly one dossier or one signal, and goes with it when that is destroyed.
 * - `applied_at` records when the outcome was carried into the dossier, so it happens once.
 * - Open actions over all meetings are the follow-up overview: an index on (done_on, due_on).
 */
export const migration0009Meetings: Migration = {
  version: 9,
  name: 'meetings',
  up(db) {
    db.exec(`
      CREATE TABLE meetings (
        id           INTEGER PRIMARY KEY,
        kind         TEXT NOT NULL CHECK (kind IN ('informatieplein', 'lokale_driehoek', 'stuurploeg', 'casustafel', 'intern_overleg')),
        title        TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
        held_on      TEXT NOT NULL,
        place        TEXT,
        tlp          TEXT NOT NULL CHECK (tlp IN ('RED', 'AMBER+STRICT', 'AMBER', 'GREEN', 'CLEAR')),
        participants TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(participants) AND json_type(participants) = 'array'),
        created_at   TEXT NOT NULL,
        updated_at   TEXT NOT NULL
      ) STRICT;
      CREATE INDEX meetings_by_date ON meetings (held_on, id);

      CREATE TABLE meeting_items (
        id            INTEGER PRIMARY KEY,
        meeting_id    INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
        position      INTEGER NOT NULL CHECK (position > 0),
        dossier_id    INTEGER REFERENCES dossiers (id) ON DELETE CASCADE,
        signal_id     INTEGER REFERENCES signals (id) ON DELETE CASCADE,
        summary       TEXT NOT NULL,
        outcome       TEXT CHECK (outcome IN ('herkend', 'besluit', 'geen_actie')),
        recognised_by TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(recognised_by)),
        decisions     TEXT,
        applied_at    TEXT,
        CHECK ((dossier_id IS NULL) <> (signal_id IS NULL))
      ) STRICT;
      CREATE INDEX meeting_items_by_meeting ON meeting_items (meeting_id, position);
      CREATE INDEX meeting_items_by_dossier ON meeting_items (dossier_id) WHERE dossier_id IS NOT NULL;
      CREATE INDEX meeting_items_by_signal ON meeting_items (signal_id) WHERE signal_id IS NOT NULL;

      CREATE TABLE meeting_actions (
        id         INTEGER PRIMARY KEY,
        item_id    INTEGER NOT NULL REFERENCES meeting_items (id) ON DELETE CASCADE,
        who        TEXT NOT NULL,
        what       TEXT NOT NULL,
        due_on     TEXT,
        partner    TEXT,
        done_on    TEXT,
        created_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX meeting_actions_by_item ON meeting_actions (item_id);
      CREATE INDEX meeting_actions_open ON meeting_actions (done_on, due_on);
    `);
  },
};
