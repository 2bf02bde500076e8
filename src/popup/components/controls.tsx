import { useId, useState } from 'preact/hooks';
import { brokenFeatures, COOKIES_NEEDED_QUOTE, type SiteFeature } from '../../core/blocking/features';
import type { RuleLabel } from '../../core/blocking/rules';
import { BLOCKABLE_PURPOSES, type TrackerChoice, type TrackerTarget } from '../../core/blocking/settings';
import type { CookiePurpose } from '../../core/model';
import { composeOptOut, composeReviewDelete, OPT_OUT_CHOICES, POSTAL_ADDRESS_GIVEN, type ComposedEmail, type OptOutChoice } from '../../core/opt-out';
import { CONTACT_EMAIL, OPT_OUT_CHANNEL } from '../../core/policy/channels';
import type { Translate } from '../../shared/i18n';
import type { LoggedRightsRequest } from '../../shared/messages';
import type { ControlsState } from '../controls-state';
import { messageKey } from '../present';

const FEATURE_KEY: Record<SiteFeature, string> = { 'login-session': 'feature_login_session', cart: 'feature_cart' };

/** A checkbox with its label and a hint under it. */
function Switch(props: {
  testId: string;
  label: string;
  hint?: string;
  checked: boolean;
  /** Shown but not changeable (another switch already decides it). */
  disabled?: boolean;
  onChange(checked: boolean): void;
}) {
  const id = useId();
  return (
    <div class="switch">
      <input
        id={id}
        type="checkbox"
        data-testid={props.testId}
        checked={props.checked}
        disabled={props.disabled}
        aria-describedby={props.hint ? `${id}-hint` : undefined}
        onChange={(e) => props.onChange((e.currentTarget as HTMLInputElement).checked)}
      />
      <label for={id}>{props.label}</label>
      {props.hint && (
        <p id={`${id}-hint`} class="switch__hint">
          {props.hint}
        </p>
      )}
    </div>
  );
}

const targetName = (target: TrackerTarget): string => target.slice(target.indexOf(':') + 1);

function blockedLabel(t: Translate, label: RuleLabel): string {
  if (label.kind === 'beacons') return t('blocked_label_beacons');
  return label.kind === 'organisation' ? label.name : label.host;
}

function BlockedCounts({ controls, t }: { controls: ControlsState; t: Translate }) {
  const blocked = controls.blocked.value;
  return (
    <div class="blocked" data-testid="blocked-counts">
      <h3 class="panel__subtitle">{t('blocked_counts_title')}</h3>
      {blocked === null ? null : !blocked.available ? (
        <p class="note">{t('blocked_counts_unavailable')}</p>
      ) : blocked.counts.length === 0 ? (
        <p class="note">{t('blocked_counts_none')}</p>
      ) : (
        <ul class="plain-list">
          {blocked.counts.map((entry) => (
            <li key={blockedLabel(t, entry.label)}>{t('blocked_count', [blockedLabel(t, entry.label), String(entry.count)])}</li>
          ))}
        </ul>
      )}
      <button type="button" class="button button--small" onClick={() => void controls.refreshBlocked()}>
        {t('refresh')}
      </button>
    </div>
  );
}

function CookieNameForm({ controls, t }: { controls: ControlsState; t: Translate }) {
  const [name, setName] = useState('');
  const id = useId();
  const names = controls.settings.value.cookies.names;
  const submit = (event: Event) => {
    event.preventDefault();
    const trimmed = name.trim();
    if (!trimmed || names.includes(trimmed)) return;
    void controls.change({ cookies: { names: [...names, trimmed] } }).then(() => setName(''));
  };
  return (
    <form class="inline-form" onSubmit={submit}>
      <label for={id}>{t('block_cookie_name_label')}</label>
      <div class="inline-form__row">
        <input id={id} data-testid="block-cookie-name" value={name} onInput={(e) => setName((e.currentTarget as HTMLInputElement).value)} spellcheck={false} autocomplete="off" />
        <button type="submit" class="button button--small">
          {t('block_cookie_name_button')}
        </button>
      </div>
    </form>
  );
}

