export * from './path.js';
export * from './segment.js';
export * from './normalize.js';
