import type { Migration } from './migration';

/**
 * The sharing regime's data (docs/sharing-regime.md):
 *
 * - `organisations`: the partner list as editable data, each with a category. Seeded with the
 *   nineteen codes earlier versions stored in `partner` columns (same codes, same meaning) and the
 *   organisations the regime needs beyond them.
 * - `legal_bases`: the bases a fact can be received under, editable; `criminal_law` marks those
 *   whose data is criminal-law personal data (AVG art. 10) by nature.
 * - Provenance on every fact: `originator` (an organisation code), `received_under` (a basis code)
 *   and `use_restriction`. Existing facts get no basis and the restriction `vraag_leverancier`: the
 *   app does not know the supplier's terms and says so. The originator of a note is the partner it
 *   was recorded from and that of a signal its recorded origin: both were stated by the user, not
 *   guessed. All other facts start with no originator.
 * - `bundle_partners.organisation_code`: the organisation of an address-book card, for the
 *   regime's audience. Left empty: the free-text organisation is not matched to a code by guessing.
 * - `meeting_items.fact_lines`: the lines of a drafted agenda text per fact, for the regime.
 * - `audit_disclosures`: which facts each `disclosure.recorded` audit entry names, per dossier: the
 *   index behind the disclosure register, derived from the hash-chained trail in the same
 *   transaction as each entry (Vault.audit), like `audit_subjects`.
 *
 * Frozen: the seeds are copied here as they first shipped.
 */
const ORGANISATIONS_AT_VERSION_12: ReadonlyArray<readonly [code: string, name: string, category: string]> = [
  ['gemeente_vergunningen', 'Gemeente – vergunningen', 'gemeentelijke_dienst'],
  ['gemeente_handhaving', 'Gemeente – handhaving', 'gemeentelijke_dienst'],
  ['gemeente_sociaal_domein', 'Gemeente – sociaal domein', 'gemeentelijke_dienst'],
  ['gemeente_belastingen', 'Gemeente – belastingen', 'gemeentelijke_dienst'],
  ['gemeente_burgerzaken', 'Gemeente – burgerzaken', 'gemeentelijke_dienst'],
  ['gemeente_vastgoed', 'Gemeente – vastgoed', 'gemeentelijke_dienst'],
  ['politie', 'Politie', 'convenantpartner'],
  ['openbaar_ministerie', 'Openbaar Ministerie', 'convenantpartner'],
  ['belastingdienst', 'Belastingdienst/Toeslagen', 'convenantpartner'],
  ['riec', 'RIEC', 'convenantpartner'],
  ['fiod', 'FIOD', 'convenantpartner'],
  ['arbeidsinspectie', 'Nederlandse Arbeidsinspectie', 'convenantpartner'],
  ['uwv', 'UWV', 'convenantpartner'],
  ['douane', 'Douane', 'convenantpartner'],
  ['kmar', 'Koninklijke Marechaussee', 'convenantpartner'],
  ['ind', 'IND', 'convenantpartner'],
  ['provincie', 'Provincie', 'convenantpartner'],
  ['woningcorporatie', 'Woningcorporatie', 'private_partij'],
  ['zorgverzekeraar', 'Zorgverzekeraar', 'private_partij'],
  ['gemeente', 'Gemeente (eigen organisatie)', 'gemeentelijke_dienst'],
  ['nvwa', 'NVWA', 'convenantpartner'],
  ['andere_gemeente', 'Andere gemeente', 'convenantpartner'],
  ['landelijk_bureau_bibob', 'Landelijk Bureau Bibob', 'overige_overheid'],
  ['omgevingsdienst', 'Omgevingsdienst', 'overige_overheid'],
  ['veiligheidsregio', 'Veiligheidsregio', 'overige_overheid'],
  ['netbeheerder', 'Netbeheerder', 'private_partij'],
  ['zorgaanbieder', 'Zorgaanbieder', 'private_partij'],
  ['bank', 'Bank', 'private_partij'],
];

