/**
 * The one message vocabulary between the content script, the popup and the worker.
 * Every incoming message is validated here; who sent it is decided from the
 * browser-set `sender` fields by the router, never from the message itself.
 */
import {
  FINGERPRINT_TECHNIQUES,
  LEAK_CARRIERS,
  LEAK_ENCODINGS,
  PERSONAL_DATA_KINDS,
  RECORDING_SIGNALS,
  UNLISTED_FORM_FIELDS,
  type ConsentObservation,
  type CookieAttemptObservation,
  type CookiePurpose,
  type DocumentCookieObservation,
  type FingerprintObservation,
  type FormFieldKind,
  type FormObservation,
  type LeakObservation,
  type PageBehaviourObservation,
  type PageRecord,
  type PersonalDataKind,
  type RecordingObservation,
  type ResourceObservation,
  type StorageObservation,
} from '../core/model';
import type { RuleLabel } from '../core/blocking/rules';
import type { PackedPage } from './page-wire';
import type { PageView } from '../core/page-view';
import {
  BLOCKABLE_PURPOSES,
  DEFAULT_SETTINGS,
  MAX_BLOCKED_NAMES,
  MAX_TRACKER_CHOICES,
  type BlockingSettings,
  type SettingsChange,
  type TrackerChoice,
  type TrackerTarget,
} from '../core/blocking/settings';
import { OPT_OUT_CHOICES, type OptOutChoice, type RightsRequestKind } from '../core/rights';
import {
  array,
  boolean,
  integer,
  literal,
  matching,
  object,
  optional,
  record,
  string,
  tagged,
  type Result,
  type Validator,
} from './validate';
import { MAX_COOKIE_LENGTH, MAX_OBSERVATIONS_PER_MESSAGE, MAX_STORAGE_KEY_LENGTH, MAX_URL_LENGTH } from './limits';

export { MAX_COOKIE_LENGTH, MAX_OBSERVATIONS_PER_MESSAGE, MAX_STORAGE_KEY_LENGTH, MAX_URL_LENGTH };


/** What a content script may report: only what it can see itself. */
export type PageObservation =
  | ResourceObservation
  | DocumentCookieObservation
  | CookieAttemptObservation
  | PageBehaviourObservation;

export interface ObservationsMessage {
  type: 'observations';
  observations: PageObservation[];
  /** Names the batch, so one sent again (its first message failed) is taken in once. */
  batch?: string;
}

/** Content script → worker: the text of a page that looks like SmartErgo's privacy policy. */
export interface PolicyTextMessage {
  type: 'policy-text';
  text: string;
}

/** A policy is ~10 KB; a page many times that is not one we compare. */
export const MAX_POLICY_TEXT_LENGTH = 200_000;

export interface GetPageMessage {
  type: 'get-page';
  tabId: number;
  /** Answer with the record packed (page-wire.ts): what the popup asks for. */
  packed?: boolean;
  /**
   * Answer with only the first screen of the popup's view (core/page-view.ts): the summary,
   * every group's heading and this many rows, so the popup can draw before the whole record is in.
   */
  firstScreen?: number;
}

/** Popup → worker: change some settings (the worker merges the change into what is stored). */
export interface UpdateSettingsMessage {
  type: 'update-settings';
  change: SettingsChange;
}

/** Popup → worker: the user sent SmartErgo a request; keep it in the dated log. */
export interface LogRequestMessage {
  type: 'log-request';
  kind: RightsRequestKind;
  /** For an opt-out: what the user opted out of. */
  choices: OptOutChoice[];
}

/** Popup → worker: what the rules blocked in the tab since its page started. */
export interface GetBlockedMessage {
  type: 'get-blocked';
  tabId: number;
}

/**
 * Code the content script leaves out and asks for when a page needs it
 * (content/late-modules.ts): the worker injects the module's file into the asking frame.
 */
export const LATE_MODULE_NAMES = ['leak-matcher', 'consent-reader'] as const;
export type LateModuleName = (typeof LATE_MODULE_NAMES)[number];

/** Content script → worker: run this module's file in my frame; answered once it has run. */
export interface LoadModuleMessage {
  type: 'load-module';
  module: LateModuleName;
}

export type ContentMessage = ObservationsMessage | PolicyTextMessage | LoadModuleMessage;
export type PopupMessage = GetPageMessage | UpdateSettingsMessage | LogRequestMessage | GetBlockedMessage;

