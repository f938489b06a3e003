import type { Migration } from './migration';

/**
 * The phenomena every vault starts with, as they were when this migration was written: code and
 * Dutch label of each phenomenon, then of its sub-forms (stored as `<phenomenon>.<sub-form>`).
 * A copy, not an import of shared/domain: a seed added or relabelled there later must reach new
 * and existing vaults alike, so it needs a migration of its own, and this list stays as it is.
 */
const PHENOMENON_SEEDS: ReadonlyArray<{ code: string; label: string; subForms: ReadonlyArray<[code: string, label: string]> }> = [
  {
    code: 'drugs',
    label: 'Drugs',
    subForms: [
      ['drugshandel', 'Handel in hard- en softdrugs'],
      ['drugsgebruik', 'Drugsgebruik'],
      ['hennepteelt', 'Hennepteelt'],
      ['productie_harddrugs', 'Productie harddrugs'],
      ['maatschappelijke_acceptatie', 'Maatschappelijke acceptatie'],
    ],
  },
  {
    code: 'illegaal_gokken',
    label: 'Illegaal gokken',
    subForms: [
      ['poker', 'Poker'],
      ['illegale_gokzuilen', 'Illegale gokzuilen'],
    ],
  },
  {
    code: 'arbeidsuitbuiting',
    label: 'Arbeidsuitbuiting',
    subForms: [
      ['slechte_werkomstandigheden', 'Slechte werkomstandigheden'],
      ['illegale_kamerverhuur', 'Illegale kamerverhuur'],
      ['huur_ingehouden_op_loon', 'Huur ingehouden op loon'],
      ['overbewoning', 'Overbewoning'],
    ],
  },
  {
    code: 'milieu',
    label: 'Milieu',
    subForms: [
      ['afvaldumping', 'Afvaldumpingen'],
      ['asbest_zonder_registratie', 'Asbest zonder registratie'],
      ['vervuilde_grond', 'Vervuilde grond'],
      ['witgoed_zonder_registratie', 'Witgoed zonder registratie'],
    ],
  },
  {
    code: 'zorgfraude',
    label: 'Zorgfraude',
    subForms: [
      ['zorg_niet_geleverd', 'Zorg gedeclareerd maar niet geleverd'],
      ['ronselen_clienten', 'Ronselen van cliënten'],
      ['kamerverhuur', 'In combinatie met kamerverhuur'],
      ['pgb_fraude', 'Pgb-fraude'],
    ],
  },
  { code: 'witwassen', label: 'Witwassen', subForms: [] },
  { code: 'omg', label: 'Outlaw Motor Gangs (OMG)', subForms: [] },
  { code: 'heling', label: 'Heling', subForms: [] },
  { code: 'mensenhandel', label: 'Mensenhandel', subForms: [] },
  { code: 'vastgoedfraude', label: 'Vastgoedfraude', subForms: [] },
  { code: 'witteboordencriminaliteit', label: 'Witteboordencriminaliteit', subForms: [] },
  {
    code: 'misbruik_vrijplaatsen',
    label: 'Misbruik van vrijplaatsen en bedrijventerreinen',
    subForms: [
      ['vrijplaatsen', 'Vrijplaatsen'],
      ['bedrijventerreinen', 'Bedrijventerreinen'],
      ['buitengebied', 'Buitengebied'],
    ],
  },
];

