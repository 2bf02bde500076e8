import type { Finding } from '../../core/model';
import type { Translate } from '../../shared/i18n';
import { groupBySection, NOT_MENTIONED, type FindingGroup } from '../present';
import type { ControlsState } from '../controls-state';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { plural } from '../summary';
import { FindingRow, loadDetails } from './finding-row';

/**
 * Rows a group shows before "Show more": a page with thousands of beacons must not
 * make the popup slow to open (the first screen never needs more than this).
 */
export const ROWS_PER_PAGE = 50;

/**
 * Rows in the popup's first frame, over all groups: what its 600 px show below the
 * summary. The rest of each group's first page follows right after that frame is
 * painted: with 1,000 findings, building and laying out 50 rows per group was most of
 * the popup's time to its first frame (bench/README.md).
 */
export const FIRST_SCREEN_ROWS = 12;

/** Runs `next` once the frame being prepared has been painted. */
function afterNextPaint(next: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const frame = requestAnimationFrame(() => {
    timer = setTimeout(next, 0);
  });
  return () => {
    cancelAnimationFrame(frame);
    if (timer !== undefined) clearTimeout(timer);
  };
}

function Group({
  group,
  title,
  t,
  controls,
  firstScreen,
}: {
  group: FindingGroup;
  title: string;
  t: Translate;
  controls?: ControlsState | undefined;
  /** Set for the first frame only: the rows this group may show in it (see FIRST_SCREEN_ROWS). */
  firstScreen?: number | undefined;
}) {
  const [page, setShown] = useState(ROWS_PER_PAGE);
  const shown = firstScreen === undefined ? page : Math.min(page, firstScreen);
  const hidden = firstScreen === undefined ? group.findings.length - shown : 0;
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
  const [firstFrame, setFirstFrame] = useState(true);
  useEffect(
    () =>
      afterNextPaint(() => {
        setFirstFrame(false);
        // So the first row opened shows its details at once.
        void loadDetails();
      }),
    [],
  );
  // The first frame's rows, handed out to the groups in order.
  let budget = firstFrame ? FIRST_SCREEN_ROWS : Infinity;
  return (
    // Busy while the first page of rows is still coming (a frame later): assistive technology waits for it.
    <div class="groups" aria-busy={firstFrame ? 'true' : undefined}>
      {groups.map((group) => {
        const firstScreen = firstFrame ? budget : undefined;
        budget = Math.max(0, budget - group.findings.length);
        return (
          <Group
            key={group.sectionId}
            group={group}
            t={t}
            controls={controls}
            firstScreen={firstScreen}
            title={group.sectionId === NOT_MENTIONED ? t('group_not_mentioned') : (sectionTitles[group.sectionId] ?? group.sectionId)}
          />
        );
      })}
    </div>
  );
}
