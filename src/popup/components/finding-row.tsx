import { useId, useState } from 'preact/hooks';
import { hostTarget, orgTarget, type TrackerTarget } from '../../core/blocking/settings';
import { isRequestFinding, type Finding, type SameSite } from '../../core/model';
import type { ControlsState } from '../controls-state';
import { BehaviourDetails, Detail } from './behaviour-details';
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
function FindingActions({ finding, controls, t }: { finding: Finding; controls: ControlsState; t: Translate }) {
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

/**
 * One finding: a button (label, kind, verdict) that shows and hides its details.
 * `blocked` comes from the group, which reads the settings once: a row reading the
 * settings signal itself subscribed every row to it, and each change re-rendered all.
 */
export function FindingRow({
  finding,
  t,
  controls,
  blocked = false,
}: {
  finding: Finding;
  t: Translate;
  controls?: ControlsState | undefined;
  blocked?: boolean;
}) {
  const [open, setOpen] = useState(false);
  const detailsId = useId();
  const verdict = finding.match.verdict;
  return (
    <li
      class={`finding finding--${verdict}`}
      data-finding-id={finding.id}
      data-kind={finding.kind}
      data-verdict={verdict}
      data-blocked={blocked ? 'true' : undefined}
    >
      <button
        type="button"
        class="finding__toggle"
        aria-expanded={open}
        aria-controls={detailsId}
        onClick={() => setOpen((o) => !o)}
      >
        <span class="finding__label">{findingLabel(finding)}</span>
        <span class="chip">{kindText(t, finding)}</span>
        {blocked && <span class="chip chip--blocked">{t('chip_blocked')}</span>}
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
        {open && controls && <FindingActions finding={finding} controls={controls} t={t} />}
      </div>
    </li>
  );
}