/**
 * Signals, dossiers, subjects, the links between them, notes and measures.
 *
 * Choices:
 * - Vocabularies that the domain keeps growing (statuses, roles, link kinds, partners, measure
 *   kinds, subject types) are checked by zod at the API and by the core, not by CHECK constraints:
 *   SQLite cannot alter a CHECK without rebuilding the table, so every new role would need a
 *   table rebuild. The standards that do not move (grading A/B/C/X and 1–4, TLP 2.0, flags) and
 *   the rules that tie columns together are CHECKed here.
 * - A subject's typed fields are one JSON object (`details`), validated by the zod schema of its
 *   type on the way in and out. The seven types share almost no fields; as columns they would be
 *   some twenty mostly empty columns and a migration per new field. What has to be found fast is
 *   not the JSON but the normalised match keys (`subject_match_keys`) and the display `label`.
 * - Deleting goes to a trash by a `deleted_at` column on the items a user deletes (signals,
 *   dossiers, subjects, notes, measures), not by moving rows to a trash table: the row keeps its
 *   foreign keys, links and history, so a restore is exact and needs no copying back; emptying the
 *   trash is a real DELETE (secure_delete is on) whose cascades remove everything under the item.
 *   Items under a trashed dossier stay as they are and are hidden with it. The hot lists use
 *   partial indexes `WHERE deleted_at IS NULL`, so trashed rows cost them nothing.
 * - Dossier numbers come from a counter per year, never from max(sequence) + 1: a number once
 *   given is never given again, even after its dossier was destroyed.
 * - Links (subject–dossier, subject–subject) have no trash: a link is removed outright, with an
 *   audit entry, and disappears with either end when that end is destroyed.
 * - Dates the user states (received, opened, noted, decided) are ISO dates (`2026-02-03`);
 *   moments the app records (`*_at`) are ISO timestamps in UTC.
 */
