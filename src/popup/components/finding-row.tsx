import { useId, useState } from 'preact/hooks';
import type { Finding } from '../../core/model';
import type { ControlsState } from '../controls-state';
import type { Translate } from '../../shared/i18n';
import { findingLabel, kindText, verdictText } from '../present';

type DetailsModule = typeof import('./finding-details');
let details: DetailsModule | undefined;
let loading: Promise<DetailsModule> | undefined;
/** The opened rows' code (finding-details.tsx), loaded once. */
export const loadDetails = (): Promise<DetailsModule> =>
  (loading ??= import('./finding-details').then((loaded) => (details = loaded)));

const VERDICT_MARK = { contradicts: '!', 'not-covered': '?', disclosed: '✓' } as const;

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
  const [, setLoaded] = useState(false);
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
        onClick={() => {
          if (!details) void loadDetails().then(() => setLoaded(true));
          setOpen((o) => !o);
        }}
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
        {open && details && <details.FindingDetails finding={finding} t={t} />}
        {open && details && controls && <details.FindingActions finding={finding} controls={controls} t={t} />}
      </div>
    </li>
  );
}
