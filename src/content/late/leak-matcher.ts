/**
 * Injected by the worker into a frame once the visitor has typed into a field the leak
 * matcher watches (content/late-modules.ts says why it is not in the content script):
 * the matcher and its hash functions, about a fifth of what the content script was (8.9 of 42.4 KB).
 */
import { createLeakMatcher } from '../../core/classify/leaks';
import { provideModule } from '../late-modules';

provideModule('leak-matcher', { createLeakMatcher });
