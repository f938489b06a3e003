import { useTranslation } from 'react-i18next';
import { useFocusHeading } from '../../components/useFocusHeading';
import { BUNDLE_VIEWS, useNavigation, type BundleView } from '../../store/navigation';
import { ExportWizard } from './ExportWizard';
import { IdentityPanel } from './IdentityPanel';
import { ImportPanel } from './ImportPanel';
import { PartnersPanel } from './PartnersPanel';

/**
 * "Uitwisselen": encrypted, signed bundles between vaults (docs/bundle-format.md). Four parts,
 * each its own route, so that "Terug" and the heading focus work as everywhere else.
 */
export function BundlesScreen({ view }: { view: BundleView }) {
  const { t } = useTranslation();
  const headingRef = useFocusHeading();
  const replace = useNavigation((state) => state.replace);
  return (
    <div className="app-bundles">
      <h1 className="utrecht-heading-1" ref={headingRef} tabIndex={-1}>
        {t('bundles.title')}
      </h1>
      <p className="utrecht-paragraph utrecht-paragraph--lead app-bundles__lead">{t('bundles.lead')}</p>
      <nav className="app-bundles__nav" aria-label={t('bundles.nav.label')}>
        <ul>
          {BUNDLE_VIEWS.map((item) => (
            <li key={item}>
              <a
                href={`#bundles/${item}`}
                className={`app-bundles__nav-link${item === view ? ' app-bundles__nav-link--current' : ''}`}
                aria-current={item === view ? 'page' : undefined}
                onClick={(event) => {
                  event.preventDefault();
                  replace({ section: 'bundles', view: item });
                }}
              >
                {t(`bundles.nav.${item}`)}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {view === 'export' && <ExportWizard />}
      {view === 'import' && <ImportPanel />}
      {view === 'partners' && <PartnersPanel />}
      {view === 'identity' && <IdentityPanel />}
    </div>
  );
}