function ChoiceList(props: { title: string; items: { key: string; text: string; undo(): void }[]; t: Translate; testId: string }) {
  if (props.items.length === 0) return null;
  return (
    <div data-testid={props.testId}>
      <h3 class="panel__subtitle">{props.title}</h3>
      <ul class="plain-list">
        {props.items.map((item) => (
          <li key={item.key} class="choice">
            <span>{item.text}</span>
            <button type="button" class="button button--small" aria-label={props.t('undo_choice_label', [item.text])} onClick={item.undo}>
              {props.t('undo_choice')}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}

export function BlockingPanel({ controls, t }: { controls: ControlsState; t: Translate }) {
  const settings = controls.settings.value;
  const { cookies } = settings;
  const broken = brokenFeatures(settings);
  // Without contentSettings (Firefox) other companies' cookies cannot be blocked: no such switch.
  const thirdPartyCookies = controls.features.thirdPartyCookieBlocking;
  const togglePurpose = (purpose: CookiePurpose, on: boolean) =>
    void controls.change({
      cookies: { purposes: on ? [...cookies.purposes, purpose] : cookies.purposes.filter((p) => p !== purpose) },
    });
  const trackerItems = (Object.entries(settings.trackers) as [TrackerTarget, TrackerChoice][]).map(([target, choice]) => ({
    key: target,
    text: t(choice === 'block' ? 'tracker_choice_block' : 'tracker_choice_allow', [targetName(target)]),
    undo: () => {
      const rest = { ...settings.trackers };
      delete rest[target];
      void controls.change({ trackers: rest });
    },
  }));
  return (
    <section class="panel" aria-labelledby="blocking-title" data-testid="blocking-panel">
      <h2 id="blocking-title" class="panel__title">
        {t('controls_block_title')}
      </h2>
      {controls.error.value && (
        <p class="message message--error" role="alert" data-testid="controls-error">
          {t('controls_error', [controls.error.value])}
        </p>
      )}
      <Switch
        testId="block-cookies-all"
        label={t('block_cookies_all')}
        hint={t(thirdPartyCookies ? 'block_cookies_all_hint' : 'block_cookies_all_hint_own')}
        checked={cookies.all}
        onChange={(all) => void controls.change({ cookies: { all } })}
      />
      {thirdPartyCookies && (
        <Switch
          testId="block-cookies-third-party"
          label={t('block_cookies_third_party')}
          hint={t('block_cookies_third_party_hint')}
          checked={cookies.thirdParty || cookies.all}
          disabled={cookies.all}
          onChange={(thirdParty) => void controls.change({ cookies: { thirdParty } })}
        />
      )}
      <fieldset class="fieldset">
        <legend>{t('block_cookies_purposes')}</legend>
        {BLOCKABLE_PURPOSES.map((purpose) => (
          <Switch
            key={purpose}
            testId={`block-purpose-${purpose}`}
            label={t(messageKey('purpose', purpose))}
            checked={cookies.purposes.includes(purpose)}
            onChange={(on) => togglePurpose(purpose, on)}
          />
        ))}
      </fieldset>
      <CookieNameForm controls={controls} t={t} />
      <ChoiceList
        testId="blocked-names"
        title={t('blocked_names_title')}
        t={t}
        items={cookies.names.map((name) => ({
          key: name,
          text: name,
          undo: () => void controls.change({ cookies: { names: cookies.names.filter((n) => n !== name) } }),
        }))}
      />
      {broken.length > 0 && (
        <div class="warning" role="status" data-testid="feature-warning">
          <p>{t('feature_warning', [broken.map((f) => t(FEATURE_KEY[f])).join('; ')])}</p>
          <blockquote class="group__quote">{COOKIES_NEEDED_QUOTE}</blockquote>
        </div>
      )}
      <Switch
        testId="block-beacons"
        label={t('block_beacons')}
        hint={t('block_beacons_hint')}
        checked={settings.beacons}
        onChange={(beacons) => void controls.change({ beacons })}
      />
      <ChoiceList testId="tracker-choices" title={t('tracker_choices_title')} t={t} items={trackerItems} />
      <Switch testId="gpc" label={t('gpc_switch')} hint={t('gpc_hint')} checked={settings.gpc} onChange={(gpc) => void controls.change({ gpc })} />
      {controls.features.blockedCounts && <BlockedCounts controls={controls} t={t} />}
    </section>
  );
}

function EmailActions(props: {
  email: ComposedEmail | null;
  sendLabel: string;
  testId: string;
  onSend(): void;
  controls: ControlsState;
  t: Translate;
}) {
  const { email, t } = props;
  const [copied, setCopied] = useState<boolean | null>(null);
  return (
    <div class="email">
      {email && (
        <details class="email__preview">
          <summary>{t('email_preview')}</summary>
          <p>{t('email_to', [email.to])}</p>
          <p>{t('email_subject', [email.subject])}</p>
          <pre class="email__body" data-testid={`${props.testId}-body`}>
            {email.body}
          </pre>
        </details>
      )}
      <div class="inline-form__row">
        {email ? (
          // A link: the browser hands mailto: to the user's mail client; the click also logs the request.
          <a class="button" href={email.mailto} data-testid={props.testId} onClick={props.onSend}>
            {props.sendLabel}
          </a>
        ) : (
          <span class="button button--disabled" aria-disabled="true">
            {props.sendLabel}
          </span>
        )}
        <button
          type="button"
          class="button button--small"
          disabled={!email}
          onClick={() => email && void props.controls.copy(email.mailto).then(setCopied)}
        >
          {t('copy_email')}
        </button>
      </div>
      {copied !== null && (
        <p class="note" role="status">
          {t(copied ? 'copied' : 'copy_failed')}
        </p>
      )}
    </div>
  );
}

function dateText(t: Translate, time: number): string {
  return new Intl.DateTimeFormat(t('@@ui_locale').replace('_', '-'), { dateStyle: 'medium', timeStyle: 'short' }).format(time);
}

function RequestLog({ log, t }: { log: readonly LoggedRightsRequest[]; t: Translate }) {
  return (
    <div data-testid="request-log">
      <h3 class="panel__subtitle">{t('log_title')}</h3>
      {log.length === 0 ? (
        <p class="note">{t('log_empty')}</p>
      ) : (
        <ul class="plain-list">
          {log.map((entry) => (
            <li key={`${entry.sentAt}-${entry.kind}`} data-kind={entry.kind}>
              {t(messageKey('log_entry', entry.kind), [dateText(t, entry.sentAt), entry.to])}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function Field({ label, value, type, onInput, testId }: { label: string; value: string; type: 'email' | 'text'; onInput(v: string): void; testId: string }) {
  const id = useId();
  return (
    <div class="field">
      <label for={id}>{label}</label>
      {type === 'email' ? (
        <input id={id} type="email" autocomplete="email" data-testid={testId} value={value} onInput={(e) => onInput(e.currentTarget.value)} />
      ) : (
        <input id={id} type="text" autocomplete="name" data-testid={testId} value={value} onInput={(e) => onInput(e.currentTarget.value)} />
      )}
    </div>
  );
}

export function RightsPanel({ controls, t }: { controls: ControlsState; t: Translate }) {
  const [choices, setChoices] = useState<OptOutChoice[]>([...OPT_OUT_CHOICES]);
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const identity = { email, name };
  const optOut = choices.length > 0 ? composeOptOut(choices, identity) : null;
  const review = composeReviewDelete(identity);
  return (
    <section class="panel" aria-labelledby="rights-title" data-testid="rights-panel">
      <h2 id="rights-title" class="panel__title">
        {t('rights_title')}
      </h2>
      <Field label={t('identity_email_label')} type="email" value={email} onInput={setEmail} testId="identity-email" />
      <Field label={t('identity_name_label')} type="text" value={name} onInput={setName} testId="identity-name" />

      <h3 class="panel__subtitle">{t('optout_title')}</h3>
      <p class="note">{t('optout_intro', [OPT_OUT_CHANNEL.email])}</p>
      <fieldset class="fieldset">
        <legend>{t('optout_choices')}</legend>
        {OPT_OUT_CHOICES.map((choice) => (
          <Switch
            key={choice}
            testId={`optout-${choice}`}
            label={t(messageKey('optout_choice', choice))}
            checked={choices.includes(choice)}
            onChange={(on) => setChoices((now) => (on ? OPT_OUT_CHOICES.filter((c) => c === choice || now.includes(c)) : now.filter((c) => c !== choice)))}
          />
        ))}
      </fieldset>
      {!optOut && (
        <p class="note" role="status">
          {t('optout_none_chosen')}
        </p>
      )}
      <EmailActions
        email={optOut}
        sendLabel={t('optout_send')}
        testId="send-opt-out"
        controls={controls}
        t={t}
        onSend={() => void controls.logRequest('opt-out', choices)}
      />
      {!POSTAL_ADDRESS_GIVEN && (
        <p class="note" data-testid="no-postal-address">
          {t('written_request_missing')}
        </p>
      )}

      <h3 class="panel__subtitle">{t('review_title')}</h3>
      <p class="note">{t('review_intro', [CONTACT_EMAIL])}</p>
      <EmailActions
        email={review}
        sendLabel={t('review_send')}
        testId="send-review"
        controls={controls}
        t={t}
        onSend={() => void controls.logRequest('review-delete', [])}
      />
      <RequestLog log={controls.log.value} t={t} />
    </section>
  );
}