export const migration0003Dossiers: Migration = {
  version: 3,
  name: 'dossiers',
  up(db) {
    const grading = `
        source_grade      TEXT NOT NULL CHECK (source_grade IN ('A', 'B', 'C', 'X')),
        information_grade INTEGER NOT NULL CHECK (information_grade BETWEEN 1 AND 4),`;
    const tlp = `tlp TEXT NOT NULL CHECK (tlp IN ('RED', 'AMBER+STRICT', 'AMBER', 'GREEN', 'CLEAR'))`;
    const period = `
        valid_from  TEXT,
        valid_until TEXT,`;
    const periodInOrder = 'CHECK (valid_from IS NULL OR valid_until IS NULL OR valid_from <= valid_until)';

    db.exec(`
      -- The editable list of phenomena; a sub-form points at its phenomenon (one level deep).
      CREATE TABLE phenomena (
        id        INTEGER PRIMARY KEY,
        code      TEXT NOT NULL UNIQUE,
        parent_id INTEGER REFERENCES phenomena (id),
        label     TEXT NOT NULL,
        position  INTEGER NOT NULL,
        is_seed   INTEGER NOT NULL DEFAULT 0 CHECK (is_seed IN (0, 1))
      ) STRICT;
      CREATE INDEX phenomena_by_parent ON phenomena (parent_id);

      CREATE TABLE dossier_number_counters (
        year          INTEGER PRIMARY KEY,
        last_sequence INTEGER NOT NULL CHECK (last_sequence > 0)
      ) STRICT;

      CREATE TABLE dossiers (
        id              INTEGER PRIMARY KEY,
        year            INTEGER NOT NULL,
        sequence        INTEGER NOT NULL CHECK (sequence > 0),
        number          TEXT NOT NULL GENERATED ALWAYS AS (printf('%d-%04d', year, sequence)) VIRTUAL,
        title           TEXT NOT NULL,
        summary         TEXT,
        priority        TEXT NOT NULL,
        owner           TEXT,
        status          TEXT NOT NULL,
        closing_reason  TEXT,
        ${tlp},
        legal_basis     TEXT,
        purpose         TEXT,
        retention_until TEXT,
        opened_on       TEXT NOT NULL,
        created_at      TEXT NOT NULL,
        updated_at      TEXT NOT NULL,
        deleted_at      TEXT,
        UNIQUE (year, sequence),
        CHECK ((status = 'afgesloten') = (closing_reason IS NOT NULL))
      ) STRICT;
      -- The dossier list, filtered by status and in number order.
      CREATE INDEX dossiers_by_status ON dossiers (status, year, sequence) WHERE deleted_at IS NULL;
      CREATE INDEX dossiers_in_trash ON dossiers (deleted_at) WHERE deleted_at IS NOT NULL;

      CREATE TABLE dossier_phenomena (
        dossier_id    INTEGER NOT NULL REFERENCES dossiers (id) ON DELETE CASCADE,
        phenomenon_id INTEGER NOT NULL REFERENCES phenomena (id),
        PRIMARY KEY (dossier_id, phenomenon_id)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX dossier_phenomena_by_phenomenon ON dossier_phenomena (phenomenon_id, dossier_id);

      CREATE TABLE dossier_partners (
        dossier_id INTEGER NOT NULL REFERENCES dossiers (id) ON DELETE CASCADE,
        partner    TEXT NOT NULL,
        PRIMARY KEY (dossier_id, partner)
      ) STRICT, WITHOUT ROWID;

      -- Every status change, dated (the decision's date, as stated) and attributed; never updated.
      CREATE TABLE dossier_status_changes (
        id             INTEGER PRIMARY KEY,
        dossier_id     INTEGER NOT NULL REFERENCES dossiers (id) ON DELETE CASCADE,
        from_status    TEXT,
        to_status      TEXT NOT NULL,
        changed_on     TEXT NOT NULL,
        recorded_at    TEXT NOT NULL,
        actor          TEXT NOT NULL,
        reason         TEXT,
        closing_reason TEXT,
        CHECK ((to_status = 'afgesloten') = (closing_reason IS NOT NULL))
      ) STRICT;
      CREATE INDEX dossier_status_changes_by_dossier ON dossier_status_changes (dossier_id, id);
      CREATE TRIGGER dossier_status_changes_no_update BEFORE UPDATE ON dossier_status_changes
      BEGIN SELECT RAISE(ABORT, 'dossier_status_changes is append-only'); END;

      -- The reporter is protected: never exported or printed unless the user says so per signal.
      CREATE TABLE signals (
        id                 INTEGER PRIMARY KEY,
        received_on        TEXT NOT NULL,
        how_received       TEXT NOT NULL,
        reporter_name      TEXT,
        reporter_contact   TEXT,
        reporter_protected INTEGER NOT NULL DEFAULT 1 CHECK (reporter_protected IN (0, 1)),
        origin             TEXT,
        phenomenon_id      INTEGER REFERENCES phenomena (id),
        summary            TEXT NOT NULL,
        description        TEXT,
        location           TEXT,
        ${grading}
        ${tlp},
        legal_basis        TEXT,
        purpose            TEXT,
        retention_until    TEXT,
        dossier_id         INTEGER REFERENCES dossiers (id) ON DELETE CASCADE,
        created_at         TEXT NOT NULL,
        updated_at         TEXT NOT NULL,
        deleted_at         TEXT
      ) STRICT;
      CREATE INDEX signals_by_received ON signals (received_on, id) WHERE deleted_at IS NULL;
      CREATE INDEX signals_by_dossier ON signals (dossier_id);
      CREATE INDEX signals_in_trash ON signals (deleted_at) WHERE deleted_at IS NOT NULL;

      -- The dossier's journal. Internal notes stay out of what is shared with partners.
      CREATE TABLE dossier_notes (
        id         INTEGER PRIMARY KEY,
        dossier_id INTEGER NOT NULL REFERENCES dossiers (id) ON DELETE CASCADE,
        noted_on   TEXT NOT NULL,
        author     TEXT NOT NULL,
        body       TEXT NOT NULL,
        partner    TEXT,
        ${grading}
        ${tlp},
        internal   INTEGER NOT NULL DEFAULT 0 CHECK (internal IN (0, 1)),
        created_at TEXT NOT NULL,
        deleted_at TEXT
      ) STRICT;
      CREATE INDEX dossier_notes_by_dossier ON dossier_notes (dossier_id, noted_on, id);
      CREATE INDEX dossier_notes_in_trash ON dossier_notes (deleted_at) WHERE deleted_at IS NOT NULL;

      CREATE TABLE subjects (
        id         INTEGER PRIMARY KEY,
        type       TEXT NOT NULL,
        label      TEXT NOT NULL,
        details    TEXT NOT NULL CHECK (json_valid(details) AND json_extract(details, '$.type') = type),
        ${grading}
        ${tlp},
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        deleted_at TEXT
      ) STRICT;
      CREATE INDEX subjects_by_label ON subjects (label COLLATE NOCASE, id) WHERE deleted_at IS NULL;
      CREATE INDEX subjects_in_trash ON subjects (deleted_at) WHERE deleted_at IS NOT NULL;

      -- Normalised identifiers ("1234AB|12", a KvK number, a folded name with birth date): the
      -- lookup behind "komt ook voor in". Rebuilt from the details on every change of a subject.
      CREATE TABLE subject_match_keys (
        subject_id INTEGER NOT NULL REFERENCES subjects (id) ON DELETE CASCADE,
        kind       TEXT NOT NULL,
        value      TEXT NOT NULL,
        PRIMARY KEY (subject_id, kind, value)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX subject_match_keys_lookup ON subject_match_keys (kind, value);

      CREATE TABLE subject_dossier_links (
        id         INTEGER PRIMARY KEY,
        subject_id INTEGER NOT NULL REFERENCES subjects (id) ON DELETE CASCADE,
        dossier_id INTEGER NOT NULL REFERENCES dossiers (id) ON DELETE CASCADE,
        role       TEXT NOT NULL,
        ${period}
        source     TEXT,
        ${grading}
        ${tlp},
        created_at TEXT NOT NULL,
        ${periodInOrder}
      ) STRICT;
      CREATE INDEX subject_dossier_links_by_subject ON subject_dossier_links (subject_id, dossier_id);
      CREATE INDEX subject_dossier_links_by_dossier ON subject_dossier_links (dossier_id, subject_id);

      -- Directed: "<from> works for <to>".
      CREATE TABLE subject_links (
        id              INTEGER PRIMARY KEY,
        from_subject_id INTEGER NOT NULL REFERENCES subjects (id) ON DELETE CASCADE,
        to_subject_id   INTEGER NOT NULL REFERENCES subjects (id) ON DELETE CASCADE,
        kind            TEXT NOT NULL,
        ${period}
        source          TEXT,
        ${grading}
        ${tlp},
        created_at      TEXT NOT NULL,
        CHECK (from_subject_id <> to_subject_id),
        ${periodInOrder}
      ) STRICT;
      CREATE INDEX subject_links_by_from ON subject_links (from_subject_id);
      CREATE INDEX subject_links_by_to ON subject_links (to_subject_id);

      -- Interventions on a dossier (handelingsperspectieven).
      CREATE TABLE measures (
        id          INTEGER PRIMARY KEY,
        dossier_id  INTEGER NOT NULL REFERENCES dossiers (id) ON DELETE CASCADE,
        kind        TEXT NOT NULL,
        description TEXT,
        partner     TEXT,
        planned_on  TEXT,
        started_on  TEXT,
        decided_on  TEXT,
        stage       TEXT NOT NULL,
        outcome     TEXT,
        ${tlp},
        created_at  TEXT NOT NULL,
        updated_at  TEXT NOT NULL,
        deleted_at  TEXT
      ) STRICT;
      CREATE INDEX measures_by_dossier ON measures (dossier_id);
      CREATE INDEX measures_in_trash ON measures (deleted_at) WHERE deleted_at IS NOT NULL;
    `);

    const insert = db.prepare('INSERT INTO phenomena (code, parent_id, label, position, is_seed) VALUES (?, ?, ?, ?, 1)');
    let position = 0;
    for (const seed of PHENOMENON_SEEDS) {
      const parentId = insert.run(seed.code, null, seed.label, ++position).lastInsertRowid;
      for (const [subForm, label] of seed.subForms) insert.run(`${seed.code}.${subForm}`, parentId, label, ++position);
    }
  },
};
