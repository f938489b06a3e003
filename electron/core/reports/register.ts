import type { ProcessingRegister, ProcessingRegisterField } from '../../../shared/api/reports';
import { PROCESSING_REGISTER_FIELDS } from '../../../shared/api/reports';
import { inTransaction, type CoreContext } from '../kernel/context';
import { retentionDefaults } from './retention';

/**
 * The description of the processing for the register of art. 30 AVG, kept in the vault's settings.
 * Pre-filled with a description of this use that the privacy officer completes: the
 * municipality's name and contact are left as placeholders between brackets.
 */

export const REGISTER_HEADINGS_NL: Record<ProcessingRegisterField, string> = {
  name: 'Naam van de verwerking',
  controller: 'Verwerkingsverantwoordelijke',
  contact: 'Contactgegevens (en functionaris gegevensbescherming)',
  purposes: 'Doeleinden van de verwerking',
  legalBases: 'Grondslagen',
  dataCategories: 'Categorieën persoonsgegevens',
  subjectCategories: 'Categorieën betrokkenen',
  recipients: 'Categorieën ontvangers',
  transfers: 'Doorgifte buiten de EER',
  retention: 'Bewaartermijnen',
  security: 'Beveiligingsmaatregelen',
};

function defaultRegister(context: CoreContext): ProcessingRegister {
  const defaults = retentionDefaults(context);
  return {
    name: 'Signalen en dossiers ondermijning (Dossierkluis)',
    controller: 'Het college van burgemeester en wethouders en de burgemeester van de gemeente [naam gemeente], ieder voor de eigen bevoegdheden.',
    contact: 'Programmaleider ondermijning, [afdeling, adres, telefoon]. Functionaris gegevensbescherming: [naam, e-mailadres].',
    purposes:
      'Het ontvangen, vastleggen en beoordelen van signalen van mogelijke ondermijnende criminaliteit; het opbouwen van een integraal beeld per casus; ' +
      'het voorbereiden en onderbouwen van bestuurlijke maatregelen (onder meer Bibob, artikel 13b Opiumwet, artikel 174a Gemeentewet, vergunningverlening en handhaving); ' +
      'het inbrengen van casussen in het informatieplein en de stuurploeg van het RIEC; en verantwoording over de aanpak (jaarrapportage met geaggregeerde aantallen).',
    legalBases:
      'Artikel 6, eerste lid, onder e AVG (vervulling van een taak van algemeen belang of uitoefening van openbaar gezag), in samenhang met de Gemeentewet (artikelen 172, 172a, 174 en 174a), ' +
      'de Opiumwet (artikel 13b), de Wet Bibob en de Wet gegevensverwerking door samenwerkingsverbanden (WGS) voor de samenwerking in het RIEC. ' +
      'Persoonsgegevens van strafrechtelijke aard worden verwerkt op grond van artikel 10 AVG en artikel 33 van de Uitvoeringswet AVG, binnen de kaders van het RIEC-convenant.',
    dataCategories:
      'Identificerende gegevens (naam, geboortedatum, BSN, adres), gegevens van ondernemingen (KvK-nummer, vestiging, bestuurders), voertuig-, bank- en contactgegevens, ' +
      'rollen en relaties tussen personen en ondernemingen, en strafrechtelijke gegevens en vermoedens (signalen, politie-informatie, bestuurlijke maatregelen). ' +
      'Bij elk gegeven worden de betrouwbaarheid van bron en informatie (4x4-model) en de verstrekkingscode (TLP) vastgelegd.',
    subjectCategories:
      'Personen en ondernemingen over wie een signaal is ontvangen of die in een casus een rol spelen (zoals eigenaar, huurder, bestuurder, faciliteerder); ' +
      'melders (hun identiteit wordt afgeschermd); medewerkers van de gemeente en partners als auteur van vastleggingen.',
    recipients:
      'Binnen de gemeente: de programmaleider ondermijning en de betrokken afdelingen voor zover nodig voor hun taak. ' +
      'Buiten de gemeente, uitsluitend op grond van het RIEC-convenant of een wettelijke grondslag en per verstrekking vastgelegd: het RIEC, politie, Openbaar Ministerie, ' +
      'Belastingdienst/FIOD, Nederlandse Arbeidsinspectie en andere convenantpartners.',
    transfers: 'Geen. De gegevens blijven in de versleutelde kluis op werkplekken van de gemeente en worden niet buiten de Europese Economische Ruimte doorgegeven.',
    retention:
      `Losse signalen zonder vervolg: ${defaults.looseSignalYears} jaar na ontvangst. Regulier afgehandelde dossiers: ${defaults.regulierAfgehandeldYears} jaar na dat besluit. ` +
      `Afgesloten dossiers: ${defaults.closedDossierYears} jaar na afsluiting. Openstaande dossiers worden uiterlijk ${defaults.openDossierYears} jaar na opening opnieuw beoordeeld. ` +
      'Verlengen gebeurt per dossier met een vastgelegde reden; na afloop worden gegevens definitief vernietigd, alleen een logregel zonder persoonsgegevens blijft.',
    security:
      'Versleuteling van het hele bestand (SQLCipher, AES-256) met een sleutel afgeleid van een wachtwoord (Argon2id) en een herstelsleutel; automatische vergrendeling bij inactiviteit; ' +
      'een onveranderbaar logboek met hashketen van iedere inzage en wijziging; afgeschermde melders; verstrekkingscodes (TLP) per gegeven; ' +
      'versleutelde en ondertekende uitwisseling met partners; definitieve vernietiging met overschrijven van vrijgekomen ruimte (secure_delete).',
  };
}

