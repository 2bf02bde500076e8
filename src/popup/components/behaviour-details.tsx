import type { ComponentChildren } from 'preact';
import type { PageBehaviourFinding } from '../../core/model';
import type { Translate } from '../../shared/i18n';
import { messageKey, partyText, personalDataText, reasonText } from '../present';

export function Detail({ label, wide, children }: { label: string; wide?: boolean; children: ComponentChildren }) {
  return (
    <div class={wide ? 'detail detail--wide' : 'detail'}>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

const list = (t: Translate, prefix: string, values: readonly string[]): string =>
  values.length === 0 ? t('personalData_none') : values.map((v) => t(messageKey(prefix, v))).join(', ');

/** Details of storage, form, leak, fingerprint, recording and consent findings: what each kind alone has. */
export function BehaviourDetails({ finding, t }: { finding: PageBehaviourFinding; t: Translate }) {
  const unknown = t('detail_unknown');
  const why = <Detail label={t('detail_why')} wide>{reasonText(t, finding)}</Detail>;
  switch (finding.kind) {
    case 'storage':
      return (
        <dl class="details">
          <Detail label={t('detail_storage_area')}>{t(messageKey('storageArea', finding.area))}</Detail>
          <Detail label={t('detail_organisation')}>{finding.organisation ?? unknown}</Detail>
          <Detail label={t('detail_purpose')}>{t(messageKey('purpose', finding.purpose))}</Detail>
          <Detail label={t('detail_identifier')}>{t(finding.identifier ? 'identifier_yes' : 'identifier_no')}</Detail>
          <Detail label={t('detail_personal_data')}>{personalDataText(t, finding)}</Detail>
          <Detail label={t('detail_size')}>{t('size_characters', [String(finding.valueLength)])}</Detail>
          {why}
        </dl>
      );
    case 'form':
      return (
        <dl class="details">
          <Detail label={t('detail_form_target')}>{`${finding.host}${finding.path}`}</Detail>
          <Detail label={t('detail_organisation')}>{finding.tracker?.organisation ?? (finding.party === 'first-party' ? 'SmartErgo' : unknown)}</Detail>
          <Detail label={t('detail_form_fields')} wide>{list(t, 'field', finding.fields)}</Detail>
          <Detail label={t('detail_secure')}>{t(finding.secure ? 'secure_yes' : 'form_insecure')}</Detail>
          <Detail label={t('detail_party')}>{partyText(t, finding)}</Detail>
          {why}
        </dl>
      );
    case 'leak':
      return (
        <dl class="details">
          <Detail label={t('detail_request_host')}>{finding.host}</Detail>
          <Detail label={t('detail_organisation')}>{finding.tracker?.organisation ?? unknown}</Detail>
          <Detail label={t('detail_personal_data')}>{personalDataText(t, finding)}</Detail>
          <Detail label={t('detail_leak_encodings')}>{list(t, 'encoding', finding.encodings)}</Detail>
          {why}
        </dl>
      );
    case 'fingerprint':
    case 'recording':
      return (
        <dl class="details">
          <Detail label={t('detail_script_host')}>{finding.host}</Detail>
          <Detail label={t('detail_organisation')}>{finding.tracker?.organisation ?? unknown}</Detail>
          <Detail label={t(finding.kind === 'fingerprint' ? 'detail_techniques' : 'detail_signals')} wide>
            {finding.kind === 'fingerprint' ? list(t, 'technique', finding.techniques) : list(t, 'signal', finding.signals)}
          </Detail>
          {why}
        </dl>
      );
    case 'consent':
      return (
        <dl class="details">
          <Detail label={t('detail_consent_tool')}>{finding.tool || t('consent_own_banner')}</Detail>
          <Detail label={t('detail_consent_answer')}>{t(messageKey('consentAnswer', finding.answer))}</Detail>
          <Detail label={t('detail_tracking_before_answer')} wide>
            {finding.trackingBeforeAnswer.length === 0 ? t('personalData_none') : finding.trackingBeforeAnswer.join(', ')}
          </Detail>
          {why}
        </dl>
      );
  }
}
