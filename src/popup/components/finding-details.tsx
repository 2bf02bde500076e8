/**
 * What a finding's row shows when opened: its details and the actions on it. Loaded
 * only when a row is first opened (or once the popup has painted): no row needs it for
 * the popup's first frame (finding-row.tsx).
 */
import { hostTarget, orgTarget, type TrackerTarget } from '../../core/blocking/settings';
import { isRequestFinding, type Finding, type SameSite } from '../../core/model';
import type { ControlsState } from '../controls-state';
import { BehaviourDetails, Detail } from './behaviour-details';
import type { Translate } from '../../shared/i18n';
import { lifetimeText, messageKey, partyText, personalDataText, reasonText } from '../present';

const domainText = (t: Translate, domain: string): string =>
  domain.startsWith('.') ? t('detail_domain_and_subdomains', [domain.slice(1)]) : domain;

const sameSiteKey = (sameSite: SameSite): string => messageKey('sameSite', sameSite);

export function FindingDetails({ finding, t }: { finding: Finding; t: Translate }) {
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
  if (!isRequestFinding(finding)) {
    return <BehaviourDetails finding={finding} t={t} />;
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

/** Block or unblock this one thing from its details. */
export function FindingActions({ finding, controls, t }: { finding: Finding; controls: ControlsState; t: Translate }) {
  const settings = controls.settings.value;
  if (finding.kind === 'cookie') {
    if (finding.party !== 'first-party') return null;
    const names = settings.cookies.names;
    const blocked = names.includes(finding.name);
    return (
      <div class="actions">
        <button
          type="button"
          class="button button--small"
          onClick={() =>
            void controls.change({ cookies: { names: blocked ? names.filter((n) => n !== finding.name) : [...names, finding.name] } })
          }
        >
          {t(blocked ? 'action_unblock_cookie' : 'action_block_cookie')}
        </button>
      </div>
    );
  }
  if (finding.party !== 'third-party' || (finding.kind !== 'beacon' && finding.kind !== 'request')) return null;
  const org = finding.tracker?.organisation;
  const target: TrackerTarget = org ? orgTarget(org) : hostTarget(finding.host);
  const name = org ?? finding.host;
  const choice = settings.trackers[target];
  const set = (next: 'block' | 'allow' | undefined) => {
    const trackers = { ...settings.trackers };
    if (next) trackers[target] = next;
    else delete trackers[target];
    void controls.change({ trackers });
  };
  return (
    <div class="actions">
      {choice ? (
        <button type="button" class="button button--small" onClick={() => set(undefined)}>
          {t('action_undo', [name])}
        </button>
      ) : (
        <>
          <button type="button" class="button button--small" data-action="block" onClick={() => set('block')}>
            {t('action_block', [name])}
          </button>
          {org && settings.beacons && (
            <button type="button" class="button button--small" data-action="allow" onClick={() => set('allow')}>
              {t('action_allow', [name])}
            </button>
          )}
        </>
      )}
    </div>
  );
}
