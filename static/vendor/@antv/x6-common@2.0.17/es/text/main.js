export * from './annotate.js';
export * from './sanitize.js';