/** One entry of the request log in storage.local. */
export interface LoggedRightsRequest {
  kind: RightsRequestKind;
  to: string;
  subject: string;
  choices: OptOutChoice[];
  /** Milliseconds since the epoch. */
  sentAt: number;
}

export interface BlockedCount {
  label: RuleLabel;
  count: number;
}

export interface GetBlockedResponse {
  /** False where the browser cannot say (no feedback API, or its call quota is spent). */
  available: boolean;
  counts: BlockedCount[];
}

export interface GetPageResponse {
  /** The tab shows a SmartErgo page (PolicyLens only looks at those). */
  smartErgo: boolean;
  page: PageRecord | null;
}

/** The answer to a get-page message with `firstScreen`. */
export interface FirstScreenResponse {
  smartErgo: boolean;
  view: PageView | null;
}

/** The most rows a first screen is asked for (the popup's first frame shows 12). */
export const MAX_FIRST_SCREEN_ROWS = 200;

/** The answer to a get-page message with `packed`: the record as page-wire.ts packs it. */
export interface PackedGetPageResponse {
  smartErgo: boolean;
  packed: PackedPage | null;
}

const resourceObservation: Validator<ResourceObservation> = object<ResourceObservation>({
  source: literal('resource-timing'),
  url: string(MAX_URL_LENGTH),
  initiatorType: string(64),
  looksLikePixel: optional(boolean),
  sentAs: optional(literal('sendbeacon', 'keepalive')),
});

const documentCookieObservation: Validator<DocumentCookieObservation> = object<DocumentCookieObservation>({
  source: literal('document-cookie'),
  name: string(MAX_COOKIE_LENGTH),
  value: string(MAX_COOKIE_LENGTH),
});

const personalDataKind: Validator<PersonalDataKind> = literal(...PERSONAL_DATA_KINDS);
const personalDataKinds = array(personalDataKind, PERSONAL_DATA_KINDS.length);
/** What a page can store under one key (Chromium's whole quota is ~10 MB per origin for localStorage). */
const MAX_STORED_LENGTH = 100_000_000;

const storageObservation = object<StorageObservation>({
  source: literal('storage'),
  area: literal('local', 'session', 'indexeddb'),
  key: string(MAX_STORAGE_KEY_LENGTH),
  valueLength: integer(0, MAX_STORED_LENGTH),
  identifier: boolean,
  personalData: personalDataKinds,
});

const FORM_FIELD_KINDS: readonly FormFieldKind[] = [...PERSONAL_DATA_KINDS, ...UNLISTED_FORM_FIELDS];
const formObservation = object<FormObservation>({
  source: literal('form'),
  action: string(MAX_URL_LENGTH),
  method: string(16),
  fields: array(literal(...FORM_FIELD_KINDS), FORM_FIELD_KINDS.length),
});

const leakObservation = object<LeakObservation>({
  source: literal('leak'),
  url: string(MAX_URL_LENGTH),
  carrier: literal(...LEAK_CARRIERS),
  items: array(
    object<LeakObservation['items'][number]>({ kind: personalDataKind, encoding: literal(...LEAK_ENCODINGS) }),
    PERSONAL_DATA_KINDS.length * LEAK_ENCODINGS.length,
  ),
});

const fingerprintObservation = object<FingerprintObservation>({
  source: literal('fingerprint'),
  techniques: array(literal(...FINGERPRINT_TECHNIQUES), FINGERPRINT_TECHNIQUES.length),
  scriptUrl: optional(string(MAX_URL_LENGTH)),
});

const recordingObservation = object<RecordingObservation>({
  source: literal('recording'),
  signals: array(literal(...RECORDING_SIGNALS), RECORDING_SIGNALS.length),
  scriptUrl: optional(string(MAX_URL_LENGTH)),
});

const consentObservation = object<ConsentObservation>({
  source: literal('consent'),
  tool: string(64),
  answer: literal('none', 'accepted', 'declined'),
});

const cookieAttemptObservation: Validator<CookieAttemptObservation> = object<CookieAttemptObservation>({
  source: literal('cookie-attempt'),
  name: string(MAX_COOKIE_LENGTH),
  value: string(MAX_COOKIE_LENGTH),
});

const pageObservation: Validator<PageObservation> = tagged<PageObservation>('source', {
  'resource-timing': resourceObservation,
  'document-cookie': documentCookieObservation,
  storage: storageObservation,
  form: formObservation,
  leak: leakObservation,
  fingerprint: fingerprintObservation,
  recording: recordingObservation,
  consent: consentObservation,
  'cookie-attempt': cookieAttemptObservation,
});

