/**
 * Injected by the worker into a page whose consent watcher found an element that can be
 * a banner (content/collectors/consent-banner.ts): the DOM reader and the classifier.
 */
import { CONSENT_READER } from '../collectors/consent-reader';
import { provideModule } from '../late-modules';

provideModule('consent-reader', { reader: CONSENT_READER });