const SETTINGS_KEY = 'processing.register';

export function processingRegister(context: CoreContext): ProcessingRegister {
  const stored = context.db.prepare('SELECT value FROM settings WHERE key = ?').pluck().get(SETTINGS_KEY) as string | undefined;
  return { ...defaultRegister(context), ...(stored ? (JSON.parse(stored) as Partial<ProcessingRegister>) : {}) };
}

export function updateProcessingRegister(context: CoreContext, changes: Partial<ProcessingRegister>): ProcessingRegister {
  return inTransaction(context, () => {
    const next = { ...processingRegister(context) };
    const fields: string[] = [];
    for (const field of PROCESSING_REGISTER_FIELDS) {
      const value = changes[field];
      if (value === undefined) continue;
      next[field] = value;
      fields.push(field);
    }
    context.db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(SETTINGS_KEY, JSON.stringify(next));
    context.audit('register.updated', { fields });
    return next;
  });
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

export function registerDocument(register: ProcessingRegister, format: 'markdown' | 'html', date: string): string {
  const title = 'Verwerkingsregister (artikel 30 AVG)';
  if (format === 'markdown') {
    const sections = PROCESSING_REGISTER_FIELDS.map((field) => `## ${REGISTER_HEADINGS_NL[field]}\n\n${register[field].trim() || '-'}\n`);
    return `# ${title}\n\nStand van ${date}.\n\n${sections.join('\n')}`;
  }
  const sections = PROCESSING_REGISTER_FIELDS.map(
    (field) =>
      `<h2>${escapeHtml(REGISTER_HEADINGS_NL[field])}</h2>\n${(register[field].trim() || '-')
        .split(/\n{2,}/)
        .map((paragraph) => `<p>${escapeHtml(paragraph).replace(/\n/g, '<br>')}</p>`)
        .join('\n')}`,
  );
  return `<!doctype html>
<html lang="nl">
<head>
<meta charset="utf-8">
<title>${title}</title>
<style>body{font-family:system-ui,sans-serif;max-width:48rem;margin:2rem auto;line-height:1.5;color:#111}h1{font-size:1.6rem}h2{font-size:1.15rem;margin-top:1.5rem}</style>
</head>
<body>
<h1>${title}</h1>
<p>Stand van ${date}.</p>
${sections.join('\n')}
</body>
</html>
`;
}
