/**
 * The one message vocabulary between the content script, the popup and the worker.
 * Every incoming message is validated here; who sent it is decided from the
 * browser-set `sender` fields by the router, never from the message itself.
 */
import type { DocumentCookieObservation, PageRecord, ResourceObservation } from '../core/model';
import { array, boolean, integer, literal, object, optional, string, tagged, type Result, type Validator } from './validate';

/** Long URLs are real (64 KB ones exist); longer than this is not a URL we keep. */
export const MAX_URL_LENGTH = 65_536;
/** A cookie is at most 4 KB by the standard; leave room for odd browsers. */
export const MAX_COOKIE_LENGTH = 8_192;
export const MAX_OBSERVATIONS_PER_MESSAGE = 500;

/** What a content script may report: only what it can see itself. */
export type PageObservation = ResourceObservation | DocumentCookieObservation;

export interface ObservationsMessage {
  type: 'observations';
  observations: PageObservation[];
}

export interface GetPageMessage {
  type: 'get-page';
  tabId: number;
}

export type ContentMessage = ObservationsMessage;
export type PopupMessage = GetPageMessage;

export interface GetPageResponse {
  /** The tab shows a SmartErgo page (PolicyLens only looks at those). */
  smartErgo: boolean;
  page: PageRecord | null;
}

const resourceObservation: Validator<ResourceObservation> = object<ResourceObservation>({
  source: literal('resource-timing'),
  url: string(MAX_URL_LENGTH),
  initiatorType: string(64),
  looksLikePixel: optional(boolean),
});

const documentCookieObservation: Validator<DocumentCookieObservation> = object<DocumentCookieObservation>({
  source: literal('document-cookie'),
  name: string(MAX_COOKIE_LENGTH),
  value: string(MAX_COOKIE_LENGTH),
});

const pageObservation: Validator<PageObservation> = tagged<PageObservation>('source', {
  'resource-timing': resourceObservation,
  'document-cookie': documentCookieObservation,
});

export const validateContentMessage: Validator<ContentMessage> = tagged<ContentMessage>('type', {
  observations: object<ObservationsMessage>({
    type: literal('observations'),
    observations: array(pageObservation, MAX_OBSERVATIONS_PER_MESSAGE),
  }),
});

export const validatePopupMessage: Validator<PopupMessage> = tagged<PopupMessage>('type', {
  'get-page': object<GetPageMessage>({
    type: literal('get-page'),
    tabId: integer(0, Number.MAX_SAFE_INTEGER),
  }),
});

export type { Result };
