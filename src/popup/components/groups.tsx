import type { Finding } from '../../core/model';
import type { Translate } from '../../shared/i18n';
import { groupBySection, NOT_MENTIONED, type FindingGroup } from '../present';
import type { ControlsState } from '../controls-state';
import { FindingRow } from './finding-row';

function Group({ group, title, t, controls }: { group: FindingGroup; title: string; t: Translate; controls?: ControlsState | undefined }) {
  return (
    <section class={`group group--${group.verdict}`} data-section-id={group.sectionId || undefined} data-verdict={group.verdict}>
      <h2 class="group__title">{title}</h2>
      {group.quotes.map((quote) => (
        <blockquote class="group__quote" key={quote}>
          {quote}
        </blockquote>
      ))}
      <ul class="findings">
        {group.findings.map((finding) => (
          <FindingRow key={finding.id} finding={finding} t={t} controls={controls} />
        ))}
      </ul>
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
  const groups = groupBySection(findings, Object.keys(sectionTitles));
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
