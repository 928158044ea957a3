export * from './bbox.js';
export * from './rect.js';
export * from './boundary.js';
export * from './anchor.js';
