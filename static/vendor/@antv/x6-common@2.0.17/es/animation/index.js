export * from './timing.js';
export * from './interp.js';
