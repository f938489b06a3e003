import { describe, expect, it } from 'vitest';
import { PART_WITHHELD_NOTICE, redactComposedParts, type FactLine } from '../../electron/core/sharing/composed-text';

describe('taking withheld facts out of composed texts', () => {
  const lines: FactLine[] = [
    { ref: { kind: 'note', id: 1 }, part: 'info', text: '- 01-02-2025: melding over de loods [bron B, informatie 2, TLP:GREEN]' },
    { ref: { kind: 'note', id: 2 }, part: 'info', text: '- 03-02-2025: politie ziet handel [bron A, informatie 2, TLP:RED]' },
    { ref: { kind: 'dossier-link', id: 7 }, part: 'who', text: '- NL00BANK0123456789: vermogen [bron B, informatie 2, TLP:RED]' },
  ];
  const parts = { info: `Politie:\n${lines[0]!.text}\n${lines[1]!.text}\nEigen tekst.`, who: `Rekeningen:\n${lines[2]!.text}` };

  it('removes exactly the lines of the withheld facts and keeps the user’s own text', () => {
    const redacted = redactComposedParts(parts, lines, [{ kind: 'note', id: 2 }]);
    expect(redacted.parts.info).toBe(`Politie:\n${lines[0]!.text}\nEigen tekst.`);
    expect(redacted.parts.who).toBe(parts.who);
    expect(redacted.removedLines).toBe(1);
    expect(redacted.partsWithheld).toEqual([]);
  });

  it('leaves a whole part out when a withheld fact’s line was edited after composing', () => {
    const edited = { ...parts, who: 'Rekeningen:\n- NL00BANK0123456789, door de gebruiker herschreven' };
    const redacted = redactComposedParts(edited, lines, [{ kind: 'dossier-link', id: 7 }]);
    expect(redacted.parts.who).toBe(PART_WITHHELD_NOTICE);
    expect(redacted.parts.who).not.toContain('NL00BANK');
    expect(redacted.partsWithheld).toEqual(['who']);
  });
});
