import type { Translate } from '../../shared/i18n';
import { NOT_MENTIONED, type FindingGroup } from '../present';
import type { ControlsState } from '../controls-state';
import { useEffect, useState } from 'preact/hooks';
import { plural } from '../summary';
import { FindingRow, loadDetails } from './finding-row';
import { FIRST_SCREEN_ROWS, ROWS_PER_PAGE } from '../layout';

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
  groups,
  complete,
  sectionTitles,
  t,
  controls,
}: {
  groups: readonly FindingGroup[];
  /** False while the groups hold only the worker's first screen (the whole record is on its way). */
  complete: boolean;
  sectionTitles: Readonly<Record<string, string>>;
  t: Translate;
  controls?: ControlsState | undefined;
}) {
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
    // Busy while the first page of rows is still coming (the record, and a frame later): assistive technology waits for it.
    <div class="groups" aria-busy={firstFrame || !complete ? 'true' : undefined}>
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
