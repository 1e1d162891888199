import type { ServiceDetail } from '@tandem/contract';
import { useI18n } from '../../../i18n/i18n-provider';
import { inLocale } from './labels';
import { Fact } from '../../../components/ui/fact';
import { displayUrl, spaLabel } from '../../../lib/labels';
import './directory.css';

export function ServiceFacts({ service: s }: { service: ServiceDetail }) {
  const { t, locale } = useI18n();
  const description = inLocale(locale, s.description, s.descriptionEs);
  const eligibility = inLocale(locale, s.eligibility, s.eligibilityEs);
  const ages =
    s.minAge == null && s.maxAge == null
      ? t('dir.allAges')
      : s.maxAge == null
        ? t('dir.agesFrom', { min: s.minAge ?? 0 })
        : s.minAge == null
          ? t('dir.agesUpTo', { max: s.maxAge })
          : t('dir.agesRange', { min: s.minAge, max: s.maxAge });
  return (
    <>
      {description && <p className="service-description">{description}</p>}
      <dl className="facts">
        <Fact label={t('dir.eligibility')}>{eligibility ?? t('dir.notGiven')}</Fact>
        <Fact label={t('dir.ages')}>{ages}</Fact>
        <Fact label={t('dir.fees')}>{s.fees ?? t('dir.notGiven')}</Fact>
        <Fact label={t('dir.howToApply')}>{s.applicationProcess ?? t('dir.notGiven')}</Fact>
        <Fact label={t('dir.languages')}>{s.languages.map((l) => t(`language.${l}`)).join(', ')}</Fact>
        {s.categories.length > 0 && <Fact label={t('dir.categories')}>{s.categories.map((c) => t(`sdoh.${c}`)).join(', ')}</Fact>}
        {s.communitySupport && <Fact label={t('dir.communitySupport')}>{t(`cs.${s.communitySupport}`)}</Fact>}
        {s.focusPopulations.length > 0 && <Fact label={t('dir.focusPopulations')}>{s.focusPopulations.map((f) => t(`focus.${f}`)).join(', ')}</Fact>}
        {s.spas.length > 0 && <Fact label={t('dir.spas')}>{s.spas.map(spaLabel).join(', ')}</Fact>}
        {(s.phone || s.email || s.url) && (
          <Fact label={t('dir.reachService')}>
            <span className="contact-links">
              {s.phone && <a href={`tel:${s.phone}`}>{s.phone}</a>}
              {s.email && <a href={`mailto:${s.email}`}>{s.email}</a>}
              {s.url && (
                <a href={s.url} target="_blank" rel="noreferrer">
                  {displayUrl(s.url)}
                </a>
              )}
            </span>
          </Fact>
        )}
      </dl>
    </>
  );
}
