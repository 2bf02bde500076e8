import { useId, useState } from 'preact/hooks';
import type { ComponentChildren } from 'preact';
import type { Finding, SameSite } from '../../core/model';
import type { Translate } from '../../shared/i18n';
import {
  findingLabel,
  kindText,
  lifetimeText,
  messageKey,
  partyText,
  personalDataText,
  reasonText,
  verdictText,
} from '../present';

const VERDICT_MARK = { contradicts: '!', 'not-covered': '?', disclosed: '✓' } as const;

function Detail({ label, wide, children }: { label: string; wide?: boolean; children: ComponentChildren }) {
  return (
    <div class={wide ? 'detail detail--wide' : 'detail'}>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

const domainText = (t: Translate, domain: string): string =>
  domain.startsWith('.') ? t('detail_domain_and_subdomains', [domain.slice(1)]) : domain;

const sameSiteKey = (sameSite: SameSite): string => messageKey('sameSite', sameSite);

function FindingDetails({ finding, t }: { finding: Finding; t: Translate }) {
  const unknown = t('detail_unknown');
  if (finding.kind === 'cookie') {
    return (
      <dl class="details">
        <Detail label={t('detail_cookie_domain')}>{domainText(t, finding.domain)}</Detail>
        <Detail label={t('detail_organisation')}>{finding.organisation ?? unknown}</Detail>
        <Detail label={t('detail_purpose')}>{t(messageKey('purpose', finding.purpose))}</Detail>
        <Detail label={t('detail_party')}>{partyText(t, finding)}</Detail>
        <Detail label={t('detail_lifetime')}>
          {lifetimeText(t, finding)}
          {finding.removed ? ` ${t('detail_removed')}` : ''}
        </Detail>
        {finding.attributesKnown ? (
          <>
            <Detail label={t('detail_secure')}>{t(finding.secure ? 'secure_yes' : 'secure_no')}</Detail>
            <Detail label={t('detail_http_only')}>{t(finding.httpOnly ? 'httpOnly_yes' : 'httpOnly_no')}</Detail>
            <Detail label={t('detail_same_site')}>{t(sameSiteKey(finding.sameSite))}</Detail>
          </>
        ) : (
          <Detail label={t('detail_cookie_settings')}>{t('detail_attributes_unknown')}</Detail>
        )}
        <Detail label={t('detail_personal_data')}>{personalDataText(t, finding)}</Detail>
        <Detail label={t('detail_times_seen')}>{String(finding.count)}</Detail>
        <Detail label={t('detail_why')} wide>{reasonText(t, finding)}</Detail>
      </dl>
    );
  }
  return (
    <dl class="details">
      <Detail label={t('detail_request_host')}>{finding.host}</Detail>
      <Detail label={t('detail_organisation')}>{finding.tracker?.organisation ?? unknown}</Detail>
      <Detail label={t('detail_category')}>
        {finding.tracker ? t(messageKey('category', finding.tracker.category)) : t('category_unknown')}
      </Detail>
      <Detail label={t('detail_party')}>{partyText(t, finding)}</Detail>
      <Detail label={t('detail_personal_data')}>{personalDataText(t, finding)}</Detail>
      <Detail label={t('detail_times_seen')}>{String(finding.count)}</Detail>
      <Detail label={t('detail_why')} wide>{reasonText(t, finding)}</Detail>
    </dl>
  );
}

/** One finding: a button (label, kind, verdict) that shows and hides its details. */
export function FindingRow({ finding, t }: { finding: Finding; t: Translate }) {
  const [open, setOpen] = useState(false);
  const detailsId = useId();
  const verdict = finding.match.verdict;
  return (
    <li class={`finding finding--${verdict}`} data-finding-id={finding.id} data-kind={finding.kind} data-verdict={verdict}>
      <button
        type="button"
        class="finding__toggle"
        aria-expanded={open}
        aria-controls={detailsId}
        onClick={() => setOpen((o) => !o)}
      >
        <span class="finding__label">{findingLabel(finding)}</span>
        <span class="chip">{kindText(t, finding)}</span>
        <span class={`verdict verdict--${verdict}`}>
          <span class="verdict__mark" aria-hidden="true">
            {VERDICT_MARK[verdict]}
          </span>
          {verdictText(t, verdict)}
        </span>
        <span class="finding__chevron" aria-hidden="true" />
      </button>
      <div id={detailsId} class="finding__details" hidden={!open}>
        {open && <FindingDetails finding={finding} t={t} />}
      </div>
    </li>
  );
}
