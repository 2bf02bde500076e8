import type { Finding } from '../../core/model';
import type { Translate } from '../../shared/i18n';
import { groupBySection, NOT_MENTIONED, type FindingGroup } from '../present';
import type { ControlsState } from '../controls-state';
import { useMemo, useState } from 'preact/hooks';
import { plural } from '../summary';
import { FindingRow } from './finding-row';

/**
 * Rows a group shows before "Show more": a page with thousands of beacons must not
 * make the popup slow to open (the first screen never needs more than this).
 */
export const ROWS_PER_PAGE = 50;

function Group({ group, title, t, controls }: { group: FindingGroup; title: string; t: Translate; controls?: ControlsState | undefined }) {
  const [shown, setShown] = useState(ROWS_PER_PAGE);
  const hidden = group.findings.length - shown;
  const settings = controls?.settings.value;
  return (
    <section class={`group group--${group.verdict}`} data-section-id={group.sectionId || undefined} data-verdict={group.verdict}>
      <h2 class="group__title">{title}</h2>
      {group.quotes.map((quote) => (
        <blockquote class="group__quote" key={quote}>
          {quote}
        </blockquote>
      ))}
      <ul class="findings">
        {group.findings.slice(0, shown).map((finding) => (
          <FindingRow
            key={finding.id}
            finding={finding}
            t={t}
            controls={controls}
            blocked={settings !== undefined && controls !== undefined && controls.isBlocked(settings, finding)}
          />
        ))}
      </ul>
      {hidden > 0 && (
        <button type="button" class="button button--small" data-testid="show-more" onClick={() => setShown((n) => n + ROWS_PER_PAGE)}>
          {plural(t, 'popup_show_more', Math.min(hidden, ROWS_PER_PAGE))}
        </button>
      )}
    </section>
  );
}

export function Groups({
  findings,
  sectionTitles,
  t,
  controls,
}: {
  findings: readonly Finding[];
  sectionTitles: Readonly<Record<string, string>>;
  t: Translate;
  controls?: ControlsState | undefined;
}) {
  // Sorting 1,000 findings is the popup's largest piece of JS: only again when they change.
  const groups = useMemo(() => groupBySection(findings, Object.keys(sectionTitles)), [findings, sectionTitles]);
  return (
    <>
      {groups.map((group) => (
        <Group
          key={group.sectionId}
          group={group}
          t={t}
          controls={controls}
          title={group.sectionId === NOT_MENTIONED ? t('group_not_mentioned') : (sectionTitles[group.sectionId] ?? group.sectionId)}
        />
      ))}
    </>
  );
}