const LEGAL_BASES_AT_VERSION_12: ReadonlyArray<readonly [code: string, label: string, criminalLaw: 0 | 1]> = [
  ['eigen_taak_gemeentewet', 'Eigen publieke taak: Gemeentewet', 0],
  ['eigen_taak_opiumwet_13b', 'Eigen publieke taak: Opiumwet art. 13b', 0],
  ['eigen_taak_bibob', 'Eigen publieke taak: Wet Bibob', 0],
  ['riec_convenant_wgs', 'RIEC-convenant / Wgs-samenwerkingsverband', 0],
  ['wpg', 'Wet politiegegevens (politiegegevens)', 1],
  ['wjsg', 'Wet justitiële en strafvorderlijke gegevens', 1],
  ['awr', 'Algemene wet inzake rijksbelastingen (fiscale gegevens)', 0],
  ['melding_burger', 'Melding van een burger', 0],
  ['open_bron', 'Open bron', 0],
];

const FACT_TABLES = ['signals', 'dossier_notes', 'subject_dossier_links', 'subject_links', 'measures', 'attachments'] as const;
const RESTRICTIONS = `'vrij', 'geen_besluit_zonder_toestemming', 'niet_verder_verstrekken', 'vraag_leverancier'`;

export const migration0012SharingRegime: Migration = {
  version: 12,
  name: 'sharing-regime',
  up(db) {
    db.exec(`
      CREATE TABLE organisations (
        id         INTEGER PRIMARY KEY,
        code       TEXT NOT NULL UNIQUE CHECK (length(code) BETWEEN 1 AND 60 AND code NOT GLOB '*[^a-z0-9_]*'),
        name       TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        category   TEXT NOT NULL CHECK (category IN ('gemeentelijke_dienst', 'convenantpartner', 'overige_overheid', 'private_partij')),
        position   INTEGER NOT NULL,
        is_seed    INTEGER NOT NULL DEFAULT 0 CHECK (is_seed IN (0, 1)),
        retired_at TEXT
      ) STRICT;

      CREATE TABLE legal_bases (
        id           INTEGER PRIMARY KEY,
        code         TEXT NOT NULL UNIQUE CHECK (length(code) BETWEEN 1 AND 60 AND code NOT GLOB '*[^a-z0-9_]*'),
        label        TEXT NOT NULL CHECK (length(label) BETWEEN 1 AND 200),
        criminal_law INTEGER NOT NULL DEFAULT 0 CHECK (criminal_law IN (0, 1)),
        position     INTEGER NOT NULL,
        is_seed      INTEGER NOT NULL DEFAULT 0 CHECK (is_seed IN (0, 1)),
        retired_at   TEXT
      ) STRICT;

      ALTER TABLE bundle_partners ADD COLUMN organisation_code TEXT;

      -- The lines an agenda item's drafted summary holds per fact (sharing/composed-text.ts), so that
      -- an agenda for a stricter audience can take them out again. Older items hold none.
      ALTER TABLE meeting_items ADD COLUMN fact_lines TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(fact_lines) AND json_type(fact_lines) = 'array');

      CREATE TABLE audit_disclosures (
        audit_id   INTEGER NOT NULL REFERENCES audit_log (id),
        dossier_id INTEGER,
        kind       TEXT NOT NULL,
        item_id    INTEGER NOT NULL,
        PRIMARY KEY (kind, item_id, audit_id)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX audit_disclosures_by_dossier ON audit_disclosures (dossier_id, audit_id);
      CREATE INDEX audit_disclosures_by_entry ON audit_disclosures (audit_id);
    `);
    for (const table of FACT_TABLES) {
      db.exec(`
        ALTER TABLE ${table} ADD COLUMN originator TEXT;
        ALTER TABLE ${table} ADD COLUMN received_under TEXT;
        ALTER TABLE ${table} ADD COLUMN use_restriction TEXT NOT NULL DEFAULT 'vraag_leverancier' CHECK (use_restriction IN (${RESTRICTIONS}));
      `);
    }
    db.exec(`
      UPDATE dossier_notes SET originator = partner WHERE partner IS NOT NULL;
      UPDATE signals SET originator = origin WHERE origin IS NOT NULL;
    `);
    const insertOrganisation = db.prepare('INSERT INTO organisations (code, name, category, position, is_seed) VALUES (?, ?, ?, ?, 1)');
    ORGANISATIONS_AT_VERSION_12.forEach(([code, name, category], index) => insertOrganisation.run(code, name, category, index + 1));
    const insertBasis = db.prepare('INSERT INTO legal_bases (code, label, criminal_law, position, is_seed) VALUES (?, ?, ?, ?, 1)');
    LEGAL_BASES_AT_VERSION_12.forEach(([code, label, criminalLaw], index) => insertBasis.run(code, label, criminalLaw, index + 1));
  },
};
