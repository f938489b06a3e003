import { useTranslation } from 'react-i18next';
import { codePointLabel, controlName, splitInvisibleControls } from '../../../shared/text/bidi';

/**
 * Text from outside (a bundle, a file name) with every invisible or bidirectional control shown
 * as a visible marker instead of acting (shared/text/bidi.ts): `foto\u202Egnp.exe` shows as
 * "foto⟨U+202E⟩gnp.exe", never as "fotoexe.png". Isolated (bdi), so that it does not reorder the
 * sentence around it either.
 */
export function VisibleText({ text }: { text: string }) {
  const { t } = useTranslation();
  const pieces = splitInvisibleControls(text);
  if (pieces.length === 1 && 'text' in pieces[0]!) return <bdi>{text}</bdi>;
  return (
    <bdi>
      {pieces.map((piece, index) =>
        'text' in piece ? (
          <span key={index}>{piece.text}</span>
        ) : (
          <abbr
            key={index}
            className="app-invisible-control"
            title={t('bundles.invisibleControl', { code: codePointLabel(piece.control), name: controlName(piece.control) })}
            data-testid="invisible-control"
          >
            {codePointLabel(piece.control)}
          </abbr>
        ),
      )}
    </bdi>
  );
}