export const validateContentMessage: Validator<ContentMessage> = tagged<ContentMessage>('type', {
  observations: object<ObservationsMessage>({
    type: literal('observations'),
    observations: array(pageObservation, MAX_OBSERVATIONS_PER_MESSAGE),
    batch: optional(string(64)),
  }),
  'policy-text': object<PolicyTextMessage>({
    type: literal('policy-text'),
    text: string(MAX_POLICY_TEXT_LENGTH),
  }),
  'load-module': object<LoadModuleMessage>({
    type: literal('load-module'),
    module: literal(...LATE_MODULE_NAMES),
  }),
});

// --- Settings ---------------------------------------------------------------

/** A cookie name as RFC 6265 allows it (a token), bounded. */
const cookieName = matching(/^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/, 256, 'a cookie name');
const cookiePurpose: Validator<CookiePurpose> = literal(...BLOCKABLE_PURPOSES);
const trackerTarget: Validator<TrackerTarget> = matching<TrackerTarget>(
  /^(?:org:[^\u0000-\u001f]{1,100}|host:[a-z0-9-]+(?:\.[a-z0-9-]+)+)$/,
  300,
  '"org:<organisation>" or "host:<host name>"',
);
const trackerChoice: Validator<TrackerChoice> = literal('block', 'allow');
const trackers = record(trackerTarget, trackerChoice, MAX_TRACKER_CHOICES);

const cookieSettings = object<BlockingSettings['cookies']>({
  all: boolean,
  thirdParty: boolean,
  purposes: array(cookiePurpose, BLOCKABLE_PURPOSES.length),
  names: array(cookieName, MAX_BLOCKED_NAMES),
});

export const validateSettings: Validator<BlockingSettings> = object<BlockingSettings>({
  cookies: cookieSettings,
  beacons: boolean,
  trackers,
  gpc: boolean,
});

/** Settings as stored; anything unreadable (an older shape, a damaged value) reads as the defaults. */
export function readSettings(stored: unknown): BlockingSettings {
  const checked = validateSettings(stored);
  return checked.ok ? checked.value : structuredClone(DEFAULT_SETTINGS);
}

const settingsChange = object<SettingsChange>({
  cookies: optional(
    object<Partial<BlockingSettings['cookies']>>({
      all: optional(boolean),
      thirdParty: optional(boolean),
      purposes: optional(array(cookiePurpose, BLOCKABLE_PURPOSES.length)),
      names: optional(array(cookieName, MAX_BLOCKED_NAMES)),
    }),
  ),
  beacons: optional(boolean),
  trackers: optional(trackers),
  gpc: optional(boolean),
});

export const validatePopupMessage: Validator<PopupMessage> = tagged<PopupMessage>('type', {
  'get-page': object<GetPageMessage>({
    type: literal('get-page'),
    tabId: integer(0, Number.MAX_SAFE_INTEGER),
    packed: optional(boolean),
    firstScreen: optional(integer(1, MAX_FIRST_SCREEN_ROWS)),
  }),
  'update-settings': object<UpdateSettingsMessage>({
    type: literal('update-settings'),
    change: settingsChange,
  }),
  'log-request': object<LogRequestMessage>({
    type: literal('log-request'),
    kind: literal('opt-out', 'review-delete'),
    choices: array(literal(...OPT_OUT_CHOICES), OPT_OUT_CHOICES.length),
  }),
  'get-blocked': object<GetBlockedMessage>({
    type: literal('get-blocked'),
    tabId: integer(0, Number.MAX_SAFE_INTEGER),
  }),
});

const loggedRequest = object<LoggedRightsRequest>({
  kind: literal('opt-out', 'review-delete'),
  to: string(320),
  subject: string(200),
  choices: array(literal(...OPT_OUT_CHOICES), OPT_OUT_CHOICES.length),
  sentAt: integer(0, Number.MAX_SAFE_INTEGER),
});

export const MAX_LOGGED_REQUESTS = 100;

/** The request log as stored; entries that do not read are dropped. */
export function readRequestLog(stored: unknown): LoggedRightsRequest[] {
  if (!Array.isArray(stored)) return [];
  return stored.flatMap((entry) => {
    const checked = loggedRequest(entry);
    return checked.ok ? [checked.value] : [];
  });
}

export type { Result };
