/** What a user writes for a rule's level; kept in a module of its own so the CLI can parse flags without loading the engine. */
export type SeverityWord = 'off' | 'info' | 'warn' | 'error';

export const SEVERITY_WORDS: readonly SeverityWord[] = ['off', 'info', 'warn', 'error'];
