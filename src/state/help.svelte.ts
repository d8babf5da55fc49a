import type { PageId } from './url-state';
import type { GlossaryTerm } from '../ui/help/glossary';

/**
 * The glossary entry a "?" asked for, and the page it was asked from: the glossary page scrolls
 * to the entry and offers the way back. Not part of the URL (a link opens the glossary's top).
 */
export const helpRequest = $state<{ term: GlossaryTerm | null; from: PageId | null }>({
  term: null,
  from: null,
});
