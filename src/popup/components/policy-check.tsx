import type { PolicyCheck } from '../../core/model';
import type { Translate } from '../../shared/i18n';
import { plural } from '../summary';

/**
 * On SmartErgo's policy page: whether the policy published there is the one PolicyLens's
 * verdicts are built on. The policy promises notice of substantial changes on the site;
 * this makes a change visible even when no notice is posted.
 */
export function PolicyCheckNote({ check, t }: { check: PolicyCheck; t: Translate }) {
  if (!check.readable) {
    return (
      <p class="note" data-testid="policy-check" data-policy-check="unreadable">
        {t('policy_check_unreadable')}
      </p>
    );
  }
  if (check.changes.length === 0) {
    return (
      <p class="note" data-testid="policy-check" data-policy-check="same">
        {t('policy_check_same')}
      </p>
    );
  }
  return (
    <section class="note note--warning" data-testid="policy-check" data-policy-check="changed" role="status">
      <p>{plural(t, 'policy_check_changed', check.changes.length)}</p>
      <ul>
        {check.changes.map((change) => (
          <li key={change.sectionId} data-section-id={change.sectionId} data-change={change.change}>
            {t(`policy_check_section_${change.change}`, [change.title])}
          </li>
        ))}
      </ul>
    </section>
  );
}
